// "Hội đồng thi đua": the council sessions the user can see across launched movements (members: only theirs), and
// for the signer and the office the decisions of those movements (drafts to sign, issued ones).
import { Card, Empty, Space, Table, Tag } from "antd";
import { Link } from "react-router-dom";
import { hasCapability, useMe } from "../../api/queries";
import { commendationPaths, type SessionSummary, useDecisionsOfPlans, useSessionsOfPlans } from "../../components/commendation/api";
import { usePlans } from "../../components/plan/api";
import { ErrorState, PageTitle } from "../../components/States";
import { formatDate } from "../../format";
import { t } from "../../i18n";
import { DecisionsCard } from "./DecisionsCard";

const STATUS_COLOR = { draft: "default", open: "processing", closed: "green" } as const;

export default function CouncilPage() {
  const { data: me } = useMe();
  const plans = usePlans();
  const launched = (plans.data ?? []).filter((p) => p.status !== "draft");
  const sessions = useSessionsOfPlans(launched.map((p) => p.id));
  const seesDecisions = hasCapability(me, "decision.sign") || hasCapability(me, "movement.manage");
  const decisions = useDecisionsOfPlans(
    launched.map((p) => p.id),
    seesDecisions,
  );
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;
  const rows: (SessionSummary & { planTitle: string })[] = launched.flatMap((p, i) => (sessions[i]?.data ?? []).map((s) => ({ ...s, planTitle: p.title })));
  const loading = plans.isPending || sessions.some((q) => q.isPending);
  const decisionRows = launched.flatMap((p, i) => (decisions[i]?.data ?? []).map((d) => ({ ...d, planTitle: p.title })));
  return (
    <>
      <PageTitle title={t("cm.council.title")} description={t("cm.council.description")} />
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Card>
          <SessionsTable rows={rows} loading={loading} showPlan />
        </Card>
        {seesDecisions ? <DecisionsCard rows={decisionRows} loading={plans.isPending || decisions.some((q) => q.isPending)} /> : null}
      </Space>
    </>
  );
}

export function SessionsTable({ rows, loading, showPlan }: { rows: (SessionSummary & { planTitle?: string })[]; loading: boolean; showPlan?: boolean }) {
  return (
    <Table
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      dataSource={rows}
      data-testid="council-sessions"
      locale={{ emptyText: <Empty description={t("cm.council.empty")} /> }}
      columns={[
        { title: t("cm.col.session"), dataIndex: "title", render: (v: string, s) => <Link to={commendationPaths.session(s.id)}>{v}</Link> },
        ...(showPlan ? [{ title: t("cm.col.plan"), dataIndex: "planTitle" }] : []),
        { title: t("cm.col.heldOn"), dataIndex: "heldOn", render: (v: string) => formatDate(v) },
        { title: t("cm.col.ballot"), dataIndex: "ballot", render: (v: string) => (v === "secret" ? t("cm.ballot.secret") : t("cm.ballot.open")) },
        {
          title: t("cm.col.status"),
          dataIndex: "status",
          render: (v: SessionSummary["status"], s) => <Tag color={STATUS_COLOR[v]}>{s.statusLabel}</Tag>,
        },
      ]}
    />
  );
}

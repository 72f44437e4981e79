// "Hội đồng thi đua": the council sessions the user can see across launched movements (members: only theirs).
import { Card, Empty, Table, Tag } from "antd";
import { Link } from "react-router-dom";
import { commendationPaths, type SessionSummary, useSessionsOfPlans } from "../../components/commendation/api";
import { usePlans } from "../../components/plan/api";
import { ErrorState, PageTitle } from "../../components/States";
import { formatDate } from "../../format";
import { t } from "../../i18n";

const STATUS_COLOR = { draft: "default", open: "processing", closed: "green" } as const;

export default function CouncilPage() {
  const plans = usePlans();
  const launched = (plans.data ?? []).filter((p) => p.status !== "draft");
  const sessions = useSessionsOfPlans(launched.map((p) => p.id));
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;
  const rows: (SessionSummary & { planTitle: string })[] = launched.flatMap((p, i) => (sessions[i]?.data ?? []).map((s) => ({ ...s, planTitle: p.title })));
  const loading = plans.isPending || sessions.some((q) => q.isPending);
  return (
    <>
      <PageTitle title={t("cm.council.title")} description={t("cm.council.description")} />
      <Card>
        <SessionsTable rows={rows} loading={loading} showPlan />
      </Card>
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

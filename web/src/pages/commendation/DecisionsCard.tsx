// The decisions of one movement or of several: award form (opening the decision), number, signing date and state.
import { Card, Table, Tag } from "antd";
import { Link } from "react-router-dom";
import type { Id } from "../../api/types";
import { commendationPaths, type DecisionSummary } from "../../components/commendation/api";
import { formatDate } from "../../format";
import { t } from "../../i18n";

export function DecisionsCard({ rows, loading, planId }: { rows: (DecisionSummary & { planTitle?: string })[]; loading: boolean; planId?: Id }) {
  return (
    <Card
      size="small"
      title={t("cm.decisions.title")}
      extra={planId ? <Link to={commendationPaths.honourRoll(planId)}>{t("cm.decision.honourRoll")}</Link> : null}
    >
      <Table<DecisionSummary & { planTitle?: string }>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={rows}
        data-testid="decisions"
        locale={{ emptyText: t("cm.decisions.empty") }}
        columns={[
          {
            title: t("cm.decision.awardForm"),
            dataIndex: "awardFormName",
            render: (v: string, d) => <Link to={commendationPaths.decision(d.id)}>{v}</Link>,
          },
          ...(rows.some((r) => r.planTitle) ? [{ title: t("cm.col.plan"), dataIndex: "planTitle" }] : []),
          { title: t("cm.decisions.number"), dataIndex: "numberLine" },
          { title: t("cm.draft.signedOn"), dataIndex: "signedOn", render: (v: string) => formatDate(v) },
          {
            title: t("cm.col.status"),
            dataIndex: "status",
            render: (v: string, d) => <Tag color={v === "issued" ? "green" : v === "cancelled" ? "default" : "gold"}>{d.statusLabel}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

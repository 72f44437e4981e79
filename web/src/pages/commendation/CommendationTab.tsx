// The office's "Khen thưởng" tab on a movement: council sessions of the plan, the nominations with their
// eligibility verdicts and dossier state, and the public honour roll.
import { Card, Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { commendationPaths, type NominationLite, useNominations, useSessions } from "../../components/commendation/api";
import type { PlanRecord } from "../../components/plan/model";
import { ErrorState } from "../../components/States";
import { t } from "../../i18n";
import { SessionsTable } from "./CouncilPage";

interface Nomination extends NominationLite {
  dossier?: { complete: boolean; missing: string[]; late?: boolean };
  eligibility?: { eligible: boolean | null; summary: string; reasons: { ruleId: string; ok: boolean | null; message: string }[] };
}

export function CommendationTab({ plan, active }: { plan: PlanRecord; active: boolean }) {
  const sessions = useSessions(plan.id, active);
  const nominations = useNominations(plan.id, active);
  if (sessions.isError) return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card size="small" title={t("cm.tab.sessions")} extra={<Link to={commendationPaths.honourRoll(plan.id)}>{t("cm.decision.honourRoll")}</Link>}>
        <SessionsTable rows={sessions.data ?? []} loading={sessions.isPending} />
      </Card>
      <Card size="small" title={t("cm.tab.nominations")}>
        {nominations.isError ? (
          <ErrorState error={nominations.error} onRetry={() => void nominations.refetch()} />
        ) : (
          <Table<Nomination>
            size="small"
            rowKey="id"
            loading={nominations.isPending}
            dataSource={(nominations.data ?? []) as Nomination[]}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="nominations"
            columns={[
              { title: t("cm.col.nominee"), dataIndex: "name" },
              { title: t("cm.col.awardForm"), dataIndex: "awardFormName" },
              { title: t("cm.col.status"), dataIndex: "statusLabel", render: (v: string) => <Tag>{v}</Tag> },
              {
                title: t("cm.col.dossier"),
                render: (_v, n) =>
                  n.dossier ? (
                    n.dossier.complete ? (
                      <Tag color="green">{t("cm.dossier.complete")}</Tag>
                    ) : (
                      <Typography.Text type="warning">{t("cm.dossier.missing", { list: n.dossier.missing.join(", ") })}</Typography.Text>
                    )
                  ) : null,
              },
              {
                title: t("cm.col.eligibility"),
                render: (_v, n) =>
                  n.eligibility ? (
                    <>
                      <Tag color={n.eligibility.eligible === true ? "green" : n.eligibility.eligible === false ? "red" : "default"}>
                        {n.eligibility.eligible === true ? t("cm.elig.yes") : n.eligibility.eligible === false ? t("cm.elig.no") : t("cm.elig.undecided")}
                      </Tag>
                      <div style={{ fontSize: 12 }}>
                        {n.eligibility.reasons
                          .filter((r) => r.ok !== true)
                          .map((r) => (
                            <div key={r.ruleId}>• {r.message}</div>
                          ))}
                      </div>
                    </>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

// The nominations of a movement: the office sees all of them, a unit those of its own collective and staff. Each row
// shows the dossier state and the eligibility verdict; a click opens the nomination; "Đề nghị khen thưởng" proposes.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { statusesOf, statusLabel } from "../../../../src/domain/lifecycle";
import { nominationLifecycle } from "../../../../src/domain/lifecycles/nomination";
import type { Id } from "../../api/types";
import { type Nomination, type NominationStatus, useNominations } from "../../components/commendation/api";
import type { PlanRecord } from "../../components/plan/model";
import { ErrorState } from "../../components/States";
import { t } from "../../i18n";
import { EligibilityTag, NOMINATION_STATUS_COLOR, NominationDrawer, useNominationRefresh } from "./NominationDrawer";
import { ProposeModal } from "./NominationModals";

export function NominationsCard({ plan, office, canPropose, active }: { plan: PlanRecord; office: boolean; canPropose: boolean; active: boolean }) {
  const nominations = useNominations(plan.id, active);
  const refresh = useNominationRefresh();
  const [openId, setOpenId] = useState<Id | null>(null);
  const [proposing, setProposing] = useState(false);
  const [formFilter, setFormFilter] = useState<string | null>(null);
  const [statusFilter, setStatusFilter] = useState<NominationStatus | null>(null);
  const rows = (nominations.data ?? []).filter((n) => (!formFilter || n.awardFormId === formFilter) && (!statusFilter || n.status === statusFilter));
  const launched = plan.status === "launched";

  const columns: ColumnsType<Nomination> = [
    {
      title: t("cm.col.nominee"),
      key: "name",
      render: (_: unknown, n) => (
        <div>
          <Button type="link" style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "left" }} onClick={() => setOpenId(n.id)}>
            {n.name}
          </Button>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {n.groupName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t("cm.col.awardForm"), dataIndex: "awardFormName" },
    ...(office ? [{ title: t("cm.nom.proposer"), dataIndex: "proposedByUnitName", width: 160 }] : []),
    {
      title: t("cm.col.status"),
      key: "status",
      width: 170,
      render: (_: unknown, n) => <Tag color={NOMINATION_STATUS_COLOR[n.status]}>{n.statusLabel}</Tag>,
    },
    {
      title: t("cm.col.dossier"),
      key: "dossier",
      width: 200,
      render: (_: unknown, n) => (
        <Space orientation="vertical" size={2}>
          {n.dossier.complete ? (
            <Tag color="green">{t("cm.dossier.complete")}</Tag>
          ) : (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t("cm.dossier.missing", { list: n.dossier.missing.join("; ") })}
            </Typography.Text>
          )}
          {n.dossier.late ? <Tag color="red">{t("cm.dossier.late")}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t("cm.col.eligibility"),
      key: "eligibility",
      render: (_: unknown, n) => (
        <>
          <EligibilityTag eligible={n.eligibility.eligible} />
          {n.eligibility.priority ? <Tag color="gold">{t("cm.elig.priority")}</Tag> : null}
          <div style={{ fontSize: 12 }}>
            {n.eligibility.reasons
              .filter((r) => r.ok === false && r.kind !== "priority")
              .map((r) => (
                <div key={r.ruleId}>• {r.message}</div>
              ))}
          </div>
        </>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t("cm.tab.nominations")}
      extra={
        <Space wrap>
          <Select
            allowClear
            size="small"
            style={{ width: 220 }}
            placeholder={t("cm.col.awardForm")}
            value={formFilter}
            onChange={(v) => setFormFilter(v ?? null)}
            options={plan.data.awardForms.map((f) => ({ value: f.id, label: f.name }))}
            aria-label={t("cm.nom.filterForm")}
          />
          <Select
            allowClear
            size="small"
            style={{ width: 200 }}
            placeholder={t("cm.col.status")}
            value={statusFilter}
            onChange={(v) => setStatusFilter(v ?? null)}
            options={statusesOf(nominationLifecycle).map((s) => ({ value: s, label: statusLabel(nominationLifecycle, s) }))}
            aria-label={t("cm.nom.filterStatus")}
          />
          {canPropose && launched ? (
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setProposing(true)}>
              {t("cm.nom.propose")}
            </Button>
          ) : null}
        </Space>
      }
    >
      {nominations.isError ? (
        <ErrorState error={nominations.error} onRetry={() => void nominations.refetch()} />
      ) : (
        <Table<Nomination>
          size="small"
          rowKey="id"
          loading={nominations.isPending}
          dataSource={rows}
          columns={columns}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          locale={{ emptyText: t("cm.nom.empty") }}
          data-testid="nominations"
        />
      )}
      {proposing ? (
        <ProposeModal
          plan={plan}
          onClose={() => setProposing(false)}
          onCreated={(n) => {
            setProposing(false);
            refresh(n);
            setOpenId(n.id);
          }}
        />
      ) : null}
      <NominationDrawer id={openId} plan={plan} office={office} canPropose={canPropose} onClose={() => setOpenId(null)} />
    </Card>
  );
}

// "Hồ sơ thi đua": the participants of the user's own unit (the unit itself and, in individual groups, its staff).
import { Input, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import type { Id } from "../../api/types";
import { movementPaths, useParticipants } from "../../components/movement/api";
import type { Participant } from "../../components/movement/types";
import type { PlanRecord } from "../../components/plan/model";
import { ErrorState } from "../../components/States";
import { formatDate, includesVi } from "../../format";
import { t } from "../../i18n";

/** The participant's name (linking to its dossier) over its group, as both participant tables show it. */
export function participantColumn(planId: Id): ColumnsType<Participant>[number] {
  return {
    title: t("mv.col.participant"),
    key: "name",
    render: (_: unknown, p: Participant) => (
      <div>
        <Link to={movementPaths.participant(planId, p.id)}>{p.name}</Link>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.groupName}
          </Typography.Text>
        </div>
      </div>
    ),
  };
}

export function RegistrationTag({ p }: { p: Pick<Participant, "registered" | "registeredAt" | "reopenedUntil"> }) {
  return (
    <Space size={4} wrap>
      {p.registered ? (
        <Tag color="green">{t("mv.reg.registeredOn", { date: formatDate(p.registeredAt) })}</Tag>
      ) : (
        <Tag color="default">{t("mv.reg.notRegistered")}</Tag>
      )}
      {p.reopenedUntil ? <Tag color="purple">{t("mv.reg.reopenedUntil", { date: formatDate(p.reopenedUntil) })}</Tag> : null}
    </Space>
  );
}

export function MyParticipantsTab({ plan }: { plan: PlanRecord }) {
  const [group, setGroup] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const { data, isPending, isError, error, refetch } = useParticipants(plan.id, group);
  const rows = useMemo(() => (data ?? []).filter((p) => !search.trim() || includesVi(p.name, search)), [data, search]);

  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const columns: ColumnsType<Participant> = [
    participantColumn(plan.id),
    { title: t("mv.col.registration"), key: "reg", width: 220, render: (_: unknown, p) => <RegistrationTag p={p} /> },
    {
      title: t("common.actions"),
      key: "actions",
      width: 260,
      render: (_: unknown, p) => (
        <Space wrap size={12}>
          <Link to={movementPaths.participant(plan.id, p.id)}>{t("mv.open.dossier")}</Link>
          <Link to={movementPaths.participant(plan.id, p.id, "tu-cham")}>{t("mv.open.selfAssessment")}</Link>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t("mv.mine.help")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          value={group}
          onChange={(v) => setGroup(v ?? null)}
          placeholder={t("mv.filter.allGroups")}
          aria-label={t("mv.filter.group")}
          style={{ width: 320, maxWidth: "100%" }}
          options={plan.data.groups.map((g) => ({ value: g.id, label: g.name }))}
        />
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t("mv.filter.search")}
          aria-label={t("mv.filter.search")}
          style={{ width: 260 }}
        />
      </Space>
      <Table<Participant>
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 680 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t("mv.mine.empty") }}
        data-testid="my-participants"
      />
    </>
  );
}

// Office: the participants of the movement ("Lập danh sách đối tượng" from the plan's groups), their registration
// state, and reopening registration for one of them.
import { SyncOutlined, UnlockOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { http } from "../../../api/client";
import { useApiError } from "../../../api/useApiError";
import { movementKeys, movementPaths, useParticipants } from "../../../components/movement/api";
import type { Participant } from "../../../components/movement/types";
import type { PlanRecord } from "../../../components/plan/model";
import { ErrorState } from "../../../components/States";
import { DATE_FORMAT, formatDate, formatNumber, includesVi, toApiDate } from "../../../format";
import { t } from "../../../i18n";
import { participantColumn, RegistrationTag } from "../MyParticipantsTab";

export function ParticipantsTab({ plan }: { plan: PlanRecord }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [group, setGroup] = useState<string | null>(null);
  const [registered, setRegistered] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [syncing, setSyncing] = useState(false);
  const [reopening, setReopening] = useState<Participant | null>(null);
  const { data, isPending, isError, error, refetch } = useParticipants(plan.id, group);
  const registrationDue = plan.data.milestones.find((m) => m.kind === "registration")?.due ?? null;

  const rows = useMemo(
    () =>
      (data ?? []).filter(
        (p) => (!search.trim() || includesVi(p.name, search)) && (registered === null || (registered === "yes" ? p.registered : !p.registered)),
      ),
    [data, search, registered],
  );

  const sync = async () => {
    setSyncing(true);
    try {
      const r = await http.post<{ added: number; total: number }>(`/api/plans/${plan.id}/participants/sync`);
      message.success(t("mv.sync.done", { added: r.added, total: r.total }));
      await queryClient.invalidateQueries({ queryKey: movementKeys.participantsOf(plan.id) });
    } catch (err) {
      showError(err);
    } finally {
      setSyncing(false);
    }
  };

  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const columns: ColumnsType<Participant> = [
    participantColumn(plan.id),
    { title: t("mv.col.registration"), key: "reg", width: 240, render: (_: unknown, p) => <RegistrationTag p={p} /> },
    {
      title: t("common.actions"),
      key: "actions",
      width: 330,
      render: (_: unknown, p) => (
        <Space wrap size={4}>
          <Link to={movementPaths.participant(plan.id, p.id)}>{t("mv.open.dossier")}</Link>
          <Button type="link" size="small" onClick={() => setReopening(p)} icon={<UnlockOutlined />}>
            {t("mv.reopen.open")}
          </Button>
          <Link to={movementPaths.appraisal(plan.id, p.id)}>{t("mv.open.appraisal")}</Link>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }}>
        <Space wrap>
          <Select
            allowClear
            value={group}
            onChange={(v) => setGroup(v ?? null)}
            placeholder={t("mv.filter.allGroups")}
            aria-label={t("mv.filter.group")}
            style={{ width: 320, maxWidth: "100%" }}
            options={plan.data.groups.map((g) => ({ value: g.id, label: g.name }))}
            data-testid="participants-group"
          />
          <Select
            allowClear
            value={registered}
            onChange={(v) => setRegistered(v ?? null)}
            placeholder={t("mv.filter.anyRegistration")}
            aria-label={t("mv.col.registration")}
            style={{ width: 200 }}
            options={[
              { value: "yes", label: t("mv.filter.registered") },
              { value: "no", label: t("mv.filter.notRegistered") },
            ]}
          />
          <Input.Search
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("mv.filter.search")}
            aria-label={t("mv.filter.search")}
            style={{ width: 240 }}
          />
        </Space>
        <Button type="primary" icon={<SyncOutlined />} loading={syncing} onClick={() => void sync()}>
          {t("mv.sync.button")}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        {t("mv.participants.summary", {
          total: data?.length ?? 0,
          registered: (data ?? []).filter((p) => p.registered).length,
          due: registrationDue ? formatDate(registrationDue) : "—",
        })}
      </Typography.Paragraph>
      <Table<Participant>
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => t("mv.totalRows", { n: formatNumber(n) }) }}
        locale={{ emptyText: t("mv.participants.empty") }}
        data-testid="participants-table"
      />
      {reopening ? <ReopenModal participant={reopening} onClose={() => setReopening(null)} /> : null}
    </>
  );
}

export function ReopenModal({ participant, onClose }: { participant: Pick<Participant, "id" | "name" | "planId">; onClose: () => void }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ until: Dayjs }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const { until } = await form.validateFields();
    setSaving(true);
    try {
      await http.post(`/api/participants/${participant.id}/reopen-registration`, { until: toApiDate(until) });
      message.success(t("mv.reopen.done", { name: participant.name, date: until.format(DATE_FORMAT) }));
      await queryClient.invalidateQueries({ queryKey: movementKeys.participantsOf(participant.planId) });
      await queryClient.invalidateQueries({ queryKey: ["movement", "monitoring", participant.planId] });
      onClose();
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t("mv.reopen.title", { name: participant.name })}
      okText={t("mv.reopen.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t("mv.reopen.help")}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="reopen-form">
        <Form.Item label={t("mv.reopen.until")} name="until" rules={[{ required: true, message: t("mv.reopen.untilRequired") }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} placeholder={t("common.datePlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

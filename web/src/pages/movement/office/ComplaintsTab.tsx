// Office: complaints and feedback (PAKN) about units in the movement, recorded and verified. Substantiated
// complaints tied to the plan count against the unit in the scoring.
import { CheckOutlined, CloseOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { http } from "../../../api/client";
import type { Page } from "../../../api/types";
import { useApiError } from "../../../api/useApiError";
import { movementKeys } from "../../../components/movement/api";
import type { Complaint } from "../../../components/movement/types";
import type { PlanRecord } from "../../../components/plan/model";
import { ErrorState } from "../../../components/States";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { DATE_FORMAT, formatDate, formatNumber, toApiDate } from "../../../format";
import { t } from "../../../i18n";

const PAGE_SIZE = 20;
const statusColor = (s: boolean | null) => (s === true ? "red" : s === false ? "green" : "gold");

export function ComplaintsTab({ plan, active }: { plan: PlanRecord; active: boolean }) {
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState(false);
  const [busy, setBusy] = useState<number | null>(null);
  const { data, isPending, isError, error, refetch } = useQuery({
    queryKey: [...movementKeys.complaints(plan.id, status), page],
    queryFn: () => http.get<Page<Complaint>>("/api/complaints", { planId: plan.id, status: status ?? undefined, page, pageSize: PAGE_SIZE }),
    enabled: active,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ["movement", "complaints", plan.id] });

  const verify = async (c: Complaint, substantiated: boolean) => {
    setBusy(c.id);
    try {
      await http.patch(`/api/complaints/${c.id}/verify`, { version: c.version, substantiated });
      await reload();
    } catch (err) {
      showError(err, { onConflict: () => void reload() });
    } finally {
      setBusy(null);
    }
  };

  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const columns: ColumnsType<Complaint> = [
    { title: t("mv.pakn.receivedOn"), dataIndex: "receivedOn", width: 120, render: (v: string) => formatDate(v) },
    { title: t("mv.pakn.unit"), dataIndex: "unitName", width: 200 },
    {
      title: t("mv.pakn.content"),
      key: "content",
      render: (_: unknown, c) => (
        <div>
          <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: t("mv.more") }}>
            {c.content}
          </Typography.Paragraph>
          {c.channel ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("mv.pakn.via", { channel: c.channel })}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    { title: t("mv.pakn.status"), key: "status", width: 150, render: (_: unknown, c) => <Tag color={statusColor(c.substantiated)}>{c.statusLabel}</Tag> },
    {
      title: t("mv.pakn.verify"),
      key: "verify",
      width: 230,
      render: (_: unknown, c) => (
        <Space wrap size={4}>
          <Popconfirm title={t("mv.pakn.confirmTrue")} okText={t("common.yes")} cancelText={t("common.cancel")} onConfirm={() => verify(c, true)}>
            <Button
              size="small"
              danger={c.substantiated !== true}
              type={c.substantiated === true ? "primary" : "default"}
              icon={<CheckOutlined />}
              loading={busy === c.id}
            >
              {t("mv.pakn.true")}
            </Button>
          </Popconfirm>
          <Button
            size="small"
            type={c.substantiated === false ? "primary" : "default"}
            icon={<CloseOutlined />}
            loading={busy === c.id}
            onClick={() => void verify(c, false)}
          >
            {t("mv.pakn.false")}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }}>
        <Select
          allowClear
          value={status}
          onChange={(v) => {
            setStatus(v ?? null);
            setPage(1);
          }}
          placeholder={t("mv.pakn.allStatuses")}
          aria-label={t("mv.pakn.status")}
          style={{ width: 220 }}
          options={[
            { value: "pending", label: t("mv.pakn.pending") },
            { value: "substantiated", label: t("mv.pakn.substantiated") },
            { value: "unsubstantiated", label: t("mv.pakn.unsubstantiated") },
          ]}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
          {t("mv.pakn.record")}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t("mv.pakn.help")}</Typography.Paragraph>
      <Table<Complaint>
        rowKey="id"
        size="middle"
        loading={isPending && active}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (n) => t("mv.totalRows", { n: formatNumber(n) }),
        }}
        locale={{ emptyText: t("mv.pakn.empty") }}
        data-testid="complaints-table"
      />
      {recording ? <RecordModal plan={plan} onClose={() => setRecording(false)} onDone={() => void reload()} /> : null}
    </>
  );
}

interface RecordForm {
  unitId: number;
  receivedOn: Dayjs;
  content: string;
  channel?: string;
}

function RecordModal({ plan, onClose, onDone }: { plan: PlanRecord; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<RecordForm>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await http.post("/api/complaints", {
        unitId: v.unitId,
        planId: plan.id,
        receivedOn: toApiDate(v.receivedOn),
        content: v.content.trim(),
        channel: v.channel?.trim() || undefined,
      });
      message.success(t("mv.pakn.recorded"));
      onDone();
      onClose();
    } catch (err) {
      showError(err, { form });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t("mv.pakn.record")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="complaint-form" initialValues={{ receivedOn: dayjs() }}>
        <Form.Item label={t("mv.pakn.unit")} name="unitId" rules={[{ required: true, message: t("mv.pakn.unitRequired") }]}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item label={t("mv.pakn.receivedOn")} name="receivedOn" rules={[{ required: true, message: t("mv.pakn.dateRequired") }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
        <Form.Item label={t("mv.pakn.content")} name="content" rules={[{ required: true, whitespace: true, message: t("mv.pakn.contentRequired") }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={10000} />
        </Form.Item>
        <Form.Item label={t("mv.pakn.channel")} name="channel">
          <Input maxLength={200} placeholder={t("mv.pakn.channelPlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

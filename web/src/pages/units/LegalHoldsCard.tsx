// Office: cases that bar commendation while under way (Decree 98/2023 art. 4) about a unit or its people —
// recorded, edited, closed with an end date, or deleted when recorded by mistake.
import { CheckCircleOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { Id } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import { HOLD_KINDS, type HoldKind, type LegalHold, useHoldActions, useUnitHolds, useUnitPeople } from "../../components/holds/api";
import { ErrorState } from "../../components/States";
import { DATE_FORMAT, formatDate, formatDateTime, parseApiDate, toApiDate } from "../../format";
import { type MessageKey, t } from "../../i18n";

const KIND_KEY: Record<HoldKind, MessageKey> = {
  discipline: "hold.kind.discipline",
  investigation: "hold.kind.investigation",
  complaint: "hold.kind.complaint",
};
const KIND_COLOR: Record<HoldKind, string> = { discipline: "volcano", investigation: "purple", complaint: "gold" };
const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), "day");

type Dialog = { mode: "create" } | { mode: "edit"; hold: LegalHold } | { mode: "close"; hold: LegalHold } | null;

export function LegalHoldsCard({ unitId, unitName }: { unitId: Id; unitName: string }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const actions = useHoldActions();
  const { data, isPending, isError, error, refetch } = useUnitHolds(unitId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<Id | null>(null);

  const remove = async (hold: LegalHold) => {
    setBusy(hold.id);
    try {
      await actions.remove(hold);
      message.success(t("hold.deleted"));
    } catch (err) {
      showError(err, { onConflict: () => void actions.invalidate() });
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<LegalHold> = [
    { title: t("hold.col.kind"), dataIndex: "kind", width: 170, render: (k: HoldKind) => <Tag color={KIND_COLOR[k]}>{t(KIND_KEY[k])}</Tag> },
    {
      title: t("hold.col.subject"),
      key: "subject",
      width: 170,
      render: (_: unknown, h) => (h.personName ? h.personName : <Tag>{t("hold.collective")}</Tag>),
    },
    {
      title: t("hold.col.status"),
      dataIndex: "status",
      width: 120,
      render: (s: LegalHold["status"]) => <Tag color={s === "open" ? "red" : "green"}>{s === "open" ? t("hold.status.open") : t("hold.status.closed")}</Tag>,
    },
    { title: t("hold.col.since"), dataIndex: "startedOn", width: 110, render: (v: string) => formatDate(v) },
    { title: t("hold.col.until"), dataIndex: "endedOn", width: 110, render: (v: string | null) => (v ? formatDate(v) : "—") },
    { title: t("hold.col.reference"), dataIndex: "reference", width: 180, render: (v: string | null) => v ?? "—" },
    {
      title: t("hold.col.note"),
      dataIndex: "note",
      width: 220,
      render: (v: string | null, h) => (
        <Tooltip title={t("hold.recordedBy", { name: h.createdByName ?? "—", at: formatDateTime(h.createdAt) })}>
          <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: t("hold.more") }}>
            {v ?? "—"}
          </Typography.Paragraph>
        </Tooltip>
      ),
    },
    {
      title: t("hold.col.actions"),
      key: "actions",
      width: 130,
      fixed: "right",
      render: (_: unknown, h) => (
        <Space orientation="vertical" size={4}>
          <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ mode: "edit", hold: h })}>
            {t("hold.edit")}
          </Button>
          {h.endedOn === null ? (
            <Button size="small" icon={<CheckCircleOutlined />} onClick={() => setDialog({ mode: "close", hold: h })}>
              {t("hold.close")}
            </Button>
          ) : null}
          <Popconfirm
            title={t("hold.deleteConfirmTitle")}
            description={t("hold.deleteConfirm")}
            okText={t("hold.delete")}
            okButtonProps={{ danger: true }}
            cancelText={t("hold.cancel")}
            onConfirm={() => remove(h)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} loading={busy === h.id}>
              {t("hold.delete")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t("hold.title")} styles={{ title: { whiteSpace: "normal" } }} data-testid="legal-holds-card">
      <Typography.Paragraph type="secondary">{t("hold.help")}</Typography.Paragraph>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: "create" })} style={{ marginBottom: 12 }}>
        {t("hold.add")}
      </Button>
      {isError ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<LegalHold>
          rowKey="id"
          size="small"
          loading={isPending}
          dataSource={data?.items ?? []}
          columns={columns}
          scroll={{ x: 1230 }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t("hold.empty") }}
          data-testid="legal-holds-table"
        />
      )}
      {dialog?.mode === "create" || dialog?.mode === "edit" ? (
        <HoldFormModal unitId={unitId} unitName={unitName} hold={dialog.mode === "edit" ? dialog.hold : null} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.mode === "close" ? <CloseHoldModal hold={dialog.hold} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}

interface HoldForm {
  kind: HoldKind;
  personId?: Id | null;
  startedOn: Dayjs;
  endedOn?: Dayjs | null;
  reference?: string;
  note?: string;
}

function HoldFormModal({ unitId, unitName, hold, onClose }: { unitId: Id; unitName: string; hold: LegalHold | null; onClose: () => void }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const actions = useHoldActions();
  const people = useUnitPeople(unitId, true);
  const [form] = Form.useForm<HoldForm>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    const input = {
      kind: v.kind,
      unitId,
      personId: v.personId ?? null,
      startedOn: toApiDate(v.startedOn) as string,
      endedOn: toApiDate(v.endedOn ?? null),
      reference: v.reference?.trim() || null,
      note: v.note?.trim() || null,
    };
    setSaving(true);
    try {
      if (hold) {
        await actions.update(hold, input);
        message.success(t("hold.saved"));
      } else {
        await actions.create(input);
        message.success(t("hold.created"));
      }
      onClose();
    } catch (err) {
      showError(err, { form, onConflict: () => void actions.invalidate().then(onClose) });
    } finally {
      setSaving(false);
    }
  };
  const personOptions = (people.data ?? []).map((p) => ({ value: p.id, label: p.position ? `${p.fullName} – ${p.position}` : p.fullName }));
  // A case about someone who has since left the unit still shows their name.
  if (hold?.personId && hold.personName && !personOptions.some((o) => o.value === hold.personId)) {
    personOptions.push({ value: hold.personId, label: hold.personName });
  }
  return (
    <Modal
      open
      title={hold ? t("hold.modal.edit") : t("hold.modal.create", { unit: unitName })}
      okText={t("hold.save")}
      cancelText={t("hold.cancel")}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        name="legal-hold-form"
        initialValues={
          hold
            ? {
                kind: hold.kind,
                personId: hold.personId,
                startedOn: parseApiDate(hold.startedOn),
                endedOn: parseApiDate(hold.endedOn),
                reference: hold.reference ?? "",
                note: hold.note ?? "",
              }
            : { startedOn: dayjs(), personId: null }
        }
      >
        <Form.Item label={t("hold.field.kind")} name="kind" rules={[{ required: true, message: t("hold.required.kind") }]}>
          <Select aria-label={t("hold.field.kind")} options={HOLD_KINDS.map((k) => ({ value: k, label: t(KIND_KEY[k]) }))} />
        </Form.Item>
        <Form.Item label={t("hold.field.person")} name="personId" extra={t("hold.field.personHelp")}>
          <Select
            aria-label={t("hold.field.person")}
            allowClear
            placeholder={t("hold.collective")}
            loading={people.isPending}
            showSearch={{ optionFilterProp: "label" }}
            options={personOptions}
          />
        </Form.Item>
        <Space size={16} style={{ display: "flex" }} align="start">
          <Form.Item label={t("hold.field.startedOn")} name="startedOn" rules={[{ required: true, message: t("hold.required.startedOn") }]}>
            <DatePicker format={DATE_FORMAT} placeholder={t("hold.datePlaceholder")} disabledDate={notAfterToday} aria-label={t("hold.field.startedOn")} />
          </Form.Item>
          <Form.Item
            label={t("hold.field.endedOn")}
            name="endedOn"
            extra={t("hold.field.endedOnHelp")}
            dependencies={["startedOn"]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const start: Dayjs | undefined = getFieldValue("startedOn");
                  if (value && start && value.isBefore(start, "day")) return Promise.reject(new Error(t("hold.invalid.endedBeforeStarted")));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format={DATE_FORMAT} placeholder={t("hold.datePlaceholder")} disabledDate={notAfterToday} aria-label={t("hold.field.endedOn")} />
          </Form.Item>
        </Space>
        <Form.Item label={t("hold.field.reference")} name="reference" rules={[{ max: 300, message: t("hold.invalid.referenceLong") }]}>
          <Input maxLength={300} placeholder={t("hold.field.referencePlaceholder")} />
        </Form.Item>
        <Form.Item label={t("hold.field.note")} name="note" rules={[{ max: 5000, message: t("hold.invalid.noteLong") }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CloseHoldModal({ hold, onClose }: { hold: LegalHold; onClose: () => void }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const actions = useHoldActions();
  const [form] = Form.useForm<{ endedOn: Dayjs }>();
  const [saving, setSaving] = useState(false);
  const start = parseApiDate(hold.startedOn);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await actions.update(hold, { endedOn: toApiDate(v.endedOn) });
      message.success(t("hold.closedMessage"));
      onClose();
    } catch (err) {
      showError(err, { form, onConflict: () => void actions.invalidate().then(onClose) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t("hold.modal.close")}
      okText={t("hold.close")}
      cancelText={t("hold.cancel")}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t("hold.closeConfirm", { kind: t(KIND_KEY[hold.kind]), subject: hold.personName ?? hold.unitName, since: formatDate(hold.startedOn) })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="legal-hold-close" initialValues={{ endedOn: dayjs() }}>
        <Form.Item
          label={t("hold.field.endedOn")}
          name="endedOn"
          rules={[
            { required: true, message: t("hold.required.endedOn") },
            {
              validator: (_, value: Dayjs | null | undefined) =>
                value && start && value.isBefore(start, "day") ? Promise.reject(new Error(t("hold.invalid.endedBeforeStarted"))) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t("hold.datePlaceholder")}
            disabledDate={(d) => notAfterToday(d) || (start ? d.isBefore(start, "day") : false)}
            aria-label={t("hold.field.endedOn")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

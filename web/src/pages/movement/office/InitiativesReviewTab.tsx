// Office: initiatives submitted in the movement, and their review (recognised with level, date and decision
// number, or rejected). Only recognised initiatives count as a fact in the scoring.
import { AuditOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, Switch, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { http } from "../../../api/client";
import type { ItemList } from "../../../api/types";
import { useApiError } from "../../../api/useApiError";
import { movementKeys } from "../../../components/movement/api";
import { FileLink } from "../../../components/movement/parts";
import { INITIATIVE_LEVELS, type Initiative, type InitiativeLevel } from "../../../components/movement/types";
import type { PlanRecord } from "../../../components/plan/model";
import { ErrorState } from "../../../components/States";
import { DATE_FORMAT, formatDate, parseApiDate, toApiDate } from "../../../format";
import { t } from "../../../i18n";

export const initiativeColor = (s: string) => (s === "recognised" ? "green" : s === "rejected" ? "red" : "blue");

export function InitiativeDetails({ i }: { i: Initiative }) {
  return (
    <div>
      <Typography.Text strong>{i.title}</Typography.Text>
      {i.description ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2, expandable: true, symbol: t("mv.more") }}>
          {i.description}
        </Typography.Paragraph>
      ) : null}
      {i.files.length ? (
        <Space orientation="vertical" size={0}>
          {i.files.map((f) => (
            <FileLink key={f.id} file={f} />
          ))}
        </Space>
      ) : null}
    </div>
  );
}

export function InitiativeStatus({ i }: { i: Initiative }) {
  return (
    <Space orientation="vertical" size={2}>
      <Tag color={initiativeColor(i.status)}>{i.statusLabel}</Tag>
      {i.status === "recognised" ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("mv.ini.decision", { level: i.levelLabel ?? "", no: i.decisionNo ?? "", date: formatDate(i.recognisedOn) })}
          {i.appliedEffectively ? ` · ${t("mv.ini.applied")}` : ""}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

export function InitiativesReviewTab({ plan, active }: { plan: PlanRecord; active: boolean }) {
  const [status, setStatus] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState<Initiative | null>(null);
  const { data, isPending, isError, error, refetch } = useQuery({
    queryKey: movementKeys.planInitiatives(plan.id, status),
    queryFn: () => http.get<ItemList<Initiative>>(`/api/plans/${plan.id}/initiatives`, { status: status ?? undefined }).then((r) => r.items),
    enabled: active,
  });
  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const columns: ColumnsType<Initiative> = [
    { title: t("mv.ini.title"), key: "title", render: (_: unknown, i) => <InitiativeDetails i={i} /> },
    { title: t("mv.col.participant"), dataIndex: "participantName", width: 200 },
    { title: t("mv.ini.submittedAt"), dataIndex: "createdAt", width: 120, render: (v: string) => formatDate(v) },
    { title: t("mv.ini.status"), key: "status", width: 240, render: (_: unknown, i) => <InitiativeStatus i={i} /> },
    {
      title: t("common.actions"),
      key: "actions",
      width: 120,
      render: (_: unknown, i) => (
        <Button size="small" icon={<AuditOutlined />} onClick={() => setReviewing(i)}>
          {i.status === "submitted" ? t("mv.ini.review") : t("mv.ini.changeReview")}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          value={status}
          onChange={(v) => setStatus(v ?? null)}
          placeholder={t("mv.ini.allStatuses")}
          aria-label={t("mv.ini.status")}
          style={{ width: 220 }}
          options={[
            { value: "submitted", label: t("mv.ini.status.submitted") },
            { value: "recognised", label: t("mv.ini.status.recognised") },
            { value: "rejected", label: t("mv.ini.status.rejected") },
          ]}
        />
      </Space>
      <Table<Initiative>
        rowKey="id"
        size="middle"
        loading={isPending && active}
        dataSource={data ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t("mv.ini.emptyPlan") }}
        data-testid="initiatives-table"
      />
      {reviewing ? <ReviewModal initiative={reviewing} onClose={() => setReviewing(null)} /> : null}
    </>
  );
}

interface ReviewForm {
  status: "recognised" | "rejected";
  level?: InitiativeLevel;
  recognisedOn?: Dayjs;
  decisionNo?: string;
  appliedEffectively?: boolean;
}

function ReviewModal({ initiative, onClose }: { initiative: Initiative; onClose: () => void }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReviewForm>();
  const [saving, setSaving] = useState(false);
  const decision = Form.useWatch("status", form);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await http.patch(`/api/initiatives/${initiative.id}/review`, {
        version: initiative.version,
        status: v.status,
        ...(v.status === "recognised"
          ? {
              level: v.level ?? null,
              recognisedOn: toApiDate(v.recognisedOn),
              decisionNo: v.decisionNo?.trim() ?? "",
              appliedEffectively: !!v.appliedEffectively,
            }
          : {}),
      });
      message.success(v.status === "recognised" ? t("mv.ini.recognisedDone") : t("mv.ini.rejectedDone"));
      await queryClient.invalidateQueries({ queryKey: ["movement", "plan-initiatives", initiative.planId] });
      await queryClient.invalidateQueries({ queryKey: movementKeys.participantInitiatives(initiative.participantId) });
      onClose();
    } catch (err) {
      showError(err, {
        form,
        onConflict: () => {
          void queryClient.invalidateQueries({ queryKey: ["movement", "plan-initiatives", initiative.planId] });
          onClose();
        },
      });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t("mv.ini.reviewTitle", { title: initiative.title })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{initiative.participantName}</Typography.Paragraph>
      <Form<ReviewForm>
        form={form}
        layout="vertical"
        name="review-form"
        initialValues={{
          status: initiative.status === "rejected" ? "rejected" : "recognised",
          level: initiative.level ?? undefined,
          recognisedOn: parseApiDate(initiative.recognisedOn) ?? undefined,
          decisionNo: initiative.decisionNo ?? undefined,
          appliedEffectively: initiative.appliedEffectively,
        }}
      >
        <Form.Item label={t("mv.ini.result")} name="status" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: "recognised", label: t("mv.ini.recognise") },
              { value: "rejected", label: t("mv.ini.reject") },
            ]}
          />
        </Form.Item>
        {decision !== "rejected" ? (
          <>
            <Form.Item label={t("mv.ini.level")} name="level" rules={[{ required: true, message: t("mv.ini.levelRequired") }]}>
              <Select options={INITIATIVE_LEVELS.map((l) => ({ value: l, label: t(`mv.ini.level.${l}`) }))} />
            </Form.Item>
            <Form.Item label={t("mv.ini.recognisedOn")} name="recognisedOn" rules={[{ required: true, message: t("mv.ini.dateRequired") }]}>
              <DatePicker
                format={DATE_FORMAT}
                style={{ width: "100%" }}
                placeholder={t("common.datePlaceholder")}
                disabledDate={(d) => d.isAfter(dayjs(), "day")}
              />
            </Form.Item>
            <Form.Item label={t("mv.ini.decisionNo")} name="decisionNo" rules={[{ required: true, whitespace: true, message: t("mv.ini.decisionRequired") }]}>
              <Input maxLength={100} placeholder="123/QĐ-UBND" />
            </Form.Item>
            <Form.Item label={t("mv.ini.applied")} name="appliedEffectively" valuePropName="checked">
              <Switch checkedChildren={t("common.yes")} unCheckedChildren={t("common.no")} />
            </Form.Item>
          </>
        ) : (
          <Typography.Paragraph type="secondary">{t("mv.ini.rejectHelp")}</Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}

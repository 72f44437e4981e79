// Office: who appraises which participant (all, or one) and which criterion (all, or one).
// Appraisers are picked from GET /api/users when the office may list accounts; otherwise by account number.
import { PlusOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Select, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { http, isApiError } from "../../../api/client";
import { queryKeys } from "../../../api/queries";
import type { ItemList, User } from "../../../api/types";
import { useApiError } from "../../../api/useApiError";
import { criterionLabel, leavesOf, movementKeys, movementPaths, useAssignments, useParticipants } from "../../../components/movement/api";
import type { Assignment } from "../../../components/movement/types";
import type { PlanRecord } from "../../../components/plan/model";
import { ErrorState } from "../../../components/States";
import { compareVi } from "../../../format";
import { t } from "../../../i18n";

interface AssignForm {
  userId: number;
  participantId?: number | null;
  criterionId?: string | null;
}

const APPRAISING_ROLES = new Set(["appraiser", "office", "admin"]);

export function AssignmentsTab({ plan, active }: { plan: PlanRecord; active: boolean }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AssignForm>();
  const [saving, setSaving] = useState(false);
  const [typed, setTyped] = useState<number | null>(null);
  const assignments = useAssignments(plan.id, active);
  const participants = useParticipants(plan.id, null, active);
  const users = useQuery({
    queryKey: [...queryKeys.users, "appraisers"],
    queryFn: () => http.get<ItemList<User>>("/api/users").then((r) => r.items),
    enabled: active,
    retry: false,
  });
  const usersForbidden = isApiError(users.error) && users.error.status === 403;

  const participantName = useMemo(() => new Map((participants.data ?? []).map((p) => [p.id, p.name])), [participants.data]);
  const userOptions = useMemo(() => {
    const map = new Map<number, string>();
    for (const u of users.data ?? []) {
      if (u.active && u.roles.some((r) => APPRAISING_ROLES.has(r.role))) {
        map.set(u.id, `${u.fullName} (${u.username}) — ${u.roles.map((r) => r.roleLabel).join(", ")}`);
      }
    }
    // People already assigned stay pickable even when the account list cannot be read.
    for (const a of assignments.data ?? []) if (!map.has(a.userId)) map.set(a.userId, a.userName);
    return [...map.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => compareVi(a.label, b.label));
  }, [users.data, assignments.data]);
  const criterionOptions = useMemo(() => {
    const out: { label: string; options: { value: string; label: string }[] }[] = [];
    for (const g of plan.data.groups) {
      out.push({ label: g.name, options: leavesOf(g.criteria).map((c) => ({ value: c.id, label: `${c.code ? `${c.code}. ` : ""}${c.title}` })) });
    }
    return out;
  }, [plan.data.groups]);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await http.post(`/api/plans/${plan.id}/assignments`, {
        userId: values.userId,
        participantId: values.participantId ?? null,
        criterionId: values.criterionId ?? null,
      });
      message.success(t("mv.assign.done"));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: movementKeys.assignments(plan.id) });
    } catch (err) {
      showError(err, { form });
    } finally {
      setSaving(false);
    }
  };

  if (assignments.isError) return <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />;
  const columns: ColumnsType<Assignment> = [
    { title: t("mv.assign.appraiser"), dataIndex: "userName", width: 220 },
    {
      title: t("mv.col.participant"),
      key: "participant",
      render: (_: unknown, a) =>
        a.participantId ? (
          <Link to={movementPaths.appraisal(plan.id, a.participantId)}>{participantName.get(a.participantId) ?? `#${a.participantId}`}</Link>
        ) : (
          <Typography.Text type="secondary">{t("mv.assign.allParticipants")}</Typography.Text>
        ),
    },
    {
      title: t("mv.assign.criterion"),
      key: "criterion",
      render: (_: unknown, a) =>
        a.criterionId ? criterionLabel(plan.data.groups, a.criterionId) : <Typography.Text type="secondary">{t("mv.assign.allCriteria")}</Typography.Text>,
    },
  ];

  return (
    <>
      <Card size="small" title={t("mv.assign.newTitle")} style={{ marginBottom: 16 }}>
        {usersForbidden ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("mv.assign.usersForbidden")} /> : null}
        <Form
          form={form}
          layout="vertical"
          name="assign-form"
          style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(240px, 1fr))", columnGap: 12 }}
        >
          <Form.Item label={t("mv.assign.appraiser")} name="userId" rules={[{ required: true, message: t("mv.assign.appraiserRequired") }]}>
            <Select
              showSearch={{
                optionFilterProp: "label",
                // Without the account list, an account number can be typed.
                onSearch: usersForbidden ? (text) => setTyped(/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null) : undefined,
              }}
              options={
                typed && !userOptions.some((o) => o.value === typed)
                  ? [...userOptions, { value: typed, label: t("mv.assign.byNumber", { n: String(typed) }) }]
                  : userOptions
              }
              loading={users.isPending && !usersForbidden}
              placeholder={usersForbidden ? t("mv.assign.userIdPlaceholder") : t("mv.assign.appraiserPlaceholder")}
              notFoundContent={usersForbidden ? t("mv.assign.typeNumber") : t("mv.assign.noAppraisers")}
            />
          </Form.Item>
          <Form.Item label={t("mv.col.participant")} name="participantId">
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              loading={participants.isPending}
              placeholder={t("mv.assign.allParticipants")}
              options={(participants.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item label={t("mv.assign.criterion")} name="criterionId">
            <Select allowClear showSearch={{ optionFilterProp: "label" }} placeholder={t("mv.assign.allCriteria")} options={criterionOptions} />
          </Form.Item>
        </Form>
        <Button type="primary" icon={<PlusOutlined />} loading={saving} onClick={() => void submit().catch(() => undefined)}>
          {t("mv.assign.add")}
        </Button>
      </Card>
      <Table<Assignment>
        rowKey="id"
        size="middle"
        loading={assignments.isPending}
        dataSource={assignments.data ?? []}
        columns={columns}
        scroll={{ x: 640 }}
        pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t("mv.assign.empty") }}
        data-testid="assignments-table"
      />
    </>
  );
}

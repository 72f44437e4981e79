// "Tạo kế hoạch": a draft for an issuing unit, started from a template, blank, a YAML/JSON file,
// or a launched plan of a unit above (cascade).
import { InboxOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Form, InputNumber, Modal, Radio, Select, Typography, Upload } from "antd";
import { useMemo, useState } from "react";
import { ApiError, http } from "../../api/client";
import { useMe } from "../../api/queries";
import type { Id } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import { planKeys, usePlans, usePlanTemplates } from "../../components/plan/api";
import type { PlanIssue, PlanRecord } from "../../components/plan/model";
import { UnitTreeSelect } from "../../components/UnitTreeSelect";
import { formatNumber } from "../../format";
import { t } from "../../i18n";

type Source = "template" | "blank" | "file" | "parent" | "previous";

interface Values {
  issuerUnitId: Id;
  source: Source;
  template?: string;
  parentPlanId?: Id;
  previousPlanId?: Id;
  year?: number;
}

const MAX_FILE = 2_000_000;

export function CreatePlanModal({ onClose, onCreated }: { onClose: () => void; onCreated: (plan: PlanRecord) => void }) {
  const [form] = Form.useForm<Values>();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const templates = usePlanTemplates();
  const plans = usePlans();
  const [saving, setSaving] = useState(false);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileIssues, setFileIssues] = useState<{ message: string; issues: PlanIssue[] } | null>(null);
  const source = Form.useWatch("source", form) ?? "template";

  // The unit of the user's office role is the usual issuer.
  const defaultUnit = me?.roles.find((r) => r.role === "office" && r.unitId !== null)?.unitId ?? me?.roles.find((r) => r.unitId !== null)?.unitId ?? undefined;
  const launched = useMemo(() => (plans.data ?? []).filter((p) => p.status === "launched"), [plans.data]);

  const submit = async () => {
    const values = await form.validateFields();
    if (values.source === "file" && !file) {
      form.setFields([{ name: "source", errors: [t("plans.create.fileRequired")] }]);
      return;
    }
    setSaving(true);
    setFileIssues(null);
    try {
      let created: PlanRecord;
      if (values.source === "file" && file) {
        created = await http.post<PlanRecord>("/api/plans/import", { issuerUnitId: values.issuerUnitId, text: file.text });
      } else {
        const body: Record<string, unknown> = { issuerUnitId: values.issuerUnitId };
        if (values.source === "template") body.template = values.template;
        if (values.source === "parent") body.parentPlanId = values.parentPlanId;
        if (values.source === "previous") body.previousPlanId = values.previousPlanId;
        // From a template or last year's plan, the chosen year reissues it (dates moved by whole years).
        if (values.source !== "parent" && values.year) body.year = values.year;
        created = await http.post<PlanRecord>("/api/plans", body);
      }
      void queryClient.invalidateQueries({ queryKey: planKeys.list });
      queryClient.setQueryData(planKeys.detail(created.id), created);
      onCreated(created);
    } catch (err) {
      if (err instanceof ApiError && (err.code === "PLAN_INVALID" || err.code === "PLAN_SHAPE")) {
        setFileIssues({ message: err.message, issues: err.fieldErrors });
        return;
      }
      if (err instanceof ApiError && err.code === "PLAN_YEAR") {
        form.setFields([{ name: "year", errors: [err.message] }]);
        return;
      }
      if (err instanceof ApiError && (err.code === "NOT_SUBORDINATE" || err.code === "PARENT_NOT_LAUNCHED")) {
        form.setFields([{ name: "parentPlanId", errors: [err.message] }]);
        return;
      }
      showError(err, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t("plans.create.title")}
      okText={t("plans.create.submit")}
      cancelText={t("common.cancel")}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        name="create-plan"
        initialValues={{ source: "template", issuerUnitId: defaultUnit, year: new Date().getFullYear() }}
        requiredMark={false}
      >
        <Form.Item label={t("plans.create.issuer")} name="issuerUnitId" rules={[{ required: true, message: t("plans.create.issuerRequired") }]}>
          <UnitTreeSelect allowClear={false} data-testid="create-issuer" />
        </Form.Item>
        <Form.Item label={t("plans.create.source")} name="source">
          <Radio.Group
            optionType="button"
            options={[
              { value: "template", label: t("plans.create.fromTemplate") },
              { value: "blank", label: t("plans.create.blank") },
              { value: "file", label: t("plans.create.fromFile") },
              { value: "parent", label: t("plans.create.fromParent") },
              { value: "previous", label: t("plans.create.fromPrevious") },
            ]}
            onChange={() => setFileIssues(null)}
          />
        </Form.Item>
        {source === "template" ? (
          <Form.Item label={t("plans.create.template")} name="template" rules={[{ required: true, message: t("plans.create.templateRequired") }]}>
            <Select
              loading={templates.isPending}
              placeholder={t("plans.create.templatePlaceholder")}
              showSearch={{ optionFilterProp: "label" }}
              options={(templates.data ?? []).map((tpl) => ({
                value: tpl.file,
                label: t("plans.create.templateOption", { title: tpl.title, issuer: tpl.issuer, year: String(tpl.year) }),
              }))}
              optionRender={(option) => {
                const tpl = templates.data?.find((x) => x.file === option.value);
                return tpl ? (
                  <div style={{ whiteSpace: "normal" }}>
                    <div>{tpl.title}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("plans.create.templateMeta", { issuer: tpl.issuer, year: String(tpl.year), groups: formatNumber(tpl.groups) })}
                    </Typography.Text>
                  </div>
                ) : (
                  option.label
                );
              }}
              onChange={(file: string) => {
                // The template's own year first: the clerk moves it to the year being planned.
                const tpl = templates.data?.find((x) => x.file === file);
                if (tpl) form.setFieldValue("year", tpl.year);
              }}
              data-testid="create-template"
            />
          </Form.Item>
        ) : null}
        {source === "previous" ? (
          <Form.Item
            label={t("plans.create.previous")}
            name="previousPlanId"
            rules={[{ required: true, message: t("plans.create.previousRequired") }]}
            help={(plans.data ?? []).length === 0 ? t("plans.create.noPrevious") : undefined}
          >
            <Select
              loading={plans.isPending}
              placeholder={t("plans.create.previousPlaceholder")}
              showSearch={{ optionFilterProp: "label" }}
              options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.title} — ${p.issuerName} (${p.year})` }))}
              onChange={(id: Id) => {
                const prev = plans.data?.find((p) => p.id === id);
                if (prev) form.setFieldValue("year", prev.year + 1);
              }}
              data-testid="create-previous"
            />
          </Form.Item>
        ) : null}
        {source === "template" || source === "previous" ? (
          <Form.Item
            label={t("plans.create.targetYear")}
            name="year"
            help={t("plans.create.targetYearHelp")}
            rules={[{ required: true, message: t("plans.create.yearRequired") }]}
          >
            <InputNumber min={2000} max={2100} step={1} style={{ width: 160 }} data-testid="create-year" />
          </Form.Item>
        ) : null}
        {source === "blank" ? (
          <Form.Item label={t("plans.create.year")} name="year" rules={[{ required: true, message: t("plans.create.yearRequired") }]}>
            <InputNumber min={2000} max={2100} step={1} style={{ width: 160 }} />
          </Form.Item>
        ) : null}
        {source === "file" ? (
          <Form.Item label={t("plans.create.file")} help={t("plans.create.fileHelp")}>
            <Upload.Dragger
              accept=".yaml,.yml,.json"
              multiple={false}
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                if (f.size > MAX_FILE) {
                  setFileIssues({ message: t("plans.create.fileTooBig"), issues: [] });
                  return Upload.LIST_IGNORE;
                }
                void f.text().then((text) => {
                  setFile({ name: f.name, text });
                  setFileIssues(null);
                });
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{file ? t("plans.create.fileChosen", { name: file.name }) : t("plans.create.fileDrop")}</p>
            </Upload.Dragger>
          </Form.Item>
        ) : null}
        {source === "parent" ? (
          <Form.Item
            label={t("plans.create.parent")}
            name="parentPlanId"
            rules={[{ required: true, message: t("plans.create.parentRequired") }]}
            help={launched.length === 0 ? t("plans.create.noParents") : t("plans.create.parentHelp")}
          >
            <Select
              loading={plans.isPending}
              placeholder={t("plans.create.parentPlaceholder")}
              showSearch={{ optionFilterProp: "label" }}
              options={launched.map((p) => ({ value: p.id, label: `${p.title} — ${p.issuerName} (${p.year})` }))}
            />
          </Form.Item>
        ) : null}
        {fileIssues ? (
          <Alert
            type="error"
            showIcon
            title={fileIssues.message}
            description={
              fileIssues.issues.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 200, overflow: "auto" }}>
                  {fileIssues.issues.slice(0, 50).map((i) => (
                    <li key={`${i.path}-${i.message}`}>{i.message}</li>
                  ))}
                </ul>
              ) : undefined
            }
            data-testid="create-issues"
          />
        ) : null}
      </Form>
    </Modal>
  );
}

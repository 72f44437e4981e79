// "Dự thảo quyết định": after the council has voted, the office drafts a decision for the nominees it passed —
// one award form at a time (forms proposed to the upper level are decided there, not here).
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useMemo } from "react";
import { useNavigate } from "react-router-dom";
import { http } from "../../api/client";
import { useApiError } from "../../api/useApiError";
import { type CouncilSession, commendationPaths, type Decision, useResults } from "../../components/commendation/api";
import type { PlanRecord } from "../../components/plan/model";
import { DATE_FORMAT, parseApiDate, toApiDate } from "../../format";
import { t } from "../../i18n";

interface Values {
  awardFormId: string;
  signedOn: Dayjs | null;
  signerTitle: string;
  signerName: string;
  number?: string;
  nominationIds: number[];
}

export function DecisionDraftCard({ session, plan }: { session: CouncilSession; plan: PlanRecord }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const showError = useApiError();
  const results = useResults(session.id, true);
  const forms = plan.data.awardForms.filter((f) => !f.proposeToUpperLevel);
  const passed = useMemo(() => (results.data ?? []).filter((r) => r.passed), [results.data]);
  const formsWithPassed = forms.filter((f) => passed.some((p) => p.awardFormId === f.id));
  const awardFormId = Form.useWatch("awardFormId", form);
  const candidates = passed.filter((p) => p.awardFormId === awardFormId);

  const create = useMutation({
    mutationFn: (v: Values) =>
      http.post<Decision>(`/api/plans/${plan.id}/decisions`, {
        awardFormId: v.awardFormId,
        signedOn: toApiDate(v.signedOn),
        signerTitle: v.signerTitle,
        signerName: v.signerName,
        number: v.number?.trim() || null,
        nominationIds: v.nominationIds,
      }),
    onSuccess: (d) => navigate(commendationPaths.decision(d.id)),
    onError: (err) => showError(err, { form }),
  });

  if (results.isPending) return null;
  if (formsWithPassed.length === 0)
    return (
      <Card size="small" title={t("cm.draft.title")}>
        <Alert type="info" showIcon title={t("cm.draft.nonePassed")} />
      </Card>
    );
  const first = formsWithPassed[0];
  return (
    <Card size="small" title={t("cm.draft.title")} data-testid="decision-draft">
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{
          awardFormId: first.id,
          signedOn: parseApiDate(session.heldOn),
          signerTitle: t("cm.draft.defaultTitle"),
          signerName: "",
          nominationIds: passed.filter((p) => p.awardFormId === first.id).map((p) => p.nominationId),
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.awardFormId)
            form.setFieldValue(
              "nominationIds",
              passed.filter((p) => p.awardFormId === changed.awardFormId).map((p) => p.nominationId),
            );
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="awardFormId" label={t("cm.draft.awardForm")} rules={[{ required: true, message: t("cm.draft.awardFormRequired") }]}>
          <Select options={formsWithPassed.map((f) => ({ value: f.id, label: f.name }))} />
        </Form.Item>
        <Form.Item name="nominationIds" label={t("cm.draft.recipients")} rules={[{ required: true, message: t("cm.draft.recipientsRequired") }]}>
          <Checkbox.Group options={candidates.map((c) => ({ value: c.nominationId, label: c.name }))} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="signedOn" label={t("cm.draft.signedOn")} rules={[{ required: true, message: t("cm.draft.signedOnRequired") }]}>
            <DatePicker format={DATE_FORMAT} placeholder={t("common.datePlaceholder")} />
          </Form.Item>
          <Form.Item name="number" label={t("cm.draft.number")}>
            <Input style={{ width: 140 }} maxLength={20} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="signerTitle" label={t("cm.draft.signerTitle")} rules={[{ required: true, message: t("cm.draft.signerTitleRequired") }]}>
            <Input style={{ width: 260 }} maxLength={100} />
          </Form.Item>
          <Form.Item
            name="signerName"
            label={t("cm.draft.signerName")}
            rules={[{ required: true, whitespace: true, message: t("cm.draft.signerNameRequired") }]}
          >
            <Input style={{ width: 300 }} maxLength={100} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t("cm.draft.submit")}
        </Button>
      </Form>
    </Card>
  );
}

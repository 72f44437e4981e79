// The standing office's acts on a lodged nomination: return it with a reason, record its appraisal opinion and
// conclusion, forward it to the upper level's movement; and the proposing side's "propose for an award".
import { useMutation } from "@tanstack/react-query";
import { Alert, Form, type FormInstance, Input, Modal, Radio, Select, Typography } from "antd";
import { useMemo, useState } from "react";
import { http } from "../../api/client";
import type { Id } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import type { Nomination } from "../../components/commendation/api";
import { useParticipants } from "../../components/movement/api";
import { usePlan, usePlans } from "../../components/plan/api";
import type { PlanRecord } from "../../components/plan/model";
import { compareVi } from "../../format";
import { t } from "../../i18n";

interface ModalProps {
  open: boolean;
  nomination: Nomination;
  onClose: () => void;
  onDone: (next: Nomination) => void;
}

function useSend<V>(send: (v: V) => Promise<Nomination>, onDone: (n: Nomination) => void, onClose: () => void, form: FormInstance<V>) {
  const showError = useApiError();
  return useMutation({
    mutationFn: send,
    onSuccess: (next) => {
      onDone(next);
      onClose();
    },
    onError: (err) => showError(err, { form }),
  });
}

export function ReturnModal({ open, nomination: n, onClose, onDone }: ModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const send = useSend(
    (v: { reason: string }) => http.post<Nomination>(`/api/nominations/${n.id}/return`, { version: n.version, reason: v.reason }),
    onDone,
    onClose,
    form,
  );
  return (
    <Modal
      open={open}
      title={t("cm.nom.returnTitle", { name: n.name })}
      okText={t("cm.nom.return")}
      cancelText={t("common.cancel")}
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("cm.nom.returnHelp")}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} preserve={false}>
        <Form.Item name="reason" label={t("cm.nom.returnReason")} rules={[{ required: true, whitespace: true, message: t("cm.nom.returnReasonRequired") }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Conclusion = "accepted" | "rejected" | "keep";

export function OpinionModal({ open, nomination: n, onClose, onDone }: ModalProps) {
  const [form] = Form.useForm<{ opinion: string; conclusion: Conclusion }>();
  const send = useSend(
    (v: { opinion: string; conclusion: Conclusion }) =>
      http.put<Nomination>(`/api/nominations/${n.id}/opinion`, {
        version: n.version,
        opinion: v.opinion,
        status: v.conclusion === "keep" ? undefined : v.conclusion,
      }),
    onDone,
    onClose,
    form,
  );
  const ineligible = n.eligibility.eligible === false;
  return (
    <Modal
      open={open}
      title={t("cm.nom.appraiseTitle", { name: n.name })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {ineligible ? <Alert type="error" showIcon title={n.eligibility.summary} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          opinion: n.officeOpinion ?? "",
          conclusion: n.status === "submitted" ? (ineligible ? "rejected" : "accepted") : "keep",
        }}
        onFinish={(v) => send.mutate(v)}
      >
        <Form.Item name="conclusion" label={t("cm.nom.conclusion")}>
          <Radio.Group
            options={[
              { value: "accepted", label: t("cm.nom.accept"), disabled: ineligible },
              { value: "rejected", label: t("cm.nom.reject") },
              { value: "keep", label: t("cm.nom.keep") },
            ]}
          />
        </Form.Item>
        <Form.Item name="opinion" label={t("cm.nom.opinion")} rules={[{ required: true, whitespace: true, message: t("cm.nom.opinionRequired") }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ForwardModal({ open, nomination: n, plan, onClose, onDone }: ModalProps & { plan: PlanRecord }) {
  const [form] = Form.useForm<{ upperPlanId: Id; awardFormId?: string }>();
  const plans = usePlans(open);
  const [upperId, setUpperId] = useState<Id | null>(null);
  const upper = usePlan(upperId);
  const send = useSend((v: { upperPlanId: Id; awardFormId?: string }) => http.post<Nomination>(`/api/nominations/${n.id}/forward`, v), onDone, onClose, form);
  const options = (plans.data ?? [])
    .filter((p) => p.status === "launched" && p.id !== plan.id && p.issuerUnitId !== plan.issuerUnitId)
    .map((p) => ({ value: p.id, label: `${p.title} — ${p.issuerName}` }));
  const forms = (upper.data?.data.awardForms ?? []).filter((f) => f.target === "both" || f.target === n.target);
  return (
    <Modal
      open={open}
      title={t("cm.nom.forwardTitle", { name: n.name })}
      okText={t("cm.nom.forward")}
      cancelText={t("common.cancel")}
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("cm.nom.forwardHelp")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={(changed: { upperPlanId?: Id }) => {
          if (changed.upperPlanId !== undefined) {
            setUpperId(changed.upperPlanId);
            form.setFieldValue("awardFormId", undefined);
          }
        }}
        onFinish={(v) => send.mutate(v)}
      >
        <Form.Item name="upperPlanId" label={t("cm.nom.upperPlan")} rules={[{ required: true, message: t("cm.nom.upperPlanRequired") }]}>
          <Select options={options} loading={plans.isPending} showSearch={{ optionFilterProp: "label" }} notFoundContent={t("cm.nom.noUpperPlan")} />
        </Form.Item>
        <Form.Item name="awardFormId" label={t("cm.nom.upperForm")} extra={t("cm.nom.upperFormHelp")}>
          <Select allowClear loading={upperId !== null && upper.isPending} options={forms.map((f) => ({ value: f.id, label: f.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Đề nghị khen thưởng": choose a participant the user may propose and an award form that fits it. */
export function ProposeModal({ plan, onClose, onCreated }: { plan: PlanRecord; onClose: () => void; onCreated: (n: Nomination) => void }) {
  const [form] = Form.useForm<{ participantId: Id; awardFormId: string }>();
  const showError = useApiError();
  const participants = useParticipants(plan.id);
  const participantId = Form.useWatch("participantId", form);
  const typeOf = (groupId: string) => plan.data.groups.find((g) => g.id === groupId)?.type;
  const chosen = (participants.data ?? []).find((p) => p.id === participantId);
  const target = chosen ? typeOf(chosen.groupId) : undefined;
  const forms = plan.data.awardForms.filter((f) => !target || f.target === "both" || f.target === target);
  const options = useMemo(
    () => [...(participants.data ?? [])].sort((a, b) => compareVi(a.name, b.name)).map((p) => ({ value: p.id, label: `${p.name} — ${p.groupName}` })),
    [participants.data],
  );
  const create = useMutation({
    mutationFn: (v: { participantId: Id; awardFormId: string }) => http.post<Nomination>(`/api/plans/${plan.id}/nominations`, v),
    onSuccess: (n) => onCreated(n),
    onError: (err) => showError(err, { form }),
  });
  return (
    <Modal
      open
      title={t("cm.nom.propose")}
      okText={t("cm.nom.proposeOk")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(changed: { participantId?: Id }) => {
          if (changed.participantId !== undefined) form.setFieldValue("awardFormId", undefined);
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="participantId" label={t("cm.nom.nominee")} rules={[{ required: true, message: t("cm.nom.nomineeRequired") }]}>
          <Select
            options={options}
            loading={participants.isPending}
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("cm.nom.nomineeHint")}
            aria-label={t("cm.nom.nominee")}
          />
        </Form.Item>
        <Form.Item name="awardFormId" label={t("cm.col.awardForm")} rules={[{ required: true, message: t("cm.draft.awardFormRequired") }]}>
          <Select options={forms.map((f) => ({ value: f.id, label: f.name }))} aria-label={t("cm.col.awardForm")} disabled={!participantId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

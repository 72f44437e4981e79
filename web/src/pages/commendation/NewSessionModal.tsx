// "Tạo phiên họp Hội đồng": the office names the session, its date and ballot kind, and seats the chair, the
// secretary and the members from the accounts with council, signer or office roles around the issuing unit.
import { useMutation } from "@tanstack/react-query";
import { DatePicker, Form, Input, Modal, Radio, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useNavigate } from "react-router-dom";
import { http } from "../../api/client";
import type { Id } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import { type CouncilSession, commendationPaths, useCouncilCandidates } from "../../components/commendation/api";
import type { PlanRecord } from "../../components/plan/model";
import { DATE_FORMAT, toApiDate } from "../../format";
import { type MessageKey, t } from "../../i18n";

interface Values {
  title: string;
  heldOn: Dayjs | null;
  ballot: "secret" | "open";
  chairUserId: Id;
  secretaryUserId: Id;
  memberUserIds: Id[];
}

export function NewSessionModal({ plan, onClose }: { plan: PlanRecord; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const showError = useApiError();
  const candidates = useCouncilCandidates(plan.id, true);
  const options = (candidates.data ?? []).map((c) => ({
    value: c.id,
    label: `${c.fullName} (${c.roles.map((r) => t(`cm.role.${r}` as MessageKey)).join(", ")})`,
  }));
  const create = useMutation({
    mutationFn: (v: Values) =>
      http.post<CouncilSession>(`/api/plans/${plan.id}/council-sessions`, {
        title: v.title,
        heldOn: toApiDate(v.heldOn),
        ballot: v.ballot,
        chairUserId: v.chairUserId,
        secretaryUserId: v.secretaryUserId,
        memberUserIds: (v.memberUserIds ?? []).filter((id) => id !== v.chairUserId && id !== v.secretaryUserId),
      }),
    onSuccess: (s) => navigate(commendationPaths.session(s.id)),
    onError: (err) => showError(err, { form }),
  });
  const defaultBallot = plan.data.vote?.ballot === "open" ? "open" : "secret";
  return (
    <Modal
      open
      title={t("cm.session.new")}
      okText={t("cm.session.create")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      <Typography.Paragraph type="secondary">{t("cm.session.newHelp")}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ title: t("cm.session.defaultTitle", { year: plan.data.year }), ballot: defaultBallot, memberUserIds: [] }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="title" label={t("cm.session.name")} rules={[{ required: true, whitespace: true, message: t("cm.session.nameRequired") }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="heldOn" label={t("cm.col.heldOn")} rules={[{ required: true, message: t("cm.session.heldOnRequired") }]}>
          <DatePicker format={DATE_FORMAT} placeholder={t("common.datePlaceholder")} />
        </Form.Item>
        <Form.Item name="ballot" label={t("cm.col.ballot")}>
          <Radio.Group
            options={[
              { value: "secret", label: t("cm.ballot.secret") },
              { value: "open", label: t("cm.ballot.open") },
            ]}
          />
        </Form.Item>
        <Form.Item name="chairUserId" label={t("cm.session.chair")} rules={[{ required: true, message: t("cm.session.chairRequired") }]}>
          <Select options={options} loading={candidates.isPending} showSearch={{ optionFilterProp: "label" }} aria-label={t("cm.session.chair")} />
        </Form.Item>
        <Form.Item name="secretaryUserId" label={t("cm.session.secretary")} rules={[{ required: true, message: t("cm.session.secretaryRequired") }]}>
          <Select options={options} loading={candidates.isPending} showSearch={{ optionFilterProp: "label" }} aria-label={t("cm.session.secretary")} />
        </Form.Item>
        <Form.Item name="memberUserIds" label={t("cm.session.otherMembers")} extra={t("cm.session.membersHelp")}>
          <Select
            mode="multiple"
            options={options}
            loading={candidates.isPending}
            showSearch={{ optionFilterProp: "label" }}
            aria-label={t("cm.session.otherMembers")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// One nomination in a drawer: who, for which award, its eligibility verdict with every reason, the dossier checklist
// (upload, generate, remove), and the actions of whoever is looking — the proposing unit lodges or withdraws it;
// the standing office returns it with a reason, records its appraisal opinion, or forwards it to the upper level.
import { CheckCircleTwoTone, CloseCircleTwoTone, QuestionCircleTwoTone } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Drawer, Popconfirm, Space, Spin, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { http } from "../../api/client";
import type { Id } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import {
  type AppraisableFact,
  commendationKeys,
  commendationUrls,
  type DossierComponent,
  type EligibilityReason,
  type Nomination,
  useNomination,
} from "../../components/commendation/api";
import { FactInput, FileLink, FileUploadButton, factText } from "../../components/movement/parts";
import { DownloadButton } from "../../components/plan/DownloadButton";
import type { FactValue, InputDef, PlanRecord } from "../../components/plan/model";
import { ErrorState } from "../../components/States";
import { formatDateTime, formatNumber } from "../../format";
import { type MessageKey, t } from "../../i18n";
import { ForwardModal, OpinionModal, ReturnModal } from "./NominationModals";

export const NOMINATION_STATUS_COLOR: Record<Nomination["status"], string> = {
  draft: "default",
  submitted: "blue",
  returned: "orange",
  accepted: "green",
  rejected: "red",
};
const EDITABLE = new Set(["draft", "returned"]);
const LODGED = new Set(["submitted", "accepted", "rejected"]);
/** Dossier templates the server can draw up itself. */
const GENERATED = new Set(["bang-tu-cham"]);

export function EligibilityTag({ eligible }: { eligible: boolean | null }) {
  return (
    <Tag color={eligible === true ? "green" : eligible === false ? "red" : "default"}>
      {eligible === true ? t("cm.elig.yes") : eligible === false ? t("cm.elig.no") : t("cm.elig.undecided")}
    </Tag>
  );
}

function ReasonIcon({ ok }: { ok: boolean | null }) {
  if (ok === true) return <CheckCircleTwoTone twoToneColor="#52c41a" />;
  if (ok === false) return <CloseCircleTwoTone twoToneColor="#ff4d4f" />;
  return <QuestionCircleTwoTone twoToneColor="#bfbfbf" />;
}

export function ReasonList({ reasons }: { reasons: EligibilityReason[] }) {
  return (
    <ul style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="eligibility-reasons">
      {reasons.map((r) => (
        <li key={r.ruleId} style={{ display: "flex", gap: 6, alignItems: "baseline", marginBottom: 2 }}>
          <ReasonIcon ok={r.ok} />
          <span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`cm.reason.${r.kind}` as MessageKey)}:{" "}
            </Typography.Text>
            {r.message}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function useNominationRefresh() {
  const queryClient = useQueryClient();
  return (next?: Nomination) => {
    if (next) queryClient.setQueryData(commendationKeys.nomination(next.id), next);
    void queryClient.invalidateQueries({ queryKey: ["commendation"] });
  };
}

export function NominationDrawer({
  id,
  plan,
  office,
  canPropose,
  onClose,
}: {
  id: Id | null;
  plan: PlanRecord;
  office: boolean;
  canPropose: boolean;
  onClose: () => void;
}) {
  const nomination = useNomination(id);
  const n = nomination.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      title={n ? n.name : t("cm.nom.title")}
      destroyOnHidden
      data-testid="nomination-drawer"
      extra={n ? <Tag color={NOMINATION_STATUS_COLOR[n.status]}>{n.statusLabel}</Tag> : null}
    >
      {nomination.isError ? (
        <ErrorState error={nomination.error} onRetry={() => void nomination.refetch()} />
      ) : !n ? (
        <Spin />
      ) : (
        <NominationBody n={n} plan={plan} office={office} canPropose={canPropose} onGone={onClose} />
      )}
    </Drawer>
  );
}

function NominationBody({
  n,
  plan,
  office,
  canPropose,
  onGone,
}: {
  n: Nomination;
  plan: PlanRecord;
  office: boolean;
  canPropose: boolean;
  onGone: () => void;
}) {
  const { message } = App.useApp();
  const showError = useApiError();
  const refresh = useNominationRefresh();
  const [modal, setModal] = useState<"return" | "opinion" | "forward" | null>(null);
  const editable = canPropose && EDITABLE.has(n.status);
  const form = plan.data.awardForms.find((f) => f.id === n.awardFormId);

  const act = useMutation({
    mutationFn: (run: () => Promise<Nomination>) => run(),
    onSuccess: (next) => refresh(next),
    onError: (err) => showError(err, { onConflict: () => refresh() }),
  });
  const submit = useMutation({
    mutationFn: () => http.post<Nomination>(`/api/nominations/${n.id}/submit`, { version: n.version }),
    onSuccess: (next) => {
      if (next.dossier.late) message.warning(t("cm.nom.submittedLate"));
      else message.success(t("cm.nom.submitted"));
      refresh(next);
    },
    onError: (err) => showError(err, { onConflict: () => refresh() }),
  });
  const withdraw = useMutation({
    mutationFn: () => http.delete(`/api/nominations/${n.id}?version=${n.version}`),
    onSuccess: () => {
      message.success(t("cm.nom.withdrawn"));
      refresh();
      onGone();
    },
    onError: (err) => showError(err, { onConflict: () => refresh() }),
  });

  const rankingText =
    n.ranking.source === "unpublished"
      ? t("cm.nom.rankUnpublished")
      : t(n.ranking.source === "results" ? "cm.nom.rankResults" : "cm.nom.rankProvisional", {
          total: n.ranking.total === null ? "—" : formatNumber(n.ranking.total),
          rank: n.ranking.rank === null ? "—" : String(n.ranking.rank),
          classification: n.ranking.classification ?? "—",
        });

  const columns = [
    {
      title: t("cm.dossier.component"),
      key: "name",
      render: (_: unknown, c: DossierComponent) => (
        <div>
          {c.name}
          {c.required ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {" "}
              ({t("cm.dossier.optional")})
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t("cm.dossier.file"),
      key: "file",
      width: 280,
      render: (_: unknown, c: DossierComponent) =>
        c.file ? (
          <div>
            <FileLink
              file={c.file}
              disabled={!editable}
              onRemove={() => act.mutate(() => http.delete<Nomination>(`/api/nominations/${n.id}/dossier/${encodeURIComponent(c.id)}`))}
            />
            {c.generated ? <Tag style={{ marginTop: 2 }}>{t("cm.dossier.generated")}</Tag> : null}
          </div>
        ) : (
          <Typography.Text type={c.required ? "warning" : "secondary"}>{c.required ? t("cm.dossier.none") : "—"}</Typography.Text>
        ),
    },
    ...(editable
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            width: 200,
            render: (_: unknown, c: DossierComponent) => (
              <Space orientation="vertical" size={4}>
                <FileUploadButton
                  unitId={n.unitId}
                  label={c.file ? t("cm.dossier.replace") : t("cm.dossier.upload")}
                  testId={`dossier-upload-${c.id}`}
                  onUploaded={(f) => act.mutate(() => http.put<Nomination>(`/api/nominations/${n.id}/dossier/${encodeURIComponent(c.id)}`, { fileId: f.id }))}
                />
                {c.template && GENERATED.has(c.template) ? (
                  <Button
                    size="small"
                    loading={act.isPending}
                    onClick={() => act.mutate(() => http.post<Nomination>(`/api/nominations/${n.id}/dossier/${encodeURIComponent(c.id)}/generate`))}
                  >
                    {t("cm.dossier.generate")}
                  </Button>
                ) : null}
                {c.template === "bao-cao-thanh-tich" ? (
                  <DownloadButton href={commendationUrls.achievementReport(n.id)} fileName={`bao-cao-thanh-tich-${n.id}.docx`}>
                    {t("cm.dossier.reportDraft")}
                  </DownloadButton>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid={`nomination-${n.id}`}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t("cm.col.awardForm")}>{n.awardFormName}</Descriptions.Item>
        <Descriptions.Item label={t("cm.nom.group")}>{n.groupName}</Descriptions.Item>
        <Descriptions.Item label={t("cm.nom.proposer")}>{n.proposedByUnitName}</Descriptions.Item>
        <Descriptions.Item label={t("cm.nom.ranking")}>{rankingText}</Descriptions.Item>
        {n.submittedAt ? <Descriptions.Item label={t("cm.nom.submittedAt")}>{formatDateTime(n.submittedAt)}</Descriptions.Item> : null}
        {form?.proposeToUpperLevel ? <Descriptions.Item label={t("cm.nom.level")}>{t("cm.nom.upperLevel")}</Descriptions.Item> : null}
      </Descriptions>

      {n.status === "returned" && n.returnedReason ? (
        <Alert type="warning" showIcon title={t("cm.nom.returnedTitle")} description={n.returnedReason} data-testid="returned-reason" />
      ) : null}
      {n.officeOpinion ? (
        <Alert type={n.status === "rejected" ? "error" : "info"} showIcon title={t("cm.nom.opinionTitle")} description={n.officeOpinion} />
      ) : null}
      {n.forwardedTo ? <Alert type="success" showIcon title={t("cm.nom.forwardedTo", { id: n.forwardedTo.id })} /> : null}

      <Card size="small" title={t("cm.col.eligibility")} extra={<EligibilityTag eligible={n.eligibility.eligible} />}>
        <Typography.Paragraph strong style={{ marginBottom: 8 }} data-testid="eligibility-summary">
          {n.eligibility.summary}
        </Typography.Paragraph>
        <ReasonList reasons={n.eligibility.reasons} />
        {n.appraisableFacts.length ? <AppraisedFacts n={n} office={office} /> : null}
      </Card>

      <Card size="small" title={t("cm.dossier.title")} extra={n.dossier.complete ? <Tag color="green">{t("cm.dossier.complete")}</Tag> : null}>
        <Typography.Paragraph type={n.dossier.late ? "danger" : "secondary"} data-testid="dossier-note">
          {n.dossier.note}
        </Typography.Paragraph>
        <Table<DossierComponent>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={n.dossier.components}
          columns={columns}
          locale={{ emptyText: t("cm.dossier.noChecklist") }}
          data-testid="dossier-checklist"
        />
      </Card>

      <Space wrap>
        {editable ? (
          <Tooltip title={n.dossier.complete ? undefined : t("cm.dossier.missing", { list: n.dossier.missing.join("; ") })}>
            <Popconfirm
              title={n.dossier.late || n.dossier.onTime === false ? t("cm.nom.submitLateConfirm") : t("cm.nom.submitConfirm")}
              okText={t("cm.nom.submit")}
              cancelText={t("common.cancel")}
              onConfirm={() => submit.mutate()}
            >
              <Button type="primary" loading={submit.isPending}>
                {n.status === "returned" ? t("cm.nom.resubmit") : t("cm.nom.submit")}
              </Button>
            </Popconfirm>
          </Tooltip>
        ) : null}
        {editable ? (
          <Popconfirm title={t("cm.nom.withdrawConfirm")} okText={t("cm.nom.withdraw")} cancelText={t("common.cancel")} onConfirm={() => withdraw.mutate()}>
            <Button danger loading={withdraw.isPending}>
              {t("cm.nom.withdraw")}
            </Button>
          </Popconfirm>
        ) : null}
        {office && n.status === "submitted" ? <Button onClick={() => setModal("return")}>{t("cm.nom.return")}</Button> : null}
        {office && LODGED.has(n.status) ? (
          <Button type={n.status === "submitted" ? "primary" : "default"} onClick={() => setModal("opinion")}>
            {t("cm.nom.appraise")}
          </Button>
        ) : null}
        {office && n.status === "accepted" && form?.proposeToUpperLevel && !n.forwardedTo ? (
          <Button onClick={() => setModal("forward")}>{t("cm.nom.forward")}</Button>
        ) : null}
        {!editable ? (
          <DownloadButton href={commendationUrls.achievementReport(n.id)} fileName={`bao-cao-thanh-tich-${n.id}.docx`}>
            {t("cm.dossier.reportDraft")}
          </DownloadButton>
        ) : null}
      </Space>

      <ReturnModal open={modal === "return"} nomination={n} onClose={() => setModal(null)} onDone={refresh} />
      <OpinionModal open={modal === "opinion"} nomination={n} onClose={() => setModal(null)} onDone={refresh} />
      <ForwardModal open={modal === "forward"} nomination={n} plan={plan} onClose={() => setModal(null)} onDone={refresh} />
    </Space>
  );
}

/** An appraisable fact as the input definition the fact widgets take. */
const inputOf = (f: AppraisableFact): InputDef =>
  ({ key: f.key, label: f.label, type: f.type, unit: f.unit ?? undefined, choices: f.choices ?? undefined, origin: "manual" }) as InputDef;

/** The facts eligibility rules read that the office may establish: what the unit declared, what the office found. */
function AppraisedFacts({ n, office }: { n: Nomination; office: boolean }) {
  const showError = useApiError();
  const refresh = useNominationRefresh();
  const [draft, setDraft] = useState<Record<string, FactValue>>({});
  const save = useMutation({
    mutationFn: (facts: Record<string, FactValue>) => http.put<Nomination>(`/api/nominations/${n.id}/eligibility-facts`, { version: n.version, facts }),
    onSuccess: (next, facts) => {
      setDraft((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !(k in facts))));
      refresh(next);
    },
    onError: (err) => showError(err, { onConflict: () => refresh() }),
  });
  return (
    <div style={{ marginTop: 12 }} data-testid="appraised-facts">
      <Typography.Text strong>{t("cm.facts.title")}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
        {office ? t("cm.facts.helpOffice") : t("cm.facts.help")}
      </Typography.Paragraph>
      <Table<AppraisableFact>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={n.appraisableFacts}
        columns={[
          {
            title: t("cm.facts.fact"),
            key: "label",
            render: (_: unknown, f) => (
              <>
                <div>{f.label}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.rules.join("; ")}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t("cm.facts.value"),
            key: "value",
            width: 200,
            render: (_: unknown, f) => (
              <Space orientation="vertical" size={2}>
                <span>{factText(inputOf(f), f.value)}</span>
                <Tag color={f.source === "office" ? "purple" : f.source === "nominee" ? "default" : "warning"}>
                  {f.source === "office" ? t("cm.facts.byOffice") : f.source === "nominee" ? t("cm.facts.byNominee") : t("cm.facts.none")}
                </Tag>
              </Space>
            ),
          },
          ...(office
            ? [
                {
                  title: t("cm.facts.record"),
                  key: "edit",
                  width: 260,
                  render: (_: unknown, f: AppraisableFact) => (
                    <Space wrap size={4}>
                      <div style={{ minWidth: 120 }}>
                        <FactInput
                          def={inputOf(f)}
                          id={`fact-${f.key}`}
                          value={f.key in draft ? draft[f.key] : f.source === "office" ? f.value : undefined}
                          onChange={(v) => setDraft((d) => ({ ...d, [f.key]: v }))}
                        />
                      </div>
                      <Button
                        size="small"
                        type="primary"
                        disabled={!(f.key in draft) || draft[f.key] === null}
                        loading={save.isPending}
                        onClick={() => save.mutate({ [f.key]: draft[f.key] })}
                      >
                        {t("cm.facts.save")}
                      </Button>
                      {f.source === "office" ? (
                        <Button size="small" onClick={() => save.mutate({ [f.key]: null })}>
                          {t("cm.facts.clear")}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

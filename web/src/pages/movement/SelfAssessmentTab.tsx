// "Tự chấm điểm": for each criterion of the participant's group, its facts as typed fields (what the system knows is
// pre-filled, read-only and says where it comes from), evidence files, a note, and the points with their explanation,
// scored live as the facts change. "Lưu" keeps the draft; "Gửi bản tự chấm" submits it (the server lists what is
// still missing per criterion); the unit's head then confirms it. After appraisal, findings can be explained (giải trình).
import { CheckCircleOutlined, ExclamationCircleOutlined, LockOutlined, SaveOutlined, SendOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Input, Popconfirm, Space, Spin, Tag, Tooltip, Typography } from "antd";
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, api, http } from "../../api/client";
import { useApiError } from "../../api/useApiError";
import { findResult, inputsOf, leavesOf, movementKeys, problemsByCriterion, useAssessment } from "../../components/movement/api";
import { AssessmentTag, FactInput, FileLink, FileUploadButton, factText, PointsText } from "../../components/movement/parts";
import type { Appraisal, Assessment, CriterionResult, FactValue, ParticipantDetail, StoredFile, TryResult } from "../../components/movement/types";
import { Field, FormBlock } from "../../components/plan/fields";
import type { Criterion, Group, PlanRecord } from "../../components/plan/model";
import { ErrorState } from "../../components/States";
import { formatDate, formatDateTime, formatNumber } from "../../format";
import { t } from "../../i18n";
import { useDebounced } from "../../useDebounced";
import { useUnsavedGuard } from "../plans/useUnsavedGuard";

type Facts = Record<string, FactValue>;

interface Draft {
  participantId: number;
  version: number;
  facts: Facts;
  evidence: Record<string, string[]>;
  notes: Record<string, string>;
  base: string;
}

const snapshot = (d: Pick<Draft, "facts" | "evidence" | "notes">) => JSON.stringify([d.facts, d.evidence, d.notes]);

function draftOf(a: Assessment): Draft {
  const d = { participantId: a.participantId, version: a.version, facts: { ...a.facts }, evidence: { ...a.evidence }, notes: { ...a.notes } };
  return { ...d, base: snapshot(d) };
}

/** The body of PUT /assessment: entered facts only (system facts are the system's), files, non-empty notes. */
function bodyOf(d: Draft, system: Set<string>) {
  return {
    version: d.version,
    facts: Object.fromEntries(Object.entries(d.facts).filter(([k, v]) => v !== null && v !== undefined && v !== "" && !system.has(k))),
    evidence: Object.fromEntries(Object.entries(d.evidence).filter(([, ids]) => ids.length > 0)),
    notes: Object.fromEntries(Object.entries(d.notes).filter(([, text]) => text.trim() !== "")),
  };
}

export function SelfAssessmentTab({
  participant,
  plan,
  group,
  canEdit,
  isHead,
  active,
}: {
  participant: ParticipantDetail;
  plan: PlanRecord;
  group: Group;
  canEdit: boolean;
  isHead: boolean;
  active: boolean;
}) {
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const query = useAssessment(participant.id, active);
  const a = query.data;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [uploaded, setUploaded] = useState<Record<string, StoredFile>>({});
  const [problems, setProblems] = useState<{ message: string; details: { path: string; message: string }[] } | null>(null);
  const [busy, setBusy] = useState<"save" | "submit" | "confirm" | null>(null);
  const topRef = useRef<HTMLDivElement>(null);

  // Adopt the record when it first arrives, and when it changes while nothing is being edited.
  useEffect(() => {
    if (!a) return;
    setDraft((prev) => {
      if (!prev || prev.participantId !== a.participantId) return draftOf(a);
      if (prev.version === a.version) return prev;
      return snapshot(prev) === prev.base ? draftOf(a) : prev;
    });
  }, [a]);

  const dirty = !!draft && snapshot(draft) !== draft.base;
  useUnsavedGuard(dirty);

  const system = useMemo(() => new Map((a?.systemFacts ?? []).map((s) => [s.key, s])), [a?.systemFacts]);
  const files = useMemo(() => {
    const out: Record<string, StoredFile> = { ...uploaded };
    for (const f of a?.evidenceFiles ?? []) out[f.id] = f;
    return out;
  }, [a?.evidenceFiles, uploaded]);

  // Live score of the unsaved draft, scored by the server exactly as the saved assessment would be (the
  // participant's own records, head-only criteria for heads only).
  const payload = useMemo(() => {
    if (!draft || !a || !dirty) return null;
    const { facts, evidence } = bodyOf(draft, new Set(a.systemFacts.map((s) => s.key)));
    return { facts, evidence };
  }, [draft, a, dirty]);
  const debounced = useDebounced(payload, 350);
  const [preview, setPreview] = useState<TryResult | null>(null);
  const [previewing, setPreviewing] = useState(false);
  useEffect(() => {
    if (!debounced) {
      setPreview(null);
      return;
    }
    const controller = new AbortController();
    setPreviewing(true);
    api<TryResult>(`/api/participants/${participant.id}/assessment/preview`, { method: "POST", body: debounced, signal: controller.signal })
      .then(setPreview)
      .catch(() => undefined)
      .finally(() => {
        if (!controller.signal.aborted) setPreviewing(false);
      });
    return () => controller.abort();
  }, [debounced, participant.id]);

  const reload = useCallback(() => {
    void query.refetch().then((r) => {
      if (r.data) setDraft(draftOf(r.data));
    });
  }, [query]);

  const adopt = useCallback(
    (saved: Assessment) => {
      queryClient.setQueryData(movementKeys.assessment(saved.participantId), saved);
      setDraft(draftOf(saved));
      setPreview(null);
    },
    [queryClient],
  );

  const failed = (err: unknown) => {
    if (err instanceof ApiError && ["WINDOW_CLOSED", "ASSESSMENT_LOCKED", "NOT_SUBMITTED"].includes(err.code)) {
      showError(err);
      reload();
      return;
    }
    showError(err, { onConflict: reload });
  };

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!a || !draft) return active ? <Spin style={{ display: "block", margin: "48px auto" }} /> : null;

  const windowOpen = a.window ? a.window.open : true;
  const editable = canEdit && a.status === "draft" && windowOpen;
  const score: TryResult = dirty && preview ? preview : a.selfScore;
  const stale = dirty && (!preview || previewing || debounced !== payload);
  const appraised = a.appraisals.length > 0;
  const appraisalOf = new Map(a.appraisals.map((x) => [x.criterionId, x]));
  const byCriterion = problems ? problemsByCriterion(group.criteria, problems.details) : new Map<string, string[]>();
  const systemKeys = new Set(system.keys());

  const save = async (): Promise<Assessment | null> => {
    setBusy("save");
    try {
      const saved = await http.put<Assessment>(`/api/participants/${participant.id}/assessment`, bodyOf(draft, systemKeys));
      adopt(saved);
      message.success(t("mv.sa.saved"));
      return saved;
    } catch (err) {
      if (err instanceof ApiError && err.code === "BAD_FACTS") setProblems({ message: err.message, details: err.fieldErrors });
      failed(err);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    let version = draft.version;
    if (dirty) {
      const saved = await save();
      if (!saved) return;
      version = saved.version;
    }
    setBusy("submit");
    try {
      const done = await http.post<Assessment>(`/api/participants/${participant.id}/assessment/submit`, { version });
      adopt(done);
      setProblems(null);
      message.success(t("mv.sa.submitted"));
      void queryClient.invalidateQueries({ queryKey: ["movement", "monitoring", plan.id] });
    } catch (err) {
      if (err instanceof ApiError && err.code === "ASSESSMENT_INCOMPLETE") {
        setProblems({ message: err.message, details: err.fieldErrors });
        message.error(t("mv.sa.incomplete", { n: err.fieldErrors.length }));
        topRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
        return;
      }
      failed(err);
    } finally {
      setBusy(null);
    }
  };

  const confirm = async () => {
    setBusy("confirm");
    try {
      adopt(await http.post<Assessment>(`/api/participants/${participant.id}/assessment/confirm`, { version: a.version }));
      message.success(t("mv.sa.confirmed"));
    } catch (err) {
      failed(err);
    } finally {
      setBusy(null);
    }
  };

  const setFact = (key: string, value: FactValue) => {
    setDraft((d) => (d ? { ...d, facts: { ...d.facts, [key]: value } } : d));
  };
  const setNote = (id: string, text: string) => setDraft((d) => (d ? { ...d, notes: { ...d.notes, [id]: text } } : d));
  const addFile = (id: string, f: StoredFile) => {
    setUploaded((prev) => ({ ...prev, [f.id]: f }));
    setDraft((d) => (d ? { ...d, evidence: { ...d.evidence, [id]: [...(d.evidence[id] ?? []), f.id] } } : d));
  };
  const removeFile = (id: string, fileId: string) =>
    setDraft((d) => (d ? { ...d, evidence: { ...d.evidence, [id]: (d.evidence[id] ?? []).filter((x) => x !== fileId) } } : d));

  const leafProps = {
    draft,
    system,
    files,
    editable,
    canExplain: canEdit && a.status !== "draft",
    participant,
    byCriterion,
    appraisalOf,
    final: appraised ? a.finalScore : null,
    setFact,
    setNote,
    addFile,
    removeFile,
    onExplained: reload,
  };

  return (
    <div ref={topRef}>
      <div
        style={{ position: "sticky", top: 56, zIndex: 8, background: "#f5f5f5", margin: "0 -8px 12px", padding: "8px 8px 4px" }}
        data-testid="assessment-bar"
      >
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", justifyContent: "space-between" }}>
          <Space wrap size={8}>
            <AssessmentTag status={a.status} label={a.statusLabel} />
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="self-total">
              {score.total === null
                ? t("plans.try.totalIncomplete", { max: formatNumber(score.max) })
                : t("plans.try.total", { total: formatNumber(score.total), max: formatNumber(score.max) })}
            </Typography.Text>
            {appraised ? (
              <Typography.Text type="secondary" data-testid="final-total">
                {t("mv.sa.finalTotal", { total: a.finalScore.total === null ? "—" : formatNumber(a.finalScore.total) })}
              </Typography.Text>
            ) : null}
            {score.classification.label ? <Tag color="gold">{score.classification.label}</Tag> : null}
            {dirty ? (
              <Tag color="orange" data-testid="unsaved">
                {stale ? <Spin size="small" style={{ marginInlineEnd: 6 }} /> : null}
                {t("mv.sa.unsaved")}
              </Tag>
            ) : null}
          </Space>
          <Space wrap>
            {editable ? (
              <>
                <Button icon={<SaveOutlined />} type={dirty ? "primary" : "default"} disabled={!dirty} loading={busy === "save"} onClick={() => void save()}>
                  {t("common.save")}
                </Button>
                <Popconfirm
                  title={t("mv.sa.submitConfirm")}
                  description={t("mv.sa.submitConfirmText")}
                  okText={t("mv.sa.submitOk")}
                  cancelText={t("common.cancel")}
                  onConfirm={() => submit()}
                >
                  <Button type="primary" icon={<SendOutlined />} loading={busy === "submit"}>
                    {t("mv.sa.submit")}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
            {isHead && a.status === "submitted" ? (
              <Popconfirm title={t("mv.sa.confirmAsk")} okText={t("mv.sa.confirm")} cancelText={t("common.cancel")} onConfirm={() => confirm()}>
                <Button type="primary" icon={<CheckCircleOutlined />} loading={busy === "confirm"}>
                  {t("mv.sa.confirm")}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {score.explanation}
        </Typography.Text>
      </div>

      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        {a.window ? (
          <Alert
            type={windowOpen ? "info" : "warning"}
            showIcon
            icon={windowOpen ? undefined : <LockOutlined />}
            data-testid="assessment-window"
            title={
              windowOpen
                ? t("mv.sa.windowOpen", { from: formatDate(a.window.from) || "…", due: formatDate(a.window.due) || "…" })
                : t("mv.sa.windowClosed", { from: formatDate(a.window.from) || "…", due: formatDate(a.window.due) || "…" })
            }
          />
        ) : null}
        {a.status === "submitted" ? (
          <Alert
            type="success"
            showIcon
            title={t("mv.sa.submittedAt", { at: formatDateTime(a.submittedAt) })}
            description={isHead ? t("mv.sa.headHelp") : undefined}
          />
        ) : null}
        {a.status === "confirmed" ? <Alert type="success" showIcon title={t("mv.sa.confirmedAt", { at: formatDateTime(a.confirmedAt) })} /> : null}
        {editable ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t("mv.sa.help")}
          </Typography.Paragraph>
        ) : null}
        {problems ? (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setProblems(null) }}
            title={problems.message}
            data-testid="submit-problems"
            description={
              problems.details.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {problems.details.map((d) => (
                    <li key={`${d.path}-${d.message}`}>{d.message}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        ) : null}

        {group.criteria.map((c) => (
          <Card
            key={c.id}
            size="small"
            title={
              <span style={{ whiteSpace: "normal" }}>
                {c.code ? `${c.code}. ` : ""}
                {c.title}
              </span>
            }
            extra={<ResultPoints r={findResult(score.criteria, c.id)} />}
            data-testid={`area-${c.id}`}
          >
            {c.children?.length ? (
              c.children.map((child) =>
                child.children?.length ? (
                  <Fragment key={child.id}>
                    <div style={{ display: "flex", justifyContent: "space-between", gap: 8, margin: "4px 0 8px", flexWrap: "wrap" }}>
                      <Typography.Text strong>
                        {child.code ? `${child.code}. ` : ""}
                        {child.title}
                      </Typography.Text>
                      <ResultPoints r={findResult(score.criteria, child.id)} />
                    </div>
                    <div style={{ paddingInlineStart: 12, borderInlineStart: "2px solid #f0f0f0" }}>
                      {leavesOf(child.children).map((leaf) => (
                        <LeafBlock key={leaf.id} c={leaf} r={findResult(score.criteria, leaf.id)} {...leafProps} />
                      ))}
                    </div>
                  </Fragment>
                ) : (
                  <LeafBlock key={child.id} c={child} r={findResult(score.criteria, child.id)} {...leafProps} />
                ),
              )
            ) : (
              <LeafBlock c={c} r={findResult(score.criteria, c.id)} {...leafProps} hideTitle />
            )}
          </Card>
        ))}
      </Space>
    </div>
  );
}

function ResultPoints({ r }: { r: CriterionResult | undefined }) {
  if (!r) return null;
  return <PointsText points={r.points} max={r.max} passed={r.passed} notApplicable={r.notApplicable} />;
}

interface LeafProps {
  c: Criterion;
  r: CriterionResult | undefined;
  hideTitle?: boolean;
  draft: Draft;
  system: Map<string, { key: string; value: FactValue; source: string }>;
  files: Record<string, StoredFile>;
  editable: boolean;
  canExplain: boolean;
  participant: ParticipantDetail;
  byCriterion: Map<string, string[]>;
  appraisalOf: Map<string, Appraisal>;
  final: TryResult | null;
  setFact: (key: string, value: FactValue) => void;
  setNote: (id: string, text: string) => void;
  addFile: (id: string, f: StoredFile) => void;
  removeFile: (id: string, fileId: string) => void;
  onExplained: () => void;
}

function LeafBlock({
  c,
  r,
  hideTitle,
  draft,
  system,
  files,
  editable,
  canExplain,
  participant,
  byCriterion,
  appraisalOf,
  final,
  setFact,
  setNote,
  addFile,
  removeFile,
  onExplained,
}: LeafProps) {
  const scored = c.max !== undefined;
  const evidence = draft.evidence[c.id] ?? [];
  const problems = byCriterion.get(c.id) ?? [];
  const appraisal = appraisalOf.get(c.id);
  const finalResult = final ? findResult(final.criteria, c.id) : undefined;
  return (
    <div style={{ padding: "8px 0 12px", borderBottom: "1px dashed #f0f0f0" }} data-testid={`criterion-${c.id}`}>
      {!hideTitle ? (
        <div style={{ display: "flex", justifyContent: "space-between", gap: 8, flexWrap: "wrap" }}>
          <Typography.Text>
            {c.code ? <strong>{c.code}. </strong> : null}
            {c.title}
          </Typography.Text>
          <span data-testid={`points-${c.id}`}>
            <ResultPoints r={r} />
          </span>
        </div>
      ) : (
        <span data-testid={`points-${c.id}`} style={{ display: "none" }}>
          <ResultPoints r={r} />
        </span>
      )}
      <Typography.Text type={r?.missing.length ? "warning" : "secondary"} style={{ fontSize: 12, display: "block" }} data-testid={`explanation-${c.id}`}>
        {r?.explanation ?? ""}
      </Typography.Text>
      <FormBlock>
        <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))", columnGap: 12, marginTop: 8 }}>
          {inputsOf(c).map((def) => {
            const known = system.get(def.key);
            return (
              <div key={def.key} data-testid={`fact-${c.id}-${def.key}`}>
                {known ? (
                  <Field
                    label={def.label}
                    help={
                      <span data-testid={`source-${def.key}`}>
                        <Tag color="geekblue" style={{ marginInlineEnd: 4 }}>
                          {t("mv.sa.systemTag")}
                        </Tag>
                        {known.source}
                      </span>
                    }
                  >
                    <Input value={factText(def, known.value)} readOnly variant="filled" />
                  </Field>
                ) : (
                  <Field label={def.label} tooltip={def.help}>
                    <FactInput def={def} value={draft.facts[def.key]} onChange={(v) => setFact(def.key, v)} disabled={!editable} />
                  </Field>
                )}
              </div>
            );
          })}
        </div>
      </FormBlock>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(260px, 1fr))", gap: 12 }}>
        <div>
          <Typography.Text style={{ fontSize: 13 }}>
            {t("mv.sa.evidence")}
            {c.requiresEvidence ? <Typography.Text type="danger"> *</Typography.Text> : null}
          </Typography.Text>
          <Space orientation="vertical" size={2} style={{ width: "100%" }}>
            {evidence.map((id) =>
              files[id] ? (
                <FileLink key={id} file={files[id]} onRemove={() => removeFile(c.id, id)} disabled={!editable} />
              ) : (
                <Typography.Text key={id} type="secondary">
                  {id}
                </Typography.Text>
              ),
            )}
            {editable ? (
              <Tooltip title={t("mv.file.accepted")}>
                <span>
                  <FileUploadButton
                    unitId={participant.unitId}
                    onUploaded={(f) => addFile(c.id, f)}
                    label={t("mv.sa.addEvidence")}
                    testId={`evidence-upload-${c.id}`}
                  />
                </span>
              </Tooltip>
            ) : evidence.length === 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("mv.sa.noEvidence")}
              </Typography.Text>
            ) : null}
          </Space>
        </div>
        <div>
          <Typography.Text style={{ fontSize: 13, display: "block" }}>{t("mv.sa.note")}</Typography.Text>
          <Input.TextArea
            value={draft.notes[c.id] ?? ""}
            onChange={(e) => setNote(c.id, e.target.value)}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={5000}
            disabled={!editable}
            placeholder={scored ? t("mv.sa.notePlaceholder") : t("mv.sa.noteOptional")}
            aria-label={t("mv.sa.noteFor", { title: c.title })}
            data-testid={`note-${c.id}`}
          />
        </div>
      </div>
      {problems.length ? (
        <Alert
          type="error"
          showIcon
          icon={<ExclamationCircleOutlined />}
          style={{ marginTop: 8 }}
          title={problems.length === 1 ? problems[0] : undefined}
          description={
            problems.length > 1 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : undefined
          }
          data-testid={`problems-${c.id}`}
        />
      ) : null}
      {appraisal ? (
        <AppraisalFinding
          c={c}
          appraisal={appraisal}
          finalResult={finalResult}
          participantId={participant.id}
          canExplain={canExplain}
          onExplained={onExplained}
        />
      ) : null}
    </div>
  );
}

/** What the appraiser decided for a criterion, and the participant's explanation (giải trình) of it. */
function AppraisalFinding({
  c,
  appraisal,
  finalResult,
  participantId,
  canExplain,
  onExplained,
}: {
  c: Criterion;
  appraisal: Appraisal;
  finalResult: CriterionResult | undefined;
  participantId: number;
  canExplain: boolean;
  onExplained: () => void;
}) {
  const { message } = App.useApp();
  const showError = useApiError();
  const [text, setText] = useState(appraisal.explanation ?? "");
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    try {
      await http.put(`/api/participants/${participantId}/appraisals/${c.id}/explanation`, { text: text.trim() });
      message.success(t("mv.sa.explained"));
      onExplained();
    } catch (err) {
      showError(err);
    } finally {
      setSending(false);
    }
  };
  return (
    <div style={{ marginTop: 8, padding: "8px 12px", background: "#fff7e6", borderRadius: 6 }} data-testid={`appraisal-${c.id}`}>
      <Space wrap size={6}>
        <Typography.Text strong>{t("mv.sa.appraised")}</Typography.Text>
        {finalResult ? <ResultPoints r={finalResult} /> : null}
        {appraisal.points !== null ? <Tag>{t("mv.sa.pointsSet")}</Tag> : null}
      </Space>
      {finalResult ? (
        <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
          {finalResult.explanation}
        </Typography.Text>
      ) : null}
      <Typography.Text style={{ display: "block" }}>{t("mv.sa.reason", { reason: appraisal.reason })}</Typography.Text>
      {canExplain ? (
        <div style={{ marginTop: 8 }}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={5000}
            placeholder={t("mv.sa.explainPlaceholder")}
            aria-label={t("mv.sa.explainFor", { title: c.title })}
          />
          <Space wrap style={{ marginTop: 6 }}>
            <Button size="small" onClick={() => void send()} loading={sending} disabled={!text.trim()}>
              {t("mv.sa.explain")}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {appraisal.explainedAt ? t("mv.sa.explainedAt", { at: formatDateTime(appraisal.explainedAt) }) : t("mv.sa.explainHelp")}
            </Typography.Text>
          </Space>
        </div>
      ) : appraisal.explanation ? (
        <Typography.Text style={{ display: "block" }}>{t("mv.sa.explanationText", { text: appraisal.explanation })}</Typography.Text>
      ) : null}
    </div>
  );
}

// Appraisal of one participant: self-assessed and appraised points side by side with the gap, the facts, evidence
// files and notes behind each criterion, and for each criterion assigned to the appraiser (every criterion for the
// office) a correction of the facts or the points, always with a reason.
import { ArrowLeftOutlined, AuditOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Form, Input, Modal, Radio, Row, Space, Spin, Statistic, Tag, Typography } from "antd";
import { Fragment, useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { http } from "../../api/client";
import { hasCapability, useMe } from "../../api/queries";
import { parseId } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import {
  combinedFacts,
  findResult,
  inputsOf,
  leavesOf,
  movementKeys,
  movementPaths,
  useAssessment,
  useMyAssignments,
  useParticipant,
} from "../../components/movement/api";
import { AssessmentTag, FactInput, FileLink, factText, PointsText } from "../../components/movement/parts";
import type { Assessment, CriterionResult, FactValue, StoredFile } from "../../components/movement/types";
import { usePlan } from "../../components/plan/api";
import { Field, FormBlock, Num } from "../../components/plan/fields";
import type { Criterion } from "../../components/plan/model";
import { ErrorState } from "../../components/States";
import { formatNumber } from "../../format";
import { t } from "../../i18n";

const signed = (v: number) => (v > 0 ? `+${formatNumber(v)}` : formatNumber(v));

function gapOf(self: number | null | undefined, final: number | null | undefined): number | null {
  if (self === null || self === undefined || final === null || final === undefined) return null;
  return Math.round((final - self) * 100) / 100;
}

export default function AppraisalPage() {
  const params = useParams();
  const planId = parseId(params.id);
  const participantId = parseId(params.participantId);
  const { data: me } = useMe();
  const participant = useParticipant(participantId);
  const plan = usePlan(planId);
  const assessment = useAssessment(participantId);
  const mine = useMyAssignments(hasCapability(me, "movement.appraise"));
  const [editing, setEditing] = useState<Criterion | null>(null);

  const office = !!plan.data?.can.manageMovement;
  const assigned = useMemo(() => {
    const out = { all: false, ids: new Set<string>() };
    for (const a of mine.data ?? []) {
      if (a.planId !== planId || !a.participants.some((p) => p.id === participantId)) continue;
      if (a.criterionId === null) out.all = true;
      else out.ids.add(a.criterionId);
    }
    return out;
  }, [mine.data, planId, participantId]);

  if (planId === null || participantId === null) return <ErrorState error={new Error(t("mv.participant.notFound"))} />;
  for (const q of [participant, plan, assessment]) if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!participant.data || !plan.data || !assessment.data) return <Spin size="large" style={{ display: "block", margin: "80px auto" }} />;

  const p = participant.data;
  const a = assessment.data;
  const group = plan.data.data.groups.find((g) => g.id === p.groupId);
  if (!group) return <ErrorState error={new Error(t("mv.participant.groupGone"))} />;
  const mayAppraise = (id: string) => office || assigned.all || assigned.ids.has(id);
  const open = a.status !== "draft";
  const facts = combinedFacts(a);
  const selfFacts = combinedFacts({ ...a, appraisals: [] });
  const files = new Map(a.evidenceFiles.map((f) => [f.id, f]));
  const totalGap = gapOf(a.selfScore.total, a.finalScore.total);

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to={office ? movementPaths.plan(plan.data.id, "doi-tuong") : movementPaths.appraisals} style={{ fontSize: 13 }}>
          <ArrowLeftOutlined /> {office ? plan.data.title : t("mv.appr.title")}
        </Link>
        <Typography.Title level={4} style={{ margin: "4px 0 2px" }} data-testid="appraisal-name">
          {t("mv.ap.title", { name: p.name })}
        </Typography.Title>
        <Space wrap size={6}>
          <Tag style={{ whiteSpace: "normal" }}>{p.groupName}</Tag>
          <AssessmentTag status={a.status} label={a.statusLabel} />
        </Space>
      </div>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title={t("mv.ap.self")}
              value={a.selfScore.total ?? "—"}
              formatter={(v) => (typeof v === "number" ? formatNumber(v) : v)}
              suffix={`/ ${formatNumber(a.selfScore.max)}`}
              data-testid="appraisal-self-total"
            />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title={t("mv.ap.final")}
              value={a.finalScore.total ?? "—"}
              formatter={(v) => (typeof v === "number" ? formatNumber(v) : v)}
              suffix={`/ ${formatNumber(a.finalScore.max)}`}
              data-testid="appraisal-final-total"
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t("mv.ap.gap")}
              value={totalGap === null ? "—" : signed(totalGap)}
              styles={{ content: { color: totalGap !== null && totalGap < 0 ? "#cf1322" : undefined } }}
              data-testid="appraisal-gap"
            />
          </Card>
        </Col>
      </Row>
      {!open ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("mv.ap.notSubmitted")} /> : null}
      {!office && !assigned.all && assigned.ids.size === 0 && !mine.isPending ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("mv.ap.readOnly")} />
      ) : null}
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        {group.criteria.map((top) => (
          <Card
            key={top.id}
            size="small"
            title={<span style={{ whiteSpace: "normal" }}>{`${top.code ? `${top.code}. ` : ""}${top.title}`}</span>}
            extra={<Compare self={findResult(a.selfScore.criteria, top.id)} final={findResult(a.finalScore.criteria, top.id)} />}
          >
            {(top.children?.length ? leavesOf(top.children) : [top]).map((leaf) => (
              <Fragment key={leaf.id}>
                <AppraisalLeaf
                  c={leaf}
                  a={a}
                  self={findResult(a.selfScore.criteria, leaf.id)}
                  final={findResult(a.finalScore.criteria, leaf.id)}
                  selfFacts={selfFacts}
                  facts={facts}
                  files={files}
                  canAppraise={open && mayAppraise(leaf.id)}
                  onAppraise={() => setEditing(leaf)}
                  showTitle={leaf !== top}
                />
              </Fragment>
            ))}
          </Card>
        ))}
      </Space>
      {editing ? <AppraiseModal c={editing} a={a} facts={facts} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function Compare({ self, final }: { self: CriterionResult | undefined; final: CriterionResult | undefined }) {
  if (!self || !final) return null;
  const gap = gapOf(self.points, final.points);
  return (
    <Space size={6} wrap>
      <PointsText points={self.points} max={self.max} passed={self.passed} notApplicable={self.notApplicable} />
      {gap !== null && gap !== 0 ? (
        <>
          <span>→</span>
          <PointsText points={final.points} max={final.max} passed={final.passed} notApplicable={final.notApplicable} />
          <Tag color={gap < 0 ? "red" : "green"}>{signed(gap)}</Tag>
        </>
      ) : null}
    </Space>
  );
}

function AppraisalLeaf({
  c,
  a,
  self,
  final,
  selfFacts,
  facts,
  files,
  canAppraise,
  onAppraise,
  showTitle,
}: {
  c: Criterion;
  a: Assessment;
  self: CriterionResult | undefined;
  final: CriterionResult | undefined;
  selfFacts: Record<string, FactValue>;
  facts: Record<string, FactValue>;
  files: Map<string, StoredFile>;
  canAppraise: boolean;
  onAppraise: () => void;
  showTitle: boolean;
}) {
  const appraisal = a.appraisals.find((x) => x.criterionId === c.id);
  const system = new Map(a.systemFacts.map((s) => [s.key, s]));
  const evidence = a.evidence[c.id] ?? [];
  const note = a.notes[c.id];
  const gap = gapOf(self?.points, final?.points);
  return (
    <div style={{ padding: "8px 0 12px", borderBottom: "1px dashed #f0f0f0" }} data-testid={`appraise-${c.id}`}>
      <div style={{ display: "flex", justifyContent: "space-between", gap: 8, flexWrap: "wrap" }}>
        <Typography.Text>
          {showTitle ? (
            <>
              {c.code ? <strong>{c.code}. </strong> : null}
              {c.title}
            </>
          ) : (
            <Typography.Text type="secondary">{t("mv.ap.thisCriterion")}</Typography.Text>
          )}
        </Typography.Text>
        <Space size={6} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("mv.ap.selfShort")}
          </Typography.Text>
          <span data-testid={`self-points-${c.id}`}>
            <PointsText points={self?.points ?? null} max={self?.max ?? null} passed={self?.passed} notApplicable={self?.notApplicable} />
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("mv.ap.finalShort")}
          </Typography.Text>
          <span data-testid={`final-points-${c.id}`}>
            <PointsText points={final?.points ?? null} max={final?.max ?? null} passed={final?.passed} notApplicable={final?.notApplicable} />
          </span>
          {gap !== null && gap !== 0 ? (
            <Tag color={gap < 0 ? "red" : "green"} data-testid={`gap-${c.id}`}>
              {signed(gap)}
            </Tag>
          ) : null}
          {canAppraise ? (
            <Button size="small" type={appraisal ? "default" : "primary"} ghost={!appraisal} icon={<AuditOutlined />} onClick={onAppraise}>
              {appraisal ? t("mv.ap.change") : t("mv.ap.appraise")}
            </Button>
          ) : null}
        </Space>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
        {t("mv.ap.selfExplanation", { text: self?.explanation ?? "" })}
      </Typography.Text>
      {appraisal ? (
        <Typography.Text style={{ fontSize: 12, display: "block" }} data-testid={`final-explanation-${c.id}`}>
          {t("mv.ap.finalExplanation", { text: final?.explanation ?? "" })}
        </Typography.Text>
      ) : null}
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))", gap: "4px 12px", marginTop: 6 }}>
        {inputsOf(c).map((def) => {
          const before = selfFacts[def.key];
          const after = facts[def.key];
          const changed = JSON.stringify(before ?? null) !== JSON.stringify(after ?? null);
          return (
            <div key={def.key} style={{ fontSize: 13 }}>
              <Typography.Text type="secondary">{def.label}: </Typography.Text>
              <Typography.Text delete={changed}>{factText(def, before)}</Typography.Text>
              {changed ? <Typography.Text strong>{` → ${factText(def, after)}`}</Typography.Text> : null}
              {system.has(def.key) ? (
                <Tag color="geekblue" style={{ marginInlineStart: 4 }}>
                  {t("mv.sa.systemTag")}
                </Tag>
              ) : null}
            </div>
          );
        })}
      </div>
      <div style={{ marginTop: 6 }}>
        {evidence.length ? (
          <Space orientation="vertical" size={0}>
            {evidence.map((id) => {
              const f = files.get(id);
              return f ? <FileLink key={id} file={f} /> : null;
            })}
          </Space>
        ) : null}
        {note ? (
          <Typography.Paragraph style={{ margin: 0, fontSize: 13 }}>
            <Typography.Text type="secondary">{t("mv.ap.note")} </Typography.Text>
            {note}
          </Typography.Paragraph>
        ) : null}
        {!evidence.length && !note && c.max !== undefined ? (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t("mv.ap.noSupport")}
          </Typography.Text>
        ) : null}
      </div>
      {appraisal ? (
        <div style={{ marginTop: 6, padding: "6px 10px", background: "#fff7e6", borderRadius: 6, fontSize: 13 }}>
          <div>{t("mv.sa.reason", { reason: appraisal.reason })}</div>
          {appraisal.explanation ? <div>{t("mv.sa.explanationText", { text: appraisal.explanation })}</div> : null}
        </div>
      ) : null}
    </div>
  );
}

function AppraiseModal({ c, a, facts, onClose }: { c: Criterion; a: Assessment; facts: Record<string, FactValue>; onClose: () => void }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const existing = a.appraisals.find((x) => x.criterionId === c.id);
  const inputs = inputsOf(c);
  const [mode, setMode] = useState<"facts" | "points">(
    existing?.points !== null && existing?.points !== undefined ? "points" : inputs.length ? "facts" : "points",
  );
  const [values, setValues] = useState<Record<string, FactValue>>(() => Object.fromEntries(inputs.map((i) => [i.key, facts[i.key] ?? null])));
  const [points, setPoints] = useState<number | undefined>(existing?.points ?? undefined);
  const [reason, setReason] = useState(existing?.reason ?? "");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!reason.trim()) {
      setReasonError(t("mv.ap.reasonRequired"));
      return;
    }
    setSaving(true);
    try {
      const body =
        mode === "points"
          ? { points: points ?? null, reason: reason.trim() }
          : { facts: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== "")), reason: reason.trim() };
      await http.put(`/api/participants/${a.participantId}/appraisals/${c.id}`, body);
      message.success(t("mv.ap.saved"));
      await queryClient.invalidateQueries({ queryKey: movementKeys.assessment(a.participantId) });
      onClose();
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t("mv.ap.modalTitle", { title: `${c.code ? `${c.code}. ` : ""}${c.title}` })}
      okText={t("mv.ap.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      width={640}
    >
      <FormBlock>
        {c.max !== undefined && inputs.length ? (
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            optionType="button"
            style={{ marginBottom: 12 }}
            options={[
              { value: "facts", label: t("mv.ap.modeFacts") },
              { value: "points", label: t("mv.ap.modePoints") },
            ]}
          />
        ) : null}
        {mode === "facts" ? (
          <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))", columnGap: 12 }} data-testid="appraise-facts">
            {inputs.map((def) => (
              <Field key={def.key} label={def.label} tooltip={def.help}>
                <FactInput def={def} value={values[def.key]} onChange={(v) => setValues((prev) => ({ ...prev, [def.key]: v }))} />
              </Field>
            ))}
          </div>
        ) : (
          <Field label={t("mv.ap.points", { max: formatNumber(c.max ?? 0) })}>
            <Num value={points} onChange={setPoints} min={0} max={c.max} />
          </Field>
        )}
        <Form.Item label={t("mv.ap.reason")} required validateStatus={reasonError ? "error" : undefined} help={reasonError ?? t("mv.ap.reasonHelp")}>
          <Input.TextArea
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (e.target.value.trim()) setReasonError(null);
            }}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={2000}
            aria-label={t("mv.ap.reason")}
          />
        </Form.Item>
      </FormBlock>
    </Modal>
  );
}

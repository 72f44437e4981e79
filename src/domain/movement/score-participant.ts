// "What is this participant's score?" — answered here and nowhere else: the self-assessment view, its live
// preview, the ranking and eligibility all call `scoreParticipant` over records from one loader. Pure.
import type { Facts } from "../plan/conditions.js";
import { leafCriteria } from "../plan/rule-inputs.js";
import type { Group, InputDef, Plan } from "../plan/schema.js";
import { type CriterionResult, type ScoreResult, scoreCriteria } from "../plan/scoring.js";
import { combineFacts, type SystemFact } from "./facts.js";

export interface AssessmentRecord {
  status: string;
  facts: Facts;
  /** Evidence file ids per criterion. */
  evidence: Record<string, string[]>;
}

export interface AppraisalRecord {
  criterionId: string;
  facts: Facts;
  points: number | null;
  reason: string;
}

/** Everything a participant is scored on, as the records loader gathers it. */
export interface ParticipantRecords {
  assessment: AssessmentRecord | null;
  /** Facts the system's own records give, for the inputs the group's criteria declare. */
  system: SystemFact[];
  appraisals: AppraisalRecord[];
}

export interface Who {
  /** Null for a collective. */
  personId: number | null;
  isHead: boolean;
}

export interface ParticipantScore {
  /** Submitted (or confirmed): the self-assessment is declared and counts for ranking and awards. */
  submitted: boolean;
  system: SystemFact[];
  /** As self-assessed (the participant's facts under the system's). */
  self: ScoreResult;
  /** After appraisal (appraised facts and points override); the self score when nothing was appraised. */
  final: ScoreResult;
  /** The facts the final score used. */
  facts: Facts;
}

/**
 * A participant's self and appraised scores. Head-only criteria count for an individual who heads a unit and for
 * no other individual; a collective is scored on every criterion. A criterion that requires evidence scores 0
 * without a file attached.
 */
export function scoreParticipant(group: Group, classification: Plan["classification"], who: Who, records: ParticipantRecords): ParticipantScore {
  const assessment = records.assessment ?? { status: "draft", facts: {}, evidence: {} };
  const evidence = Object.fromEntries(leafCriteria(group.criteria).map((c) => [c.id, (assessment.evidence[c.id] ?? []).length > 0]));
  const opts = { isHead: who.personId !== null ? who.isHead : undefined, evidence };
  const selfFacts = combineFacts({ self: assessment.facts, system: records.system });
  const self = scoreCriteria(group.criteria, selfFacts, opts, classification);
  const found = records.appraisals;
  const overrides = Object.fromEntries(found.filter((a) => a.points !== null).map((a) => [a.criterionId, { points: a.points as number, reason: a.reason }]));
  const facts = combineFacts({ self: assessment.facts, system: records.system, appraised: found.map((a) => a.facts) });
  const final = found.length ? scoreCriteria(group.criteria, facts, { ...opts, overrides }, classification) : self;
  return { submitted: assessment.status !== "draft", system: records.system, self, final, facts };
}

/** What awards are judged on: a submitted assessment's appraised facts and criteria; before that, only what the system knows. */
export interface AwardBasis {
  submitted: boolean;
  facts: Facts;
  /** Whether each qualitative criterion passed (undefined: not decided). */
  criteria: Record<string, boolean | undefined>;
}

/**
 * The facts and criteria eligibility reads. `extra` are the system facts an eligibility rule reads but no criterion
 * declares; they fill only keys the score left empty.
 */
export function awardBasis(score: ParticipantScore | null, system: SystemFact[], extra: SystemFact[] = []): AwardBasis {
  // A draft self-assessment is not yet declared: only what the system knows counts.
  const facts = score?.submitted ? { ...score.facts } : combineFacts({ system });
  for (const s of extra) if (facts[s.key] === undefined) facts[s.key] = s.value;
  return { submitted: score?.submitted ?? false, facts, criteria: score?.submitted ? passedCriteria(score.final.criteria) : {} };
}

function passedCriteria(rs: CriterionResult[], into: Record<string, boolean | undefined> = {}) {
  for (const r of rs) {
    into[r.id] = r.passed;
    if (r.children?.length) passedCriteria(r.children, into);
  }
  return into;
}

/** Inputs of eligibility rules that read the system's records (not typed in by anyone). */
export function eligibilitySystemInputs(data: Plan): InputDef[] {
  const seen = new Map<string, InputDef>();
  for (const r of data.eligibility)
    if (r.check.type === "fact") for (const i of r.check.inputs) if (i.origin !== "manual" && !seen.has(i.key)) seen.set(i.key, i);
  return [...seen.values()];
}

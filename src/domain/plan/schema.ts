// The plan model: everything an emulation plan says, as data. Zod is the single source of truth for
// templates, the API and the editor; types are inferred from it.
import { z } from "zod";
import { calendarDate } from "../calendar-date.js";

const id = z
  .string({ error: "Thiếu mã định danh." })
  .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, "Mã định danh chỉ gồm chữ thường không dấu, số và . _ - (tối đa 64 ký tự).");
const text = (label: string) =>
  z
    .string({ error: `Thiếu ${label}.` })
    .trim()
    .min(1, `Thiếu ${label}.`);
const isoDate = calendarDate;
/** The seed's own words an item comes from, verbatim, so a reader can find it in the plan. */
const source = z.string().trim().min(1).optional();

export const INPUT_TYPES = ["number", "percent", "count", "date", "boolean", "choice"] as const;
/** Where a fact's value comes from: typed by people, or computed from the system's own records. */
export const FACT_ORIGINS = ["manual", "late_reports", "missing_reports", "recognised_initiatives", "substantiated_complaints", "indicator"] as const;

export const inputSchema = z.strictObject({
  key: id,
  label: text("tên dữ kiện"),
  type: z.enum(INPUT_TYPES, { error: "Kiểu dữ kiện phải là number, percent, count, date, boolean hoặc choice." }),
  choices: z.array(z.string()).optional(),
  unit: z.string().optional(),
  origin: z.enum(FACT_ORIGINS).default("manual"),
  metric: z.string().optional(),
  help: z.string().optional(),
});
export type InputDef = z.infer<typeof inputSchema>;

type Scalar = number | string | boolean;
export type Condition =
  | { input: string; op: "eq" | "ne" | "gt" | "gte" | "lt" | "lte"; value: Scalar }
  | { input: string; op: "in"; values: Scalar[] }
  | { input: string; op: "true" | "false" | "present" | "absent" }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { expr: string; label?: string };

const scalar = z.union([z.number(), z.string(), z.boolean()]);
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ input: id, op: z.enum(["eq", "ne", "gt", "gte", "lt", "lte"]), value: scalar }),
    z.strictObject({ input: id, op: z.literal("in"), values: z.array(scalar).min(1) }),
    z.strictObject({ input: id, op: z.enum(["true", "false", "present", "absent"]) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ expr: z.string().min(1), label: z.string().optional() }),
  ]),
);

const band = z.strictObject({
  min: z.number().optional(),
  minInclusive: z.boolean().default(true),
  max: z.number().optional(),
  maxInclusive: z.boolean().default(false),
  points: z.number(),
  label: z.string().optional(),
});

export type Rule =
  | { kind: "fixed"; cases: { when: Condition; points: number; label?: string }[]; otherwise: number; otherwiseLabel?: string }
  | { kind: "per_occurrence"; input: string; base: number; each: number; floor?: number; cap?: number; maxCount?: number; noun?: string }
  | ({ kind: "bands"; input: string; bands: z.infer<typeof band>[] } & RateOf)
  | { kind: "lateness"; input: string; due: string; unit: "day" | "month"; onTime: number; perStep: number; floor?: number; missing: number }
  | ({ kind: "linear"; input: string; full?: number; scale?: number } & RateOf)
  | { kind: "peer_average"; input: string; higherIsBetter: boolean; atOrBetter: number; worse: number }
  | { kind: "sample_check"; sampledInput: string; confirmedInput: string; each: number }
  | { kind: "manual"; input: string }
  | { kind: "sum"; parts: Rule[]; zeroWhen?: Condition; zeroLabel?: string }
  | { kind: "pass_fail"; when: Condition; passLabel?: string; failLabel?: string; unless?: Condition; unlessLabel?: string };

/**
 * A rule may read a rate of two counts instead of one input: `input` is the numerator (cases done) and `per` the
 * denominator (cases in scope); the rate is a percentage capped at 100, and `whenNone` is the rate to use when
 * nothing was in scope (the plan must say it: full marks and none are both common).
 */
export interface RateOf {
  per?: string;
  whenNone?: number;
}
const rateOf = { per: id.optional(), whenNone: z.number().min(0).max(100).optional() };

export const ruleSchema: z.ZodType<Rule> = z.lazy(
  () =>
    z.discriminatedUnion("kind", [
      z.strictObject({
        kind: z.literal("fixed"),
        cases: z.array(z.strictObject({ when: conditionSchema, points: z.number(), label: z.string().optional() })).min(1),
        otherwise: z.number(),
        otherwiseLabel: z.string().optional(),
      }),
      z.strictObject({
        kind: z.literal("per_occurrence"),
        input: id,
        base: z.number(),
        each: z.number(),
        floor: z.number().optional(),
        cap: z.number().optional(),
        maxCount: z.number().int().positive().optional(),
        noun: z.string().optional(),
      }),
      z.strictObject({ kind: z.literal("bands"), input: id, bands: z.array(band).min(1), ...rateOf }),
      z.strictObject({
        kind: z.literal("lateness"),
        input: id,
        due: isoDate,
        unit: z.enum(["day", "month"]),
        onTime: z.number(),
        perStep: z.number().min(0),
        floor: z.number().optional(),
        missing: z.number(),
      }),
      z.strictObject({ kind: z.literal("linear"), input: id, full: z.number().positive().optional(), scale: z.number().optional(), ...rateOf }),
      z.strictObject({ kind: z.literal("peer_average"), input: id, higherIsBetter: z.boolean(), atOrBetter: z.number(), worse: z.number() }),
      z.strictObject({ kind: z.literal("sample_check"), sampledInput: id, confirmedInput: id, each: z.number().positive() }),
      z.strictObject({ kind: z.literal("manual"), input: id }),
      z.strictObject({ kind: z.literal("sum"), parts: z.array(ruleSchema).min(1), zeroWhen: conditionSchema.optional(), zeroLabel: z.string().optional() }),
      z.strictObject({
        kind: z.literal("pass_fail"),
        when: conditionSchema,
        passLabel: z.string().optional(),
        failLabel: z.string().optional(),
        unless: conditionSchema.optional(),
        unlessLabel: z.string().optional(),
      }),
    ]) as z.ZodType<Rule>,
);

export interface Criterion {
  id: string;
  code?: string;
  title: string;
  /** Max points (điểm chuẩn); absent for a qualitative (pass/fail) criterion. */
  max?: number;
  /** Section of the total: main points, a bonus section, or a penalty section (subtracted). */
  section?: "main" | "bonus" | "penalty";
  inputs?: InputDef[];
  rule?: Rule;
  children?: Criterion[];
  /** A unit to which the criterion does not apply gets fixed points, or has its max redistributed. */
  notApplicable?: { input: string; points?: number; redistribute?: boolean; label?: string };
  requiresEvidence?: boolean;
  cap?: number;
  /** The children are scored on their own scale (their maxes' sum) and converted to this criterion's max. */
  rescale?: boolean;
  appliesTo?: { heads?: boolean };
  source?: string;
}

export const criterionSchema: z.ZodType<Criterion> = z.lazy(() =>
  z.strictObject({
    id,
    code: z.string().optional(),
    title: text("tên tiêu chí"),
    max: z.number().min(0, "Điểm chuẩn không được âm.").optional(),
    section: z.enum(["main", "bonus", "penalty"]).optional(),
    inputs: z.array(inputSchema).optional(),
    rule: ruleSchema.optional(),
    children: z.array(criterionSchema).optional(),
    notApplicable: z.strictObject({ input: id, points: z.number().optional(), redistribute: z.boolean().optional(), label: z.string().optional() }).optional(),
    requiresEvidence: z.boolean().optional(),
    cap: z.number().optional(),
    rescale: z.boolean().optional(),
    appliesTo: z.strictObject({ heads: z.boolean().optional() }).optional(),
    source,
  }),
);

export const membershipSchema = z.strictObject({
  unitKinds: z.array(z.string()).optional(),
  unitCodes: z.array(z.string()).optional(),
  withinUnitCodes: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
  positions: z.array(z.string()).optional(),
  headsOnly: z.boolean().optional(),
  description: z.string().optional(),
});

export const groupSchema = z.strictObject({
  id,
  name: text("tên nhóm đối tượng"),
  type: z.enum(["collective", "individual"], { error: "Nhóm đối tượng phải là tập thể (collective) hoặc cá nhân (individual)." }),
  membership: membershipSchema.default({}),
  criteria: z.array(criterionSchema).default([]),
  /**
   * The group's own ranking chain, replacing the plan's tie-break chain: for a group ranked without points (by a
   * count or an indicator, "input:<id>"). A group whose criteria carry no points and has no chain is not ranked.
   */
  rankBy: z.array(z.string()).optional(),
  source,
});

export const targetSchema = z.strictObject({
  id,
  label: text("tên chỉ tiêu"),
  metric: id,
  comparator: z.enum(["gte", "gt", "lte", "lt", "eq", "between", "up_on_previous", "at_least_rank"]),
  value: z.number().optional(),
  value2: z.number().optional(),
  unit: z.string().optional(),
  groups: z.array(id).optional(),
  appliesTo: z.strictObject({ heads: z.boolean().optional() }).optional(),
  /**
   * "movement": one figure for the whole movement, read once from the issuer's own indicator values (e.g. new
   * enterprises city-wide); "participant" (the default): each participant's own values.
   */
  level: z.enum(["movement", "participant"]).optional(),
  source,
});

export const MILESTONE_KINDS = ["registration", "subordinate_plans", "report", "self_assessment", "dossier", "appraisal", "movement_end", "other"] as const;
export const milestoneSchema = z.strictObject({
  id,
  kind: z.enum(MILESTONE_KINDS),
  label: text("tên mốc thời gian"),
  due: isoDate.optional(),
  from: isoDate.optional(),
  source,
});

export const quotaSchema = z.union([
  z.strictObject({ kind: z.literal("count"), max: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal("share"), percent: z.number().min(0).max(100) }),
  z.strictObject({ kind: z.literal("unlimited") }),
]);

export const awardFormSchema = z.strictObject({
  id,
  name: text("tên hình thức khen thưởng"),
  issuerLevel: z.enum(["central", "province", "district", "commune", "unit"]),
  issuerTitle: z.string().optional(),
  target: z.enum(["collective", "individual", "both"]),
  quotas: z.array(z.strictObject({ target: z.enum(["collective", "individual"]), quota: quotaSchema, groups: z.array(id).optional(), source })).default([]),
  /** Key into the dated legal table of reward coefficients (e.g. "bang_khen_tinh"). */
  moneyKey: z.string().optional(),
  proposeToUpperLevel: z.boolean().default(false),
  source,
});

export const dossierComponentSchema = z.strictObject({
  id,
  name: text("tên thành phần hồ sơ"),
  required: z.boolean().default(true),
  template: z.string().optional(),
  source,
});

export const eligibilityRuleSchema = z.strictObject({
  id,
  kind: z.enum(["required", "excluding", "priority"]),
  awardForms: z.array(id).optional(),
  /** Participant groups the rule applies to (all when absent). */
  groups: z.array(id).optional(),
  target: z.enum(["collective", "individual", "both"]).default("both"),
  check: z.union([
    z.strictObject({ type: z.literal("registered") }),
    z.strictObject({ type: z.literal("self_assessment_submitted") }),
    z.strictObject({ type: z.literal("dossier_on_time") }),
    z.strictObject({ type: z.literal("dossier_complete") }),
    z.strictObject({ type: z.literal("score_at_least"), value: z.number() }),
    z.strictObject({ type: z.literal("rank_at_most"), value: z.number().int().positive() }),
    z.strictObject({ type: z.literal("classification_at_least"), value: z.string() }),
    z.strictObject({ type: z.literal("target_met"), target: id }),
    z.strictObject({ type: z.literal("criterion_passed"), criterion: id }),
    z.strictObject({ type: z.literal("fact"), when: conditionSchema, inputs: z.array(inputSchema).default([]) }),
  ]),
  message: text("nội dung điều kiện"),
  source,
});

export const voteRuleSchema = z.strictObject({
  ballot: z.enum(["secret", "open"]),
  quorumPercent: z.number().min(0).max(100),
  denominator: z.enum(["members", "present"]),
  thresholdPercent: z.number().min(0).max(100),
  source,
});

export const classificationSchema = z.strictObject({
  bands: z
    .array(
      z.strictObject({
        label: text("tên mức xếp loại"),
        min: z.number(),
        requires: z.array(conditionSchema).optional(),
        inputs: z.array(inputSchema).optional(),
      }),
    )
    .default([]),
  ceilings: z
    .array(z.strictObject({ when: conditionSchema, atMost: z.string(), reason: text("lý do giới hạn"), inputs: z.array(inputSchema).optional() }))
    .default([]),
  tieBreak: z.array(z.string()).default(["total"]),
});

export const planSchema = z.strictObject({
  schemaVersion: z.literal(1).default(1),
  code: id,
  issuer: z.strictObject({
    parent: z.string().optional(),
    name: text("cơ quan ban hành"),
    unitCode: z.string().optional(),
    level: z.enum(["province", "district", "commune", "unit"]),
  }),
  number: z.string().optional(),
  symbol: z.string().default("KH-UBND"),
  place: z.string().optional(),
  issuedOn: isoDate.optional(),
  title: text("tên kế hoạch"),
  theme: z.string().optional(),
  year: z.number().int().min(2000).max(2100),
  period: z.strictObject({ from: isoDate.optional(), to: isoDate }),
  legalBases: z.array(z.strictObject({ text: text("căn cứ"), source })).default([]),
  purposes: z.array(z.string()).default([]),
  requirements: z.array(z.string()).default([]),
  parentPlan: z.strictObject({ code: z.string().optional(), reference: z.string() }).optional(),
  contents: z.array(z.strictObject({ id, area: z.string(), text: text("nội dung"), groups: z.array(id).optional(), source })).default([]),
  groups: z.array(groupSchema).min(1, "Kế hoạch cần ít nhất một nhóm đối tượng thi đua."),
  targets: z.array(targetSchema).default([]),
  milestones: z.array(milestoneSchema).default([]),
  awardForms: z.array(awardFormSchema).default([]),
  dossier: z.array(dossierComponentSchema).default([]),
  eligibility: z.array(eligibilityRuleSchema).default([]),
  vote: voteRuleSchema.optional(),
  achievementReport: z.strictObject({ template: z.string(), decree: z.string(), source }).optional(),
  classification: classificationSchema.default({ bands: [], ceilings: [], tieBreak: ["total"] }),
  signer: z.strictObject({ authority: z.string().optional(), title: z.string(), name: z.string() }).optional(),
  recipients: z.array(z.string()).default([]),
  notes: z.array(z.string()).default([]),
});

export type Plan = z.infer<typeof planSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Target = z.infer<typeof targetSchema>;
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

// Which inputs a criteria tree declares and which ones a rule or condition reads. Shared by the scoring engine,
// the plan checks and the web editor (which bundles this file), so it imports types only: no zod, no Node.
import type { Condition, Criterion, InputDef, Rule } from "./schema.js";

/** The input keys a condition reads (an expression names its own, read when it is evaluated). */
export function conditionInputKeys(cond: Condition): string[] {
  if ("all" in cond) return cond.all.flatMap(conditionInputKeys);
  if ("any" in cond) return cond.any.flatMap(conditionInputKeys);
  if ("not" in cond) return conditionInputKeys(cond.not);
  if ("expr" in cond) return [];
  return [cond.input];
}

const keysOfRule = new WeakMap<Rule, string[]>();

/** The input keys a rule reads, its conditions included (memoised per rule object: the engine asks often). */
export function ruleInputKeys(rule: Rule): string[] {
  let keys = keysOfRule.get(rule);
  if (!keys) {
    keys = computeRuleInputKeys(rule);
    keysOfRule.set(rule, keys);
  }
  return keys;
}

function computeRuleInputKeys(rule: Rule): string[] {
  switch (rule.kind) {
    case "fixed":
      return rule.cases.flatMap((c) => conditionInputKeys(c.when));
    case "sum":
      return [...rule.parts.flatMap(ruleInputKeys), ...(rule.zeroWhen ? conditionInputKeys(rule.zeroWhen) : [])];
    case "pass_fail":
      return [...conditionInputKeys(rule.when), ...(rule.unless ? conditionInputKeys(rule.unless) : [])];
    case "linear":
    case "bands":
      return rule.per ? [rule.input, rule.per] : [rule.input];
    case "sample_check":
      return [rule.sampledInput, rule.confirmedInput];
    default:
      return [rule.input];
  }
}

/** Every input declared in a criteria tree, in tree order (a key declared twice appears twice). */
export function declaredInputs(criteria: Criterion[]): InputDef[] {
  return criteria.flatMap((c) => [...(c.inputs ?? []), ...declaredInputs(c.children ?? [])]);
}

/** Inputs with each key once, the first declaration kept (the same fact may be declared by several criteria). */
export function uniqueInputs(inputs: InputDef[]): InputDef[] {
  const seen = new Map<string, InputDef>();
  for (const i of inputs) if (!seen.has(i.key)) seen.set(i.key, i);
  return [...seen.values()];
}

/** The inputs of a criteria tree by key, the last declaration kept (how the engine labels and types facts). */
export function inputsByKey(criteria: Criterion[], into: Record<string, InputDef> = {}): Record<string, InputDef> {
  for (const i of declaredInputs(criteria)) into[i.key] = i;
  return into;
}

/** The criteria that are scored by a rule of their own (those without children). */
export function leafCriteria(criteria: Criterion[]): Criterion[] {
  return criteria.flatMap((c) => (c.children?.length ? leafCriteria(c.children) : [c]));
}

// Which facts the system already knows, and how self-assessed, system and appraised facts combine. Pure.
import type { Facts, FactValue } from "../plan/conditions.js";
import type { InputDef } from "../plan/schema.js";

export interface KnownRecords {
  lateReports: number;
  missingReports: number;
  recognisedInitiatives: number;
  substantiatedComplaints: number;
  /** Latest indicator value per metric for the participant's unit and the plan's period. */
  indicators: Record<string, number>;
}

export interface SystemFact {
  key: string;
  value: FactValue;
  /** Where the value comes from, in Vietnamese, shown next to the pre-filled field. */
  source: string;
}

/** Values for every input whose origin is a system record; inputs without a known value are left out. */
export function systemFacts(inputs: InputDef[], known: KnownRecords): SystemFact[] {
  const out: SystemFact[] = [];
  for (const i of inputs) {
    switch (i.origin) {
      case "late_reports":
        out.push({
          key: i.key,
          value: known.lateReports + known.missingReports,
          source: `Hệ thống: ${known.lateReports} báo cáo gửi trễ, ${known.missingReports} báo cáo chưa gửi khi đã quá hạn`,
        });
        break;
      case "missing_reports":
        out.push({ key: i.key, value: known.missingReports, source: `Hệ thống: ${known.missingReports} báo cáo chưa gửi khi đã quá hạn` });
        break;
      case "recognised_initiatives":
        out.push({ key: i.key, value: known.recognisedInitiatives, source: `Hệ thống: ${known.recognisedInitiatives} sáng kiến đã được công nhận` });
        break;
      case "substantiated_complaints":
        out.push({
          key: i.key,
          value: known.substantiatedComplaints,
          source: `Hệ thống: ${known.substantiatedComplaints} phản ánh, kiến nghị được xác minh là đúng`,
        });
        break;
      case "indicator": {
        const v = i.metric ? known.indicators[i.metric] : undefined;
        // Indicator values are numbers; a yes/no input reads one as "yes" unless it is 0 (e.g. 1 = "đạt loại Khá").
        if (v !== undefined)
          out.push({
            key: i.key,
            value: i.type === "boolean" ? v !== 0 : v,
            source:
              i.type === "boolean"
                ? `Chỉ số "${i.metric}" đã nhập vào hệ thống (${v === 0 ? "0: không" : `${v}: có`})`
                : `Chỉ số "${i.metric}" đã nhập vào hệ thống`,
          });
        break;
      }
    }
  }
  return out;
}

/** The layers of facts about a participant, weakest first. */
export interface FactLayers {
  /** What the participant declared in the self-assessment (only once submitted, where awards are judged). */
  self?: Facts;
  /** What the system's own records say: the participant may not contradict them. */
  system?: SystemFact[];
  /** Appraisers' corrections, in the order they were recorded. */
  appraised?: Facts[];
  /** What the office found about a nominee for one nomination (eligibility only). */
  findings?: Facts;
}

/**
 * The one precedence of facts: the participant's own, then what the system knows, then the appraisers'
 * corrections, then the office's findings for a nomination — each later layer overrides the earlier ones.
 */
export function combineFacts(layers: FactLayers): Facts {
  const facts: Facts = { ...layers.self };
  for (const s of layers.system ?? []) facts[s.key] = s.value;
  for (const a of layers.appraised ?? []) Object.assign(facts, a);
  Object.assign(facts, layers.findings);
  return facts;
}

/** A nominee's facts, already combined, with the office's findings for one nomination on top (the last layer). */
export function withFindings(combined: Facts, findings: Facts): Facts {
  return combineFacts({ self: combined, findings });
}

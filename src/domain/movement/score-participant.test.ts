import { describe, expect, it } from "vitest";
import type { Group, Plan } from "../plan/schema.js";
import { awardBasis, scoreParticipant } from "./score-participant.js";

const group: Group = {
  id: "ca-nhan",
  name: "Cá nhân",
  type: "individual",
  criteria: [
    {
      id: "a",
      title: "Hoàn thành nhiệm vụ",
      max: 10,
      inputs: [{ key: "viec", label: "Số việc trễ", type: "count", origin: "manual" }],
      rule: { kind: "per_occurrence", input: "viec", base: 10, each: -2, floor: 0 },
    },
    {
      id: "b",
      title: "Lãnh đạo đơn vị",
      max: 5,
      appliesTo: { heads: true },
      inputs: [{ key: "bc", label: "Báo cáo trễ", type: "count", origin: "late_reports" }],
      rule: { kind: "per_occurrence", input: "bc", base: 5, each: -1, floor: 0 },
    },
    {
      id: "c",
      title: "Không vi phạm",
      inputs: [{ key: "vp", label: "Có vi phạm", type: "boolean", origin: "manual" }],
      rule: { kind: "pass_fail", when: { input: "vp", op: "false" } },
    },
  ],
} as Group;
const classification = { bands: [], ceilings: [], tieBreak: [] } as unknown as Plan["classification"];
const submitted = { status: "submitted", facts: { viec: 1, bc: 0, vp: false }, evidence: {} };
const system = [{ key: "bc", value: 2, source: "Hệ thống" }];

describe("scoreParticipant", () => {
  it("counts head-only criteria for a head, not for another individual, and lets the system's facts win", () => {
    const head = scoreParticipant(group, classification, { personId: 1, isHead: true }, { assessment: submitted, system, appraisals: [] });
    const staff = scoreParticipant(group, classification, { personId: 2, isHead: false }, { assessment: submitted, system, appraisals: [] });
    expect(head.self.total).toBe(8 + 3);
    expect(staff.self.total).toBe(8);
    expect(staff.self.criteria.map((c) => c.id)).toEqual(["a", "c"]);
  });
  it("applies appraised facts and points over the self-assessment", () => {
    const s = scoreParticipant(
      group,
      classification,
      { personId: 1, isHead: true },
      { assessment: submitted, system, appraisals: [{ criterionId: "a", facts: { vp: true }, points: 4, reason: "Kiểm tra hồ sơ" }] },
    );
    expect(s.final.total).toBe(4 + 3);
    expect(s.facts).toMatchObject({ viec: 1, bc: 2, vp: true });
  });
  it("judges awards on a draft by the system's facts only, and fills rule-only system facts where nothing else did", () => {
    const draft = scoreParticipant(
      group,
      classification,
      { personId: 1, isHead: true },
      { assessment: { ...submitted, status: "draft" }, system, appraisals: [] },
    );
    expect(awardBasis(draft, system, [{ key: "sk", value: 1, source: "" }])).toEqual({ submitted: false, facts: { bc: 2, sk: 1 }, criteria: {} });
    const sent = scoreParticipant(group, classification, { personId: 1, isHead: true }, { assessment: submitted, system, appraisals: [] });
    expect(awardBasis(sent, system, [{ key: "bc", value: 9, source: "" }]).facts.bc).toBe(2);
    expect(awardBasis(sent, system).criteria).toMatchObject({ c: true });
  });
});

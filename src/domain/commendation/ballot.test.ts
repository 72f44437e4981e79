import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addToUrn, type Choice, type Counts, decodeUrn, duplicates, encodeUrn, recusals, recusedOn, tallyCounts } from "./ballot.js";

const rule = { ballot: "secret" as const, quorumPercent: 50, denominator: "members" as const, thresholdPercent: 50 };

describe("recused members are out of a nominee's quorum and threshold", () => {
  it("5 members, all present, 1 recused: 2 of the other 4 is 50 % and passes", () => {
    const t = tallyCounts(rule, 5, 5, { approve: 2, reject: 2, abstain: 0 }, { total: 1, present: 1 });
    expect(t).toMatchObject({ members: 4, present: 4, recused: 1, denominator: 4, passed: true });
    expect(t.explanation).toBe(
      "2/4 phiếu đồng ý (50%, cần ≥ 50% tổng số thành viên không kể 1 thành viên không biểu quyết do xung đột lợi ích) → được thông qua",
    );
  });
  it("without the recusal the same 2 approvals of 5 would fail", () => {
    expect(tallyCounts(rule, 5, 5, { approve: 2, reject: 2, abstain: 0 }).passed).toBe(false);
  });
  it("the quorum counts only members who may vote: 4 members, 2 present, the recused one among them → 1/3, no quorum", () => {
    const t = tallyCounts(rule, 4, 2, { approve: 1, reject: 0, abstain: 0 }, { total: 1, present: 1 });
    expect(t.quorumMet).toBe(false);
    expect(t.explanation).toBe(
      "Không đủ số thành viên dự họp: 1/3 (không kể 1 thành viên không biểu quyết do xung đột lợi ích) (cần ≥ 50%); chưa biểu quyết được",
    );
  });
  it("with the 'present' denominator a recused absentee changes nothing, a recused attendee leaves the base", () => {
    const present = { ...rule, denominator: "present" as const, thresholdPercent: 75 };
    expect(tallyCounts(present, 5, 4, { approve: 3, reject: 0, abstain: 0 }, { total: 1, present: 1 })).toMatchObject({ denominator: 3, passed: true });
    expect(tallyCounts(present, 5, 4, { approve: 3, reject: 1, abstain: 0 }, { total: 1, present: 0 })).toMatchObject({ denominator: 4, passed: true });
  });
  it("everyone recused: no quorum, never passed", () => {
    expect(tallyCounts(rule, 3, 3, { approve: 0, reject: 0, abstain: 0 }, { total: 3, present: 3 })).toMatchObject({ quorumMet: false, passed: false });
  });
  it("counts recusals per nominee, with those present", () => {
    const all = [
      { userId: 1, nominationId: 10, reason: "x" },
      { userId: 2, nominationId: 10, reason: "y" },
      { userId: 2, nominationId: 11, reason: "y" },
    ];
    expect(recusedOn(all, 10, [1, 3])).toEqual({ total: 2, present: 1 });
    expect(recusedOn(all, 12, [1, 2])).toEqual({ total: 0, present: 0 });
  });
});

describe("who is recused", () => {
  const ward = { nominationId: 1, personId: null, unitId: 5, unitName: "Phường 1", unitPath: "/1/5/" };
  const person = { nominationId: 2, personId: 77, unitId: 5, unitName: "Phường 1", unitPath: "/1/5/" };
  const member = (userId: number, ties: Partial<{ personId: number; unitPath: string; headsPaths: string[] }>) => ({
    userId,
    personId: ties.personId ?? null,
    unitPath: ties.unitPath ?? null,
    headsPaths: ties.headsPaths ?? [],
  });
  it.each([
    ["the nominee themself", member(1, { personId: 77, unitPath: "/1/5/" }), [1, 2], ["thuộc Phường 1", "là người được đề nghị khen thưởng"]],
    ["the head of the nominated ward", member(2, { headsPaths: ["/1/5/"] }), [1], ["là thủ trưởng của Phường 1"]],
    ["someone working in the ward", member(3, { personId: 8, unitPath: "/1/5/" }), [1], ["thuộc Phường 1"]],
    ["someone in a section of the ward", member(4, { personId: 9, unitPath: "/1/5/31/" }), [1], ["thuộc Phường 1"]],
    ["the head of a section of the ward", member(5, { headsPaths: ["/1/5/31/"] }), [1], ["thuộc Phường 1"]],
    ["a city official", member(6, { personId: 10, unitPath: "/1/" }), [], []],
    ["someone of a ward whose id starts alike", member(7, { unitPath: "/1/55/" }), [], []],
  ])("%s", (_label, m, nominations, reasons) => {
    const r = recusals([m], [ward, person]);
    expect(r.map((x) => x.nominationId)).toEqual(nominations);
    expect(r.map((x) => x.reason)).toEqual(reasons);
  });
});

describe("agenda ids", () => {
  it("names the ids chosen more than once", () => {
    expect(duplicates([3, 1, 3, 2, 1, 3])).toEqual([3, 1]);
    expect(duplicates([1, 2])).toEqual([]);
  });
});

describe("the urn's content", () => {
  const counts = fc.array(fc.record({ approve: fc.nat(500), reject: fc.nat(500), abstain: fc.nat(500) }), { minLength: 1, maxLength: 30 });
  it("encodes to a fixed width and back", () => {
    fc.assert(
      fc.property(counts, (cs) => {
        const m = new Map<number, Counts>(cs.map((c, i) => [1000 + i * 7, c]));
        const bytes = encodeUrn(m);
        expect(bytes.length).toBe(cs.length * 10);
        expect(decodeUrn(bytes)).toEqual(m);
      }),
    );
  });
  it("adding ballots adds exactly one to each chosen nominee's choice", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom<Choice>("approve", "reject", "abstain"))), (votes) => {
        let m = new Map<number, Counts>([0, 1, 2, 3].map((i) => [i + 1, { approve: 0, reject: 0, abstain: 0 }]));
        for (const [i, choice] of votes) m = addToUrn(m, [{ nominationId: i + 1, choice }]);
        for (const [i] of [0, 1, 2, 3].entries())
          for (const c of ["approve", "reject", "abstain"] as const) expect(m.get(i + 1)?.[c]).toBe(votes.filter(([j, x]) => j === i && x === c).length);
      }),
    );
  });
  it("refuses a nominee not in the urn", () => {
    expect(() => addToUrn(new Map(), [{ nominationId: 9, choice: "approve" }])).toThrow(RangeError);
  });
});

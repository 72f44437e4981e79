import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rank, tieBreakIssues } from "./ranking.js";

describe("tie-break chain", () => {
  const known = { criteria: ["a"], inputs: ["new_firms"] };
  it("accepts every known key and a decider last", () => {
    expect(tieBreakIssues(["total", "criterion:a", "input:new_firms", "priority", "women_share", "decision"], known)).toEqual([]);
    expect(tieBreakIssues(["input:new_firms", "vote"], known)).toEqual([]);
  });
  it("refuses unknown keys, unknown references and a decider before the end", () => {
    expect(tieBreakIssues(["senority"], known)[0]).toContain('"senority" không hợp lệ');
    expect(tieBreakIssues(["criterion:zz"], known)[0]).toContain('tiêu chí "zz"');
    expect(tieBreakIssues(["input:zz"], known)[0]).toContain('chỉ số "zz"');
    expect(tieBreakIssues(["vote", "total"], known)[0]).toContain("chỉ được đặt cuối");
  });
});

describe("rank", () => {
  it("ranks a group without points by a count alone, the office deciding the tie left", () => {
    const items = [
      { id: 1, total: 0, keys: { "input:n": 5 } },
      { id: 2, total: 0, keys: { "input:n": 7 } },
      { id: 3, total: 0, keys: { "input:n": 5 } },
    ];
    const undecided = rank(items, ["input:n", "decision"], { byTotal: false });
    expect(undecided.map((r) => [r.id, r.rank, r.tied])).toEqual([
      [2, 1, false],
      [1, 2, true],
      [3, 2, true],
    ]);
    const decided = rank(items, ["input:n", "decision"], { byTotal: false, decisions: [{ order: [3, 1], reason: "r", reference: "BB 1" }] });
    expect(decided.map((r) => [r.id, r.rank, r.tied, r.decidedBy])).toEqual([
      [2, 1, false, null],
      [3, 2, false, "input:n"],
      [1, 3, false, "decision"],
    ]);
  });
  it("applies priority and women share in the chain's order", () => {
    const items = [
      { id: 1, total: 90, keys: { priority: 0, women_share: 0.9 } },
      { id: 2, total: 90, keys: { priority: 1, women_share: 0.1 } },
    ];
    expect(rank(items, ["total", "priority", "women_share"]).map((r) => [r.id, r.decidedBy])).toEqual([
      [2, null],
      [1, "priority"],
    ]);
    expect(rank(items, ["total", "women_share", "priority"]).map((r) => [r.id, r.decidedBy])).toEqual([
      [1, null],
      [2, "women_share"],
    ]);
  });
  it("property: ranks are 1..n consistent with the order, ties only when every key and decision is equal", () => {
    const item = fc.record({ total: fc.integer({ min: 0, max: 3 }), k: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.boolean(), (raw, decide) => {
        const items = raw.map((r, i) => ({ id: i + 1, total: r.total, keys: { "input:k": r.k } }));
        const decisions = decide ? [{ order: items.map((i) => i.id).reverse(), reason: "x", reference: "y" }] : [];
        const out = rank(items, ["total", "input:k", "decision"], { decisions });
        const byId = new Map(items.map((i) => [i.id, i]));
        out.forEach((r, i) => {
          expect(r.rank).not.toBeNull();
          if (i === 0) expect(r.rank).toBe(1);
          else {
            const a = byId.get(out[i - 1].id)!;
            const b = byId.get(r.id)!;
            const equal = a.total === b.total && a.keys["input:k"] === b.keys["input:k"] && !decide;
            expect(r.rank).toBe(equal ? out[i - 1].rank : i + 1);
            expect(a.total > b.total || (a.total === b.total && a.keys["input:k"] >= b.keys["input:k"])).toBe(true);
          }
        });
        if (decide) expect(out.every((r) => !r.tied)).toBe(true);
      }),
    );
  });
  it("leaves unscored participants unranked", () => {
    expect(rank([{ id: 1, total: null, keys: {} }], ["total"])).toEqual([{ id: 1, rank: null, tied: false, decidedBy: null }]);
  });
});

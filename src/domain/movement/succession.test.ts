import { describe, expect, it } from "vitest";
import { joinEvidence, joinFacts, joinNotes, type SuccessionNote, successionText } from "./succession.js";

describe("succession", () => {
  it("joins facts: union, the successor's value kept where both have one, the other shown", () => {
    const r = joinFacts({ a: 1, b: true, c: "" }, { a: 2, c: 5, d: 7, e: null });
    expect(r.facts).toEqual({ a: 1, b: true, c: 5, d: 7 });
    expect(r.taken).toBe(2);
    expect(r.conflicts).toEqual([{ input: "a", kept: 1, other: 2 }]);
  });
  it("same value twice is no conflict", () => {
    expect(joinFacts({ a: 3 }, { a: 3 }).conflicts).toEqual([]);
  });
  it("keeps both units' evidence and notes", () => {
    expect(joinEvidence({ k: ["f1"] }, { k: ["f2", "f1"], m: ["f3"] })).toEqual({ k: ["f1", "f2"], m: ["f3"] });
    expect(joinNotes({ k: "x" }, { k: "y", m: "z" }, "Phường A")).toEqual({ k: "x\n[Tiếp nhận từ Phường A] y", m: "[Tiếp nhận từ Phường A] z" });
  });
  it("says in Vietnamese what was taken over", () => {
    const n: SuccessionNote = {
      fromUnitId: 1,
      fromUnitName: "Phường A",
      fromParticipantId: 9,
      on: "2025-07-01",
      reports: 1,
      initiatives: 2,
      nominations: 0,
      facts: 3,
      conflicts: [{ input: "tyLe", kept: 90.5, other: 80 }],
      otherReports: [],
      otherAppraisals: [],
    };
    expect(successionText(n, (i) => (i === "tyLe" ? "Tỷ lệ" : i))).toBe(
      "Tiếp nhận từ Phường A (sáp nhập ngày 01/07/2025): 1 báo cáo, 2 sáng kiến, 3 số liệu tự đánh giá. Số liệu cả hai cùng có, giữ của đơn vị tiếp nhận: Tỷ lệ = 90,5 (Phường A: 80).",
    );
  });
});

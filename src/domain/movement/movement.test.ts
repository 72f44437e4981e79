import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { combineFacts, systemFacts } from "./facts.js";
import { rank } from "./ranking.js";
import { countLateOrMissing, reportStatuses } from "./reports.js";

describe("report statuses", () => {
  const ms = [
    { id: "q1", label: "Quý I", due: "2024-03-10" },
    { id: "h1", label: "6 tháng", due: "2024-06-10" },
    { id: "q3", label: "Quý III", due: "2024-09-10" },
    { id: "y", label: "Năm", due: "2024-12-12" },
  ];
  it("on time until 23:59:59 of the due day in Vietnam; late after; missing once the day has passed", () => {
    const s = reportStatuses(
      ms,
      [
        { milestoneId: "q1", submittedAt: new Date("2024-03-10T16:59:00Z") },
        { milestoneId: "h1", submittedAt: new Date("2024-06-10T17:00:01Z") },
      ],
      new Date("2024-10-01T00:00:00Z"),
    );
    expect(s.map((x) => x.state)).toEqual(["on_time", "late", "missing", "pending"]);
    expect(countLateOrMissing(s)).toEqual({ late: 1, missing: 1 });
  });
});

describe("facts", () => {
  const inputs = [
    { key: "bc", label: "Báo cáo trễ", type: "count" as const, origin: "late_reports" as const },
    { key: "sk", label: "Sáng kiến", type: "count" as const, origin: "recognised_initiatives" as const },
    { key: "tthc", label: "Tỷ lệ đúng hạn", type: "percent" as const, origin: "indicator" as const, metric: "tthc_on_time" },
    { key: "par", label: "PAR", type: "number" as const, origin: "indicator" as const, metric: "par_index" },
    { key: "tay", label: "Tự nhập", type: "count" as const, origin: "manual" as const },
  ];
  it("pre-fills what the system knows and says from where", () => {
    const s = systemFacts(inputs, {
      lateReports: 1,
      missingReports: 1,
      recognisedInitiatives: 3,
      substantiatedComplaints: 0,
      indicators: { tthc_on_time: 97.5 },
    });
    expect(s.map((x) => [x.key, x.value])).toEqual([
      ["bc", 2],
      ["sk", 3],
      ["tthc", 97.5],
    ]);
    expect(s[0].source).toBe("Hệ thống: 1 báo cáo gửi trễ, 1 báo cáo chưa gửi khi đã quá hạn");
  });
  it("reads a yes/no input from an indicator as yes unless the value is 0", () => {
    const known = { lateReports: 0, missingReports: 0, recognisedInitiatives: 0, substantiatedComplaints: 0 };
    const classKha = {
      key: "kha",
      label: "Chỉ số CCHC năm trước đạt loại Khá trở lên",
      type: "boolean" as const,
      origin: "indicator" as const,
      metric: "par_index_class_prev",
    };
    expect(systemFacts([classKha], { ...known, indicators: { par_index_class_prev: 1 } })).toEqual([
      { key: "kha", value: true, source: 'Chỉ số "par_index_class_prev" đã nhập vào hệ thống (1: có)' },
    ]);
    expect(systemFacts([classKha], { ...known, indicators: { par_index_class_prev: 0 } })[0].value).toBe(false);
  });
  it("system facts override self-assessed ones, appraisers override both, the office's findings override all", () => {
    expect(combineFacts({ self: { bc: 0, tay: 2 }, system: [{ key: "bc", value: 1, source: "" }], appraised: [{ tay: 1 }] })).toEqual({ bc: 1, tay: 1 });
    expect(
      combineFacts({ self: { bc: 0, tay: 2, x: 1 }, system: [{ key: "bc", value: 1, source: "" }], appraised: [{ tay: 1 }], findings: { tay: 3, bc: 4 } }),
    ).toEqual({ bc: 4, tay: 3, x: 1 });
  });
});

describe("ranking", () => {
  it("ranks by total, then the tie-break chain, sharing a rank when still equal", () => {
    const r = rank(
      [
        { id: 1, total: 90, keys: { priority: 0 } },
        { id: 2, total: 95, keys: { priority: 0 } },
        { id: 3, total: 90, keys: { priority: 1 } },
        { id: 4, total: 80, keys: {} },
        { id: 5, total: 80, keys: {} },
        { id: 6, total: null, keys: {} },
      ],
      ["total", "priority"],
    );
    expect(r).toEqual([
      { id: 2, rank: 1, tied: false, decidedBy: null },
      { id: 3, rank: 2, tied: false, decidedBy: null },
      { id: 1, rank: 3, tied: false, decidedBy: "priority" },
      { id: 4, rank: 4, tied: true, decidedBy: null },
      { id: 5, rank: 4, tied: true, decidedBy: null },
      { id: 6, rank: null, tied: false, decidedBy: null },
    ]);
  });
  it("never ranks a lower total above a higher one, and ranks are 1..n with gaps only after ties", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ total: fc.integer({ min: 0, max: 20 }), p: fc.integer({ min: 0, max: 1 }) }), { minLength: 1, maxLength: 40 }), (xs) => {
        const items = xs.map((x, i) => ({ id: i + 1, total: x.total, keys: { priority: x.p } }));
        const r = rank(items, ["total", "priority"]);
        const byId = new Map(items.map((i) => [i.id, i]));
        for (let i = 1; i < r.length; i++) {
          expect(byId.get(r[i - 1].id)?.total as number).toBeGreaterThanOrEqual(byId.get(r[i].id)?.total as number);
          expect(r[i].rank as number).toBeGreaterThanOrEqual(r[i - 1].rank as number);
          if (r[i].rank !== r[i - 1].rank) expect(r[i].rank).toBe(i + 1);
        }
        expect(r[0].rank).toBe(1);
      }),
    );
  });
});

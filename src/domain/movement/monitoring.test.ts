import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysLeftPhrase, milestoneProgress, type ParticipantRecord, parseReminderDays, reminderOffset, stepState, vietnamHour } from "./monitoring.js";

const rec = (id: number, over: Partial<ParticipantRecord> = {}): ParticipantRecord => ({
  id,
  registeredAt: null,
  reports: [],
  assessmentSubmittedAt: null,
  ...over,
});

describe("milestone progress", () => {
  const reg = { id: "dang-ky", kind: "registration" as const, label: "Đăng ký", due: "2024-04-26" };
  const q1 = { id: "q1", kind: "report" as const, label: "Báo cáo quý I", due: "2024-03-10" };
  const self = { id: "tu-cham", kind: "self_assessment" as const, label: "Tự chấm", from: "2024-12-01", due: "2024-12-31" };
  const people = [
    rec(1, { registeredAt: new Date("2024-04-26T16:59:00Z"), reports: [{ milestoneId: "q1", submittedAt: new Date("2024-03-11T01:00:00Z") }] }),
    rec(2, { registeredAt: new Date("2024-04-26T17:00:01Z"), assessmentSubmittedAt: new Date("2024-12-20T03:00:00Z") }),
    rec(3),
  ];

  it("registration: on time until 23:59:59 Vietnam time of the due day, late after, missing once the day has passed", () => {
    const p = milestoneProgress(reg, people, new Date("2024-04-28T02:00:00Z"));
    expect(p.rows.map((r) => [r.state, r.daysLate])).toEqual([
      ["on_time", null],
      ["late", 1],
      ["missing", 2],
    ]);
    expect(p.counts).toEqual({ total: 3, done: 2, onTime: 1, late: 1, missing: 1, pending: 0 });
    expect(p.daysLeft).toBe(-2);
  });

  it("before the deadline, not done is pending, not missing", () => {
    const p = milestoneProgress(reg, [rec(3)], new Date("2024-04-26T16:00:00Z"));
    expect(p.rows[0].state).toBe("pending");
    expect(p.daysLeft).toBe(0);
  });

  it("reports follow the same states as scoring, per milestone", () => {
    const p = milestoneProgress(q1, people, new Date("2024-03-12T00:00:00Z"));
    expect(p.rows.map((r) => r.state)).toEqual(["late", "missing", "missing"]);
    expect(p.rows[0].at).toBe("2024-03-11T01:00:00.000Z");
  });

  it("self-assessment counts only when submitted", () => {
    const p = milestoneProgress(self, people, new Date("2024-12-25T00:00:00Z"));
    expect(p.rows.map((r) => r.state)).toEqual(["pending", "on_time", "pending"]);
  });

  it("a step without a deadline is never late", () => {
    expect(stepState(undefined, null, new Date())).toBe("pending");
    expect(stepState(null, new Date("2030-01-01T00:00:00Z"), new Date())).toBe("on_time");
  });
});

describe("when reminders are due", () => {
  const days = [3, 1, -1];
  it.each([
    ["2024-04-22", null],
    ["2024-04-23", 3],
    ["2024-04-24", 3],
    ["2024-04-25", 1],
    ["2024-04-26", 1],
    ["2024-04-27", -1],
    ["2024-04-29", -1],
    ["2024-04-30", null],
  ])("due 26/04, today %s → offset %s", (today, offset) => {
    expect(reminderOffset("2024-04-26", today, days)).toBe(offset);
  });

  it("fires each offset on at most catchUpDays + 1 days, and on its own day", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -5, max: 10 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 3 }), (offsets, catchUp) => {
        const fired = new Map<number, number>();
        for (let left = 15; left >= -15; left--) {
          const today = new Date(Date.parse("2024-06-15T00:00:00Z") - left * 86_400_000).toISOString().slice(0, 10);
          const o = reminderOffset("2024-06-15", today, offsets, catchUp);
          if (o !== null) {
            expect(offsets).toContain(o);
            expect(o).toBeGreaterThanOrEqual(left);
            fired.set(o, (fired.get(o) ?? 0) + 1);
          }
          if (offsets.includes(left)) expect(o).toBe(left);
        }
        for (const n of fired.values()) expect(n).toBeLessThanOrEqual(catchUp + 1);
      }),
    );
  });

  it("reads REMINDER_DAYS", () => {
    expect(parseReminderDays(undefined)).toEqual([3, 1, -1]);
    expect(parseReminderDays("7, 3,1 ;-1,x,3")).toEqual([7, 3, 1, -1]);
    expect(parseReminderDays("")).toEqual([3, 1, -1]);
  });

  it("says how many days are left in Vietnamese, and knows the hour in Vietnam", () => {
    expect([3, 0, -2].map(daysLeftPhrase)).toEqual(["còn 3 ngày", "hôm nay là hạn chót", "đã quá hạn 2 ngày"]);
    expect(vietnamHour(new Date("2024-04-26T00:30:00Z"))).toBe(7);
    expect(vietnamHour(new Date("2024-04-26T17:00:00Z"))).toBe(0);
  });
});

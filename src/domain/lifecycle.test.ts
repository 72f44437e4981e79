import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkMove, isStatus, type Lifecycle, statusesOf, statusLabel } from "./lifecycle.js";
import { assessmentLifecycle } from "./lifecycles/assessment.js";
import { councilSessionLifecycle } from "./lifecycles/council-session.js";
import { decisionLifecycle } from "./lifecycles/decision.js";
import { initiativeLifecycle } from "./lifecycles/initiative.js";
import { nominationLifecycle } from "./lifecycles/nomination.js";
import { planLifecycle } from "./lifecycles/plan.js";

const all = [planLifecycle, assessmentLifecycle, initiativeLifecycle, nominationLifecycle, councilSessionLifecycle, decisionLifecycle] as Lifecycle<
  string,
  string
>[];

describe("lifecycles", () => {
  it("are closed: every move starts from and leads to a status of its own lifecycle, named in Vietnamese", () => {
    for (const lc of all) {
      expect(isStatus(lc, lc.initial)).toBe(true);
      for (const s of statusesOf(lc)) expect(statusLabel(lc, s)).toMatch(/^\p{Lu}/u);
      for (const m of Object.values(lc.moves)) for (const s of [...m.from, ...m.to]) expect(isStatus(lc, s)).toBe(true);
    }
  });

  it("allow a move exactly from its starting statuses, and refuse it otherwise with a code and a reason", () => {
    const cases = all.flatMap((lc) => Object.keys(lc.moves).map((move) => ({ lc, move })));
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.constantFrom(
          "draft",
          "submitted",
          "returned",
          "accepted",
          "rejected",
          "open",
          "closed",
          "issued",
          "cancelled",
          "launched",
          "confirmed",
          "recognised",
          "bogus",
        ),
        ({ lc, move }, from) => {
          const check = checkMove(lc, move, from);
          const allowed = isStatus(lc, from) && lc.moves[move].from.includes(from);
          expect(check.ok).toBe(allowed);
          if (check.ok) expect(isStatus(lc, check.to)).toBe(true);
          else expect(check.message.length).toBeGreaterThan(10);
        },
      ),
    );
  });

  it("keep the refusals the commands have always given", () => {
    expect(checkMove(nominationLifecycle, "submit", "submitted")).toEqual({
      ok: false,
      code: "ALREADY_SUBMITTED",
      message: "Hồ sơ đã được nộp, đang chờ thẩm định.",
    });
    expect(checkMove(nominationLifecycle, "submit", "accepted")).toMatchObject({ ok: false, message: "Hồ sơ đã được thẩm định; không nộp lại được." });
    expect(checkMove(decisionLifecycle, "issue", "cancelled")).toMatchObject({ ok: false, code: "CANCELLED" });
    expect(checkMove(decisionLifecycle, "issue", "issued")).toMatchObject({ ok: false, code: "ISSUED" });
    expect(checkMove(decisionLifecycle, "cancel", "draft")).toEqual({ ok: true, to: "cancelled" });
  });

  it("let a command choose among a move's targets, or keep the status", () => {
    expect(checkMove(nominationLifecycle, "appraise", "submitted", "rejected")).toEqual({ ok: true, to: "rejected" });
    // An opinion without a conclusion keeps the status it finds.
    expect(checkMove(nominationLifecycle, "appraise", "submitted", "submitted")).toEqual({ ok: true, to: "submitted" });
    expect(checkMove(nominationLifecycle, "appraise", "accepted", "draft")).toMatchObject({ ok: false, code: "BAD_STATUS" });
    expect(checkMove(nominationLifecycle, "edit", "returned")).toEqual({ ok: true, to: "returned" });
  });
});

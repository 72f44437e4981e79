import { describe, expect, it } from "vitest";
import type { Target } from "../plan/schema.js";
import { evaluateTarget } from "./targets.js";

const t = (comparator: Target["comparator"], value?: number, value2?: number, unit = "%"): Target => ({
  id: "x",
  label: "Hồ sơ đúng hạn",
  metric: "tthc_on_time",
  comparator,
  value,
  value2,
  unit,
});

describe("targets", () => {
  it.each([
    [t("gte", 99), 99.5, null, true, "Hồ sơ đúng hạn: 99,5% (cần ≥ 99%) → đạt"],
    [t("gte", 99), 98, null, false, "Hồ sơ đúng hạn: 98% (cần ≥ 99%) → chưa đạt"],
    [t("eq", 0, undefined, "người"), 0, null, true, "Hồ sơ đúng hạn: 0 người (cần = 0 người) → đạt"],
    [t("between", 35, 40), 37, null, true, "Hồ sơ đúng hạn: 37% (cần từ 35% đến 40%) → đạt"],
    [t("up_on_previous", undefined, undefined, "điểm"), 84.2, 81.5, true, "Hồ sơ đúng hạn: 84,2 điểm so với năm trước 81,5 điểm → tăng, đạt"],
    [t("up_on_previous"), 80, 80, false, "Hồ sơ đúng hạn: 80% so với năm trước 80% → không tăng, chưa đạt"],
    [t("at_least_rank", 3), 2, null, true, "Hồ sơ đúng hạn: xếp hạng 2 (cần trong nhóm 3 đứng đầu) → đạt"],
  ])("%j with %s (previous %s) → %s", (target, actual, previous, met, explanation) => {
    expect(evaluateTarget(target, actual, previous)).toMatchObject({ met, explanation });
  });
  it("says what is missing rather than judging", () => {
    expect(evaluateTarget(t("gte", 80), null)).toMatchObject({ met: null, explanation: 'Hồ sơ đúng hạn: chưa có số liệu "tthc_on_time"' });
    expect(evaluateTarget(t("up_on_previous"), 90, null).met).toBeNull();
  });
});

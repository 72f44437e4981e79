import { describe, expect, it } from "vitest";
import { ancestorIds, depthOf, isWithin, matchCatalog, PERSON_CATEGORIES, rebasePath, UNIT_KINDS, unitPath } from "./org.js";

describe("tree paths", () => {
  it("builds, measures and rebases paths", () => {
    expect(unitPath(null, 7)).toBe("/7/");
    expect(unitPath("/7/", 9)).toBe("/7/9/");
    expect(depthOf("/7/9/12/")).toBe(2);
    expect(ancestorIds("/7/9/12/")).toEqual([7, 9]);
    expect(rebasePath("/7/9/12/", "/7/9/", "/3/9/")).toBe("/3/9/12/");
    expect(() => rebasePath("/8/1/", "/7/", "/3/")).toThrow();
  });
  it("does not confuse /1/ with /10/", () => {
    expect(isWithin("/10/4/", "/1/")).toBe(false);
    expect(isWithin("/1/4/", "/1/")).toBe(true);
  });
});

describe("matchCatalog", () => {
  it.each([
    ["Phường", "ward"],
    ["phuong", "ward"],
    ["XÃ", "commune"],
    ["Thôn, ấp, khu phố, tổ dân phố", "hamlet"],
    ["vertical_agency", "vertical_agency"],
    ["Vũ trụ", null],
    ["", null],
  ])("unit kind %s → %s", (input, expected) => {
    expect(matchCatalog(UNIT_KINDS, input)).toBe(expected);
  });
  it("matches person categories written without accents", () => {
    expect(matchCatalog(PERSON_CATEGORIES, "vien chuc")).toBe("vien_chuc");
  });
});

import { describe, expect, it } from "vitest";
import { appraisesOwnUnit } from "./appraiser-conflict.js";

describe("an appraiser's own unit", () => {
  const city = "/1/";
  const ward = "/1/7/";
  const hamlet = "/1/7/40/";
  const otherWard = "/1/8/";
  it("is the unit they work in, the units inside it, and the unit they work inside", () => {
    expect(appraisesOwnUnit(ward, ward, city)).toBe(true);
    expect(appraisesOwnUnit(ward, hamlet, city)).toBe(true);
    expect(appraisesOwnUnit(hamlet, ward, city)).toBe(true);
    expect(appraisesOwnUnit(ward, otherWard, city)).toBe(false);
  });
  it("does not bar the issuer's own staff from the units below it", () => {
    expect(appraisesOwnUnit(city, ward, city)).toBe(false);
    expect(appraisesOwnUnit("/1/3/", city, city)).toBe(false);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAPABILITIES, can, capabilitiesOf, type Grant, knowsOf, mayReadPersonalData, mayReadPlan, mayReadUnitRecords, ROLES, scopesFor } from "./access.js";

const city: Grant = { role: "office", scopePath: "/2/10/" };
const ward: Grant = { role: "focal", scopePath: "/2/10/31/" };
const admin: Grant = { role: "admin", scopePath: null };

describe("can", () => {
  it.each([
    [[city], "units.write", "/2/10/31/", true],
    [[city], "units.write", "/2/10/", true],
    [[city], "units.write", "/2/", false],
    [[city], "units.write", "/2/11/", false],
    [[city], "units.write", "/2/100/", false],
    [[ward], "people.write", "/2/10/31/", true],
    [[ward], "people.write", "/2/10/32/", false],
    [[ward], "units.write", "/2/10/31/", false],
    [[ward], "users.manage", "/", false],
    [[admin], "users.manage", "/", true],
    [[city], "users.manage", "/", false],
    [[ward, city], "units.write", "/2/10/32/", true],
    [[], "units.read", "/1/", false],
  ] as [Grant[], (typeof CAPABILITIES)[number], string, boolean][])("%j %s on %s → %s", (grants, cap, path, expected) => {
    expect(can(grants, cap, path)).toBe(expected);
  });

  it("never grants more on a descendant's parent than on the descendant (scope is a subtree)", () => {
    const seg = fc.integer({ min: 1, max: 40 });
    fc.assert(
      fc.property(
        fc.array(seg, { minLength: 1, maxLength: 4 }),
        fc.array(seg, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...ROLES.map((r) => r.value)),
        fc.constantFrom(...CAPABILITIES),
        (scope, tail, role, cap) => {
          const scopePath = `/${scope.join("/")}/`;
          const inside = `${scopePath}${tail.join("/")}/`;
          const grants: Grant[] = [{ role, scopePath }];
          if (can(grants, cap, scopePath)) expect(can(grants, cap, inside)).toBe(true);
          if (scope.length > 1) expect(can(grants, cap, `/${scope.slice(0, -1).join("/")}/`)).toBe(false);
        },
      ),
    );
  });
});

describe("scopesFor and capabilitiesOf", () => {
  it("drops nested scopes and returns null for a system-wide grant", () => {
    expect(scopesFor([ward, city], "people.read")).toEqual(["/2/10/"]);
    expect(scopesFor([ward, admin], "people.read")).toBeNull();
    expect(scopesFor([ward], "units.write")).toEqual([]);
  });
  it("unions capabilities of all roles in catalogue order", () => {
    expect(capabilitiesOf([ward])).toEqual([
      "units.read",
      "people.read",
      "people.write",
      "people.personal",
      "import.people",
      "plans.read",
      "movement.participate",
    ]);
    expect(capabilitiesOf([admin])).toEqual([...CAPABILITIES]);
  });
});

describe("what a caller knows of, and who reads records and personal data", () => {
  const appraiser: Grant = { role: "appraiser", scopePath: "/2/10/" };
  const member: Grant = { role: "council_member", scopePath: "/2/10/" };
  const head: Grant = { role: "head", scopePath: "/2/10/31/" };
  it.each([
    [[ward], "/2/10/31/", true],
    [[ward], "/2/10/31/7/", true],
    [[ward], "/2/10/", true],
    [[ward], "/2/", true],
    [[ward], "/2/10/32/", false],
    [[city], "/3/", false],
    [[city], "/2/100/", false],
    [[admin], "/3/", true],
    [[], "/2/", false],
  ] as [Grant[], string, boolean][])("knowsOf %j %s → %s", (grants, path, expected) => {
    expect(knowsOf(grants, path)).toBe(expected);
  });

  it("a plan reaches the units under its issuer and is known to those above it; another city's plan is unknown", () => {
    expect(mayReadPlan([ward], "/2/10/")).toBe(true);
    expect(mayReadPlan([city], "/2/10/31/")).toBe(true);
    expect(mayReadPlan([city], "/3/40/")).toBe(false);
  });

  it("a unit's records are its own and its office's, not the city's appraisers' or council's by role alone", () => {
    expect(mayReadUnitRecords([ward], "/2/10/31/")).toBe(true);
    expect(mayReadUnitRecords([head], "/2/10/31/")).toBe(true);
    expect(mayReadUnitRecords([city], "/2/10/31/")).toBe(true);
    expect(mayReadUnitRecords([ward], "/2/10/32/")).toBe(false);
    expect(mayReadUnitRecords([appraiser], "/2/10/31/")).toBe(false);
    expect(mayReadUnitRecords([member], "/2/10/31/")).toBe(false);
  });

  it("personal data is the unit's and the office's; an appraiser, secretary or signer reads the directory only", () => {
    expect(mayReadPersonalData([ward], "/2/10/31/")).toBe(true);
    expect(mayReadPersonalData([head], "/2/10/31/")).toBe(true);
    expect(mayReadPersonalData([city], "/2/10/31/")).toBe(true);
    for (const role of ["appraiser", "council_member", "council_secretary", "signer"] as const)
      expect(mayReadPersonalData([{ role, scopePath: "/2/10/" }], "/2/10/31/")).toBe(false);
  });

  it("never knows of a unit in a subtree disjoint from every grant (property)", () => {
    const seg = fc.integer({ min: 1, max: 40 });
    fc.assert(
      fc.property(fc.array(seg, { minLength: 1, maxLength: 3 }), fc.array(seg, { minLength: 0, maxLength: 3 }), seg, (scope, tail, other) => {
        fc.pre(other !== scope[0]);
        const grants: Grant[] = [{ role: "office", scopePath: `/${scope.join("/")}/` }];
        expect(knowsOf(grants, `/${[other, ...tail].join("/")}/`)).toBe(false);
        expect(knowsOf(grants, `/${[...scope, ...tail].join("/")}/`)).toBe(true);
      }),
    );
  });
});

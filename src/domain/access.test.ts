import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAPABILITIES, can, capabilitiesOf, type Grant, ROLES, scopesFor } from "./access.js";

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
    expect(capabilitiesOf([ward])).toEqual(["units.read", "people.read", "people.write", "import.people", "plans.read", "movement.participate"]);
    expect(capabilitiesOf([admin])).toEqual([...CAPABILITIES]);
  });
});

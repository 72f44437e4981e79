// Every action and entity the server writes to the audit log has a Vietnamese name in the audit catalogue
// (domain/audit-actions.ts), so the audit page never shows a raw code such as "nomination.facts". The writer's type
// already refuses a code outside the catalogue; this also catches one spelled in a place the type does not reach.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditActionLabel } from "../../domain/audit-actions.js";
import type { AuditInput } from "./write-audit.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const webCatalogue = JSON.parse(fs.readFileSync(path.join(root, "web/src/i18n/vi.json"), "utf8")) as Record<string, string>;
const actions = AUDIT_ACTIONS as Record<string, string>;
const entities = AUDIT_ENTITIES as Record<string, string>;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

// The modules write audit entries (the schema's column definitions are not entries).
const code = sources(path.join(root, "src/modules")).map((f) => fs.readFileSync(f, "utf8"));
/** The string literals an audit entry can take as its action (including both arms of a conditional) and entity. */
const writtenIn = (field: string) =>
  new Set(
    code.flatMap((text) =>
      [...text.matchAll(new RegExp(`${field}: ([^,\\n]+)`, "g"))].flatMap((m) => [...m[1].matchAll(/"([a-z_]+(?:\.[a-z_]+)?)"/g)].map((x) => x[1])),
    ),
  );

describe("audit labels", () => {
  it("names every action the server records", () => {
    const written = [...writtenIn("action")].filter((a) => a.includes("."));
    expect(written.length).toBeGreaterThan(60);
    expect(written.filter((a) => !actions[a])).toEqual([]);
  });
  it("names every entity the server records", () => {
    const written = [...writtenIn("entity")].filter((e) => !e.includes("."));
    expect(written).toContain("nomination");
    expect(written.filter((e) => !entities[e])).toEqual([]);
  });
  it("has one name per code, in Vietnamese, in one place", () => {
    for (const label of [...Object.values(actions), ...Object.values(entities)]) expect(label).toMatch(/^\p{Lu}/u);
    expect(new Set(Object.values(actions)).size).toBe(Object.keys(actions).length);
    expect(auditActionLabel("nomination.facts")).toBe("Ghi nhận dữ kiện xét khen thưởng");
    expect(auditActionLabel("old.kind")).toBe("old.kind");
    // The web names them from the same module, not from a copy in its message file.
    expect(Object.keys(webCatalogue).filter((k) => k.startsWith("action.") || k.startsWith("entity."))).toEqual([]);
  });
  it("types the writer's action and entity by the catalogue", () => {
    expectTypeOf<string>().not.toMatchTypeOf<AuditInput["action"]>();
    expectTypeOf<"nomination.submit">().toMatchTypeOf<AuditInput["action"]>();
    expectTypeOf<string>().not.toMatchTypeOf<AuditInput["entity"]>();
  });
});

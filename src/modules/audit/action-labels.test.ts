// Every action and entity the server writes to the audit log has a Vietnamese name in the web catalogue, so the
// audit page never shows a raw code such as "nomination.facts".
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const catalogue = JSON.parse(fs.readFileSync(path.join(root, "web/src/i18n/vi.json"), "utf8")) as Record<string, string>;

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
const written = (field: string) =>
  new Set(
    code.flatMap((text) =>
      [...text.matchAll(new RegExp(`${field}: ([^,\\n]+)`, "g"))].flatMap((m) => [...m[1].matchAll(/"([a-z_]+(?:\.[a-z_]+)?)"/g)].map((x) => x[1])),
    ),
  );

describe("audit labels", () => {
  it("names every action the server records", () => {
    const actions = [...written("action")].filter((a) => a.includes("."));
    expect(actions.length).toBeGreaterThan(60);
    expect(actions.filter((a) => !catalogue[`action.${a}`])).toEqual([]);
  });
  it("names every entity the server records", () => {
    const entities = [...written("entity")].filter((e) => !e.includes("."));
    expect(entities).toContain("nomination");
    expect(entities.filter((e) => !catalogue[`entity.${e}`])).toEqual([]);
  });
});

// The seed plans as templates: each parses strictly, validates, quotes its seed verbatim, and round-trips.
// The seed texts live in templates/sources/ (same name as the template, .txt), so a fresh clone runs this alone.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPlanText, writePlanText } from "./io.js";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
const templatesDir = path.join(root, "templates");
const seedsDir = path.join(templatesDir, "sources");
const templates = fs.readdirSync(templatesDir).filter((f) => /\.(ya?ml|json)$/.test(f));
const stem = (file: string) => file.replace(/\.[^.]+$/, "");
const isSeed = (file: string) => /^\d{3}-/.test(file);

/** Seed text as a reader sees it: no markdown emphasis or HTML tags, whitespace folded. */
function plain(s: string): string {
  return s
    .normalize("NFC")
    .replace(/<[^>]+>/g, " ")
    .replace(/\*\*|__|\*|\\/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function sources(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) sources(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "source" && typeof v === "string") out.push(v);
      else sources(v, out);
    }
  }
  return out;
}

describe.each(templates)("template %s", (file) => {
  const text = fs.readFileSync(path.join(templatesDir, file), "utf8");
  const parsed = readPlanText(text);

  it("parses strictly and validates without issues", () => {
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  it("quotes its seed verbatim in every source field", () => {
    if (!parsed.ok) return;
    if (!isSeed(file)) return; // a template that is not one of the seeds
    const seedFile = path.join(seedsDir, `${stem(file)}.txt`);
    expect(fs.existsSync(seedFile), `seed text for ${file}: templates/sources/${stem(file)}.txt`).toBe(true);
    const seed = plain(fs.readFileSync(seedFile, "utf8"));
    const quoted = sources(parsed.plan);
    expect(quoted.length).toBeGreaterThan(5);
    const notFound = quoted.filter((q) => !seed.includes(plain(q)));
    expect(notFound).toEqual([]);
  });

  it("round-trips through JSON and YAML without loss", () => {
    if (!parsed.ok) return;
    for (const format of ["json", "yaml"] as const) {
      const again = readPlanText(writePlanText(parsed.plan, format));
      expect(again.ok).toBe(true);
      if (again.ok) expect(again.plan).toEqual(parsed.plan);
    }
  });
});

describe("seed texts in templates/sources", () => {
  it("are one per seed template, named after it", () => {
    const texts = fs.readdirSync(seedsDir).filter((f) => f.endsWith(".txt"));
    expect(texts.map(stem).sort()).toEqual(templates.filter(isSeed).map(stem).sort());
  });
});

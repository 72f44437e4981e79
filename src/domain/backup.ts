// Rules of a backup archive that need no I/O: its manifest, whether this code can take its schema, when the next
// scheduled backup is due, and how a pg_dump script is split into statements any PostgreSQL (15 and up) accepts.
import { z } from "zod";

export const BACKUP_FORMAT = "thidua-backup";
export const BACKUP_FORMAT_VERSION = 1;

const part = z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() });
export type BackupPart = z.infer<typeof part>;

export const backupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  /** The migrations applied to the dumped database, oldest first (tags of the journal). */
  schema: z.object({ migrations: z.array(z.string()) }),
  source: z.object({ database: z.enum(["pglite", "postgres"]), serverVersion: z.string(), storage: z.enum(["local", "s3"]) }),
  database: part,
  /** Stored files (evidence, reports, signed scans), each under files/<storage key>. */
  files: z.array(part.extend({ key: z.string().regex(/^[a-zA-Z0-9_-]+$/) })),
  /** Files kept beside the database in DATA_DIR (the audit key), under data/<name>. */
  dataFiles: z.array(part.extend({ name: z.string().regex(/^[a-zA-Z0-9._-]+$/) })),
  /** Rows and a content fingerprint per table, taken from the same snapshot as the dump. */
  tables: z.record(z.string(), z.object({ rows: z.number().int().nonnegative(), fingerprint: z.string() })),
  audit: z.object({ entries: z.number().int().nonnegative(), lastId: z.number().int().nullable(), lastHash: z.string().nullable() }),
});
export type BackupManifest = z.infer<typeof backupManifest>;

export type SchemaVerdict = { ok: true; pending: string[] } | { ok: false; reason: "NEWER" | "DIVERGED"; unknown: string[] };

/**
 * Whether code whose journal lists `codeTags` can take a database at `backupTags`: the backup's migrations must be a
 * prefix of the code's (the rest run after the restore). A migration the code does not know means a newer version.
 */
export function compareSchema(backupTags: string[], codeTags: string[]): SchemaVerdict {
  const unknown = backupTags.filter((t) => !codeTags.includes(t));
  if (unknown.length) return { ok: false, reason: "NEWER", unknown };
  const prefix = backupTags.every((t, i) => codeTags[i] === t);
  if (!prefix) return { ok: false, reason: "DIVERGED", unknown: [] };
  return { ok: true, pending: codeTags.slice(backupTags.length) };
}

/** Differences between what a manifest says and what an archive holds (path → problem), empty when they agree. */
export function checkParts(manifest: BackupManifest, found: Map<string, { sha256: string; bytes: number }>): string[] {
  const expected: BackupPart[] = [
    manifest.database,
    ...manifest.files.map((f) => ({ ...f, path: `files/${f.key}` })),
    ...manifest.dataFiles.map((f) => ({ ...f, path: `data/${f.name}` })),
  ];
  const problems: string[] = [];
  for (const p of expected) {
    const got = found.get(p.path);
    if (!got) problems.push(`thiếu phần "${p.path}"`);
    else if (got.sha256 !== p.sha256 || got.bytes !== p.bytes) problems.push(`phần "${p.path}" không khớp mã băm SHA-256`);
  }
  const known = new Set(expected.map((p) => p.path));
  for (const path of found.keys()) if (!known.has(path)) problems.push(`phần lạ "${path}" không có trong bản kê`);
  return problems;
}

/** Tables whose rows differ between two fingerprint sets (by count or content). */
export function tableDifferences(expected: BackupManifest["tables"], actual: BackupManifest["tables"]): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  const out: string[] = [];
  for (const n of [...names].sort()) {
    const e = expected[n];
    const a = actual[n];
    if (!e || !a) out.push(`bảng ${n}: ${e ? "không có sau khi phục hồi" : "không có trong bản sao lưu"}`);
    else if (e.rows !== a.rows) out.push(`bảng ${n}: ${e.rows} dòng trong bản sao lưu, ${a.rows} dòng sau khi phục hồi`);
    else if (e.fingerprint !== a.fingerprint) out.push(`bảng ${n}: nội dung khác bản sao lưu`);
  }
  return out;
}

const VN_OFFSET_MS = 7 * 3_600_000;

/**
 * Whether a daily backup at `hour` (Vietnam time) is due at `now`, given the last successful one: due once the hour has
 * come today and no backup was taken since then (a server that was off at the hour catches up when it starts).
 */
export function backupDue(now: Date, hour: number, lastAt: Date | null): boolean {
  const vn = new Date(now.getTime() + VN_OFFSET_MS);
  const todayAt = Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate(), hour) - VN_OFFSET_MS;
  const slot = now.getTime() >= todayAt ? todayAt : todayAt - 86_400_000;
  return !lastAt || lastAt.getTime() < slot;
}

/** Backups beyond the newest `keep`, to delete (input in any order; output oldest first). */
export function backupsToPrune<T extends { at: Date }>(backups: T[], keep: number): T[] {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  return newestFirst.slice(Math.max(1, keep)).reverse();
}

// Settings newer servers accept and PostgreSQL 15 refuses; a dump from PGlite (PostgreSQL 17/18) carries them.
const NEWER_SETTINGS = new Set(["transaction_timeout"]);

/**
 * Splits a plain pg_dump script into statements: quotes, quoted identifiers, dollar quotes and comments respected; psql
 * meta-commands (\restrict, \connect…) and settings older servers reject left out. The script must not use COPY … FROM
 * stdin (dumps are taken with INSERTs so that no psql is needed to restore them).
 */
export function splitSqlScript(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  const push = (end: number) => {
    const stmt = script.slice(start, end).trim();
    start = end + 1;
    if (!stmt) return;
    const body = stripLeadingComments(stmt);
    if (!body) return;
    const set = /^SET\s+([a-z_]+)\s*=/i.exec(body);
    if (set && NEWER_SETTINGS.has(set[1].toLowerCase())) return;
    if (/^COPY\s[\s\S]*FROM\s+stdin/i.test(body)) throw new Error("COPY FROM stdin is not supported; dump with --inserts");
    out.push(body);
  };
  while (i < n) {
    const c = script[i];
    if (c === "-" && script[i + 1] === "-") {
      const nl = script.indexOf("\n", i);
      i = nl < 0 ? n : nl + 1;
    } else if (c === "/" && script[i + 1] === "*") {
      const end = script.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      // Standard-conforming strings: a quote inside is doubled; E'' strings (backslash escapes) do not occur in dumps.
      let j = i + 1;
      for (;;) {
        const k = script.indexOf(c, j);
        if (k < 0) {
          j = n;
          break;
        }
        if (script[k + 1] === c) j = k + 2;
        else {
          j = k + 1;
          break;
        }
      }
      i = j;
    } else if (c === "$") {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i, i + 64));
      if (tag) {
        const end = script.indexOf(tag[0], i + tag[0].length);
        i = end < 0 ? n : end + tag[0].length;
      } else i++;
    } else if (c === "\\" && isLineStart(script, i)) {
      // A psql meta-command runs to the end of its line.
      const nl = script.indexOf("\n", i);
      const end = nl < 0 ? n : nl;
      start = end + 1;
      i = end + 1;
    } else if (c === ";") {
      push(i);
      i++;
    } else i++;
  }
  push(n);
  return out;
}

function isLineStart(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (s[j] === " " || s[j] === "\t")) j--;
  return j < 0 || s[j] === "\n";
}

function stripLeadingComments(stmt: string): string {
  let s = stmt;
  for (;;) {
    s = s.trimStart();
    if (s.startsWith("--")) {
      const nl = s.indexOf("\n");
      s = nl < 0 ? "" : s.slice(nl + 1);
    } else return s;
  }
}

// A consistent logical copy of the database: the dump, and what the manifest says about it (rows and a fingerprint per
// table, the audit chain's head, the stored files rows point to), all read from the same snapshot.
import { spawn } from "node:child_process";
import type { Database } from "../../db/client.js";
import type { BackupManifest } from "../../domain/backup.js";
import { AppError } from "../../http/errors.js";

/** Tables whose rows are about this installation's operations, not its data: their structure is dumped, not their rows. */
export const OPERATIONAL_TABLES = ["backups", "job_runs"];

export interface Snapshot {
  sql: string;
  serverVersion: string;
  tables: BackupManifest["tables"];
  audit: BackupManifest["audit"];
  files: { key: string; sha256: string; bytes: number }[];
}

/** Runs one query and returns its rows; each kind of connection supplies its own. */
export type Query = <T = Record<string, unknown>>(sql: string) => Promise<T[]>;

const DUMP_ARGS = ["--no-owner", "--no-privileges", "--rows-per-insert=100", ...OPERATIONAL_TABLES.map((t) => `--exclude-table-data=public.${t}`)];

/**
 * Counts and fingerprints every table of the public schema: an md5 over the sorted md5 of each row's text, in UTC, so
 * the same rows give the same fingerprint on PGlite and on any PostgreSQL whatever its collation.
 */
export async function describeTables(query: Query): Promise<BackupManifest["tables"]> {
  const names = await query<{ name: string }>(
    "select tablename as name from pg_catalog.pg_tables where schemaname = 'public' order by tablename collate \"C\"",
  );
  const out: BackupManifest["tables"] = {};
  for (const { name } of names) {
    if (OPERATIONAL_TABLES.includes(name)) continue;
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const [row] = await query<{ rows: number | string; fingerprint: string | null }>(
      `select count(*) as rows, md5(coalesce(string_agg(h, '' order by h), '')) as fingerprint from (select md5(t::text) as h from public.${quoted} t) s`,
    );
    out[name] = { rows: Number(row.rows), fingerprint: row.fingerprint ?? "" };
  }
  return out;
}

async function describe(query: Query): Promise<Omit<Snapshot, "sql">> {
  const [{ server_version }] = await query<{ server_version: string }>("show server_version");
  const tables = await describeTables(query);
  const [head] = await query<{ id: number; hash: string }>("select id, hash from public.audit_log order by id desc limit 1");
  const files = await query<{ key: string; sha256: string; bytes: number }>(
    "select storage_key as key, sha256, size as bytes from public.files order by storage_key",
  );
  return {
    serverVersion: server_version,
    tables,
    audit: { entries: tables.audit_log?.rows ?? 0, lastId: head ? Number(head.id) : null, lastHash: head?.hash ?? null },
    files: files.map((f) => ({ key: f.key, sha256: f.sha256, bytes: Number(f.bytes) })),
  };
}

/** Takes the snapshot from the database this process has open. */
export function takeSnapshot(database: Database): Promise<Snapshot> {
  if (database.kind === "pglite") return snapshotPglite(database);
  return snapshotPostgres(database.url as string);
}

async function snapshotPglite(database: Database): Promise<Snapshot> {
  const live = database.pglite;
  if (!live) throw new Error("PGlite handle missing");
  const { pgDump } = await import("@electric-sql/pglite-tools/pg_dump");
  // PGlite is one session that this server's requests share; pg_dump's own transaction and settings would mix with
  // theirs. So the dump is read from a clone: a copy of the data folder taken under PGlite's query lock (while nothing
  // runs; an open transaction is rolled back in the copy, as after a crash), opened in memory beside the live one.
  const copy = await live.clone();
  try {
    const file = await pgDump({ pg: copy as typeof live, args: DUMP_ARGS });
    const sql = await file.text();
    await copy.exec("SET TimeZone = 'UTC'");
    const described = await describe(async (q) => (await copy.query(q)).rows as never[]);
    return { sql, ...described };
  } finally {
    await copy.close();
  }
}

/** pg_dump's program: PG_DUMP when set, else the one on PATH. */
export const pgDumpProgram = () => process.env.PG_DUMP || "pg_dump";

async function snapshotPostgres(url: string): Promise<Snapshot> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The snapshot this transaction exports is the one pg_dump reads: dump and counts agree.
    await client.query("begin isolation level repeatable read read only");
    await client.query("set local timezone = 'UTC'");
    const { rows } = await client.query<{ id: string }>("select pg_export_snapshot() as id");
    const dumping = runPgDump(url, rows[0].id);
    const described = await describe(async (q) => (await client.query(q)).rows);
    const sql = await dumping;
    await client.query("commit");
    return { sql, ...described };
  } finally {
    await client.end();
  }
}

function runPgDump(url: string, snapshot: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const program = pgDumpProgram();
    const child = spawn(program, [...DUMP_ARGS, `--snapshot=${snapshot}`, "--format=plain", "--encoding=UTF8", `--dbname=${url}`], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
    });
    child.on("error", (e: NodeJS.ErrnoException) =>
      reject(
        e.code === "ENOENT"
          ? new AppError(
              500,
              "PG_DUMP_MISSING",
              `Không tìm thấy chương trình pg_dump ("${program}"). Hãy cài gói PostgreSQL client cùng phiên bản (hoặc mới hơn) máy chủ CSDL, ví dụ "apt-get install postgresql-client", hoặc đặt PG_DUMP=đường_dẫn_tới_pg_dump.`,
            )
          : e,
      ),
    );
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else
        reject(
          new AppError(
            500,
            "PG_DUMP_FAILED",
            `pg_dump báo lỗi (mã ${code}): ${err.trim().split("\n").slice(-3).join(" ")}${/version mismatch/i.test(err) ? " — pg_dump phải cùng phiên bản hoặc mới hơn máy chủ CSDL; đặt PG_DUMP trỏ tới bản phù hợp." : ""}`,
          ),
        );
    });
  });
}

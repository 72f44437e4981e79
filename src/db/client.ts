import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
  /** The embedded engine itself (PGlite only): backups dump it from inside, under its query lock. */
  pglite?: import("@electric-sql/pglite").PGlite;
  /** The PostgreSQL URL (PostgreSQL only): backups run pg_dump against it. */
  url?: string;
  /** The PGlite folder's lock (PGlite in a folder only). */
  lock?: DataDirLock;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** The migration tags this code knows, oldest first, from drizzle's journal (the schema version of a backup). */
export function knownMigrations(): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  return [...journal.entries].sort((a, b) => a.idx - b.idx).map((e) => e.tag);
}

// Any fixed 64-bit number shared by every server of this app: simultaneous starts migrate one after the other.
const MIGRATION_LOCK = 7_146_001_013;

/**
 * Opens PostgreSQL at `databaseUrl`, or embedded PGlite in `dataDir` (in memory when dataDir is null). A PGlite folder
 * is locked for this process (DataDirHeldError when another holds it); `holder` says who takes it.
 */
export async function openDatabase(opts: {
  databaseUrl: string | null;
  dataDir: string | null;
  holder?: "server" | "cli";
  /** Skip migrations (restore fills an empty database from a dump first). */
  migrate?: boolean;
}): Promise<Database> {
  if (opts.databaseUrl) {
    const pg = (await import("pg")).default;
    // Dates stay strings ("YYYY-MM-DD"); timestamps come back as Date objects.
    pg.types.setTypeParser(1082, (v: string) => v);
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server closed (a restart, a failover, the database dropped) is discarded by the pool and
    // replaced on demand; unhandled, its error event would bring the whole process down.
    pool.on("error", (err: Error & { code?: string }) => {
      if (err.code !== "57P01") console.error(`Kết nối CSDL bị ngắt (sẽ kết nối lại khi cần): ${err.message}`);
    });
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const db = drizzle({ client: pool, schema });
    if (opts.migrate !== false) {
      // Two servers starting together on an empty database would both create drizzle's table and one would crash:
      // the session lock makes the second wait, then find nothing left to do.
      const locker = await pool.connect();
      try {
        await locker.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await migrate(db, { migrationsFolder });
      } finally {
        await locker.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
        locker.release();
      }
    }
    return { db: db as unknown as Db, kind: "postgres", url: opts.databaseUrl, close: () => pool.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const lock = opts.dataDir ? lockDataDir(opts.dataDir, opts.holder ?? "cli") : undefined;
  try {
    const client = opts.dataDir ? await PGlite.create(opts.dataDir) : await PGlite.create();
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const db = drizzle({ client, schema });
    if (opts.migrate !== false) await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: "pglite",
      pglite: client,
      lock,
      close: async () => {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

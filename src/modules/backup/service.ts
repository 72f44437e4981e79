// Backups kept in the file store (scheduled or taken by an administrator), their retention, and what /api/health and the
// administrators' screen say about backups and background jobs.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { backups, jobRuns } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import { backupsToPrune } from "../../domain/backup.js";
import type { AppContext } from "../../http/context.js";
import { conflict, forbidden, notFound } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { type BackupSource, createBackup } from "./create-backup.js";

// One backup at a time across every server on one PostgreSQL (and within this process).
const BACKUP_LOCK = 7_146_001_014;
let running: Promise<unknown> | null = null;

export type BackupRow = typeof backups.$inferSelect;

export function presentBackup(b: BackupRow) {
  return {
    id: b.id,
    at: b.at.toISOString(),
    trigger: b.trigger,
    ok: b.error === null,
    bytes: b.bytes,
    sha256: b.sha256,
    error: b.error,
    fileName: b.storageKey ? `${b.storageKey}.tar.gz` : null,
  };
}

const assertAdmin = (actor: Actor) => {
  if (!can(actor.grants, "audit.read", "/")) throw forbidden("Chỉ quản trị hệ thống được xem và tạo bản sao lưu.");
};

/** Writes a backup to a temporary file and hands it to `use`; the file is removed afterwards. */
export async function withBackupFile<T>(source: BackupSource, use: (file: string, result: Awaited<ReturnType<typeof createBackup>>) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-backup-"));
  try {
    const result = await createBackup(source, path.join(dir, "backup.tar.gz"));
    return await use(result.file, result);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:T]/g, "");

/**
 * Takes a backup into the file store and records it, then deletes those beyond the newest `keep`. Refuses when another
 * is being taken. `isDue` is re-checked under the lock (a scheduled pass another server already did is skipped).
 */
export async function takeStoredBackup(
  ctx: Pick<AppContext, "database" | "files" | "config">,
  input: { trigger: "scheduled" | "manual"; keep: number; isDue?: (lastAt: Date | null) => boolean; now?: Date },
): Promise<BackupRow | null> {
  if (running) throw conflict("BACKUP_RUNNING", "Đang có một bản sao lưu được tạo. Vui lòng đợi nó xong.");
  const work = (async () => {
    const db = ctx.database.db;
    return withBackupLock(ctx.database, async () => {
      if (input.isDue && !input.isDue(await lastSuccessfulAt(db))) return null;
      const at = input.now ?? new Date();
      const key = `backup-${stamp(at)}-${randomBytes(4).toString("hex")}`;
      try {
        const row = await withBackupFile(ctx, async (file, result) => {
          if (ctx.files.putFile) await ctx.files.putFile(key, file);
          else await ctx.files.put(key, fs.readFileSync(file));
          const [saved] = await db
            .insert(backups)
            .values({ at, trigger: input.trigger, storageKey: key, bytes: result.bytes, sha256: result.sha256 })
            .returning();
          return saved;
        });
        await prune(ctx, input.keep);
        return row;
      } catch (e) {
        await ctx.files.delete(key).catch(() => undefined);
        await db.insert(backups).values({ at, trigger: input.trigger, error: (e as Error).message.slice(0, 1000) });
        // A schedule that keeps failing retries every few minutes: keep the latest failures, not a day's worth.
        await db.execute(
          sql`delete from backups where storage_key is null and id not in (select id from backups where storage_key is null order by at desc, id desc limit 20)`,
        );
        throw e;
      }
    });
  })();
  running = work;
  try {
    return await work;
  } finally {
    running = null;
  }
}

/**
 * Runs `work` holding the backup lock of the whole installation. On PostgreSQL a transaction-scoped advisory lock, held by
 * a transaction kept open for the duration (the work itself uses other connections); PGlite has one process by its
 * folder lock, and the in-process guard above is enough (its one session must stay free for the dump).
 */
async function withBackupLock<T>(database: AppContext["database"], work: () => Promise<T>): Promise<T> {
  if (database.kind === "pglite") return work();
  return database.db.transaction(async (tx) => {
    const r = (await tx.execute(sql`select pg_try_advisory_xact_lock(${BACKUP_LOCK}) as ok`)) as unknown as { rows: { ok: boolean }[] };
    if (!r.rows[0].ok) throw conflict("BACKUP_RUNNING", "Một máy chủ khác đang tạo bản sao lưu. Vui lòng đợi nó xong.");
    return work();
  });
}

async function lastSuccessfulAt(db: Executor): Promise<Date | null> {
  const [last] = await db.select({ at: backups.at }).from(backups).where(isNotNull(backups.storageKey)).orderBy(desc(backups.at)).limit(1);
  return last?.at ?? null;
}

async function prune(ctx: Pick<AppContext, "database" | "files">, keep: number): Promise<void> {
  const db = ctx.database.db;
  const kept = await db.select().from(backups).where(isNotNull(backups.storageKey));
  for (const old of backupsToPrune(kept, keep)) {
    await ctx.files.delete(old.storageKey as string).catch(() => undefined);
    await db.delete(backups).where(eq(backups.id, old.id));
  }
}

/** The last backup (successful or not) and the last successful one, for administrators and /api/health. */
export async function backupStatus(db: Executor) {
  const [last] = await db.select().from(backups).orderBy(desc(backups.at), desc(backups.id)).limit(1);
  const [lastOk] = await db.select().from(backups).where(isNotNull(backups.storageKey)).orderBy(desc(backups.at)).limit(1);
  return {
    lastAt: lastOk ? lastOk.at.toISOString() : null,
    lastBytes: lastOk?.bytes ?? null,
    lastError: last?.error ? { at: last.at.toISOString(), message: last.error } : null,
  };
}

export async function listBackups(db: Executor, actor: Actor) {
  assertAdmin(actor);
  const rows = await db.select().from(backups).orderBy(desc(backups.at), desc(backups.id)).limit(100);
  return { items: rows.map(presentBackup), status: await backupStatus(db) };
}

export async function createBackupNow(ctx: AppContext, actor: Actor, keep: number) {
  assertAdmin(actor);
  const row = await takeStoredBackup(ctx, { trigger: "manual", keep });
  return presentBackup(row as BackupRow);
}

export async function readStoredBackup(ctx: Pick<AppContext, "database" | "files">, actor: Actor, id: number) {
  assertAdmin(actor);
  const [row] = await ctx.database.db.select().from(backups).where(eq(backups.id, id));
  if (!row?.storageKey) throw notFound("bản sao lưu này");
  return { fileName: `${row.storageKey}.tar.gz`, contentType: "application/gzip", body: await ctx.files.get(row.storageKey) };
}

/** Records a background job's pass (whichever server ran it); failures to record never stop the job. */
export async function recordJobRun(db: Executor, name: string, result: unknown, at = new Date()): Promise<void> {
  const host = `${os.hostname()}#${process.pid}`;
  await db
    .insert(jobRuns)
    .values({ name, at, host, result })
    .onConflictDoUpdate({ target: jobRuns.name, set: { at, host, result } })
    .catch(() => undefined);
}

/** What /api/health reports: the database answers, which storage holds files, the reminder job's and backups' last pass. */
export async function healthReport(ctx: Pick<AppContext, "database" | "config">, version: string) {
  const base = { database: ctx.database.kind, storage: ctx.config.files.storage, version };
  try {
    const [reminder] = await ctx.database.db.select().from(jobRuns).where(eq(jobRuns.name, "reminders"));
    const backup = await backupStatus(ctx.database.db);
    // Public: when and how much, never a server's name or an error's text (paths); administrators see those.
    return {
      status: "ok" as const,
      ...base,
      reminders: { lastPassAt: reminder ? reminder.at.toISOString() : null, result: reminder?.result ?? null },
      backup: { lastAt: backup.lastAt, lastBytes: backup.lastBytes, lastFailedAt: backup.lastError?.at ?? null },
    };
  } catch {
    return { status: "error" as const, ...base, reminders: null, backup: null };
  }
}

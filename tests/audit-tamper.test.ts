// Someone with write access to the database but not the audit key tampers with the log in every way we know; each
// must make audit:verify fail naming the entry. Tampering happens inside a transaction that is rolled back, so each
// case starts from the same intact log.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";
import { type Database, type Executor, openDatabase, type Tx } from "../src/db/client.js";
import { auditAnchor, auditLog } from "../src/db/schema.js";
import { auditHash, GENESIS_HASH } from "../src/domain/audit-chain.js";
import { SYSTEM_ACTOR } from "../src/modules/actor.js";
import { auditKey } from "../src/modules/audit/audit-key.js";
import { CHECKPOINT_KEY, readCheckpoint, takeCheckpoint } from "../src/modules/audit/checkpoint.js";
import { AuditTrailError, prepareAuditTrail } from "../src/modules/audit/prepare-audit-trail.js";
import { presentAudit } from "../src/modules/audit/service.js";
import { type AuditVerification, verifyAudit } from "../src/modules/audit/verify-audit.js";
import { writeAudit } from "../src/modules/audit/write-audit.js";
import { createFileStore, type FileStore, LocalFileStore } from "../src/storage/file-store.js";
import { S3FileStore } from "../src/storage/s3-file-store.js";
import { createTestApp, type TestApp } from "./support/test-app.js";
import { openTestDatabase } from "./support/test-db.js";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

let t: TestApp;
let key: Buffer;
let store: FileStore;

async function append(db: Executor, n: number, label = "Mục thử") {
  const entries = Array.from({ length: n }, (_, i) => ({
    action: "unit.update" as const,
    entity: "unit" as const,
    entityId: i + 1,
    summary: `${label} ${i + 1}`,
  }));
  await writeAudit(db, SYSTEM_ACTOR, entries);
}

async function ids(db: Executor): Promise<number[]> {
  const rows = await db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id);
  return rows.map((r) => r.id);
}

class Rollback extends Error {}

/** Tampers inside a transaction, verifies what that transaction sees, then rolls everything back. */
async function verifyAfter(tamper: (tx: Tx) => Promise<void>, checkpoints: FileStore = store): Promise<AuditVerification> {
  let verdict: AuditVerification | null = null;
  await t.database.db
    .transaction(async (tx) => {
      await tamper(tx);
      verdict = await verifyAudit(tx, key, checkpoints);
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  if (!verdict) throw new Error("no verdict");
  return verdict;
}

/** Rewrites one entry's summary and recomputes its hash and every hash after it, as someone without the key would. */
async function rewriteAndRehash(tx: Tx, id: number) {
  const rows = await tx
    .select()
    .from(auditLog)
    .where(sql`${auditLog.id} >= ${id - 1}`)
    .orderBy(auditLog.id);
  let prev = rows[0].id === id ? GENESIS_HASH : rows[0].hash;
  for (const r of rows.filter((x) => x.id >= id)) {
    const content = { ...presentAudit(r), summary: r.id === id ? `${r.summary} (sửa lén)` : r.summary };
    const hash = auditHash(prev, content);
    await tx.update(auditLog).set({ summary: content.summary, prevHash: prev, hash }).where(eq(auditLog.id, r.id));
    prev = hash;
  }
}

beforeAll(async () => {
  t = await createTestApp();
  key = auditKey();
  store = await createFileStore(t.config.files);
  await append(t.database.db, 8);
});
afterAll(() => t.close());

describe("audit:verify against tampering", () => {
  it("passes an intact log and matches the newest checkpoint, which the writer takes only when something changed", async () => {
    const first = await takeCheckpoint(t.database.db, key, store);
    expect(first).toMatchObject({ written: true });
    expect(await takeCheckpoint(t.database.db, key, store)).toEqual({ written: false, why: "unchanged" });
    const all = await ids(t.database.db);
    const v = await verifyAudit(t.database.db, key, store);
    expect(v).toMatchObject({ ok: true, brokenAt: null, checked: all.length, checkpoint: { id: all.at(-1), count: all.length } });
  });

  it("names an edited middle entry", async () => {
    const mid = (await ids(t.database.db))[4];
    const v = await verifyAfter((tx) =>
      tx
        .update(auditLog)
        .set({ summary: "sửa lén" })
        .where(eq(auditLog.id, mid))
        .then(() => undefined),
    );
    expect(v).toMatchObject({ ok: false, brokenAt: mid });
    expect(v.reason).toContain("đã bị sửa");
  });

  it("names the entry after a deleted middle one, and the one before the gap", async () => {
    const all = await ids(t.database.db);
    const v = await verifyAfter((tx) =>
      tx
        .delete(auditLog)
        .where(eq(auditLog.id, all[4]))
        .then(() => undefined),
    );
    expect(v).toMatchObject({ ok: false, brokenAt: all[5] });
    expect(v.reason).toContain("có mục bị xóa hoặc chèn");
    expect(v.reason).toContain(`#${all[3]}`);
  });

  it("names the checkpointed head when the newest entries are deleted after a checkpoint", async () => {
    const all = await ids(t.database.db);
    for (const n of [1, 2]) {
      const v = await verifyAfter((tx) =>
        tx
          .delete(auditLog)
          .where(sql`${auditLog.id} > ${all[all.length - 1 - n]}`)
          .then(() => undefined),
      );
      expect(v).toMatchObject({ ok: false, brokenAt: all.at(-1) });
      expect(v.reason).toContain("không còn");
      expect(v.reason).toContain(`mục cuối là #${all[all.length - 1 - n]}`);
    }
  });

  it("names a rewritten entry whose hash and every following hash were recomputed", async () => {
    const all = await ids(t.database.db);
    for (const target of [all[2], all.at(-1) as number]) {
      const v = await verifyAfter((tx) => rewriteAndRehash(tx, target));
      expect(v).toMatchObject({ ok: false, brokenAt: target });
      expect(v.reason).toContain("MAC");
    }
  });

  it("names an inserted entry, with no MAC or with another entry's MAC", async () => {
    const [last] = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    for (const mac of [null, last.mac]) {
      const v = await verifyAfter(async (tx) => {
        const content = { ...presentAudit(last), id: last.id + 1000, summary: "Mục chèn thêm", at: new Date().toISOString() };
        const hash = auditHash(last.hash, content);
        await tx.insert(auditLog).values({ ...content, at: new Date(content.at), prevHash: last.hash, hash, mac });
      });
      expect(v).toMatchObject({ ok: false, brokenAt: last.id + 1000 });
      expect(v.reason).toContain(mac ? "không khớp" : "không có mã xác thực");
    }
  });

  it("keeps the checkpoint from advancing over a deleted head, even after new entries are written", async () => {
    const all = await ids(t.database.db);
    let outcome: Awaited<ReturnType<typeof takeCheckpoint>> | null = null;
    const v = await verifyAfter(async (tx) => {
      await tx.delete(auditLog).where(eq(auditLog.id, all.at(-1) as number));
      await append(tx, 2, "Ghi sau khi xóa");
      outcome = await takeCheckpoint(tx, key, store);
    });
    expect(outcome).toMatchObject({ written: false, why: "problem", brokenAt: all.at(-1) });
    expect(v).toMatchObject({ ok: false, brokenAt: all.at(-1) });
  });

  it("reports a checkpoint file altered in the file store, and one signed by another key", async () => {
    const original = await store.get(CHECKPOINT_KEY);
    try {
      const altered = { ...JSON.parse(original.toString("utf8")), count: 1 };
      await store.put(CHECKPOINT_KEY, Buffer.from(JSON.stringify(altered)));
      const v = await verifyAudit(t.database.db, key, store);
      expect(v).toMatchObject({ ok: false, brokenAt: null });
      expect(v.reason).toContain("sai chữ ký");
      expect(await takeCheckpoint(t.database.db, key, store)).toMatchObject({ written: false, why: "problem" });
    } finally {
      await store.put(CHECKPOINT_KEY, original);
    }
    const other = await verifyAudit(t.database.db, randomBytes(32), store);
    expect(other).toMatchObject({ ok: false, brokenAt: null, wrongKey: true });
    expect(other.reason).toContain("khác khóa");
  });

  it("stores the key nowhere in the database (every table of every schema scanned)", async () => {
    const forms = [key.toString("base64"), key.toString("hex"), key.toString("base64url")];
    const res = (await t.database.db.execute(
      sql`select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    )) as unknown as { rows: { table_schema: string; table_name: string }[] };
    expect(res.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["audit_log", "audit_anchor", "users"]));
    let scanned = 0;
    for (const { table_schema, table_name } of res.rows) {
      const rows = (await t.database.db.execute(
        sql`select t::text as row from ${sql.identifier(table_schema)}.${sql.identifier(table_name)} t`,
      )) as unknown as {
        rows: { row: string }[];
      };
      for (const { row } of rows.rows) {
        scanned++;
        for (const form of forms) expect(row.includes(form), `${table_schema}.${table_name}`).toBe(false);
      }
    }
    expect(scanned).toBeGreaterThan(500);
  });

  it("refuses to start a server with another key: its entries could never be verified", async () => {
    await expect(prepareAuditTrail(t.database.db, randomBytes(32), store)).rejects.toThrow(AuditTrailError);
    await expect(prepareAuditTrail(t.database.db, randomBytes(32), store)).rejects.toThrow(/khác khóa đã ký nhật ký/);
    // The process still signs with the right key.
    expect(auditKey().equals(key)).toBe(true);
  });
});

describe("checkpoints in S3-compatible storage", () => {
  it("are written and read back from a bucket (a missing one is no checkpoint), and catch the newest entry deleted", async () => {
    type S3rverServer = { run(): Promise<{ port: number }>; close(): Promise<void> };
    const { default: S3rver } = (await import("s3rver")) as unknown as { default: new (o: object) => S3rverServer };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "td-audit-s3-"));
    const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "thidua" }] });
    const { port } = await server.run();
    try {
      const s3 = new S3FileStore({
        endpoint: `http://127.0.0.1:${port}`,
        region: "us-east-1",
        bucket: "thidua",
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
        forcePathStyle: true,
        prefix: "files/",
      });
      expect(await readCheckpoint(s3, key)).toEqual({ state: "none" });
      const all = await ids(t.database.db);
      expect(await takeCheckpoint(t.database.db, key, s3)).toMatchObject({ written: true, checkpoint: { id: all.at(-1), count: all.length } });
      expect(await verifyAudit(t.database.db, key, s3)).toMatchObject({ ok: true, checkpoint: { id: all.at(-1) } });
      const v = await verifyAfter(
        (tx) =>
          tx
            .delete(auditLog)
            .where(eq(auditLog.id, all.at(-1) as number))
            .then(() => undefined),
        s3,
      );
      expect(v).toMatchObject({ ok: false, brokenAt: all.at(-1) });
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("an upgraded database: entries from before the MAC", () => {
  it("verifies them by the chain alone until the first start seals them, names the range, and never seals twice", async () => {
    const database = await openTestDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "td-audit-legacy-"));
    const legacyStore = new LocalFileStore(dir);
    try {
      // As the writer before this change stored them: chained, no MAC.
      let prev = GENESIS_HASH;
      for (let i = 1; i <= 3; i++) {
        const content = {
          at: new Date(Date.UTC(2025, 0, i)).toISOString(),
          actorId: null,
          actorName: "Hệ thống",
          action: "unit.update",
          entity: "unit",
          entityId: String(i),
          unitId: null,
          summary: `Mục cũ ${i}`,
          before: null,
          after: null,
        };
        const hash = auditHash(prev, content);
        await database.db.insert(auditLog).values({ ...content, at: new Date(content.at), prevHash: prev, hash });
        prev = hash;
      }
      const before = await verifyAudit(database.db, key, legacyStore);
      expect(before).toMatchObject({ ok: true, checked: 3, legacy: null });
      expect(before.notes.join(" ")).toContain("chưa được ký MAC");

      expect(await prepareAuditTrail(database.db, key, legacyStore)).toEqual({ sealed: 3 });
      const [seal] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
      expect(seal).toMatchObject({ action: "audit.seal", after: expect.objectContaining({ legacyThrough: 3, legacyCount: 3 }) });
      expect(seal.summary).toContain("niêm phong 3 mục");
      const after = await verifyAudit(database.db, key, legacyStore);
      expect(after).toMatchObject({ ok: true, checked: 4, legacy: { through: 3, count: 3 } });
      expect(await prepareAuditTrail(database.db, key, legacyStore)).toEqual({ sealed: 0 });

      // Sealing again would launder stripped entries: with the anchor row gone the start is refused, and verify says why.
      expect(await takeCheckpoint(database.db, key, legacyStore)).toMatchObject({ written: true });
      await database.db.delete(auditAnchor);
      await database.db.update(auditLog).set({ mac: null });
      await expect(prepareAuditTrail(database.db, key, legacyStore)).rejects.toThrow(AuditTrailError);
      const stripped = await verifyAudit(database.db, key, legacyStore);
      expect(stripped).toMatchObject({ ok: false });
      expect(stripped.reason).toContain("audit_anchor");
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm run cli -- audit:verify", () => {
  it("exits 0 on an intact log, 1 naming the entry when the newest was deleted after a checkpoint, 2 with another key", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "td-audit-cli-"));
    const env: NodeJS.ProcessEnv = { ...process.env, AUDIT_KEY: key.toString("base64"), FILES_DIR: path.join(dir, "files"), DATA_DIR: path.join(dir, "data") };
    let database: Database;
    let dropDatabase = async () => {};
    if (process.env.DATABASE_URL) {
      const pg = (await import("pg")).default;
      const name = `td_audit_cli_${randomBytes(4).toString("hex")}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: null });
      dropDatabase = async () => {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      };
    } else {
      delete env.DATABASE_URL;
      database = await openDatabase({ databaseUrl: null, dataDir: env.DATA_DIR as string });
    }
    /** The command as an operator runs it (a child process), or its exported function (faster; same code path). */
    const cli = async (how: "child" | "in-process") => {
      if (how === "in-process") {
        const names = ["DATA_DIR", "FILES_DIR", "AUDIT_KEY", "DATABASE_URL"] as const;
        const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
        for (const n of names) {
          if (env[n] === undefined) delete process.env[n];
          else process.env[n] = env[n];
        }
        const lines: string[] = [];
        try {
          return { code: await runCli(["audit:verify"], (line) => lines.push(line)), stdout: lines.join("\n") };
        } finally {
          for (const n of names) {
            if (saved[n] === undefined) delete process.env[n];
            else process.env[n] = saved[n];
          }
        }
      }
      try {
        const { stdout } = await run(path.join(root, "node_modules/.bin/tsx"), ["src/cli.ts", "audit:verify"], { cwd: root, env });
        return { code: 0, stdout };
      } catch (e) {
        const err = e as { code: number; stdout: string };
        return { code: err.code, stdout: err.stdout };
      }
    };
    try {
      const files = new LocalFileStore(env.FILES_DIR as string);
      await prepareAuditTrail(database.db, key, files);
      await append(database.db, 4);
      expect(await takeCheckpoint(database.db, key, files)).toMatchObject({ written: true });
      const all = await ids(database.db);
      await database.close();
      const ok = await cli("in-process");
      expect(ok.stdout).toContain(`khớp điểm neo đến mục #${all.at(-1)}`);
      expect(ok.code).toBe(0);

      database = process.env.DATABASE_URL
        ? await openDatabase({ databaseUrl: env.DATABASE_URL as string, dataDir: null })
        : await openDatabase({ databaseUrl: null, dataDir: env.DATA_DIR as string });
      await database.db.delete(auditLog).where(eq(auditLog.id, all.at(-1) as number));
      await database.close();
      const broken = await cli("child");
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain(`NHẬT KÝ BỊ THAY ĐỔI tại mục #${all.at(-1)}`);
      expect(broken.stdout).toContain("các mục cuối đã bị xóa");

      // Another key proves nothing either way: exit 2, not a claim of tampering.
      env.AUDIT_KEY = randomBytes(32).toString("base64");
      const wrong = await cli("in-process");
      expect(wrong.code).toBe(2);
      expect(wrong.stdout).toContain("KHÔNG KIỂM TRA ĐƯỢC NHẬT KÝ");
    } finally {
      await database.close().catch(() => {});
      await dropDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

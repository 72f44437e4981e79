// Backup → empty target → restore, on a movement that launched and ran to an issued decision: the same rows and
// fingerprints in every table, the same files, an audit log that still verifies, the same ranking and honour roll.
// PGlite → PGlite always; with DATABASE_URL also PostgreSQL → PostgreSQL and PGlite → PostgreSQL.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../src/config.js";
import { type Database, knownMigrations, openDatabase } from "../src/db/client.js";
import { nominations } from "../src/db/schema.js";
import { readArchive, writeArchive } from "../src/modules/backup/archive.js";
import { createBackup } from "../src/modules/backup/create-backup.js";
import { restoreBackup } from "../src/modules/backup/restore-backup.js";
import { describeTables } from "../src/modules/backup/snapshot.js";
import { buildApp } from "../src/server.js";
import { createFileStore, type FileStore } from "../src/storage/file-store.js";
import { PDF, upload } from "./support/commendation.js";
import { SEED_003_SCORED_LEAVES } from "./support/seed-003.js";
import { type Client as C, Client, createTestApp, DEMO_PASSWORD, type TestApp } from "./support/test-app.js";

let t: TestApp;
let files: FileStore;
let planId: number;
let decisionId: number;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "td-backup-"));
const uploaded: { id: string; data: Buffer }[] = [];
const pgUrl = process.env.DATABASE_URL;

async function tablesOf(database: Database) {
  const q = async <T>(s: string) => ((await database.db.execute(s as never)) as unknown as { rows: T[] }).rows;
  await q("set timezone = 'UTC'");
  const out = await describeTables(q);
  await q("reset timezone");
  return out;
}

/** What a citizen and the office see of the movement: the ranking and the public honour roll. */
async function views(app: Awaited<ReturnType<typeof buildApp>>) {
  const office = new Client(app);
  const login = await office.post("/api/auth/login", { username: "noivu.vinhlong", password: DEMO_PASSWORD });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  const ranking = (await office.get(`/api/plans/${planId}/ranking?group=tap-the`)).body;
  const roll = (await new Client(app).get(`/api/public/plans/${planId}/honour-roll`)).body;
  const decision = (await office.get(`/api/decisions/${decisionId}`)).body;
  const fileBodies = [];
  for (const f of uploaded) fileBodies.push((await office.get(`/api/files/${f.id}`)).raw);
  return { ranking, roll, decision: { status: decision.status, numberLine: decision.numberLine, recipients: decision.recipients }, fileBodies };
}

beforeAll(async () => {
  t = await createTestApp();
  files = await createFileStore(t.config.files);
  const office = await t.as("noivu.vinhlong");
  const focal1 = await t.as("daumoi.phuong1");
  t.clock.set("2024-03-01T02:00:00Z");
  const draft = (await office.post("/api/plans", { issuerUnitId: await t.unitId("VL-TPVL"), template: "003-vinh-long-2024.yaml" })).body;
  const plan = (await office.request("PUT", `/api/plans/${draft.id}`, { version: draft.version, data: { ...draft.data, eligibility: [] } })).body;
  expect((await office.post(`/api/plans/${plan.id}/launch`, { version: plan.version })).status).toBe(200);
  planId = plan.id;
  await office.post(`/api/plans/${planId}/participants/sync`);
  const parts = (await office.get(`/api/plans/${planId}/participants?group=tap-the`)).body.items;
  const pid = (name: string) => parts.find((p: { name: string }) => p.name === name).id as number;
  const ward1 = await t.unitId("VL-TPVL-P1");

  // Registration, a report and its file, an evidence file.
  t.clock.set("2024-04-20T03:00:00Z");
  const p1 = (await focal1.get(`/api/participants/${pid("Phường 1")}`)).body;
  const reg = await focal1.request("PUT", `/api/participants/${pid("Phường 1")}/registration`, {
    version: p1.version,
    registeredPoints: Object.fromEntries(SEED_003_SCORED_LEAVES.map((c) => [c, 5])),
    commitments: "Hoàn thành 100% nhiệm vụ CCHC",
  });
  expect(reg.status, JSON.stringify(reg.body)).toBe(200);
  const report = Buffer.concat([PDF, Buffer.from(`% báo cáo quý ${randomBytes(8).toString("hex")}\n`)]);
  const reportId = await upload(focal1, ward1, "bao-cao-quy-1.pdf", report);
  uploaded.push({ id: reportId, data: report });
  expect((await focal1.post(`/api/participants/${pid("Phường 1")}/reports/bc-6-thang`, { fileId: reportId })).status).toBe(200);

  // Nominations, a secret vote closed, a decision issued with its signed scan.
  t.clock.set("2024-12-20T03:00:00Z");
  const nom: number[] = [];
  for (const name of ["Phường 1", "Phường 2"]) {
    const [n] = await t.database.db
      .insert(nominations)
      .values({ planId, awardFormId: "giay-khen-tp", participantId: pid(name), proposedByUnitId: await t.unitId("VL-TPVL"), status: "accepted" })
      .returning();
    nom.push(n.id);
  }
  const users = (await (await t.as("admin")).get("/api/users")).body.items as { id: number; username: string }[];
  const uid = (u: string) => users.find((x) => x.username === u)?.id as number;
  const secretary = await t.as("thuky.vinhlong");
  const chair = await t.as("chutich.vinhlong");
  const member = await t.as("hoidong.vinhlong");
  const session = (
    await office.post(`/api/plans/${planId}/council-sessions`, {
      title: "Phiên họp xét khen thưởng CCHC 2024",
      heldOn: "2024-12-20",
      chairUserId: uid("chutich.vinhlong"),
      secretaryUserId: uid("thuky.vinhlong"),
      memberUserIds: [uid("hoidong.vinhlong")],
    })
  ).body;
  const agenda = (await secretary.request("PUT", `/api/council-sessions/${session.id}/agenda`, { nominationIds: nom })).body;
  const present = [uid("thuky.vinhlong"), uid("hoidong.vinhlong"), uid("chutich.vinhlong")];
  expect((await secretary.post(`/api/council-sessions/${session.id}/open`, { version: agenda.version, present })).status).toBe(200);
  for (const c of [member, secretary, chair] as C[]) {
    const voted = await c.post(`/api/council-sessions/${session.id}/ballots`, { choices: nom.map((nominationId) => ({ nominationId, choice: "approve" })) });
    expect(voted.status, JSON.stringify(voted.body)).toBe(204);
  }
  expect((await secretary.post(`/api/council-sessions/${session.id}/close`)).status).toBe(200);
  const drafted = await office.post(`/api/plans/${planId}/decisions`, {
    awardFormId: "giay-khen-tp",
    signedOn: "2024-12-30",
    signerTitle: "CHỦ TỊCH",
    signerName: "Đặng Văn Lượng",
    nominationIds: nom,
  });
  expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
  decisionId = drafted.body.id;
  expect((await chair.post(`/api/decisions/${decisionId}/issue`, { version: drafted.body.version, number: "15" })).status).toBe(200);
  const scan = Buffer.concat([PDF, Buffer.from(`% bản quét ${randomBytes(8).toString("hex")}\n`)]);
  const scanId = await upload(office, await t.unitId("VL-TPVL"), "qd-15-ban-ky.pdf", scan);
  uploaded.push({ id: scanId, data: scan });
  expect((await office.request("PUT", `/api/decisions/${decisionId}/signed-scan`, { fileId: scanId })).status).toBe(200);
}, 240_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A config for a restored installation: its own data folder and files folder, the same keys. */
function targetConfig(name: string, databaseUrl: string | null): Config {
  const dataDir = path.join(work, name);
  return { ...t.config, databaseUrl, dataDir, files: { ...t.config.files, dir: path.join(dataDir, "files") } };
}

async function freshPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const pg = (await import("pg")).default;
  const name = `td_restore_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl as string);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Restores `archive` into `config`, opens it as a server would, and compares it with the source. */
async function restoreAndCompare(
  archive: string,
  config: Config,
  expected: { tables: Awaited<ReturnType<typeof tablesOf>>; views: Awaited<ReturnType<typeof views>> },
) {
  const log: string[] = [];
  const report = await restoreBackup(archive, config, (l) => log.push(l));
  expect(report.audit, log.join("\n")).toMatchObject({ ok: true, reason: null });
  expect(report.audit.checked).toBe(expected.tables.audit_log.rows);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
  try {
    expect(await tablesOf(database)).toEqual(expected.tables);
    const app = await buildApp({ database, config, now: () => new Date("2024-12-31T03:00:00Z") });
    await app.ready();
    try {
      const seen = await views(app);
      expect(seen.ranking).toEqual(expected.views.ranking);
      expect(seen.roll).toEqual(expected.views.roll);
      expect(seen.decision).toEqual(expected.views.decision);
      for (const [i, f] of uploaded.entries()) expect(seen.fileBodies[i].equals(f.data)).toBe(true);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

describe("backup and restore", () => {
  let archive: string;
  let expected: { tables: Awaited<ReturnType<typeof tablesOf>>; views: Awaited<ReturnType<typeof views>> };

  it("writes one archive: the dump, every stored file, a manifest with the schema version, counts, hashes and the audit head", async () => {
    t.clock.set("2024-12-31T03:00:00Z");
    const seen = await views(t.app);
    expected = { views: seen, tables: await tablesOf(t.database) };
    expect(expected.views.roll.items.map((i: { name: string }) => i.name).sort()).toEqual(["Phường 1", "Phường 2"]);
    archive = path.join(work, "backup.tar.gz");
    const result = await createBackup({ database: t.database, files, config: t.config }, archive);
    expect(result.missingFiles).toEqual([]);
    const m = result.manifest;
    expect(m.schema.migrations).toEqual(knownMigrations());
    expect(m.source.database).toBe(t.database.kind);
    expect(m.tables).toEqual(expected.tables);
    for (const table of [
      "users",
      "role_assignments",
      "plans",
      "participants",
      "report_submissions",
      "nominations",
      "decisions",
      "decision_recipients",
      "notifications",
      "audit_log",
      "files",
    ]) {
      expect(m.tables[table]?.rows, table).toBeGreaterThan(0);
    }
    expect(m.files.map((f) => f.key).sort()).toEqual(expect.arrayContaining(uploaded.map((f) => f.id.replace(/-/g, ""))));
    expect(m.audit.entries).toBe(expected.tables.audit_log.rows);
    const names: string[] = [];
    await readArchive(archive, (name) => {
      names.push(name);
    });
    expect(names[0]).toBe("database.sql");
    expect(names.at(-1)).toBe("manifest.json");
  });

  it("restores into an empty PGlite folder: same tables, files, audit chain, ranking and honour roll", async () => {
    await restoreAndCompare(archive, targetConfig("pglite", null), expected);
  }, 180_000);

  it("refuses a target that is not empty, and says why in Vietnamese", async () => {
    const config = targetConfig("pglite", null);
    await expect(restoreBackup(archive, config)).rejects.toMatchObject({
      status: 409,
      code: "TARGET_NOT_EMPTY",
      message: expect.stringMatching(/không trống|đã có dữ liệu/),
    });
  });

  it("refuses a backup from a newer schema, and an archive whose parts were altered", async () => {
    const rewrite = async (name: string, change: (entry: string, data: Buffer) => Buffer) => {
      const out = path.join(work, name);
      const w = writeArchive(out);
      const entries: [string, Buffer][] = [];
      await readArchive(archive, (n, d) => {
        entries.push([n, d]);
      });
      for (const [n, d] of entries) await w.add(n, change(n, d));
      await w.finish();
      return out;
    };
    const newer = await rewrite("newer.tar.gz", (n, d) => {
      if (n !== "manifest.json") return d;
      const m = JSON.parse(d.toString());
      m.schema.migrations.push("0099_future");
      return Buffer.from(JSON.stringify(m));
    });
    await expect(restoreBackup(newer, targetConfig("newer", null))).rejects.toMatchObject({
      code: "NEWER_SCHEMA",
      message: expect.stringContaining("mới hơn"),
    });
    const altered = await rewrite("altered.tar.gz", (n, d) => (n === "database.sql" ? Buffer.from(d.toString().replace("Phường 1", "Phường 9")) : d));
    await expect(restoreBackup(altered, targetConfig("altered", null))).rejects.toMatchObject({
      code: "CORRUPT_BACKUP",
      message: expect.stringContaining("database.sql"),
    });
    expect(fs.existsSync(path.join(work, "newer", "PG_VERSION"))).toBe(false);
  });

  it.runIf(pgUrl)(
    "restores into an empty PostgreSQL database (PostgreSQL → PostgreSQL)",
    async () => {
      const db = await freshPgDatabase();
      try {
        await restoreAndCompare(archive, targetConfig("pg", db.url), expected);
      } finally {
        await db.drop();
      }
    },
    180_000,
  );

  it.runIf(pgUrl)(
    "moves an embedded installation to PostgreSQL: a backup of the PGlite folder restores into PostgreSQL 15",
    async () => {
      // The PGlite folder restored above is an embedded installation with the whole movement; back it up as the CLI would.
      const embedded = targetConfig("pglite", null);
      const database = await openDatabase({ databaseUrl: null, dataDir: embedded.dataDir, holder: "cli" });
      const fromPglite = path.join(work, "from-pglite.tar.gz");
      // Signing in to the restored copy above added sessions and audit entries: this installation is compared as it is now.
      const now = { ...expected, tables: await tablesOf(database) };
      try {
        const result = await createBackup({ database, files: await createFileStore(embedded.files), config: embedded }, fromPglite);
        expect(result.manifest.source).toMatchObject({ database: "pglite", serverVersion: expect.stringMatching(/^1[78]/) });
      } finally {
        await database.close();
      }
      const db = await freshPgDatabase();
      try {
        await restoreAndCompare(fromPglite, targetConfig("pg-from-pglite", db.url), now);
      } finally {
        await db.drop();
      }
    },
    180_000,
  );
});

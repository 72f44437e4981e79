// Real processes: the CLI against a PGlite folder a running server holds (refused, or a backup through the server), and
// two servers started at once on an empty PostgreSQL database.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";
import { verifyBackupFile } from "../src/modules/backup/restore-backup.js";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "td-cli-"));
const children: ChildProcess[] = [];
const pgUrl = process.env.DATABASE_URL;

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  fs.rmSync(work, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `npm start`'s server (without the web build step) as its own process. */
async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      REMINDER_INTERVAL_MINUTES: "0",
      BACKUP_HOUR: "off",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout?.on("data", (c) => {
    out += c;
  });
  child.stderr?.on("data", (c) => {
    out += c;
  });
  return {
    child,
    port,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function healthy(s: Server, timeoutMs = 150_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (s.child.exitCode !== null) throw new Error(`server exited ${s.child.exitCode}:\n${s.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}/api/health`);
      if (res.ok) return res.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not healthy:\n${s.output()}`);
}

async function cli(args: string[], env: Record<string, string | undefined>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  const lines: string[] = [];
  try {
    const code = await runCli(args, (s) => lines.push(s));
    return { code, text: lines.join("\n") };
  } finally {
    process.env = saved;
  }
}

describe("the CLI and a running server's PGlite folder", () => {
  const dataDir = path.join(work, "data");
  const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, FILES_DIR: undefined, AUDIT_KEY: undefined, BALLOT_KEY: undefined };

  it("refuses to write or read beside the server, backs up through it, and works again once it stops", async () => {
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "" });
    try {
      const health = await healthy(server);
      expect(health).toMatchObject({ status: "ok", database: "pglite", storage: "local", reminders: { lastPassAt: null }, backup: { lastAt: null } });

      const create = await cli(["user:create", "--username", "quantri2", "--password", "MatKhau@Manh2026x", "--full-name", "Quản trị hai"], env);
      expect(create.code).toBe(3);
      expect(create.text).toContain("đang được máy chủ Thi Đua");
      expect(create.text).toContain("Hãy dừng máy chủ");
      expect(create.text).not.toContain("Đã tạo tài khoản");
      expect((await cli(["audit:verify"], env)).code).toBe(3);

      const out = path.join(work, "running.tar.gz");
      const backup = await cli(["backup", "--out", out], env);
      expect(backup.code, backup.text).toBe(0);
      expect(backup.text).toContain("Máy chủ đang chạy");
      const manifest = await verifyBackupFile(out);
      expect(manifest.source.database).toBe("pglite");
      expect(manifest.tables.users.rows).toBe(13);
      expect(manifest.dataFiles.map((f) => f.name)).toContain("audit.key");

      const restoreOver = await cli(["restore", out], env);
      expect(restoreOver.code).toBe(2);
      expect(restoreOver.text).toContain("đang được tiến trình");
    } finally {
      await server.stop();
    }
    const create = await cli(["user:create", "--username", "quantri2", "--password", "MatKhau@Manh2026x", "--full-name", "Quản trị hai"], env);
    expect(create.code, create.text).toBe(0);
    expect(create.text).toContain("Đã tạo tài khoản quantri2");

    // The backup taken through the running server restores into a new folder, and the audit log verifies.
    const restored = await cli(["restore", path.join(work, "running.tar.gz")], { ...env, DATA_DIR: path.join(work, "restored") });
    expect(restored.code, restored.text).toBe(0);
    expect(restored.text).toContain("Nhật ký toàn vẹn");
  }, 300_000);
});

describe.runIf(pgUrl)("several servers on one PostgreSQL", () => {
  it("two servers started at once on an empty database both become healthy; each warns that local files are not shared", async () => {
    const pg = (await import("pg")).default;
    const name = `td_twins_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(pgUrl as string);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), AUDIT_KEY: randomBytes(32).toString("base64"), BALLOT_KEY: randomBytes(32).toString("base64") };
    const a = await startServer({ ...env, DATA_DIR: path.join(work, "a") });
    const b = await startServer({ ...env, DATA_DIR: path.join(work, "b") });
    try {
      const [ha, hb] = await Promise.all([healthy(a), healthy(b)]);
      expect(ha).toMatchObject({ status: "ok", database: "postgres", storage: "local" });
      expect(hb).toMatchObject({ status: "ok", database: "postgres", storage: "local" });
      for (const s of [a, b]) expect(s.output()).toContain("STORAGE=s3");
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      const { rows } = await c.query("select count(*)::int as n from users");
      await c.end();
      expect(rows[0].n).toBe(13);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      const dropper = new pg.Client({ connectionString: pgUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    }
  }, 300_000);
});

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { type Config, loadConfig } from "../../src/config.js";
import type { Database } from "../../src/db/client.js";
import { SYSTEM_ACTOR } from "../../src/modules/actor.js";
import { openAuditTrail } from "../../src/modules/audit/open-audit-trail.js";
import { importsSettled } from "../../src/modules/imports/service.js";
import { addRole, createUser } from "../../src/modules/users/service.js";
import { readAccounts, seedDemo } from "../../src/seed/demo.js";
import { buildApp } from "../../src/server.js";
import { createFileStore } from "../../src/storage/file-store.js";
import { openTestDatabase } from "./test-db.js";

export const DEMO_PASSWORD = readAccounts().password;
// One audit key per test process: the key that signs entries is process-wide, and every test app in a file may still
// be written to after the next one is made.
const TEST_AUDIT_KEY = randomBytes(32).toString("base64");

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** The app's clock: set it to run a movement through its calendar (deadlines, windows). */
  clock: { set(at: string | Date): void; reset(): void };
  /** Real time as the security clocks see it (idle sessions, sign-in waits, TOTP): move it on without sleeping. */
  wallClock: { advance(ms: number): void; reset(): void };
  /** A client signed in as a demo account (or anonymous when username is omitted). */
  as(username?: string, password?: string): Promise<Client>;
  unitId(code: string): Promise<number>;
  close(): Promise<void>;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  raw: Buffer;
}

export class Client {
  cookies: Record<string, string> = {};
  constructor(private readonly app: FastifyInstance) {}

  async request<T = any>(method: InjectOptions["method"], url: string, payload?: unknown, extra: Partial<InjectOptions> = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...(extra.headers as Record<string, string>) };
    if (this.cookies.td_csrf && method !== "GET") headers["x-csrf-token"] ??= this.cookies.td_csrf;
    const res = await this.app.inject({ method, url, payload: payload as InjectOptions["payload"], cookies: this.cookies, ...extra, headers });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (c.value === "" || c.maxAge === 0) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    const isJson = String(res.headers["content-type"] ?? "").includes("application/json");
    return { status: res.statusCode, body: (isJson ? res.json() : res.body) as T, headers: res.headers, raw: res.rawPayload };
  }
  get = <T = any>(url: string) => this.request<T>("GET", url);
  post = <T = any>(url: string, body?: unknown) => this.request<T>("POST", url, body ?? {});
  patch = <T = any>(url: string, body: unknown) => this.request<T>("PATCH", url, body);
  delete = <T = any>(url: string) => this.request<T>("DELETE", url);
}

/**
 * Builds the real app on a fresh database with the demo data loaded — or, with `demo: false`, with nothing but one
 * administrator (`admin`, the demo password), for tests that build what they need with ./factories.ts. `logStream`
 * receives the app's request log (then at LOG_LEVEL info unless `overrides.logLevel` says otherwise).
 */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { logStream?: { write(line: string): void }; demo?: boolean } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "td-files-"));
  const config = {
    ...loadConfig({
      NODE_ENV: "test",
      LOGIN_RATE_PER_MINUTE: "1000",
      FILES_DIR: filesDir,
      BALLOT_KEY: randomBytes(32).toString("base64"),
      AUDIT_KEY: TEST_AUDIT_KEY,
    }),
    ...(options.logStream ? { logLevel: "info" } : {}),
    ...overrides,
  };
  // As at a server's start: the audit key is checked and installed before anything writes an entry.
  const files = await createFileStore(config.files);
  await openAuditTrail(config, database.db, files);
  if (options.demo === false) {
    // As `npm run cli -- user:create --admin` does on a database without the demo.
    const user = await createUser(database.db, SYSTEM_ACTOR, { username: "admin", fullName: "Quản trị hệ thống", password: DEMO_PASSWORD });
    await addRole(database.db, SYSTEM_ACTOR, user.id, { role: "admin", unitId: null });
  } else await seedDemo(database.db);
  const clock = { at: null as Date | null };
  const wall = { offsetMs: 0 };
  const app = await buildApp({
    database,
    config,
    files,
    now: () => clock.at ?? new Date(),
    wallClock: () => new Date(Date.now() + wall.offsetMs),
    logStream: options.logStream,
  });
  await app.ready();
  const ids = new Map<string, number>();
  const admin = new Client(app);
  return {
    app,
    database,
    config,
    clock: {
      set: (at: string | Date) => {
        clock.at = new Date(at);
      },
      reset: () => {
        clock.at = null;
      },
    },
    wallClock: {
      advance: (ms: number) => {
        wall.offsetMs += ms;
      },
      reset: () => {
        wall.offsetMs = 0;
      },
    },
    async as(username?: string, password = DEMO_PASSWORD) {
      const client = new Client(app);
      if (username) {
        const res = await client.post("/api/auth/login", { username, password });
        if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      }
      return client;
    },
    async unitId(code: string) {
      if (!ids.size) {
        if (!admin.cookies.td_session) await admin.post("/api/auth/login", { username: "admin", password: DEMO_PASSWORD });
        const res = await admin.get("/api/units?includeInactive=true");
        for (const u of res.body.items) ids.set(u.code, u.id);
      }
      const id = ids.get(code);
      if (!id) throw new Error(`no unit ${code}`);
      return id;
    },
    async close() {
      await importsSettled();
      await app.close();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

// On PostgreSQL, a pooled connection the server closes (restart, failover, an administrator) must not crash the
// app: the pool drops it and the next query opens a new one.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/client.js";
import { openTestDatabase } from "./support/test-db.js";

describe.skipIf(!process.env.DATABASE_URL)("PostgreSQL connection dropped by the server", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database?.close());

  it("survives the server terminating an idle pooled connection", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on("uncaughtException", onUncaught);
    try {
      const rows = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;
      const [{ pid }] = rows(await database.db.execute(sql`select pg_backend_pid() as pid`));
      const pg = (await import("pg")).default;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query("select pg_terminate_backend($1)", [pid]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      const [{ one }] = rows(await database.db.execute(sql`select 1 as one`));
      expect(one).toBe(1);
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});

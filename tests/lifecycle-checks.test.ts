// The database itself refuses a status outside its lifecycle (migration 0014), on PGlite and PostgreSQL alike.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const insertPlan = (status: string) =>
  t.database.db.execute(
    sql`insert into plans (code, title, year, issuer_unit_id, data, status) select ${`LC-${status}`}, 'Kế hoạch thử', 2024, min(id), '{}'::jsonb, ${status} from units`,
  );

describe("status check constraints", () => {
  it("are on every lifecycle's table", async () => {
    const rows = (await t.database.db.execute(sql`select conname from pg_constraint where conname like '%\_status\_ck' order by conname`)) as unknown as {
      rows: { conname: string }[];
    };
    expect(rows.rows.map((r) => r.conname)).toEqual([
      "assessments_status_ck",
      "council_sessions_status_ck",
      "decisions_status_ck",
      "initiatives_status_ck",
      "nominations_status_ck",
      "plans_status_ck",
    ]);
  });

  it("take a known status and refuse an unknown one", async () => {
    await insertPlan("draft");
    await expect(insertPlan("approved")).rejects.toSatisfy((e: unknown) => {
      for (let x: unknown = e; x && typeof x === "object"; x = (x as { cause?: unknown }).cause) if ((x as { code?: unknown }).code === "23514") return true;
      return false;
    });
  });
});

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { count, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { people, roleAssignments, units, users } from "../db/schema.js";
import { depthOf, unitPath } from "../domain/org.js";
import { personSortKey, vietnameseSortKey } from "../domain/vietnamese-sort.js";
import { SYSTEM_ACTOR } from "../modules/actor.js";
import { writeAudit } from "../modules/audit/write-audit.js";
import { assertStrongPassword, hashPassword } from "../modules/auth/passwords.js";
import { demoPeople } from "./demo-people.js";

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../seed-data");

interface OrgFile {
  units: { code: string; name: string; kind: string; parentCode: string | null }[];
}
interface AccountsFile {
  password: string;
  accounts: { username: string; fullName: string; roles: { role: string; unitCode: string | null }[] }[];
}

export const readOrg = (): OrgFile => JSON.parse(fs.readFileSync(path.join(dataDir, "demo-org.json"), "utf8"));
export const readAccounts = (): AccountsFile => JSON.parse(fs.readFileSync(path.join(dataDir, "demo-accounts.json"), "utf8"));

const SEED_LOCK = 7_146_001_015;

/** Loads the demo organisations, people and accounts into an empty database; does nothing otherwise. */
export async function seedDemo(db: Db): Promise<{ seeded: boolean; units: number; people: number; accounts: number }> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return { seeded: false, units: 0, people: 0, accounts: 0 };
  const org = readOrg();
  const accounts = readAccounts();
  // The demo password meets the same policy as any other (it must not be one that a real account could not have).
  for (const a of accounts.accounts) assertStrongPassword(accounts.password, a.username);
  const passwordHash = await hashPassword(accounts.password);
  return db.transaction(async (tx) => {
    // Servers starting together on an empty database: one seeds, the others wait here and then find it done.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [{ n: now }] = await tx.select({ n: count() }).from(users);
    if (now > 0) return { seeded: false, units: 0, people: 0, accounts: 0 };
    const byCode = new Map<string, { id: number; path: string }>();
    for (const u of org.units) {
      const parent = u.parentCode ? byCode.get(u.parentCode) : undefined;
      if (u.parentCode && !parent) throw new Error(`demo-org.json: ${u.code} names unknown parent ${u.parentCode}`);
      const [row] = await tx
        .insert(units)
        .values({ code: u.code, name: u.name, sortKey: vietnameseSortKey(u.name), kind: u.kind, parentId: parent?.id ?? null, path: "/", depth: 0 })
        .returning({ id: units.id });
      const p = unitPath(parent?.path ?? null, row.id);
      await tx
        .update(units)
        .set({ path: p, depth: depthOf(p) })
        .where(eq(units.id, row.id));
      byCode.set(u.code, { id: row.id, path: p });
    }
    const persons = demoPeople(org.units);
    for (let i = 0; i < persons.length; i += 500) {
      await tx.insert(people).values(
        persons.slice(i, i + 500).map((p) => ({
          code: p.code,
          unitId: (byCode.get(p.unitCode) as { id: number }).id,
          fullName: p.fullName,
          sortKey: personSortKey(p.fullName),
          sex: p.sex,
          birthDate: p.birthDate,
          position: p.position,
          category: p.category,
          isHead: p.isHead,
        })),
      );
    }
    for (const a of accounts.accounts) {
      const [user] = await tx.insert(users).values({ username: a.username, fullName: a.fullName, passwordHash }).returning({ id: users.id });
      for (const r of a.roles) {
        const unit = r.unitCode ? byCode.get(r.unitCode) : null;
        if (r.unitCode && !unit) throw new Error(`demo-accounts.json: ${a.username} names unknown unit ${r.unitCode}`);
        await tx.insert(roleAssignments).values({ userId: user.id, role: r.role, unitId: unit?.id ?? null });
      }
    }
    const summary = { units: org.units.length, people: persons.length, accounts: accounts.accounts.length };
    await writeAudit(tx, SYSTEM_ACTOR, {
      action: "demo.seed",
      entity: "system",
      entityId: "demo",
      summary: `Nạp dữ liệu mẫu: ${summary.units} đơn vị, ${summary.people} cán bộ, ${summary.accounts} tài khoản`,
      after: summary,
    });
    return { seeded: true, ...summary };
  });
}

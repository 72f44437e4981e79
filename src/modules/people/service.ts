import { and, count, eq, ilike, like, type SQL, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { people, units } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import { labelOf, PERSON_CATEGORIES, SEXES } from "../../domain/org.js";
import { personSortKey } from "../../domain/vietnamese-sort.js";
import { badRequest, conflict, notFound, versionConflict } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { personalDataReader } from "../movement/appraisal-reach.js";
import { assertCan, scopeCondition } from "../scope.js";
import { findUnit } from "../units/service.js";

type PersonRow = typeof people.$inferSelect;

export interface PersonFields {
  code?: string | null;
  unitId: number;
  fullName: string;
  sex: string;
  birthDate?: string | null;
  position?: string | null;
  category: string;
  isHead?: boolean;
  email?: string | null;
  phone?: string | null;
}

/** A person as the caller may see them: without `personal`, the directory only (personal fields are null). */
export function presentPerson(p: PersonRow, unitName: string, personal = true) {
  return {
    id: p.id,
    code: personal ? p.code : null,
    unitId: p.unitId,
    unitName,
    fullName: p.fullName,
    sex: p.sex,
    sexLabel: labelOf(SEXES, p.sex),
    birthDate: personal ? p.birthDate : null,
    position: p.position,
    category: p.category,
    categoryLabel: labelOf(PERSON_CATEGORIES, p.category),
    isHead: p.isHead,
    email: personal ? p.email : null,
    phone: personal ? p.phone : null,
    /** False when birth date, contact and staff code are withheld from this caller. */
    personal,
    active: p.active,
    version: p.version,
  };
}

const snapshot = (p: PersonRow) => ({
  code: p.code,
  unitId: p.unitId,
  fullName: p.fullName,
  sex: p.sex,
  birthDate: p.birthDate,
  position: p.position,
  category: p.category,
  isHead: p.isHead,
  email: p.email,
  phone: p.phone,
  active: p.active,
});

export interface PeopleQuery {
  unitId?: number;
  includeSubunits: boolean;
  q?: string;
  category?: string;
  active: "true" | "false" | "all";
  page: number;
  pageSize: number;
}

export async function listPeople(db: Executor, actor: Actor, query: PeopleQuery) {
  assertCan(actor, "people.read");
  const where: (SQL | undefined)[] = [
    scopeCondition(actor, "people.read", units.path),
    query.active === "all" ? undefined : eq(people.active, query.active === "true"),
  ];
  if (query.unitId) {
    const u = await findUnit(db, query.unitId);
    assertCan(actor, "people.read", u.path);
    where.push(query.includeSubunits ? like(units.path, `${u.path}%`) : eq(people.unitId, u.id));
  }
  if (query.q) where.push(ilike(people.fullName, `%${query.q.trim()}%`));
  if (query.category) where.push(eq(people.category, query.category));
  const cond = and(...where);
  const rows = await db
    .select({ p: people, unitName: units.name, unitPath: units.path })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(cond)
    .orderBy(sql`${people.sortKey} collate "C"`, people.id)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(people).innerJoin(units, eq(units.id, people.unitId)).where(cond);
  const personal = await personalDataReader(db, actor);
  return { items: rows.map((r) => presentPerson(r.p, r.unitName, personal(r.p, r.unitPath))), total };
}

async function findPerson(db: Executor, id: number) {
  const [row] = await db
    .select({ p: people, unitName: units.name, unitPath: units.path })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(eq(people.id, id));
  if (!row) throw notFound(`cán bộ có mã số ${id}`);
  return row;
}

async function assertPersonCodeFree(db: Executor, actor: Actor, code: string | null | undefined, exceptId?: number) {
  if (!code) return;
  const [other] = await db
    .select({ id: people.id, fullName: people.fullName, path: units.path })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(eq(people.code, code));
  if (other && other.id !== exceptId) {
    // Codes are unique system-wide; the holder is named only to a caller who may read them.
    const holder = can(actor.grants, "people.read", other.path) ? ` cho ${other.fullName}` : " cho một cán bộ khác";
    throw conflict("DUPLICATE_CODE", `Mã cán bộ "${code}" đã được dùng${holder}.`, [{ path: "code", message: "Mã đã tồn tại" }]);
  }
}

/** Inserts a person (inside the caller's transaction) and audits it; the caller has checked access. */
export async function insertPerson(tx: Executor, actor: Actor, input: PersonFields, unitName: string) {
  await assertPersonCodeFree(tx, actor, input.code);
  const [p] = await tx
    .insert(people)
    .values({
      code: input.code || null,
      unitId: input.unitId,
      fullName: input.fullName,
      sortKey: personSortKey(input.fullName),
      sex: input.sex,
      birthDate: input.birthDate || null,
      position: input.position || null,
      category: input.category,
      isHead: input.isHead ?? false,
      email: input.email || null,
      phone: input.phone || null,
    })
    .returning();
  await writeAudit(tx, actor, {
    action: "person.create",
    entity: "person",
    entityId: p.id,
    unitId: p.unitId,
    summary: `Thêm ${p.fullName} vào ${unitName}`,
    after: snapshot(p),
  });
  return p;
}

export async function createPerson(db: Db, actor: Actor, input: PersonFields) {
  return db.transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitId);
    assertCan(actor, "people.write", unit.path);
    if (!unit.active) throw badRequest("UNIT_INACTIVE", `Đơn vị "${unit.name}" đã ngừng hoạt động; chọn đơn vị khác.`);
    return presentPerson(await insertPerson(tx, actor, input, unit.name), unit.name);
  });
}

/** Applies changed fields if `version` is current (inside the caller's transaction); access already checked. */
export async function applyPersonUpdate(tx: Executor, actor: Actor, current: PersonRow, version: number, patch: Partial<PersonFields>, unitName: string) {
  if (current.version !== version) throw versionConflict(`Hồ sơ của ${current.fullName}`);
  if (patch.code !== undefined && patch.code !== current.code) await assertPersonCodeFree(tx, actor, patch.code, current.id);
  const fullName = patch.fullName ?? current.fullName;
  const [next] = await tx
    .update(people)
    .set({
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      sortKey: personSortKey(fullName),
      updatedAt: new Date(),
      version: current.version + 1,
    })
    .where(and(eq(people.id, current.id), eq(people.version, version)))
    .returning();
  if (!next) throw versionConflict(`Hồ sơ của ${current.fullName}`);
  await writeAudit(tx, actor, {
    action: "person.update",
    entity: "person",
    entityId: current.id,
    unitId: next.unitId,
    summary: `Cập nhật hồ sơ ${next.fullName} (${unitName})`,
    before: snapshot(current),
    after: snapshot(next),
  });
  return next;
}

export async function updatePerson(db: Db, actor: Actor, id: number, input: Partial<PersonFields> & { version: number }) {
  return db.transaction(async (tx) => {
    const row = await findPerson(tx, id);
    assertCan(actor, "people.write", row.unitPath);
    let unitName = row.unitName;
    if (input.unitId && input.unitId !== row.p.unitId) {
      const target = await findUnit(tx, input.unitId);
      assertCan(actor, "people.write", target.path, `Bạn không có quyền chuyển cán bộ sang "${target.name}".`);
      if (!target.active) throw badRequest("UNIT_INACTIVE", `Đơn vị "${target.name}" đã ngừng hoạt động; chọn đơn vị khác.`);
      unitName = target.name;
    }
    const { version, ...patch } = input;
    return presentPerson(await applyPersonUpdate(tx, actor, row.p, version, patch, unitName), unitName);
  });
}

export async function deactivatePerson(db: Db, actor: Actor, id: number, input: { version: number }) {
  return db.transaction(async (tx) => {
    const row = await findPerson(tx, id);
    assertCan(actor, "people.write", row.unitPath);
    if (row.p.version !== input.version) throw versionConflict(`Hồ sơ của ${row.p.fullName}`);
    const [next] = await tx
      .update(people)
      .set({ active: false, updatedAt: new Date(), version: row.p.version + 1 })
      .where(and(eq(people.id, id), eq(people.version, input.version)))
      .returning();
    if (!next) throw versionConflict(`Hồ sơ của ${row.p.fullName}`);
    await writeAudit(tx, actor, {
      action: "person.deactivate",
      entity: "person",
      entityId: id,
      unitId: next.unitId,
      summary: `Cho ${next.fullName} thôi theo dõi (${row.unitName})`,
      before: snapshot(row.p),
      after: snapshot(next),
    });
    return presentPerson(next, row.unitName);
  });
}

export async function getPerson(db: Executor, actor: Actor, id: number) {
  const row = await findPerson(db, id);
  assertCan(actor, "people.read", row.unitPath);
  return presentPerson(row.p, row.unitName, (await personalDataReader(db, actor))(row.p, row.unitPath));
}

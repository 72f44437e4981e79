import { and, count, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { people, units } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import { ancestorIds, depthOf, isWithin, labelOf, UNIT_KINDS, unitPath } from "../../domain/org.js";
import { vietnameseSortKey } from "../../domain/vietnamese-sort.js";
import { badRequest, conflict, notFound, versionConflict } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { entityHistory } from "../audit/service.js";
import { writeAudit } from "../audit/write-audit.js";
import { assertCan, scopeCondition } from "../scope.js";
import { carryOverMovements } from "./succession.js";

export type UnitRow = typeof units.$inferSelect;

export function presentUnit(u: UnitRow) {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    kindLabel: labelOf(UNIT_KINDS, u.kind),
    parentId: u.parentId,
    path: u.path,
    depth: u.depth,
    active: u.active,
    mergedIntoId: u.mergedIntoId,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

// What the audit log keeps of a unit.
const snapshot = (u: UnitRow) => ({ code: u.code, name: u.name, kind: u.kind, parentId: u.parentId, active: u.active, mergedIntoId: u.mergedIntoId });

export async function findUnit(db: Executor, id: number): Promise<UnitRow> {
  const [u] = await db.select().from(units).where(eq(units.id, id));
  if (!u) throw notFound(`đơn vị có mã số ${id}`);
  return u;
}

async function assertCodeFree(db: Executor, actor: Actor, code: string, exceptId?: number) {
  const [other] = await db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(sql`lower(${units.code}) = lower(${code})`, exceptId ? ne(units.id, exceptId) : undefined));
  // Codes are unique system-wide; the holder is named only to a caller who may read it.
  const holder = other && can(actor.grants, "units.read", other.path) ? ` cho "${other.name}"` : " cho một đơn vị khác";
  if (other)
    throw conflict("DUPLICATE_CODE", `Mã đơn vị "${code}" đã được dùng${holder}. Vui lòng chọn mã khác.`, [{ path: "code", message: "Mã đã tồn tại" }]);
}

export async function listUnits(db: Executor, actor: Actor, opts: { includeInactive: boolean }) {
  assertCan(actor, "units.read");
  const rows = await db
    .select()
    .from(units)
    .where(and(scopeCondition(actor, "units.read", units.path), opts.includeInactive ? undefined : eq(units.active, true)))
    .orderBy(sql`${units.depth}`, sql`${units.sortKey} collate "C"`);
  return rows.map(presentUnit);
}

export async function getUnit(db: Executor, actor: Actor, id: number) {
  const u = await findUnit(db, id);
  assertCan(actor, "units.read", u.path);
  const ids = ancestorIds(u.path);
  const ancestors = ids.length ? await db.select({ id: units.id, name: units.name, path: units.path }).from(units).where(inArray(units.id, ids)) : [];
  ancestors.sort((a, b) => a.path.length - b.path.length);
  const [{ n: childrenCount }] = await db
    .select({ n: count() })
    .from(units)
    .where(and(eq(units.parentId, id), eq(units.active, true)));
  const [{ n: peopleCount }] = await db
    .select({ n: count() })
    .from(people)
    .where(and(eq(people.unitId, id), eq(people.active, true)));
  const mergedFrom = await db.select({ id: units.id, name: units.name, code: units.code }).from(units).where(eq(units.mergedIntoId, id));
  return { ...presentUnit(u), ancestors: ancestors.map(({ id, name }) => ({ id, name })), childrenCount, peopleCount, mergedFrom };
}

export interface NewUnit {
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
}

/** Inserts a unit under its parent (inside the caller's transaction) and audits it. */
export async function insertUnit(tx: Executor, actor: Actor, input: NewUnit, parent: UnitRow | null): Promise<UnitRow> {
  await assertCodeFree(tx, actor, input.code);
  const [created] = await tx
    .insert(units)
    .values({ code: input.code, name: input.name, sortKey: vietnameseSortKey(input.name), kind: input.kind, parentId: parent?.id ?? null, path: "/", depth: 0 })
    .returning();
  const path = unitPath(parent?.path ?? null, created.id);
  const [u] = await tx
    .update(units)
    .set({ path, depth: depthOf(path) })
    .where(eq(units.id, created.id))
    .returning();
  await writeAudit(tx, actor, {
    action: "unit.create",
    entity: "unit",
    entityId: u.id,
    unitId: u.id,
    summary: `Tạo đơn vị ${u.name} (${u.code})`,
    after: snapshot(u),
  });
  return u;
}

export async function createUnit(db: Db, actor: Actor, input: NewUnit) {
  return db.transaction(async (tx) => {
    const parent = input.parentId === null ? null : await findUnit(tx, input.parentId);
    // "/" lies in no unit's subtree: only a system-wide grant may add a top-level unit.
    assertCan(actor, "units.write", parent?.path ?? "/", parent ? undefined : "Chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất.");
    if (parent && !parent.active) throw badRequest("PARENT_INACTIVE", `Đơn vị cấp trên "${parent.name}" đã ngừng hoạt động; chọn đơn vị cấp trên khác.`);
    return presentUnit(await insertUnit(tx, actor, input, parent));
  });
}

/** Applies `patch` if the caller's version is current, else 409. */
async function updateVersioned(tx: Executor, u: UnitRow, version: number, patch: Partial<typeof units.$inferInsert>): Promise<UnitRow> {
  if (u.version !== version) throw versionConflict(`Đơn vị "${u.name}"`);
  const [next] = await tx
    .update(units)
    .set({ ...patch, updatedAt: new Date(), version: u.version + 1 })
    .where(and(eq(units.id, u.id), eq(units.version, version)))
    .returning();
  if (!next) throw versionConflict(`Đơn vị "${u.name}"`);
  return next;
}

export async function updateUnit(db: Db, actor: Actor, id: number, input: { version: number; code?: string; name?: string; kind?: string }) {
  return db.transaction(async (tx) => {
    const u = await findUnit(tx, id);
    assertCan(actor, "units.write", u.path);
    if (input.code && input.code.toLowerCase() !== u.code.toLowerCase()) await assertCodeFree(tx, actor, input.code, id);
    const next = await updateVersioned(tx, u, input.version, {
      code: input.code ?? u.code,
      name: input.name ?? u.name,
      sortKey: vietnameseSortKey(input.name ?? u.name),
      kind: input.kind ?? u.kind,
    });
    const renamed = input.name && input.name !== u.name;
    await writeAudit(tx, actor, {
      action: renamed ? "unit.rename" : "unit.update",
      entity: "unit",
      entityId: id,
      unitId: id,
      summary: renamed ? `Đổi tên đơn vị "${u.name}" thành "${next.name}"` : `Sửa thông tin đơn vị ${next.name}`,
      before: snapshot(u),
      after: snapshot(next),
    });
    return presentUnit(next);
  });
}

/** Re-roots the subtree of `u` under `newParent`, rewriting every descendant's path and depth. */
export async function reparent(tx: Executor, u: UnitRow, newParent: UnitRow) {
  if (isWithin(newParent.path, u.path)) {
    throw badRequest("CYCLE", `Không thể chuyển "${u.name}" vào "${newParent.name}" vì đó là đơn vị thuộc chính nó.`);
  }
  const newPath = unitPath(newParent.path, u.id);
  await tx.execute(sql`
    update units
       set path = ${newPath} || substr(path, ${u.path.length + 1}),
           depth = length(${newPath} || substr(path, ${u.path.length + 1})) - length(replace(${newPath} || substr(path, ${u.path.length + 1}), '/', '')) - 2
     where path like ${`${u.path}%`}`);
  const [moved] = await tx.update(units).set({ parentId: newParent.id }).where(eq(units.id, u.id)).returning();
  return moved;
}

export async function moveUnit(db: Db, actor: Actor, id: number, input: { version: number; parentId: number }) {
  return db.transaction(async (tx) => {
    const u = await findUnit(tx, id);
    const parent = await findUnit(tx, input.parentId);
    assertCan(actor, "units.write", u.path);
    assertCan(actor, "units.write", parent.path, `Bạn không có quyền chuyển đơn vị vào "${parent.name}".`);
    if (!parent.active) throw badRequest("PARENT_INACTIVE", `Đơn vị "${parent.name}" đã ngừng hoạt động; chọn đơn vị cấp trên khác.`);
    await updateVersioned(tx, u, input.version, {});
    const moved = await reparent(tx, await findUnit(tx, id), parent);
    await writeAudit(tx, actor, {
      action: "unit.move",
      entity: "unit",
      entityId: id,
      unitId: id,
      summary: `Chuyển đơn vị "${u.name}" sang trực thuộc "${parent.name}"`,
      before: snapshot(u),
      after: snapshot(moved),
    });
    return presentUnit(moved);
  });
}

/** Merges `id` into `targetId`: children (and optionally people) move over; the source stays, inactive, for history. */
export async function mergeUnit(db: Db, actor: Actor, id: number, input: { version: number; targetId: number; movePeople: boolean }, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const source = await findUnit(tx, id);
    const target = await findUnit(tx, input.targetId);
    assertCan(actor, "units.write", source.path);
    assertCan(actor, "units.write", target.path, `Bạn không có quyền sáp nhập vào "${target.name}".`);
    if (source.id === target.id) throw badRequest("SAME_UNIT", "Không thể sáp nhập một đơn vị vào chính nó.");
    if (!source.active) throw badRequest("INACTIVE", `Đơn vị "${source.name}" đã ngừng hoạt động.`);
    if (!target.active) throw badRequest("TARGET_INACTIVE", `Đơn vị nhận "${target.name}" đã ngừng hoạt động; chọn đơn vị khác.`);
    if (isWithin(target.path, source.path)) throw badRequest("CYCLE", `Không thể sáp nhập "${source.name}" vào đơn vị trực thuộc nó.`);
    await updateVersioned(tx, source, input.version, {});
    const children = await tx
      .select()
      .from(units)
      .where(and(eq(units.parentId, source.id), eq(units.active, true)));
    for (const child of children) await reparent(tx, child, target);
    let movedPeople = 0;
    if (input.movePeople) {
      const moved = await tx
        .update(people)
        .set({ unitId: target.id, updatedAt: new Date(), version: sql`${people.version} + 1` })
        .where(and(eq(people.unitId, source.id), eq(people.active, true)))
        .returning({ id: people.id });
      movedPeople = moved.length;
    }
    // Running movements go with the unit (seed 004: a unit that ends hands its tasks to its successor).
    const carried = await carryOverMovements(tx, actor, source, target, now);
    const [closed] = await tx.update(units).set({ active: false, mergedIntoId: target.id }).where(eq(units.id, source.id)).returning();
    const [t] = await tx
      .update(units)
      .set({ updatedAt: new Date(), version: target.version + 1 })
      .where(eq(units.id, target.id))
      .returning();
    const summary = `Sáp nhập "${source.name}" vào "${target.name}" (${children.length} đơn vị trực thuộc, ${movedPeople} cán bộ được chuyển)`;
    await writeAudit(tx, actor, {
      action: "unit.merge",
      entity: "unit",
      entityId: source.id,
      unitId: source.id,
      summary,
      before: snapshot(source),
      after: snapshot(closed),
    });
    await writeAudit(tx, actor, {
      action: "unit.merge_in",
      entity: "unit",
      entityId: target.id,
      unitId: target.id,
      summary,
      after: { mergedFrom: source.id, children: children.map((c) => c.id), movedPeople, movements: carried },
    });
    return presentUnit(t);
  });
}

export async function setUnitActive(db: Db, actor: Actor, id: number, input: { version: number }, active: boolean) {
  return db.transaction(async (tx) => {
    const u = await findUnit(tx, id);
    assertCan(actor, "units.write", u.path);
    if (!active) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(units)
        .where(and(eq(units.parentId, id), eq(units.active, true)));
      if (n > 0)
        throw conflict(
          "HAS_ACTIVE_CHILDREN",
          `Đơn vị "${u.name}" còn ${n} đơn vị trực thuộc đang hoạt động. Hãy chuyển hoặc ngừng hoạt động các đơn vị đó trước.`,
        );
    } else if (u.parentId) {
      const parent = await findUnit(tx, u.parentId);
      if (!parent.active)
        throw badRequest("PARENT_INACTIVE", `Đơn vị cấp trên "${parent.name}" đang ngừng hoạt động; hãy cho hoạt động lại đơn vị cấp trên trước.`);
    }
    const next = await updateVersioned(tx, u, input.version, { active, mergedIntoId: active ? null : u.mergedIntoId });
    await writeAudit(tx, actor, {
      action: active ? "unit.reactivate" : "unit.deactivate",
      entity: "unit",
      entityId: id,
      unitId: id,
      summary: `${active ? "Cho hoạt động lại" : "Ngừng hoạt động"} đơn vị ${u.name}`,
      before: snapshot(u),
      after: snapshot(next),
    });
    return presentUnit(next);
  });
}

export async function unitHistory(db: Executor, actor: Actor, id: number) {
  const u = await findUnit(db, id);
  assertCan(actor, "units.read", u.path);
  return entityHistory(db, "unit", String(id));
}

export async function unitsByCodes(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(units)
    .where(
      inArray(
        sql`lower(${units.code})`,
        codes.map((c) => c.toLowerCase()),
      ),
    );
}

// Cases that bar commendation while under way (Decree 98/2023/NĐ-CP art. 4): disciplinary review, investigation or
// inspection, a complaint or denunciation being verified — about a person of a unit, or the unit as a collective.
// The standing office records them over its subtree (movement.manage); units neither record nor read them.
import { and, count, desc, eq, gte, inArray, isNull, like, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { legalHolds, people, units, users } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import { HOLD_KINDS, type HoldKind, type LegalHold } from "../../domain/commendation/legal-holds.js";
import { dmy } from "../../domain/plan/format.js";
import { badRequest, notFound, versionConflict } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { today } from "../movement/participants.js";
import { assertCan, scopeCondition } from "../scope.js";
import { findUnit, type UnitRow } from "../units/service.js";

type HoldRow = typeof legalHolds.$inferSelect;
type PersonRow = typeof people.$inferSelect;

/** The capability to record and read cases: the standing office's over the unit's subtree. */
const CAPABILITY = "movement.manage" as const;

const kindOf = (kind: string) => HOLD_KINDS.find((k) => k.value === kind);
const kindLabel = (kind: string) => kindOf(kind)?.label ?? kind;
const subjectOf = (unit: UnitRow, person: PersonRow | null) => (person ? `${person.fullName} (${unit.name})` : `tập thể ${unit.name}`);
const snapshot = (h: HoldRow) => ({
  kind: h.kind,
  unitId: h.unitId,
  personId: h.personId,
  startedOn: h.startedOn,
  endedOn: h.endedOn,
  reference: h.reference,
  note: h.note,
});

/** A case is under way ("open") from its start until the end of its end day. */
const isOpen = (h: { endedOn: string | null }, day: string) => h.endedOn === null || h.endedOn >= day;

function assertMayHandle(actor: Actor, unit: UnitRow, what: string) {
  assertCan(
    actor,
    CAPABILITY,
    unit.path,
    `Chỉ cơ quan thường trực (Nội vụ) quản lý "${unit.name}" được ${what} vụ việc kỷ luật, thanh tra, khiếu nại theo Điều 4 Nghị định 98/2023/NĐ-CP.`,
  );
}

async function personOf(db: Executor, actor: Actor, unit: UnitRow, personId: number | null): Promise<PersonRow | null> {
  if (personId === null) return null;
  const [row] = await db.select({ p: people, path: units.path }).from(people).innerJoin(units, eq(units.id, people.unitId)).where(eq(people.id, personId));
  // Someone the caller may not read is, to them, no one: the same answer as for an id no person has.
  const p = row && can(actor.grants, "people.read", row.path) ? row.p : undefined;
  if (!p)
    throw badRequest("NO_PERSON", `Không tìm thấy cán bộ có mã số ${personId}; hãy chọn lại cán bộ.`, [{ path: "personId", message: "Không có cán bộ này" }]);
  if (p.unitId !== unit.id)
    throw badRequest(
      "PERSON_NOT_IN_UNIT",
      `${p.fullName} không thuộc "${unit.name}"; hãy chọn cán bộ của đơn vị này, hoặc để trống nếu vụ việc liên quan đến tập thể đơn vị.`,
      [{ path: "personId", message: "Cán bộ không thuộc đơn vị đã chọn" }],
    );
  return p;
}

/** Dates a case may carry: started no later than today, ended (if at all) between its start and today. */
function assertDates(startedOn: string, endedOn: string | null, now: Date) {
  const day = today(now);
  if (startedOn > day)
    throw badRequest("FUTURE_DATE", `Ngày bắt đầu (${dmy(startedOn)}) không được sau ngày hôm nay (${dmy(day)}).`, [
      { path: "startedOn", message: "Sau ngày hôm nay" },
    ]);
  if (endedOn === null) return;
  if (endedOn < startedOn)
    throw badRequest(
      "ENDED_BEFORE_STARTED",
      `Ngày kết thúc (${dmy(endedOn)}) không được trước ngày bắt đầu (${dmy(startedOn)}); hãy sửa lại một trong hai ngày.`,
      [{ path: "endedOn", message: "Trước ngày bắt đầu" }],
    );
  if (endedOn > day)
    throw badRequest(
      "FUTURE_DATE",
      `Ngày kết thúc (${dmy(endedOn)}) không được sau ngày hôm nay (${dmy(day)}); chỉ ghi ngày kết thúc khi vụ việc đã kết thúc (đã có kết luận, quyết định).`,
      [{ path: "endedOn", message: "Sau ngày hôm nay" }],
    );
}

export interface HoldFields {
  kind: HoldKind;
  unitId: number;
  personId?: number | null;
  startedOn: string;
  endedOn?: string | null;
  reference?: string | null;
  note?: string | null;
}

export async function createHold(db: Db, actor: Actor, input: HoldFields, now: Date) {
  const id = await db.transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitId);
    assertMayHandle(actor, unit, "ghi nhận");
    if (!unit.active) throw badRequest("UNIT_INACTIVE", `"${unit.name}" đã ngừng hoạt động; hãy chọn đơn vị đang hoạt động.`);
    const person = await personOf(tx, actor, unit, input.personId ?? null);
    const endedOn = input.endedOn ?? null;
    assertDates(input.startedOn, endedOn, now);
    const [row] = await tx
      .insert(legalHolds)
      .values({
        kind: input.kind,
        unitId: unit.id,
        personId: person?.id ?? null,
        startedOn: input.startedOn,
        endedOn,
        reference: input.reference ?? null,
        note: input.note ?? null,
        createdBy: actor.userId || null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "legal_hold.create",
      entity: "legal_hold",
      entityId: row.id,
      unitId: unit.id,
      summary: `Ghi nhận vụ việc "${kindLabel(row.kind)}" đối với ${subjectOf(unit, person)} từ ngày ${dmy(row.startedOn)}${row.reference ? ` (${row.reference})` : ""}`,
      after: snapshot(row),
    });
    return row.id;
  });
  return getHold(db, actor, id, now);
}

async function loadHold(db: Executor, actor: Actor, id: number) {
  const [row] = await db.select({ h: legalHolds, unit: units }).from(legalHolds).innerJoin(units, eq(units.id, legalHolds.unitId)).where(eq(legalHolds.id, id));
  // To whoever may not read it, a case does not exist: a refusal would tell that the unit is under review.
  if (!row || !mayReadHolds(actor, row.unit.path)) throw notFound(`vụ việc có mã số ${id}`);
  return row;
}

export type HoldPatch = Partial<HoldFields> & { version: number };

/** Changes a case; setting `endedOn` closes it, clearing it (null) reopens it. */
export async function updateHold(db: Db, actor: Actor, id: number, patch: HoldPatch, now: Date) {
  await db.transaction(async (tx) => {
    const { h: current, unit: currentUnit } = await loadHold(tx, actor, id);
    assertMayHandle(actor, currentUnit, "sửa");
    const unit = patch.unitId !== undefined && patch.unitId !== current.unitId ? await findUnit(tx, patch.unitId) : currentUnit;
    if (unit !== currentUnit) {
      assertMayHandle(actor, unit, "chuyển");
      if (!unit.active) throw badRequest("UNIT_INACTIVE", `"${unit.name}" đã ngừng hoạt động; hãy chọn đơn vị đang hoạt động.`);
    }
    if (current.version !== patch.version) throw versionConflict("Vụ việc này");
    // Moved to another unit, the case keeps its person only if that person is of the new unit (else 400: name one, or null).
    const personId = patch.personId !== undefined ? patch.personId : current.personId;
    const person = await personOf(tx, actor, unit, personId);
    const startedOn = patch.startedOn ?? current.startedOn;
    const endedOn = patch.endedOn !== undefined ? patch.endedOn : current.endedOn;
    assertDates(startedOn, endedOn, now);
    const [next] = await tx
      .update(legalHolds)
      .set({
        kind: patch.kind ?? current.kind,
        unitId: unit.id,
        personId: person?.id ?? null,
        startedOn,
        endedOn,
        reference: patch.reference !== undefined ? patch.reference : current.reference,
        note: patch.note !== undefined ? patch.note : current.note,
        updatedAt: now,
        version: current.version + 1,
      })
      .where(and(eq(legalHolds.id, id), eq(legalHolds.version, patch.version)))
      .returning();
    if (!next) throw versionConflict("Vụ việc này");
    const closing = current.endedOn === null && next.endedOn !== null;
    const reopening = current.endedOn !== null && next.endedOn === null;
    const subject = subjectOf(unit, person);
    await writeAudit(tx, actor, {
      action: closing ? "legal_hold.close" : reopening ? "legal_hold.reopen" : "legal_hold.update",
      entity: "legal_hold",
      entityId: id,
      unitId: unit.id,
      summary: closing
        ? `Kết thúc vụ việc "${kindLabel(next.kind)}" đối với ${subject} ngày ${dmy(next.endedOn as string)}`
        : reopening
          ? `Mở lại vụ việc "${kindLabel(next.kind)}" đối với ${subject}`
          : `Sửa vụ việc "${kindLabel(next.kind)}" đối với ${subject}`,
      before: snapshot(current),
      after: snapshot(next),
    });
  });
  return getHold(db, actor, id, now);
}

/** Deletes a case recorded by mistake (a case that ended is closed with its end date, not deleted). */
export async function deleteHold(db: Db, actor: Actor, id: number, version: number) {
  await db.transaction(async (tx) => {
    const { h, unit } = await loadHold(tx, actor, id);
    assertMayHandle(actor, unit, "xóa");
    if (h.version !== version) throw versionConflict("Vụ việc này");
    const person = h.personId === null ? null : ((await tx.select().from(people).where(eq(people.id, h.personId)))[0] ?? null);
    const deleted = await tx
      .delete(legalHolds)
      .where(and(eq(legalHolds.id, id), eq(legalHolds.version, version)))
      .returning({ id: legalHolds.id });
    if (deleted.length === 0) throw versionConflict("Vụ việc này");
    await writeAudit(tx, actor, {
      action: "legal_hold.delete",
      entity: "legal_hold",
      entityId: id,
      unitId: unit.id,
      summary: `Xóa vụ việc "${kindLabel(h.kind)}" đối với ${subjectOf(unit, person)} (ghi nhận từ ngày ${dmy(h.startedOn)})`,
      before: snapshot(h),
    });
  });
}

export interface HoldQuery {
  unitId?: number;
  includeSubunits: boolean;
  personId?: number;
  kind?: HoldKind;
  open?: boolean;
  page: number;
  pageSize: number;
}

function present(r: { h: HoldRow; unitCode: string; unitName: string; personName: string | null; createdByName: string | null }, day: string) {
  const open = isOpen(r.h, day);
  return {
    id: r.h.id,
    kind: r.h.kind as HoldKind,
    kindLabel: kindLabel(r.h.kind),
    unitId: r.h.unitId,
    unitCode: r.unitCode,
    unitName: r.unitName,
    personId: r.h.personId,
    personName: r.personName,
    startedOn: r.h.startedOn,
    endedOn: r.h.endedOn,
    status: open ? ("open" as const) : ("closed" as const),
    statusLabel: open ? "Đang xử lý" : "Đã kết thúc",
    reference: r.h.reference,
    note: r.h.note,
    createdBy: r.h.createdBy,
    createdByName: r.createdByName,
    createdAt: r.h.createdAt.toISOString(),
    updatedAt: r.h.updatedAt.toISOString(),
    version: r.h.version,
  };
}

function selectHolds(db: Executor) {
  return db
    .select({ h: legalHolds, unitCode: units.code, unitName: units.name, personName: people.fullName, createdByName: users.fullName })
    .from(legalHolds)
    .innerJoin(units, eq(units.id, legalHolds.unitId))
    .leftJoin(people, eq(people.id, legalHolds.personId))
    .leftJoin(users, eq(users.id, legalHolds.createdBy));
}

/** Cases in the actor's subtrees, newest first; by unit (with or without its subunits), person, kind, open or closed. */
export async function listHolds(db: Executor, actor: Actor, query: HoldQuery, now: Date) {
  assertCan(
    actor,
    CAPABILITY,
    undefined,
    "Chỉ cơ quan thường trực (Nội vụ) được xem vụ việc kỷ luật, thanh tra, khiếu nại theo Điều 4 Nghị định 98/2023/NĐ-CP.",
  );
  const day = today(now);
  const where: (SQL | undefined)[] = [scopeCondition(actor, CAPABILITY, units.path)];
  if (query.unitId) {
    const u = await findUnit(db, query.unitId);
    assertMayHandle(actor, u, "xem");
    where.push(query.includeSubunits ? like(units.path, `${u.path}%`) : eq(legalHolds.unitId, u.id));
  }
  if (query.personId) where.push(eq(legalHolds.personId, query.personId));
  if (query.kind) where.push(eq(legalHolds.kind, query.kind));
  if (query.open === true) where.push(or(isNull(legalHolds.endedOn), gte(legalHolds.endedOn, day)));
  if (query.open === false) where.push(sql`${legalHolds.endedOn} < ${day}`);
  const cond = and(...where);
  const rows = await selectHolds(db)
    .where(cond)
    .orderBy(desc(legalHolds.startedOn), desc(legalHolds.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(legalHolds).innerJoin(units, eq(units.id, legalHolds.unitId)).where(cond);
  return { items: rows.map((r) => present(r, day)), total };
}

export async function getHold(db: Executor, actor: Actor, id: number, now: Date) {
  const [row] = await selectHolds(db).where(eq(legalHolds.id, id));
  const [unit] = row ? await db.select().from(units).where(eq(units.id, row.h.unitId)) : [];
  if (!row || !mayReadHolds(actor, unit.path)) throw notFound(`vụ việc có mã số ${id}`);
  return present(row, today(now));
}

/** What eligibility reads: cases under way on the day of `now` for these people and collectives. */
export interface HoldsUnderWay {
  /** Cases on a person, by person id. */
  byPerson: Map<number, LegalHold[]>;
  /** Cases on a unit as a collective (no person), by unit id. */
  byUnit: Map<number, LegalHold[]>;
}

/** Cases under way on `now`'s day (Vietnam) for the given people and the given units as collectives, in one query. */
export async function holdsUnderWay(db: Executor, personIds: number[], unitIds: number[], now: Date): Promise<HoldsUnderWay> {
  const out: HoldsUnderWay = { byPerson: new Map(), byUnit: new Map() };
  const persons = [...new Set(personIds)];
  const collectives = [...new Set(unitIds)];
  if (persons.length === 0 && collectives.length === 0) return out;
  const day = today(now);
  const subjects = or(
    persons.length ? inArray(legalHolds.personId, persons) : undefined,
    collectives.length ? and(inArray(legalHolds.unitId, collectives), isNull(legalHolds.personId)) : undefined,
  );
  const rows = await db
    .select({ kind: legalHolds.kind, unitId: legalHolds.unitId, personId: legalHolds.personId, since: legalHolds.startedOn, reference: legalHolds.reference })
    .from(legalHolds)
    .where(and(subjects, lte(legalHolds.startedOn, day), or(isNull(legalHolds.endedOn), gte(legalHolds.endedOn, day))))
    .orderBy(legalHolds.startedOn, legalHolds.id);
  for (const r of rows) {
    const hold: LegalHold = { kind: r.kind as HoldKind, since: r.since, reference: r.reference };
    const [map, key] = r.personId === null ? [out.byUnit, r.unitId] : [out.byPerson, r.personId];
    map.set(key, [...(map.get(key) ?? []), hold]);
  }
  return out;
}

/** Whether the actor may read the details of cases about the unit at `path` (the office over it). */
export const mayReadHolds = (actor: Actor, path: string) => can(actor.grants, CAPABILITY, path);

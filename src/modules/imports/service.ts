import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { imports, people, units } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import {
  INDICATOR_COLUMNS,
  type IndicatorImportRow,
  missingColumns,
  PEOPLE_COLUMNS,
  type PersonImportRow,
  parentsFirst,
  type RowError,
  UNIT_COLUMNS,
  type UnitImportRow,
  validateIndicatorRows,
  validatePeopleRows,
  validateUnitRows,
} from "../../domain/import-rows.js";
import { personSortKey, vietnameseSortKey } from "../../domain/vietnamese-sort.js";
import { AppError, badRequest, forbidden, notFound } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { type AuditInput, writeAudit } from "../audit/write-audit.js";
import { assertMayEnterIndicators, indicatorScopeCondition, insertIndicatorValues, mayEnterIndicators } from "../movement/indicators.js";
import { applyPersonUpdate } from "../people/service.js";
import { assertCan, scopeCondition } from "../scope.js";
import { findUnit, insertUnit, reparent } from "../units/service.js";
import { readSheet } from "./read-sheet.js";

export type ImportKind = "units" | "people" | "indicators";

/** Who may start or commit an import of a kind (rows are checked against the scope one by one as well). */
function assertMayImport(actor: Actor, kind: string) {
  if (kind === "indicators") assertMayEnterIndicators(actor);
  else assertCan(actor, kind === "units" ? "import.units" : "import.people");
}
type ImportRow = typeof imports.$inferSelect;

// Progress of imports running in this process; the database row holds the final state.
const running = new Map<string, number>();
// What to answer about a running import without touching the database: embedded PGlite serialises every
// query behind the import's transaction, so a progress poll that read the database would wait for the end.
const runningViews = new Map<string, { sessionHash: string; view: ReturnType<typeof present> }>();

/** Progress of a running import for the session that started it, or null (then ask the database). */
export function runningImportView(id: string, sessionHash: string) {
  const entry = runningViews.get(id);
  if (!entry || entry.sessionHash !== sessionHash) return null;
  return { ...entry.view, processedRows: running.get(id) ?? entry.view.processedRows };
}

function present(row: ImportRow) {
  const rows = row.rows as Record<string, unknown>[];
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.fileName,
    status: row.status as "preview" | "running" | "done" | "failed",
    totalRows: row.totalRows,
    processedRows: running.get(row.id) ?? row.processedRows,
    errors: row.errors as RowError[],
    preview: rows.slice(0, 100),
    result: row.result as { created: number; updated: number } | null,
  };
}

/** Parses and validates an uploaded file; saves nothing but the preview. */
export async function createImport(db: Db, actor: Actor, input: { kind: ImportKind; fileName: string; data: Buffer; maxRows: number }) {
  assertMayImport(actor, input.kind);
  const sheet = await readSheet(input.data, input.maxRows);
  const required =
    input.kind === "units"
      ? [UNIT_COLUMNS.code, UNIT_COLUMNS.name, UNIT_COLUMNS.kind]
      : input.kind === "indicators"
        ? [INDICATOR_COLUMNS.unitCode, INDICATOR_COLUMNS.metric, INDICATOR_COLUMNS.period, INDICATOR_COLUMNS.value]
        : [PEOPLE_COLUMNS.fullName, PEOPLE_COLUMNS.unitCode, PEOPLE_COLUMNS.sex, PEOPLE_COLUMNS.category];
  const missing = missingColumns(sheet.headers, required);
  if (missing.length) {
    throw badRequest("MISSING_COLUMNS", `Tệp thiếu cột: ${missing.join(", ")}. Dòng 1 phải có đúng tên các cột như tệp mẫu.`, { missing });
  }
  const fileName = input.fileName.slice(0, 200);
  const { rows, errors } =
    input.kind === "units"
      ? await checkUnits(db, actor, sheet.rows)
      : input.kind === "indicators"
        ? await checkIndicators(db, actor, sheet.rows, fileName)
        : await checkPeople(db, actor, sheet.rows);
  const [row] = await db
    .insert(imports)
    .values({
      id: randomUUID(),
      kind: input.kind,
      fileName,
      createdBy: actor.userId,
      status: "preview",
      totalRows: rows.length,
      errors,
      rows,
    })
    .returning();
  return present(row);
}

async function checkUnits(db: Db, actor: Actor, raw: Parameters<typeof validateUnitRows>[0]) {
  const all = await db.select({ code: units.code, path: units.path, active: units.active }).from(units);
  const existing = new Map(all.map((u) => [u.code.toLowerCase(), u]));
  const { rows, errors } = validateUnitRows(raw, new Set(existing.keys()));
  const fileParents = new Map(rows.map((r) => [r.code.toLowerCase(), r.parentCode?.toLowerCase() ?? null]));
  for (const r of rows) {
    if (!r.code) continue;
    const current = existing.get(r.code.toLowerCase());
    if (current && !can(actor.grants, "units.write", current.path)) {
      errors.push({ row: r.row, column: UNIT_COLUMNS.code, message: `Dòng ${r.row}: đơn vị "${r.code}" nằm ngoài phạm vi bạn được quản lý` });
      continue;
    }
    // Walk up through parents defined in the file to the first unit that already exists.
    let parent = r.parentCode?.toLowerCase() ?? (current ? null : undefined);
    const visited = new Set<string>();
    while (parent && !existing.has(parent) && fileParents.has(parent) && !visited.has(parent)) {
      visited.add(parent);
      parent = fileParents.get(parent) ?? undefined;
    }
    if (parent === undefined || parent === null) {
      if (!current && !can(actor.grants, "units.write", "/")) {
        errors.push({
          row: r.row,
          column: UNIT_COLUMNS.parentCode,
          message: `Dòng ${r.row}: thiếu mã đơn vị cấp trên (chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất)`,
        });
      }
    } else {
      const anchor = existing.get(parent);
      if (anchor && !can(actor.grants, "units.write", anchor.path)) {
        errors.push({
          row: r.row,
          column: UNIT_COLUMNS.parentCode,
          message: `Dòng ${r.row}: đơn vị cấp trên "${r.parentCode}" nằm ngoài phạm vi bạn được quản lý`,
        });
      } else if (anchor && !anchor.active) {
        errors.push({ row: r.row, column: UNIT_COLUMNS.parentCode, message: `Dòng ${r.row}: đơn vị cấp trên "${r.parentCode}" đã ngừng hoạt động` });
      }
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

async function checkPeople(db: Db, actor: Actor, raw: Parameters<typeof validatePeopleRows>[0]) {
  const inScope = await db
    .select({ code: units.code })
    .from(units)
    .where(and(scopeCondition(actor, "people.write", units.path), eq(units.active, true)));
  const { rows, errors } = validatePeopleRows(raw, new Set(inScope.map((u) => u.code.toLowerCase())));
  const codes = rows.map((r) => r.code).filter((c): c is string => !!c);
  if (codes.length) {
    const found = await db
      .select({ code: people.code, path: units.path, fullName: people.fullName })
      .from(people)
      .innerJoin(units, eq(units.id, people.unitId))
      .where(inArray(people.code, codes));
    // Whose the code is stays unsaid: that person is outside the caller's scope.
    const outside = new Set(found.filter((f) => !can(actor.grants, "people.write", f.path)).map((f) => f.code));
    for (const r of rows) {
      if (r.code && outside.has(r.code)) {
        errors.push({
          row: r.row,
          column: PEOPLE_COLUMNS.code,
          message: `Dòng ${r.row}: mã cán bộ "${r.code}" đã được dùng cho một cán bộ ở đơn vị ngoài phạm vi bạn được quản lý; hãy dùng mã khác`,
        });
      }
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

async function checkIndicators(db: Db, actor: Actor, raw: Parameters<typeof validateIndicatorRows>[0], fileName: string) {
  const inScope = await db.select({ code: units.code }).from(units).where(indicatorScopeCondition(actor));
  return validateIndicatorRows(raw, new Set(inScope.map((u) => u.code.toLowerCase())), `Nhập từ tệp "${fileName}"`);
}

async function findImport(db: Executor, actor: Actor, id: string) {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  // Someone else's import is, to the caller, no import at all (its rows name their units and people).
  if (!row || (row.createdBy !== actor.userId && !can(actor.grants, "users.manage", "/"))) throw notFound("lượt nhập dữ liệu này");
  return row;
}

export async function getImport(db: Db, actor: Actor, id: string) {
  return present(await findImport(db, actor, id));
}

/** Starts applying a valid preview in the background, all rows in one transaction. */
export async function commitImport(db: Db, actor: Actor, id: string, sessionHash = "") {
  const row = await findImport(db, actor, id);
  assertMayImport(actor, row.kind);
  if ((row.errors as RowError[]).length)
    throw badRequest("IMPORT_HAS_ERRORS", "Tệp còn lỗi nên chưa thể nhập. Hãy sửa các dòng được báo lỗi trong tệp rồi tải lên lại.");
  if (row.status !== "preview") throw new AppError(409, "IMPORT_STARTED", "Lượt nhập này đã được thực hiện. Hãy tải tệp lên lại nếu muốn nhập tiếp.");
  const [started] = await db
    .update(imports)
    .set({ status: "running" })
    .where(and(eq(imports.id, id), eq(imports.status, "preview")))
    .returning();
  if (!started) throw new AppError(409, "IMPORT_STARTED", "Lượt nhập này đang được thực hiện.");
  running.set(id, 0);
  runningViews.set(id, { sessionHash, view: present(started) });
  const job = runImport(db, actor, started)
    .then((result) => db.update(imports).set({ status: "done", processedRows: started.totalRows, result }).where(eq(imports.id, id)))
    .catch((e: unknown) => {
      const message = e instanceof AppError ? e.message : "Lỗi không mong đợi khi ghi dữ liệu; không có dòng nào được lưu.";
      return db
        .update(imports)
        .set({ status: "failed", errors: [{ row: 0, column: "", message }] })
        .where(eq(imports.id, id));
    })
    .finally(() => {
      running.delete(id);
      runningViews.delete(id);
    });
  pending.add(job);
  job.finally(() => pending.delete(job));
  return present(started);
}

const pending = new Set<Promise<unknown>>();
/** Resolves when every import started in this process has finished (for shutdown and tests). */
export const importsSettled = () => Promise.allSettled([...pending]);

async function runImport(db: Db, actor: Actor, row: ImportRow) {
  const progress = (n: number) => running.set(row.id, n);
  return db.transaction(async (tx) => {
    const summary =
      row.kind === "units"
        ? await applyUnits(tx, actor, row.rows as UnitImportRow[], progress)
        : row.kind === "indicators"
          ? await applyIndicators(tx, actor, row.rows as IndicatorImportRow[], progress)
          : await applyPeople(tx, actor, row.rows as PersonImportRow[], progress);
    const what = row.kind === "units" ? "đơn vị" : row.kind === "indicators" ? "giá trị chỉ số" : "cán bộ";
    await writeAudit(tx, actor, {
      action: "import.commit",
      entity: "import",
      entityId: row.id,
      summary: `Nhập ${what} từ tệp "${row.fileName}": ${summary.created} tạo mới, ${summary.updated} cập nhật`,
      after: summary,
    });
    return summary;
  });
}

async function applyUnits(tx: Executor, actor: Actor, rows: UnitImportRow[], progress: (n: number) => void) {
  let created = 0;
  let updated = 0;
  let done = 0;
  const byCode = async (code: string) => (await tx.select().from(units).where(sql`lower(${units.code}) = lower(${code})`))[0];
  for (const r of parentsFirst(rows)) {
    const parent = r.parentCode ? await byCode(r.parentCode) : null;
    const current = await byCode(r.code);
    if (!current) {
      if (parent) assertCan(actor, "units.write", parent.path);
      await insertUnit(tx, actor, { code: r.code, name: r.name, kind: r.kind, parentId: parent?.id ?? null }, parent ?? null);
      created++;
    } else {
      assertCan(actor, "units.write", current.path);
      let next = current;
      if (parent && parent.id !== current.parentId) next = await reparent(tx, current, parent);
      if (r.name !== current.name || r.kind !== current.kind || next !== current) {
        const [u] = await tx
          .update(units)
          .set({ name: r.name, sortKey: vietnameseSortKey(r.name), kind: r.kind, updatedAt: new Date(), version: current.version + 1 })
          .where(eq(units.id, current.id))
          .returning();
        await writeAudit(tx, actor, {
          action: "unit.update",
          entity: "unit",
          entityId: u.id,
          unitId: u.id,
          summary: `Cập nhật đơn vị ${u.name} từ tệp nhập`,
          before: { name: current.name, kind: current.kind, parentId: current.parentId },
          after: { name: u.name, kind: u.kind, parentId: u.parentId },
        });
        updated++;
      }
    }
    progress(++done);
  }
  return { created, updated };
}

async function applyPeople(tx: Executor, actor: Actor, rows: PersonImportRow[], progress: (n: number) => void) {
  const unitRows = await tx
    .select({ id: units.id, code: units.code, name: units.name, path: units.path })
    .from(units)
    .where(inArray(sql`lower(${units.code})`, [...new Set(rows.map((r) => r.unitCode.toLowerCase()))]));
  const unitByCode = new Map(unitRows.map((u) => [u.code.toLowerCase(), u]));
  const codes = rows.map((r) => r.code).filter((c): c is string => !!c);
  const existing = codes.length ? await tx.select().from(people).where(inArray(people.code, codes)) : [];
  const existingByCode = new Map(existing.map((p) => [p.code as string, p]));
  let created = 0;
  let updated = 0;
  let done = 0;
  const fields = (r: PersonImportRow, unitId: number) => ({
    code: r.code,
    unitId,
    fullName: r.fullName,
    sex: r.sex,
    birthDate: r.birthDate,
    position: r.position,
    category: r.category,
    isHead: r.isHead,
    email: r.email,
    phone: r.phone,
  });
  const fresh: PersonImportRow[] = [];
  for (const r of rows) {
    const unit = unitByCode.get(r.unitCode.toLowerCase());
    if (!unit) throw badRequest("UNIT_GONE", `Dòng ${r.row}: không còn đơn vị có mã "${r.unitCode}".`);
    assertCan(actor, "people.write", unit.path);
    const current = r.code ? existingByCode.get(r.code) : undefined;
    if (current) {
      await applyPersonUpdate(tx, actor, current, current.version, fields(r, unit.id), unit.name);
      updated++;
      progress(++done);
    } else fresh.push(r);
  }
  // New people go in batches: one multi-row insert and one chained audit batch per 500 rows.
  for (let i = 0; i < fresh.length; i += 500) {
    const batch = fresh.slice(i, i + 500);
    const inserted = await tx
      .insert(people)
      .values(batch.map((r) => ({ ...fields(r, (unitByCode.get(r.unitCode.toLowerCase()) as { id: number }).id), sortKey: personSortKey(r.fullName) })))
      .returning();
    const entries: AuditInput[] = inserted.map((p) => ({
      action: "person.create",
      entity: "person",
      entityId: p.id,
      unitId: p.unitId,
      summary: `Thêm ${p.fullName} (nhập từ tệp)`,
      after: fields({ ...p, row: 0, unitCode: "", isHead: p.isHead } as PersonImportRow, p.unitId),
    }));
    await writeAudit(tx, actor, entries);
    created += inserted.length;
    done += inserted.length;
    progress(done);
  }
  return { created, updated };
}

/** Indicator values are never overwritten: every row becomes a new value (the latest one is current). */
async function applyIndicators(tx: Executor, actor: Actor, rows: IndicatorImportRow[], progress: (n: number) => void) {
  const unitRows = await tx
    .select()
    .from(units)
    .where(inArray(sql`lower(${units.code})`, [...new Set(rows.map((r) => r.unitCode.toLowerCase()))]));
  const unitByCode = new Map(unitRows.map((u) => [u.code.toLowerCase(), u]));
  const values = rows.map((r) => {
    const unit = unitByCode.get(r.unitCode.toLowerCase());
    if (!unit) throw badRequest("UNIT_GONE", `Dòng ${r.row}: không còn đơn vị có mã "${r.unitCode}".`);
    // The code the caller typed, not the unit's name: a unit outside the scope is not named.
    if (!mayEnterIndicators(actor, unit.path)) throw forbidden(`Dòng ${r.row}: đơn vị có mã "${r.unitCode}" nằm ngoài phạm vi bạn được nhập số liệu.`);
    return { unit, metric: r.metric, period: r.period, value: r.value, source: r.source };
  });
  let done = 0;
  for (let i = 0; i < values.length; i += 500) {
    done += (await insertIndicatorValues(tx, actor, values.slice(i, i + 500))).length;
    progress(done);
  }
  return { created: done, updated: 0 };
}

export async function unitForScope(db: Executor, actor: Actor, unitId: number | undefined) {
  if (!unitId) return null;
  const u = await findUnit(db, unitId);
  assertCan(actor, "people.read", u.path);
  return u;
}

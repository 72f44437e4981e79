import { createHash, randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import type { Executor } from "../../db/client.js";
import { decisions, files, units } from "../../db/schema.js";
import { can, knowsOf } from "../../domain/access.js";
import { num } from "../../domain/format.js";
import { cleanFileName } from "../../http/content-disposition.js";
import { AppError, badRequest, forbidden, notFound } from "../../http/errors.js";
import { type FileStore, isMissingObject } from "../../storage/file-store.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { mayReadRecordsOf } from "../movement/appraisal-reach.js";
import { assertCan } from "../scope.js";
import { findUnit } from "../units/service.js";
import { structureProblem } from "./check-structure.js";

/** Evidence and report files a person may upload, judged by content, not by name. */
export const ACCEPTED: Record<string, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (.docx)",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (.xlsx)",
  "image/jpeg": "ảnh JPEG",
  "image/png": "ảnh PNG",
};
const ACCEPTED_TEXT = "PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc PNG";

export type FileRow = typeof files.$inferSelect;

export function presentFile(f: FileRow) {
  return {
    id: f.id,
    name: f.originalName,
    size: f.size,
    mime: f.mime,
    kind: ACCEPTED[f.mime] ?? f.mime,
    sha256: f.sha256,
    createdAt: f.createdAt.toISOString(),
  };
}

/** Checks an upload's real type, structure and size, stores it with its SHA-256, records it against a unit (audited). */
export async function storeFile(db: Executor, store: FileStore, actor: Actor, upload: { unitId: number; name: string; data: Buffer; maxBytes: number }) {
  // A name is shown, sent back in headers and written to the audit log: no control characters or path separators.
  const input = { ...upload, name: cleanFileName(upload.name) };
  const unit = await findUnit(db, input.unitId);
  assertCan(actor, "movement.participate", unit.path, `Bạn không có quyền tải tệp lên cho "${unit.name}".`);
  if (input.data.length === 0) throw badRequest("EMPTY_FILE", `Tệp "${input.name}" đang trống. Hãy chọn tệp có nội dung.`);
  if (input.data.length > input.maxBytes) {
    throw new AppError(413, "TOO_LARGE", `Tệp "${input.name}" vượt quá giới hạn ${Math.round(input.maxBytes / 1048576)} MB. Hãy nén hoặc chia nhỏ tệp.`);
  }
  const detected = await fileTypeFromBuffer(input.data);
  if (!detected || !ACCEPTED[detected.mime]) {
    const what = detected ? `tệp ${detected.ext.toUpperCase()}` : "không nhận dạng được";
    throw badRequest("FILE_TYPE", `Tệp "${input.name}" có nội dung ${what}, không phải ${ACCEPTED_TEXT}. Hãy chọn đúng tệp minh chứng.`);
  }
  const problem = await structureProblem(detected.mime, input.data);
  if (problem) {
    throw badRequest(
      "FILE_STRUCTURE",
      `Tệp "${input.name}" không phải ${ACCEPTED[detected.mime]} hợp lệ: ${problem}. Hãy mở tệp bằng phần mềm gốc, lưu lại (hoặc xuất lại thành PDF) rồi tải lên.`,
    );
  }
  const id = randomUUID();
  const sha256 = createHash("sha256").update(input.data).digest("hex");
  const storageKey = id.replace(/-/g, "");
  await store.put(storageKey, input.data);
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(files)
      .values({
        id,
        sha256,
        size: input.data.length,
        mime: detected.mime,
        originalName: input.name.slice(0, 200),
        storageKey,
        unitId: unit.id,
        uploadedBy: actor.userId || null,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "file.upload",
      entity: "file",
      entityId: id,
      unitId: unit.id,
      summary: `Tải lên tệp "${inserted.originalName}" (${ACCEPTED[detected.mime]}, ${num(inserted.size, 0)} byte) cho "${unit.name}"`,
      after: { name: inserted.originalName, mime: inserted.mime, size: inserted.size, sha256 },
    });
    return inserted;
  });
  return presentFile(row);
}

/** A file's bytes, for whoever may read the data of the unit it belongs to (or is given `extraAllowed`). */
export async function readFile(db: Executor, store: FileStore, actor: Actor, id: string, extraAllowed = false) {
  const [row] = await db.select({ f: files, path: units.path }).from(files).leftJoin(units, eq(units.id, files.unitId)).where(eq(files.id, id));
  if (!row) throw notFound("tệp này");
  if (!extraAllowed && !(await mayDownload(db, actor, row.f, row.path))) {
    // Outside the caller's scope the file does not exist for them; inside it, they are told they may not have it.
    throw row.path && knowsOf(actor.grants, row.path) ? forbidden("Bạn không có quyền tải tệp này.") : notFound("tệp này");
  }
  const data = await store.get(row.f.storageKey).catch((e) => {
    // Recorded but not in this server's store: typically several servers each with their own STORAGE=local folder.
    if (!isMissingObject(e)) throw e;
    throw new AppError(
      503,
      "FILE_NOT_IN_STORE",
      `Tệp "${row.f.originalName}" có trong hồ sơ nhưng không có trong kho tệp của máy chủ này. Hãy báo quản trị hệ thống: khi chạy nhiều máy chủ, mọi máy chủ phải dùng chung kho tệp (STORAGE=s3 hoặc một thư mục FILES_DIR dùng chung).`,
    );
  });
  // A read has no transaction of its own to share: the download is recorded in a small one.
  await db.transaction((tx) =>
    writeAudit(tx, actor, {
      action: "file.download",
      entity: "file",
      entityId: row.f.id,
      unitId: row.f.unitId,
      summary: `Tải về tệp "${row.f.originalName}"`,
    }),
  );
  return { file: presentFile(row.f), data };
}

/**
 * Evidence and reports are read by their unit, the office over it and the appraisers assigned to its participants;
 * a decision's signed scan (issued, hence public) by whoever reads the issuing unit.
 */
async function mayDownload(db: Executor, actor: Actor, f: FileRow, path: string | null): Promise<boolean> {
  if (!path || f.unitId === null) return false;
  if (await mayReadRecordsOf(db, actor, { id: f.unitId, path })) return true;
  if (!can(actor.grants, "units.read", path)) return false;
  const [scan] = await db.select({ id: decisions.id }).from(decisions).where(eq(decisions.signedScanFileId, f.id)).limit(1);
  return scan !== undefined;
}

/** File rows by id, checking each belongs to `unitId` (a participant cannot cite another unit's files). */
export async function filesOfUnit(db: Executor, ids: string[], unitId: number): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  const found = await db.select().from(files).where(inArray(files.id, ids));
  for (const id of ids) {
    const f = found.find((r) => r.id === id);
    if (!f) throw badRequest("NO_FILE", "Một tệp minh chứng không còn tồn tại; hãy tải lên lại.");
    // Another unit's file is not named: its name is that unit's, not the caller's, to see.
    if (f.unitId !== unitId) throw forbidden("Một tệp đã chọn thuộc đơn vị khác, không dùng làm minh chứng ở đây được; hãy tải tệp của đơn vị lên.");
  }
  return found;
}

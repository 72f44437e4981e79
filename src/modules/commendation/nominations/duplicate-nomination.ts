// Two people proposing the same nominee for the same award at once: the unique index decides, the loser is told why.
import { conflict } from "../../../http/errors.js";

/** Whether a database error is a unique-index violation (two people proposing the same thing at once). */
export function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x && typeof x === "object"; x = (x as { cause?: unknown }).cause) if ((x as { code?: unknown }).code === "23505") return true;
  return false;
}

export const raced = () => conflict("DUPLICATE_NOMINATION", "Đối tượng này vừa được đề nghị hình thức khen thưởng này; hãy tải lại danh sách.");

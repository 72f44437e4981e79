// PostgreSQL cannot store the NUL character, and no field of this application means one: a request carrying it
// (in the address or in any JSON string) is refused at the door with a reason, before any handler sees it.
import type { FastifyRequest } from "fastify";
import { badRequest } from "./errors.js";

const NUL_MESSAGE = "Dữ liệu gửi lên có ký tự NUL (mã 0), không được phép. Hãy xóa ký tự đó rồi gửi lại.";

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNul(v, depth + 1));
}

/** onRequest: an address with %00 anywhere (path or query). */
export async function rejectNulInUrl(request: FastifyRequest) {
  if (/%00/i.test(request.url)) throw badRequest("NUL_BYTE", NUL_MESSAGE);
}

/** preValidation: a parsed body with NUL in any key or string. */
export async function rejectNulInBody(request: FastifyRequest) {
  if (request.body !== undefined && hasNul(request.body)) throw badRequest("NUL_BYTE", NUL_MESSAGE);
}

// Reading a multipart upload (one file and a few text fields) for every upload route. A malformed body — no
// boundary, a part cut short, a broken header, too many parts — is the sender's fault: a 400 with a reason,
// never the 500 busboy's bare errors became.
import type { FastifyRequest } from "fastify";
import { cleanFileName } from "./content-disposition.js";
import { AppError, badRequest } from "./errors.js";

export interface Upload {
  fields: Record<string, string>;
  file?: { name: string; data: Buffer };
}

const LIMIT_CODES = new Set(["FST_PARTS_LIMIT", "FST_FILES_LIMIT", "FST_FIELDS_LIMIT"]);

/** The file and fields of a multipart request; `expects` names the fields for the message when it is not multipart. */
export async function readUpload(request: FastifyRequest, options: { maxBytes: number; tooLarge: AppError; expects: string }): Promise<Upload> {
  if (!request.isMultipart()) throw badRequest("NOT_MULTIPART", `Hãy gửi tệp theo dạng multipart/form-data (${options.expects}).`);
  const upload: Upload = { fields: {} };
  try {
    for await (const part of request.parts({ limits: { fileSize: options.maxBytes, files: 1, fields: 5, parts: 6 } })) {
      if (part.type === "file") {
        const data = await part.toBuffer();
        if (part.file.truncated) throw options.tooLarge;
        upload.file = { name: cleanFileName(part.filename ?? ""), data };
      } else {
        upload.fields[part.fieldname] = String(part.value ?? "");
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw options.tooLarge;
    if (code && LIMIT_CODES.has(code)) {
      throw badRequest("BAD_MULTIPART", `Yêu cầu tải lên có quá nhiều trường hoặc nhiều tệp; chỉ gửi một tệp và các trường ${options.expects}.`);
    }
    throw badRequest("BAD_MULTIPART", "Dữ liệu tải lên bị hỏng hoặc không trọn vẹn (multipart/form-data sai định dạng). Hãy chọn lại tệp rồi tải lên lại.");
  }
  for (const [name, value] of Object.entries(upload.fields)) {
    if (value.includes("\u0000")) throw badRequest("NUL_BYTE", `Trường ${name} có ký tự NUL (mã 0), không được phép.`);
  }
  return upload;
}

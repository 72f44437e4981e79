import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "./errors.js";

const FIELD_LABELS: Record<string, string> = {
  code: "Mã",
  name: "Tên",
  kind: "Loại đơn vị",
  parentId: "Đơn vị cấp trên",
  targetId: "Đơn vị nhận sáp nhập",
  unitId: "Đơn vị",
  fullName: "Họ và tên",
  sex: "Giới tính",
  birthDate: "Ngày sinh",
  category: "Đối tượng",
  email: "Email",
  phone: "Điện thoại",
  username: "Tên đăng nhập",
  password: "Mật khẩu",
  newPassword: "Mật khẩu mới",
  currentPassword: "Mật khẩu hiện tại",
  role: "Vai trò",
  version: "Phiên bản dữ liệu",
};

declare module "fastify" {
  interface FastifyContextConfig {
    /** Field labels for this route's validation messages, where the shared ones would mislead (e.g. a `kind` that is not a unit's). */
    fieldLabels?: Record<string, string>;
  }
}

/** Turns every failure into `{code, message, details}` with a Vietnamese message; never a 500 for bad input. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send({ code: error.code, message: error.message, details: error.details });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, "").replace(/\//g, ".");
      return { path, message: v.message ?? "Giá trị không hợp lệ." };
    });
    const first = details[0];
    const labels = { ...FIELD_LABELS, ...request.routeOptions.config?.fieldLabels };
    const label = first ? labels[first.path.split(".").pop() ?? ""] : undefined;
    const message = first
      ? `Dữ liệu chưa hợp lệ – ${label ? `${label}: ` : first.path ? `${first.path}: ` : ""}${first.message}`
      : "Dữ liệu gửi lên chưa hợp lệ.";
    return reply.status(400).send({ code: "VALIDATION", message, details });
  }
  const rejected = databaseRejection(error);
  if (rejected) {
    // The database refused a value the request's schema let through: bad input, not a server fault. Logged so the
    // missing validation can be added where the value comes in.
    request.log.warn({ err: error }, "input refused by the database");
    return reply.status(400).send(rejected);
  }
  const status = error.statusCode ?? 500;
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE" || error.code === "FST_REQ_FILE_TOO_LARGE" || status === 413) {
    return reply.status(413).send({ code: "TOO_LARGE", message: "Dữ liệu hoặc tệp gửi lên vượt quá dung lượng cho phép. Vui lòng gửi tệp nhỏ hơn." });
  }
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || status === 415) {
    return reply.status(415).send({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Định dạng dữ liệu gửi lên không được hỗ trợ; hãy gửi JSON." });
  }
  if (
    error.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
    error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
    (status === 400 && error.code?.startsWith("FST_ERR_CTP"))
  ) {
    return reply.status(400).send({ code: "BAD_JSON", message: "Dữ liệu gửi lên không phải JSON hợp lệ." });
  }
  if (status === 429) {
    return reply.status(429).send({ code: "RATE_LIMITED", message: "Bạn thao tác quá nhiều lần trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại." });
  }
  if (status >= 400 && status < 500) {
    return reply.status(status).send({ code: error.code ?? "BAD_REQUEST", message: "Yêu cầu không hợp lệ." });
  }
  request.log.error({ err: error }, "unhandled error");
  return reply
    .status(500)
    .send({ code: "INTERNAL", message: "Hệ thống gặp lỗi không mong đợi. Dữ liệu của bạn chưa bị thay đổi; vui lòng thử lại hoặc báo quản trị hệ thống." });
}

// SQLSTATE class 22 "data exception": a value the database cannot store or compare (a number past its integer
// range, a NUL character, text that is not a valid number). Drizzle wraps the driver's error; its cause has the code.
const DATA_EXCEPTION: Record<string, string> = {
  "22003": "Một số gửi lên vượt quá giới hạn cho phép (ví dụ mã số quá lớn). Hãy kiểm tra lại giá trị.",
  "22021": "Dữ liệu gửi lên có ký tự không hợp lệ (ký tự NUL hoặc sai mã UTF-8). Hãy xóa ký tự đó rồi gửi lại.",
  "22P05": "Dữ liệu gửi lên có ký tự không hợp lệ (ký tự NUL hoặc sai mã UTF-8). Hãy xóa ký tự đó rồi gửi lại.",
  "22P02": "Một giá trị gửi lên không đúng kiểu dữ liệu (ví dụ chữ ở chỗ cần số). Hãy kiểm tra lại.",
  "22001": "Một giá trị gửi lên dài quá giới hạn cho phép. Hãy rút ngắn lại.",
  "22007": "Ngày giờ gửi lên không hợp lệ. Ngày phải có dạng năm-tháng-ngày (YYYY-MM-DD) và có trên lịch.",
  "22008": "Ngày giờ gửi lên nằm ngoài khoảng cho phép. Hãy kiểm tra lại năm, tháng, ngày.",
};

function databaseRejection(error: unknown): { code: string; message: string } | null {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && /^22[0-9A-Z]{3}$/.test(e.code)) {
      return { code: "INVALID_VALUE", message: DATA_EXCEPTION[e.code] ?? "Dữ liệu gửi lên không hợp lệ. Hãy kiểm tra lại các giá trị đã nhập." };
    }
  }
  return null;
}

/** Errors Fastify raises before a route runs (an undecodable URL, a path segment too long), in our format. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    return reply.status(414).send({ code: "URI_TOO_LONG", message: "Địa chỉ yêu cầu quá dài (một mã số trong đường dẫn vượt quá độ dài cho phép)." });
  }
  if (error.code === "FST_ERR_BAD_URL") {
    return reply.status(400).send({ code: "BAD_URL", message: "Địa chỉ yêu cầu không hợp lệ (có ký tự mã hóa sai). Hãy kiểm tra lại đường dẫn." });
  }
  return errorHandler(error, request, reply);
}

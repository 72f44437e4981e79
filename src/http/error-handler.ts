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

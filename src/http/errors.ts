// Errors a user can act on: a code, a Vietnamese message saying what to fix, the HTTP status.

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const unauthenticated = () => new AppError(401, "UNAUTHENTICATED", "Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.");
export const forbidden = (message = "Bạn không có quyền thực hiện thao tác này với dữ liệu của đơn vị này.") => new AppError(403, "FORBIDDEN", message);
export const notFound = (what: string) => new AppError(404, "NOT_FOUND", `Không tìm thấy ${what}.`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const versionConflict = (what: string) =>
  new AppError(409, "VERSION_CONFLICT", `${what} vừa được người khác cập nhật. Vui lòng tải lại để xem dữ liệu mới nhất rồi sửa lại.`);

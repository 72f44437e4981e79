import { z } from "zod";
import { calendarDate } from "../domain/calendar-date.js";

/** Required text with a Vietnamese message naming the field. */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `Vui lòng nhập ${label}.` })
    .trim()
    .min(1, `Vui lòng nhập ${label}.`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} dài quá ${max} ký tự.`);

export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} dài quá ${max} ký tự.`)
    .nullish()
    .transform((v) => (v ? v : null));

/** A row id: a positive PostgreSQL integer (a larger number would reach the database and fail there). */
export const rowId = z.coerce
  .number({ error: "Mã số không hợp lệ." })
  .int("Mã số không hợp lệ.")
  .positive("Mã số không hợp lệ.")
  .max(2_147_483_647, "Mã số không hợp lệ.");
export const idParam = z.object({ id: rowId });
export const version = z.number({ error: "Thiếu phiên bản dữ liệu (version); hãy tải lại trang rồi thử lại." }).int().min(1);
/** Every calendar date the API takes: the domain's one date schema. */
export const isoDate = calendarDate;
export const boolQuery = z.enum(["true", "false"], { error: "Giá trị phải là true hoặc false." }).transform((v) => v === "true");
export const page = z.coerce.number().int().min(1, "Trang bắt đầu từ 1.").default(1);
export const pageSize = z.coerce.number().int().min(1).max(500, "Mỗi trang tối đa 500 dòng.").default(50);

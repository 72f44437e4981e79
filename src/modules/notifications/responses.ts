import { z } from "zod";
import { timestamp } from "../../http/contract.js";

export const notificationBody = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().meta({ description: "Địa chỉ trang liên quan trong ứng dụng." }),
  read: z.boolean(),
  readAt: timestamp.nullable(),
  createdAt: timestamp,
});
export const notificationPageBody = z.object({ items: z.array(notificationBody), total: z.number().int(), unread: z.number().int() });
export const readAllBody = z.object({ updated: z.number().int(), unread: z.number().int() });

import { z } from "zod";
import { timestamp } from "../../http/contract.js";
import { roleGrantBody } from "../auth/responses.js";

export const userBody = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  personId: z.number().int().nullable(),
  active: z.boolean(),
  secondFactor: z.boolean().meta({ description: "Tài khoản đã bật xác thực hai bước." }),
  signInWaitUntil: timestamp.nullable().meta({ description: "Đăng nhập sai nhiều lần: phải chờ đến lúc này." }),
  lastLoginAt: timestamp.nullable(),
  version: z.number().int(),
  roles: z.array(roleGrantBody),
});
export const userListBody = z.object({ items: z.array(userBody) });

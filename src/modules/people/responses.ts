import { z } from "zod";

export const personBody = z.object({
  id: z.number().int(),
  code: z.string().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  fullName: z.string(),
  sex: z.string(),
  sexLabel: z.string(),
  birthDate: z.string().nullable().meta({ description: "YYYY-MM-DD; null khi không có hoặc bị ẩn với người xem." }),
  position: z.string().nullable(),
  category: z.string(),
  categoryLabel: z.string(),
  isHead: z.boolean(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  personal: z.boolean().meta({ description: "false khi ngày sinh, liên hệ và mã cán bộ bị ẩn với người xem." }),
  active: z.boolean(),
  version: z.number().int(),
});
export const personPageBody = z.object({ items: z.array(personBody), total: z.number().int() });

import { z } from "zod";
import { timestamp } from "../../http/contract.js";

export const unitBody = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.string().meta({ description: "Loại đơn vị (giá trị trong /api/catalog unitKinds)." }),
  kindLabel: z.string(),
  parentId: z.number().int().nullable(),
  path: z.string().meta({ description: "Đường dẫn trong cây đơn vị, ví dụ /1/4/." }),
  depth: z.number().int(),
  active: z.boolean(),
  mergedIntoId: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const unitDetailBody = unitBody.extend({
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string() })),
  childrenCount: z.number().int(),
  peopleCount: z.number().int(),
  mergedFrom: z.array(z.object({ id: z.number().int(), name: z.string(), code: z.string() })),
});

export const unitListBody = z.object({ items: z.array(unitBody) });

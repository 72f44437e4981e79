import { z } from "zod";
import { timestamp } from "../../http/contract.js";

export const planTemplateListBody = z.object({
  items: z.array(z.object({ file: z.string(), code: z.string(), title: z.string(), year: z.number().int(), issuer: z.string(), groups: z.number().int() })),
});

export const planSummaryBody = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  year: z.number().int(),
  status: z.string().meta({ description: "draft | launched | … (vòng đời kế hoạch)" }),
  statusLabel: z.string(),
  revision: z.number().int(),
  issuerUnitId: z.number().int(),
  issuerName: z.string(),
  parentPlanId: z.number().int().nullable(),
  launchedAt: timestamp.nullable(),
  version: z.number().int(),
  updatedAt: timestamp,
});
export const planListBody = z.object({ items: z.array(planSummaryBody) });

export const planRevisionListBody = z.object({
  items: z.array(
    z.object({
      revision: z.number().int(),
      note: z.string().nullable(),
      createdAt: timestamp,
      createdBy: z.string().nullable(),
      changes: z.array(z.string()).meta({ description: "Các thay đổi so với lần trước, viết thành câu." }),
    }),
  ),
});

export const planCascadeBody = z.object({
  due: z.string().nullable().meta({ description: "Hạn ban hành kế hoạch của đơn vị cấp dưới (YYYY-MM-DD)." }),
  total: z.number().int(),
  issued: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  items: z.array(
    z.object({
      unitId: z.number().int(),
      unitCode: z.string(),
      unitName: z.string(),
      planId: z.number().int().nullable(),
      planStatus: z.string().nullable(),
      issuedAt: timestamp.nullable(),
      state: z.enum(["on_time", "late", "overdue", "pending", "draft"]),
    }),
  ),
});

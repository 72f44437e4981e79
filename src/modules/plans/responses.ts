import { z } from "zod";
import { conditionSchema, criterionSchema, planSchema, ruleSchema } from "../../domain/plan/schema.js";
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
  predecessorPlanId: z.number().int().nullable().meta({ description: "Kế hoạch năm trước mà kế hoạch này được lập lại từ đó." }),
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

// The plan's recursive parts (criteria within criteria, conditions within conditions) are named components of the
// OpenAPI document, so the document can refer to them (a nameless cycle cannot be written in it).
for (const [schema, id] of [
  [conditionSchema, "PlanCondition"],
  [ruleSchema, "PlanRule"],
  [criterionSchema, "PlanCriterion"],
  [planSchema, "Plan"],
] as const) {
  if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
}

const planIssue = z.object({
  path: z.string(),
  message: z.string(),
  kind: z.enum(["expression"]).optional().meta({ description: "expression: biểu thức không tính được; bị từ chối ngay cả khi lưu dự thảo." }),
});
export const planCheckBody = z.object({ ok: z.boolean(), issues: z.array(planIssue), warnings: z.array(planIssue) });

export const planBody = planSummaryBody.extend({
  data: planSchema,
  issues: z.array(planIssue).meta({ description: "Những điểm chưa hợp lệ của kế hoạch (dự thảo vẫn được lưu)." }),
  warnings: z.array(planIssue).meta({ description: "Những ngày tháng mâu thuẫn nhau, cần xem lại (không chặn phát động)." }),
  legalBasesToReview: z.array(z.string()).meta({ description: "Căn cứ pháp lý chép từ kế hoạch năm trước, cần rà soát lại." }),
  canEdit: z.boolean().meta({ description: "Như can.edit (giữ cho các chương trình đã dùng)." }),
  canAmend: z.boolean().meta({ description: "Như can.amend (giữ cho các chương trình đã dùng)." }),
  can: z
    .object({ edit: z.boolean(), amend: z.boolean(), manageMovement: z.boolean() })
    .meta({ description: "Người đang đăng nhập được làm gì với kế hoạch này (máy chủ quyết định theo phân quyền)." }),
});

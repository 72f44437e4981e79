import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { buildPlanDocx } from "../../documents/plan-docx.js";
import { buildScoringSheetDocx, buildScoringSheetXlsx } from "../../documents/scoring-sheet.js";
import { readPlanData, writePlanText } from "../../domain/plan/io.js";
import { type AppContext, actorOf, sendFile } from "../../http/context.js";
import { fileDownload, noContent } from "../../http/contract.js";
import { badRequest } from "../../http/errors.js";
import { idParam, version } from "../../http/schemas.js";
import { planBody, planCascadeBody, planCheckBody, planListBody, planRevisionListBody, planTemplateListBody } from "./responses.js";
import {
  amendPlan,
  cascadeStatus,
  checkPlanData,
  createPlan,
  deleteDraft,
  getPlan,
  launchPlan,
  listPlans,
  planForExport,
  planRevisionsOf,
  saveDraft,
  tryPlan,
} from "./service.js";
import { listTemplates } from "./templates.js";

const tags = ["Kế hoạch, phong trào"];
const unitId = z.number({ error: "Vui lòng chọn cơ quan ban hành." }).int().positive("Vui lòng chọn cơ quan ban hành.");
const factValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);

export const planRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;

    app.get("/plan-templates", { schema: { tags, summary: "Các mẫu kế hoạch có sẵn", response: { 200: planTemplateListBody } } }, async (request) => {
      actorOf(request);
      return { items: listTemplates() };
    });

    app.get("/plans", { schema: { tags, summary: "Danh sách kế hoạch trong phạm vi", response: { 200: planListBody } } }, async (request) => ({
      items: await listPlans(db, actorOf(request)),
    }));

    app.post(
      "/plans",
      {
        schema: {
          tags,
          summary: "Tạo dự thảo kế hoạch (trống, từ mẫu, từ dữ liệu, hoặc từ kế hoạch cấp trên)",
          body: z.object({
            issuerUnitId: unitId,
            template: z.string().optional(),
            data: z.unknown().optional(),
            parentPlanId: z.number().int().positive().optional(),
            previousPlanId: z.number().int().positive().optional(),
            year: z.number().int().min(2000).max(2100).optional(),
          }),
          response: { 201: planBody },
        },
      },
      async (request, reply) => reply.status(201).send(await createPlan(db, actorOf(request), request.body)),
    );

    app.post(
      "/plans/import",
      {
        schema: {
          tags,
          summary: "Nhập kế hoạch từ YAML hoặc JSON",
          body: z.object({ issuerUnitId: unitId, text: z.string().min(1, "Tệp kế hoạch đang trống.").max(2_000_000) }),
          response: { 201: planBody },
        },
      },
      async (request, reply) => {
        // A half-finished plan imports as a draft with its issues listed; only text that is not a plan is refused.
        const read = readPlanData(request.body.text);
        if (!read.ok) throw badRequest("PLAN_TEXT", read.message);
        return reply.status(201).send(await createPlan(db, actorOf(request), { issuerUnitId: request.body.issuerUnitId, data: read.data }));
      },
    );

    app.post(
      "/plans/check",
      { schema: { tags, summary: "Kiểm tra dữ liệu kế hoạch chưa lưu", body: z.object({ data: z.unknown() }), response: { 200: planCheckBody } } },
      async (request) => {
        actorOf(request);
        return checkPlanData(request.body.data);
      },
    );

    app.delete(
      "/plans/:id",
      { schema: { tags, summary: "Xóa dự thảo", params: idParam, querystring: z.object({ version: z.coerce.number().int().min(1) }), response: noContent } },
      async (request, reply) => {
        await deleteDraft(db, actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );

    app.get("/plans/:id", { schema: { tags, summary: "Chi tiết kế hoạch", params: idParam, response: { 200: planBody } } }, async (request) =>
      getPlan(db, actorOf(request), request.params.id),
    );

    app.put(
      "/plans/:id",
      { schema: { tags, summary: "Lưu dự thảo", params: idParam, body: z.object({ version, data: z.unknown() }), response: { 200: planBody } } },
      async (request) => saveDraft(db, actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/plans/:id/launch",
      { schema: { tags, summary: "Phát động (khóa quy tắc)", params: idParam, body: z.object({ version }), response: { 200: planBody } } },
      async (request) => launchPlan(db, actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/plans/:id/amend",
      {
        schema: {
          tags,
          summary: "Sửa đổi kế hoạch đã phát động",
          params: idParam,
          body: z.object({ version, data: z.unknown(), note: z.string().trim().min(1, "Vui lòng ghi lý do sửa đổi.").max(1000) }),
          response: { 200: planBody },
        },
      },
      async (request) => amendPlan(db, actorOf(request), request.params.id, request.body),
    );

    app.get(
      "/plans/:id/revisions",
      { schema: { tags, summary: "Các lần phát động, sửa đổi", params: idParam, response: { 200: planRevisionListBody } } },
      async (request) => ({
        items: await planRevisionsOf(db, actorOf(request), request.params.id),
      }),
    );

    app.post(
      "/plans/:id/try",
      {
        schema: {
          tags,
          summary: "Chấm thử: nhập dữ kiện, xem điểm và giải thích",
          params: idParam,
          body: z.object({
            groupId: z.string().min(1),
            facts: z.record(z.string(), factValue),
            data: z.unknown().optional(),
            isHead: z.boolean().optional(),
            evidence: z.record(z.string(), z.boolean()).optional(),
          }),
        },
      },
      async (request) => tryPlan(db, actorOf(request), request.params.id, request.body),
    );

    app.get(
      "/plans/:id/cascade",
      { schema: { tags, summary: "Tình hình ban hành kế hoạch của đơn vị cấp dưới", params: idParam, response: { 200: planCascadeBody } } },
      async (request) => cascadeStatus(db, actorOf(request), request.params.id),
    );

    app.get(
      "/plans/:id/export",
      {
        schema: {
          tags,
          summary: "Xuất kế hoạch (YAML hoặc JSON)",
          params: idParam,
          querystring: z.object({ format: z.enum(["yaml", "json"]).default("yaml") }),
          response: fileDownload(["application/yaml", "application/json"], "Tệp kế hoạch YAML hoặc JSON"),
        },
      },
      async (request, reply) => {
        const plan = await planForExport(db, actorOf(request), request.params.id);
        const format = request.query.format;
        return sendFile(reply, {
          fileName: `${plan.code}.${format === "json" ? "json" : "yaml"}`,
          contentType: format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8",
          body: Buffer.from(writePlanText(plan, format), "utf8"),
        });
      },
    );

    app.get(
      "/plans/:id/document",
      { schema: { tags, summary: "Kế hoạch dạng Word (thể thức Nghị định 30/2020)", params: idParam, response: fileDownload(DOCX, "Tệp Word") } },
      async (request, reply) => {
        const plan = await planForExport(db, actorOf(request), request.params.id);
        return sendFile(reply, { fileName: `ke-hoach-${plan.code}.docx`, contentType: DOCX, body: await buildPlanDocx(plan) });
      },
    );

    app.get(
      "/plans/:id/scoring-sheet",
      {
        schema: {
          tags,
          summary: "Bảng đăng ký thi đua / bảng điểm (Excel hoặc Word)",
          params: idParam,
          querystring: z.object({ group: z.string().min(1, "Chọn nhóm đối tượng."), format: z.enum(["xlsx", "docx"]).default("xlsx") }),
          response: fileDownload([XLSX, DOCX], "Bảng đăng ký / bảng điểm (Excel hoặc Word)"),
        },
      },
      async (request, reply) => {
        const plan = await planForExport(db, actorOf(request), request.params.id);
        const group = plan.groups.find((g) => g.id === request.query.group);
        if (!group) throw badRequest("NO_GROUP", `Kế hoạch không có nhóm đối tượng "${request.query.group}".`);
        if (!group.criteria.some((c) => c.max !== undefined))
          throw badRequest("NO_POINTS", `Nhóm "${group.name}" không có bảng điểm (các tiêu chí chỉ chấm đạt/không đạt).`);
        const xlsx = request.query.format === "xlsx";
        const body = xlsx ? await buildScoringSheetXlsx(plan, group.id) : await buildScoringSheetDocx(plan, group.id);
        return sendFile(reply, { fileName: `bang-dang-ky-${plan.code}-${group.id}.${request.query.format}`, contentType: xlsx ? XLSX : DOCX, body });
      },
    );
  };

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { METRIC_HINT, METRIC_RE, PERIOD_HINT, PERIOD_RE } from "../../domain/import-rows.js";
import { type AppContext, actorOf } from "../../http/context.js";
import { idParam, isoDate, optionalText, page, pageSize, requiredText, version } from "../../http/schemas.js";
import { listComplaints, recordComplaint, verifyComplaint } from "./complaints.js";
import { listIndicators, recordIndicator } from "./indicators.js";
import { initiativeLevelValues, initiativesOfParticipant, initiativesOfPlan, reviewInitiative, submitInitiative, updateInitiative } from "./initiatives.js";

const fileIds = z
  .array(z.uuid("Mã tệp minh chứng không hợp lệ; hãy tải tệp lên lại."), { error: "Danh sách tệp minh chứng không hợp lệ." })
  .max(20, "Mỗi sáng kiến đính kèm tối đa 20 tệp.");
const unitId = z.number({ error: "Vui lòng chọn đơn vị." }).int().positive("Vui lòng chọn đơn vị.");
const unitIdQuery = z.coerce.number({ error: "Mã đơn vị không hợp lệ." }).int().positive("Mã đơn vị không hợp lệ.").optional();
const planIdQuery = z.coerce.number({ error: "Mã kế hoạch không hợp lệ." }).int().positive("Mã kế hoạch không hợp lệ.").optional();
const metric = z.string({ error: "Vui lòng nhập mã chỉ số." }).trim().toLowerCase().regex(METRIC_RE, `Mã chỉ số ${METRIC_HINT}.`);
const period = z.string({ error: "Vui lòng nhập kỳ số liệu." }).trim().toUpperCase().regex(PERIOD_RE, `Kỳ số liệu: ${PERIOD_HINT}.`);

const initiativeTags = ["Sáng kiến"];
const indicatorTags = ["Chỉ số"];
const complaintTags = ["Phản ánh, kiến nghị"];

/** Initiatives, indicator values and complaints. */
export const recordRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;

    // ---- Initiatives ----------------------------------------------------------------------------------------
    app.post(
      "/participants/:id/initiatives",
      {
        schema: {
          tags: initiativeTags,
          summary: "Gửi sáng kiến, mô hình, giải pháp",
          params: idParam,
          body: z.object({ title: requiredText("tên sáng kiến", 300), description: optionalText("mô tả", 10_000), fileIds: fileIds.optional() }),
        },
      },
      async (request, reply) => reply.status(201).send(await submitInitiative(db, actorOf(request), request.params.id, request.body)),
    );

    app.get(
      "/participants/:id/initiatives",
      { schema: { tags: initiativeTags, summary: "Sáng kiến của một đối tượng thi đua", params: idParam } },
      async (request) => ({ items: await initiativesOfParticipant(db, actorOf(request), request.params.id) }),
    );

    app.get(
      "/plans/:id/initiatives",
      {
        schema: {
          tags: initiativeTags,
          summary: "Sáng kiến trong phong trào (cơ quan thường trực: tất cả; đơn vị: của mình)",
          params: idParam,
          querystring: z.object({ status: z.enum(["submitted", "recognised", "rejected"], { error: "Trạng thái không hợp lệ." }).optional() }),
        },
      },
      async (request) => ({ items: await initiativesOfPlan(db, actorOf(request), request.params.id, request.query) }),
    );

    app.patch(
      "/initiatives/:id",
      {
        schema: {
          tags: initiativeTags,
          summary: "Sửa sáng kiến (khi chưa được xem xét)",
          params: idParam,
          body: z.object({
            version,
            title: requiredText("tên sáng kiến", 300).optional(),
            // Absent: unchanged; empty or null: cleared.
            description: z.string().trim().max(10_000, "Mô tả dài quá 10000 ký tự.").nullish(),
            fileIds: fileIds.optional(),
          }),
        },
      },
      async (request) => {
        const { description, ...rest } = request.body;
        return updateInitiative(db, actorOf(request), request.params.id, { ...rest, description: description === undefined ? undefined : description || null });
      },
    );

    app.patch(
      "/initiatives/:id/review",
      {
        schema: {
          tags: initiativeTags,
          summary: "Công nhận hoặc không công nhận sáng kiến (cơ quan thường trực)",
          params: idParam,
          body: z.object({
            version,
            status: z.enum(["recognised", "rejected"], { error: 'Kết quả xét phải là "recognised" (công nhận) hoặc "rejected" (không công nhận).' }),
            level: z.enum(initiativeLevelValues, { error: "Cấp công nhận không có trong danh mục." }).nullish(),
            recognisedOn: isoDate.nullish(),
            decisionNo: optionalText("số quyết định", 100),
            appliedEffectively: z.boolean({ error: "Áp dụng hiệu quả phải là true hoặc false." }).optional(),
          }),
        },
      },
      async (request) => reviewInitiative(db, actorOf(request), request.params.id, request.body, ctx.now()),
    );

    // ---- Indicator values -----------------------------------------------------------------------------------
    app.get(
      "/indicators",
      {
        schema: {
          tags: indicatorTags,
          summary: "Giá trị chỉ số (lịch sử, mới nhất trước; current = giá trị đang dùng)",
          querystring: z.object({
            unitId: unitIdQuery,
            metric: metric.optional(),
            period: period.optional(),
            current: z
              .enum(["true", "false"], { error: "Giá trị phải là true hoặc false." })
              .transform((v) => v === "true")
              .optional(),
            page,
            pageSize,
          }),
        },
      },
      async (request) => listIndicators(db, actorOf(request), request.query),
    );

    app.post(
      "/indicators",
      {
        schema: {
          tags: indicatorTags,
          summary: "Nhập một giá trị chỉ số (không ghi đè: giá trị mới nhất được dùng)",
          body: z.object({
            unitId,
            metric,
            period,
            value: z.number({ error: "Giá trị chỉ số phải là một số." }),
            source: optionalText("nguồn số liệu", 300),
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await recordIndicator(db, actorOf(request), request.body)),
    );

    // ---- Complaints -----------------------------------------------------------------------------------------
    app.get(
      "/complaints",
      {
        schema: {
          tags: complaintTags,
          summary: "Phản ánh, kiến nghị trong phạm vi",
          querystring: z.object({
            unitId: unitIdQuery,
            planId: planIdQuery,
            status: z.enum(["pending", "substantiated", "unsubstantiated"], { error: "Trạng thái không hợp lệ." }).optional(),
            page,
            pageSize,
          }),
        },
      },
      async (request) => listComplaints(db, actorOf(request), request.query),
    );

    app.post(
      "/complaints",
      {
        schema: {
          tags: complaintTags,
          summary: "Ghi nhận phản ánh, kiến nghị về một đơn vị (cơ quan thường trực)",
          body: z.object({
            unitId,
            planId: z.number({ error: "Mã kế hoạch không hợp lệ." }).int().positive("Mã kế hoạch không hợp lệ.").nullish(),
            receivedOn: z.string({ error: "Vui lòng nhập ngày tiếp nhận." }).pipe(isoDate),
            content: requiredText("nội dung phản ánh, kiến nghị", 10_000),
            channel: optionalText("kênh tiếp nhận", 200),
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await recordComplaint(db, actorOf(request), request.body, ctx.now())),
    );

    app.patch(
      "/complaints/:id/verify",
      {
        schema: {
          tags: complaintTags,
          summary: "Ghi kết quả xác minh phản ánh, kiến nghị (cơ quan thường trực)",
          params: idParam,
          body: z.object({ version, substantiated: z.boolean({ error: "Kết quả xác minh phải là true (có căn cứ) hoặc false (không có căn cứ)." }) }),
        },
      },
      async (request) => verifyComplaint(db, actorOf(request), request.params.id, request.body),
    );
  };

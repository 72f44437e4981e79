import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { isLate, vietnamDate } from "../../domain/calendar.js";
import { unitKindValues } from "../../domain/org.js";
import { type AppContext, actorOf, sendFile } from "../../http/context.js";
import { AppError, badRequest } from "../../http/errors.js";
import { readUpload } from "../../http/multipart.js";
import { idParam, isoDate, rowId, version } from "../../http/schemas.js";
import { readFile, storeFile } from "../files/service.js";
import { appraise, appraiserCandidates, assign, explain, listAssignments, myAssignments, openExplanationRound, unassign } from "./appraisal.js";
import { confirmAssessment, getAssessment, previewAssessment, saveAssessment, submitAssessment } from "./assessment.js";
import { reportStatusOf, targetsOf } from "./known.js";
import { listParticipants, loadParticipant, presentParticipant, successionLines, syncParticipants } from "./participants.js";
import { computeRanking, decideTie, finalise, rankingXlsx } from "./ranking.js";
import { registrationOpen, reopenRegistration, saveRegistration, submitReport } from "./registration.js";

const tags = ["Triển khai phong trào"];
const factValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);
const criterionParam = idParam.extend({ criterionId: z.string().min(1).max(64) });

export const movementRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;

    app.post(
      "/plans/:id/participants/sync",
      { schema: { tags, summary: "Lập danh sách đối tượng thi đua từ các nhóm của kế hoạch", params: idParam } },
      async (request) => syncParticipants(db, actorOf(request), request.params.id),
    );

    app.get(
      "/plans/:id/participants",
      { schema: { tags, summary: "Đối tượng thi đua", params: idParam, querystring: z.object({ group: z.string().optional() }) } },
      async (request) => ({
        items: await listParticipants(db, actorOf(request), request.params.id, { groupId: request.query.group }),
      }),
    );

    app.get("/participants/:id", { schema: { tags, summary: "Hồ sơ thi đua của một đối tượng", params: idParam } }, async (request) => {
      const c = await loadParticipant(db, actorOf(request), request.params.id, "read");
      return {
        ...presentParticipant(c.participant, c.unit.name, c.personName, c.group.name),
        planTitle: c.plan.title,
        isHead: c.participant.personId !== null && c.isHead,
        today: vietnamDate(ctx.now()),
        registrationDue: c.data.milestones.find((m) => m.kind === "registration")?.due ?? null,
        registrationOpen: registrationOpen(c.data.milestones.find((m) => m.kind === "registration")?.due ?? null, c.participant.reopenedUntil, ctx.now()),
        explanationUntil: c.plan.explanationUntil,
        explanationOpen: c.plan.explanationUntil !== null && !isLate(c.plan.explanationUntil, ctx.now()),
        finalised: c.plan.finalisedAt !== null,
        reports: await reportStatusOf(db, c, ctx.now()),
        targets: await targetsOf(db, c),
        succession: successionLines(c),
      };
    });

    app.put(
      "/participants/:id/registration",
      {
        schema: {
          tags,
          summary: "Đăng ký thi đua (điểm đăng ký, cam kết, sáng kiến dự kiến)",
          params: idParam,
          body: z.object({
            version,
            registeredPoints: z.record(z.string(), z.number({ error: "Điểm đăng ký phải là số." })),
            commitments: z.string().max(5000).optional(),
            plannedInitiatives: z.array(z.string().max(500)).max(50).optional(),
          }),
        },
      },
      async (request) => {
        const p = await saveRegistration(db, actorOf(request), request.params.id, request.body, ctx.now());
        return { id: p.id, version: p.version, registeredAt: p.registeredAt?.toISOString() ?? null, registration: p.registration };
      },
    );

    app.post(
      "/participants/:id/reopen-registration",
      { schema: { tags, summary: "Mở lại đăng ký cho một đối tượng", params: idParam, body: z.object({ until: isoDate }) } },
      async (request) => {
        const p = await reopenRegistration(db, actorOf(request), request.params.id, request.body.until, ctx.now());
        return { id: p.id, reopenedUntil: p.reopenedUntil, version: p.version };
      },
    );

    app.post("/files", { schema: { tags, summary: "Tải tệp lên (multipart: unitId, file) — PDF, DOCX, XLSX, JPEG, PNG" } }, async (request, reply) => {
      const actor = actorOf(request);
      const tooLarge = new AppError(
        413,
        "TOO_LARGE",
        `Tệp vượt quá giới hạn ${Math.round(ctx.config.files.maxBytes / 1048576)} MB. Hãy nén hoặc chia nhỏ tệp.`,
      );
      const { fields, file } = await readUpload(request, { maxBytes: ctx.config.files.maxBytes, tooLarge, expects: "trường unitId và file" });
      const unitId = rowId.safeParse(fields.unitId ?? "").data;
      if (!unitId) throw badRequest("NO_UNIT", "Thiếu đơn vị (unitId) của tệp, hoặc mã đơn vị không hợp lệ.");
      if (!file) throw badRequest("NO_FILE", "Chưa chọn tệp để tải lên.");
      return reply.status(201).send(await storeFile(db, ctx.files, actor, { unitId, name: file.name, data: file.data, maxBytes: ctx.config.files.maxBytes }));
    });

    app.get("/files/:id", { schema: { tags, summary: "Tải tệp về", params: z.object({ id: z.uuid("Mã tệp không hợp lệ.") }) } }, async (request, reply) => {
      const { file, data } = await readFile(db, ctx.files, actorOf(request), request.params.id);
      return sendFile(reply, { fileName: file.name, contentType: file.mime, body: data });
    });

    app.post(
      "/participants/:id/reports/:milestoneId",
      {
        schema: {
          tags,
          summary: "Gửi báo cáo định kỳ",
          params: idParam.extend({ milestoneId: z.string().min(1).max(64) }),
          body: z.object({ fileId: z.uuid("Chưa chọn tệp báo cáo.") }),
        },
      },
      async (request) => submitReport(db, actorOf(request), request.params.id, request.params.milestoneId, request.body.fileId, ctx.now()),
    );

    app.get("/participants/:id/assessment", { schema: { tags, summary: "Bản tự chấm điểm, điểm và giải thích", params: idParam } }, async (request) =>
      getAssessment(db, actorOf(request), request.params.id, ctx.now()),
    );

    app.put(
      "/participants/:id/assessment",
      {
        schema: {
          tags,
          summary: "Lưu bản tự chấm (dữ kiện, minh chứng, giải trình)",
          params: idParam,
          body: z.object({
            version,
            facts: z.record(z.string(), factValue),
            evidence: z.record(z.string(), z.array(z.uuid())).default({}),
            notes: z.record(z.string(), z.string().max(5000)).default({}),
          }),
        },
      },
      async (request) => saveAssessment(db, actorOf(request), request.params.id, request.body, ctx.now()),
    );

    app.post(
      "/participants/:id/assessment/preview",
      {
        schema: {
          tags,
          summary: "Điểm tự chấm của bản nháp chưa lưu (tính như bản đã lưu)",
          params: idParam,
          body: z.object({
            facts: z.record(z.string(), factValue),
            evidence: z.record(z.string(), z.array(z.uuid())).default({}),
          }),
        },
      },
      async (request) => previewAssessment(db, actorOf(request), request.params.id, request.body, ctx.now()),
    );

    app.post(
      "/participants/:id/assessment/submit",
      { schema: { tags, summary: "Gửi bản tự chấm điểm", params: idParam, body: z.object({ version }) } },
      async (request) => submitAssessment(db, actorOf(request), request.params.id, request.body.version, ctx.now()),
    );

    app.post(
      "/participants/:id/assessment/confirm",
      { schema: { tags, summary: "Thủ trưởng xác nhận bản tự chấm", params: idParam, body: z.object({ version }) } },
      async (request) => confirmAssessment(db, actorOf(request), request.params.id, request.body.version, ctx.now()),
    );

    app.post(
      "/plans/:id/assignments",
      {
        schema: {
          tags,
          summary: "Phân công thẩm định",
          params: idParam,
          body: z.object({
            userId: z.number().int().positive("Chọn người thẩm định."),
            participantId: z.number().int().positive().nullish(),
            criterionId: z.string().min(1).nullish(),
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await assign(db, actorOf(request), request.params.id, request.body)),
    );

    app.get("/plans/:id/assignments", { schema: { tags, summary: "Danh sách phân công thẩm định", params: idParam } }, async (request) => ({
      items: await listAssignments(db, actorOf(request), request.params.id),
    }));

    app.get("/plans/:id/appraisers", { schema: { tags, summary: "Người có thể được phân công thẩm định", params: idParam } }, async (request) => ({
      items: await appraiserCandidates(db, actorOf(request), request.params.id),
    }));

    app.delete(
      "/plans/:id/assignments/:assignmentId",
      { schema: { tags, summary: "Hủy một phân công thẩm định", params: idParam.extend({ assignmentId: z.coerce.number().int().positive() }) } },
      async (request, reply) => {
        await unassign(db, actorOf(request), request.params.id, request.params.assignmentId);
        return reply.status(204).send();
      },
    );

    app.get("/appraisals/mine", { schema: { tags, summary: "Việc thẩm định được giao cho tôi" } }, async (request) => ({
      items: await myAssignments(db, actorOf(request)),
    }));

    app.put(
      "/participants/:id/appraisals/:criterionId",
      {
        schema: {
          tags,
          summary: "Thẩm định một tiêu chí (dữ kiện hoặc điểm, kèm lý do)",
          params: criterionParam,
          body: z.object({
            facts: z.record(z.string(), factValue).optional(),
            points: z.number().nullish(),
            reason: z.string().trim().min(1, "Vui lòng ghi lý do thẩm định khác với tự chấm.").max(2000),
          }),
        },
      },
      async (request, reply) => {
        await appraise(db, actorOf(request), request.params.id, request.params.criterionId, request.body, ctx.now());
        return reply.status(204).send();
      },
    );

    app.post(
      "/plans/:id/explanation-round",
      { schema: { tags, summary: "Mở vòng giải trình", params: idParam, body: z.object({ until: isoDate }) } },
      async (request, reply) => {
        await openExplanationRound(db, actorOf(request), request.params.id, request.body.until, ctx.now());
        return reply.status(204).send();
      },
    );

    app.put(
      "/participants/:id/appraisals/:criterionId/explanation",
      {
        schema: {
          tags,
          summary: "Giải trình kết quả thẩm định",
          params: criterionParam,
          body: z.object({ text: z.string().trim().min(1, "Vui lòng nhập nội dung giải trình.").max(5000) }),
        },
      },
      async (request, reply) => {
        await explain(db, actorOf(request), request.params.id, request.params.criterionId, request.body.text, ctx.now());
        return reply.status(204).send();
      },
    );

    const rankingQuery = z.object({ group: z.string().optional(), unitKind: z.enum(unitKindValues).optional() });
    app.get("/plans/:id/ranking", { schema: { tags, summary: "Xếp hạng, xếp loại", params: idParam, querystring: rankingQuery } }, async (request) =>
      computeRanking(db, actorOf(request), request.params.id, ctx.now(), { groupId: request.query.group, unitKind: request.query.unitKind }),
    );

    app.get("/plans/:id/ranking.xlsx", { schema: { tags, summary: "Xếp hạng (Excel)", params: idParam, querystring: rankingQuery } }, async (request, reply) =>
      sendFile(reply, {
        fileName: `xep-hang-${request.params.id}.xlsx`,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body: await rankingXlsx(db, actorOf(request), request.params.id, ctx.now(), { groupId: request.query.group, unitKind: request.query.unitKind }),
      }),
    );

    app.post(
      "/plans/:id/ranking/tie-decisions",
      {
        schema: {
          tags,
          summary: "Cơ quan thường trực quyết định thứ tự các đối tượng bằng nhau sau mọi tiêu chí phụ",
          params: idParam,
          body: z.object({
            groupId: z.string().min(1, "Vui lòng chọn nhóm đối tượng.").max(64),
            order: z.array(rowId).min(2, "Cần sắp xếp ít nhất hai đối tượng đang bằng nhau.").max(500),
            reason: z.string().trim().min(1, "Vui lòng nêu lý do quyết định.").max(2000),
            reference: z.string().trim().min(1, "Vui lòng nêu số, ngày biên bản họp ghi nhận quyết định.").max(500),
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await decideTie(db, actorOf(request), request.params.id, request.body, ctx.now())),
    );

    app.post("/plans/:id/finalise", { schema: { tags, summary: "Chốt và công bố kết quả", params: idParam } }, async (request) =>
      finalise(db, actorOf(request), request.params.id, ctx.now()),
    );
  };

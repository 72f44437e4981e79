import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { statusesOf } from "../../domain/lifecycle.js";
import { type NominationStatus, nominationLifecycle } from "../../domain/lifecycles/nomination.js";
import { type AppContext, actorOf } from "../../http/context.js";
import { idParam, version } from "../../http/schemas.js";
import { createNomination } from "./nominations/create-nomination.js";
import { forwardNomination } from "./nominations/forward-nomination.js";
import { generateDossierItem } from "./nominations/generate-dossier-item.js";
import { listNominations } from "./nominations/list-nominations.js";
import { getNomination } from "./nominations/present-nomination.js";
import { recordEligibilityFacts } from "./nominations/record-eligibility-facts.js";
import { recordOpinion } from "./nominations/record-opinion.js";
import { removeDossierItem } from "./nominations/remove-dossier-item.js";
import { returnNomination } from "./nominations/return-nomination.js";
import { setDossierItem } from "./nominations/set-dossier-item.js";
import { submitNomination } from "./nominations/submit-nomination.js";
import { suggestions } from "./nominations/suggest-awards.js";
import { deleteNomination } from "./nominations/withdraw-nomination.js";

const tags = ["Khen thưởng"];
const slug = (label: string) =>
  z
    .string({ error: `Thiếu ${label}.` })
    .min(1, `Thiếu ${label}.`)
    .max(64, `${label} quá dài.`);
const componentParam = idParam.extend({ componentId: slug("thành phần hồ sơ") });
const STATUSES = statusesOf(nominationLifecycle) as [NominationStatus, ...NominationStatus[]];

/** Nominations, dossiers, eligibility and quota suggestions. */
export const nominationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;

    app.post(
      "/plans/:id/nominations",
      {
        schema: {
          tags,
          summary: "Đề nghị khen thưởng một tập thể, cá nhân",
          params: idParam,
          body: z.object({
            awardFormId: slug("hình thức khen thưởng"),
            participantId: z.number({ error: "Chọn tập thể, cá nhân được đề nghị." }).int().positive("Chọn tập thể, cá nhân được đề nghị."),
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await createNomination(db, actorOf(request), request.params.id, request.body, ctx.now())),
    );

    app.get(
      "/plans/:id/nominations",
      {
        schema: {
          tags,
          summary: "Hồ sơ đề nghị khen thưởng (kèm danh mục hồ sơ và điều kiện khen thưởng)",
          params: idParam,
          querystring: z.object({ awardFormId: z.string().max(64).optional(), status: z.enum(STATUSES).optional() }),
        },
      },
      async (request) => ({ items: await listNominations(db, actorOf(request), request.params.id, request.query, ctx.now()) }),
    );

    app.get("/nominations/:id", { schema: { tags, summary: "Một hồ sơ đề nghị khen thưởng", params: idParam } }, async (request) =>
      getNomination(db, actorOf(request), request.params.id, ctx.now()),
    );

    app.delete(
      "/nominations/:id",
      {
        schema: {
          tags,
          summary: "Rút hồ sơ đề nghị (khi đang chuẩn bị hoặc bị trả lại)",
          params: idParam,
          querystring: z.object({ version: z.coerce.number().int().min(1) }),
        },
      },
      async (request, reply) => {
        await deleteNomination(db, actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send();
      },
    );

    app.put(
      "/nominations/:id/dossier/:componentId",
      {
        schema: {
          tags,
          summary: "Gắn tệp cho một thành phần hồ sơ",
          params: componentParam,
          body: z.object({ fileId: z.uuid("Chưa chọn tệp (mã tệp không hợp lệ).") }),
        },
      },
      async (request) => setDossierItem(db, actorOf(request), request.params.id, request.params.componentId, request.body.fileId, ctx.now()),
    );

    app.delete(
      "/nominations/:id/dossier/:componentId",
      { schema: { tags, summary: "Bỏ tệp của một thành phần hồ sơ", params: componentParam } },
      async (request) => removeDossierItem(db, actorOf(request), request.params.id, request.params.componentId, ctx.now()),
    );

    app.post(
      "/nominations/:id/dossier/:componentId/generate",
      { schema: { tags, summary: "Hệ thống tự lập thành phần hồ sơ (bảng tự chấm điểm)", params: componentParam } },
      async (request) =>
        generateDossierItem(db, ctx.files, actorOf(request), request.params.id, request.params.componentId, { maxBytes: ctx.config.files.maxBytes }, ctx.now()),
    );

    app.post(
      "/nominations/:id/submit",
      { schema: { tags, summary: "Nộp hồ sơ đề nghị khen thưởng", params: idParam, body: z.object({ version }) } },
      async (request) => submitNomination(db, actorOf(request), request.params.id, request.body.version, ctx.now()),
    );

    app.post(
      "/nominations/:id/return",
      {
        schema: {
          tags,
          summary: "Trả lại hồ sơ để bổ sung (trước hạn nộp)",
          params: idParam,
          body: z.object({ version, reason: z.string().trim().min(1, "Vui lòng ghi lý do trả lại hồ sơ.").max(2000, "Lý do dài quá 2000 ký tự.") }),
        },
      },
      async (request) => returnNomination(db, actorOf(request), request.params.id, request.body, ctx.now()),
    );

    app.put(
      "/nominations/:id/opinion",
      {
        schema: {
          tags,
          summary: "Ý kiến thẩm định của cơ quan thường trực",
          params: idParam,
          body: z.object({
            version,
            opinion: z.string().trim().min(1, "Vui lòng ghi ý kiến thẩm định.").max(5000, "Ý kiến thẩm định dài quá 5000 ký tự."),
            status: z.enum(["accepted", "rejected"], { error: "Kết luận phải là accepted (đề nghị khen thưởng) hoặc rejected (không đề nghị)." }).optional(),
          }),
        },
      },
      async (request) => recordOpinion(db, actorOf(request), request.params.id, request.body, ctx.now()),
    );

    app.put(
      "/nominations/:id/eligibility-facts",
      {
        schema: {
          tags,
          summary: "Cơ quan thường trực ghi nhận dữ kiện xét khen thưởng (ưu tiên hơn số liệu đơn vị kê khai; null để bỏ)",
          params: idParam,
          body: z.object({
            version,
            facts: z.record(
              z.string().min(1).max(64),
              z.union([z.number(), z.string().max(200), z.boolean(), z.null()], { error: "Giá trị dữ kiện phải là số, chữ, có/không hoặc null." }),
              { error: "Thiếu danh sách dữ kiện (facts)." },
            ),
          }),
        },
      },
      async (request) => recordEligibilityFacts(db, actorOf(request), request.params.id, request.body, ctx.now()),
    );

    app.get(
      "/plans/:id/award-forms/:formId/suggestions",
      { schema: { tags, summary: "Chỉ tiêu và danh sách gợi ý khen thưởng", params: idParam.extend({ formId: slug("hình thức khen thưởng") }) } },
      async (request) => suggestions(db, actorOf(request), request.params.id, request.params.formId, ctx.now()),
    );

    app.post(
      "/nominations/:id/forward",
      {
        schema: {
          tags,
          summary: "Chuyển hồ sơ lên phong trào của cấp trên",
          params: idParam,
          body: z.object({
            upperPlanId: z.number({ error: "Chọn kế hoạch của cấp trên." }).int().positive("Chọn kế hoạch của cấp trên."),
            awardFormId: slug("hình thức khen thưởng").optional(),
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await forwardNomination(db, actorOf(request), request.params.id, request.body, ctx.now())),
    );
  };

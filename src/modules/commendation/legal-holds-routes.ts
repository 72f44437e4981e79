import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { holdKindValues } from "../../domain/commendation/legal-holds.js";
import { type AppContext, actorOf } from "../../http/context.js";
import { boolQuery, idParam, isoDate, optionalText, page, pageSize, version } from "../../http/schemas.js";
import { createHold, deleteHold, getHold, listHolds, updateHold } from "./legal-holds.js";

const tags = ["Khen thưởng"];
const KIND_HINT = "discipline (xem xét kỷ luật), investigation (điều tra, thanh tra, kiểm tra) hoặc complaint (khiếu nại, tố cáo đang xác minh)";
const kind = z.enum(holdKindValues, { error: `Vui lòng chọn loại vụ việc: ${KIND_HINT}.` });
const unitId = z.number({ error: "Vui lòng chọn đơn vị có vụ việc." }).int().positive("Vui lòng chọn đơn vị có vụ việc.");
const personId = z
  .number({ error: "Cán bộ không hợp lệ; chọn một cán bộ của đơn vị, hoặc để trống nếu vụ việc liên quan đến tập thể." })
  .int()
  .positive("Cán bộ không hợp lệ; chọn một cán bộ của đơn vị, hoặc để trống nếu vụ việc liên quan đến tập thể.")
  .nullable();
const day = (label: string) =>
  z
    .string({ error: `Vui lòng nhập ${label} (năm-tháng-ngày, YYYY-MM-DD).` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label[0].toUpperCase()}${label.slice(1)} phải có dạng năm-tháng-ngày (YYYY-MM-DD).`)
    .pipe(isoDate);
const fields = {
  kind,
  unitId,
  personId: personId.optional(),
  startedOn: day("ngày bắt đầu"),
  endedOn: day("ngày kết thúc").nullish(),
  reference: optionalText("số, ký hiệu văn bản", 300),
  note: optionalText("ghi chú", 5000),
};
const optionalId = (what: string) =>
  z.coerce
    .number({ error: `Mã ${what} không hợp lệ.` })
    .int()
    .positive(`Mã ${what} không hợp lệ.`)
    .optional();
// Labels for the validation message ("Dữ liệu chưa hợp lệ – Ngày kết thúc: …").
const fieldLabels = {
  kind: "Loại vụ việc",
  unitId: "Đơn vị",
  personId: "Cán bộ",
  startedOn: "Ngày bắt đầu",
  endedOn: "Ngày kết thúc",
  reference: "Văn bản",
  note: "Ghi chú",
  version: "Phiên bản dữ liệu",
};

/** Decree 98/2023 art. 4 cases (discipline, investigation, complaint) recorded by the standing office. */
export const legalHoldRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;
    const config = { fieldLabels };

    app.get(
      "/legal-holds",
      {
        config,
        schema: {
          tags,
          summary: "Vụ việc kỷ luật, thanh tra, khiếu nại (Điều 4 Nghị định 98/2023/NĐ-CP) trong phạm vi",
          querystring: z.object({
            unitId: optionalId("đơn vị"),
            includeSubunits: boolQuery.default(true),
            personId: optionalId("cán bộ"),
            kind: z.enum(holdKindValues, { error: `Loại vụ việc phải là ${KIND_HINT}.` }).optional(),
            open: boolQuery.optional(),
            page,
            pageSize,
          }),
        },
      },
      async (request) => listHolds(db, actorOf(request), request.query, ctx.now()),
    );

    app.get("/legal-holds/:id", { config, schema: { tags, summary: "Một vụ việc theo Điều 4 Nghị định 98/2023/NĐ-CP", params: idParam } }, async (request) =>
      getHold(db, actorOf(request), request.params.id, ctx.now()),
    );

    app.post(
      "/legal-holds",
      { config, schema: { tags, summary: "Ghi nhận vụ việc đối với một đơn vị hoặc cán bộ (cơ quan thường trực)", body: z.object(fields) } },
      async (request, reply) => reply.status(201).send(await createHold(db, actorOf(request), request.body, ctx.now())),
    );

    app.patch(
      "/legal-holds/:id",
      {
        config,
        schema: {
          tags,
          summary: "Sửa vụ việc; ghi ngày kết thúc để kết thúc, để trống (null) để mở lại",
          params: idParam,
          body: z.object(fields).partial().extend({ version }),
        },
      },
      async (request) => updateHold(db, actorOf(request), request.params.id, request.body, ctx.now()),
    );

    app.delete(
      "/legal-holds/:id",
      {
        config,
        schema: {
          tags,
          summary: "Xóa vụ việc ghi nhầm",
          params: idParam,
          querystring: z.object({ version: z.coerce.number({ error: "Thiếu phiên bản dữ liệu (version)." }).int().min(1, "Phiên bản dữ liệu không hợp lệ.") }),
        },
      },
      async (request, reply) => {
        await deleteHold(db, actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send();
      },
    );
  };

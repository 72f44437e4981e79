import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { unitKindValues } from "../../domain/org.js";
import { type AppContext, actorOf } from "../../http/context.js";
import { boolQuery, idParam, requiredText, version } from "../../http/schemas.js";
import { auditHistoryBody } from "../audit/responses.js";
import { unitBody, unitDetailBody, unitListBody } from "./responses.js";
import { createUnit, getUnit, listUnits, mergeUnit, moveUnit, setUnitActive, unitHistory, updateUnit } from "./service.js";

const code = z
  .string({ error: "Vui lòng nhập mã đơn vị." })
  .trim()
  .min(1, "Vui lòng nhập mã đơn vị.")
  .max(40, "Mã đơn vị tối đa 40 ký tự.")
  .regex(/^[\p{L}0-9][\p{L}0-9._\-/]*$/u, "Mã đơn vị chỉ gồm chữ, số và các dấu . _ - /, không có khoảng trắng.");
const kind = z.enum(unitKindValues, { error: "Vui lòng chọn loại đơn vị trong danh mục." });
const unitId = z.number({ error: "Vui lòng chọn đơn vị." }).int().positive("Vui lòng chọn đơn vị.");
const tags = ["Đơn vị"];

export const unitRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;

    app.get(
      "/units",
      {
        schema: {
          tags,
          summary: "Danh sách đơn vị trong phạm vi",
          querystring: z.object({ includeInactive: boolQuery.default(false) }),
          response: { 200: unitListBody },
        },
      },
      async (request) => ({
        items: await listUnits(db, actorOf(request), { includeInactive: request.query.includeInactive }),
      }),
    );

    app.get("/units/:id", { schema: { tags, summary: "Chi tiết đơn vị", params: idParam, response: { 200: unitDetailBody } } }, async (request) =>
      getUnit(db, actorOf(request), request.params.id),
    );

    app.post(
      "/units",
      {
        schema: {
          tags,
          summary: "Thêm đơn vị",
          body: z.object({ code, name: requiredText("tên đơn vị"), kind, parentId: unitId.nullable() }),
          response: { 201: unitBody },
        },
      },
      async (request, reply) => reply.status(201).send(await createUnit(db, actorOf(request), request.body)),
    );

    app.patch(
      "/units/:id",
      {
        schema: {
          tags,
          summary: "Sửa, đổi tên đơn vị",
          params: idParam,
          body: z.object({ version, code: code.optional(), name: requiredText("tên đơn vị").optional(), kind: kind.optional() }),
          response: { 200: unitBody },
        },
      },
      async (request) => updateUnit(db, actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/units/:id/move",
      {
        schema: {
          tags,
          summary: "Chuyển sang đơn vị cấp trên khác",
          params: idParam,
          body: z.object({ version, parentId: unitId }),
          response: { 200: unitBody },
        },
      },
      async (request) => moveUnit(db, actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/units/:id/merge",
      {
        schema: {
          tags,
          summary: "Sáp nhập vào đơn vị khác",
          params: idParam,
          body: z.object({ version, targetId: unitId, movePeople: z.boolean().default(true) }),
          response: { 200: unitBody },
        },
      },
      async (request) => mergeUnit(db, actorOf(request), request.params.id, request.body, ctx.now()),
    );

    app.post(
      "/units/:id/deactivate",
      { schema: { tags, summary: "Ngừng hoạt động", params: idParam, body: z.object({ version }), response: { 200: unitBody } } },
      async (request) => setUnitActive(db, actorOf(request), request.params.id, request.body, false),
    );
    app.post(
      "/units/:id/reactivate",
      { schema: { tags, summary: "Hoạt động lại", params: idParam, body: z.object({ version }), response: { 200: unitBody } } },
      async (request) => setUnitActive(db, actorOf(request), request.params.id, request.body, true),
    );

    app.get(
      "/units/:id/history",
      { schema: { tags, summary: "Lịch sử thay đổi của đơn vị", params: idParam, response: { 200: auditHistoryBody } } },
      async (request) => ({
        items: await unitHistory(db, actorOf(request), request.params.id),
      }),
    );
  };

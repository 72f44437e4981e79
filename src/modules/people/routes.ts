import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { personCategoryValues, sexValues } from "../../domain/org.js";
import { type AppContext, actorOf } from "../../http/context.js";
import { boolQuery, idParam, isoDate, optionalText, page, pageSize, requiredText, version } from "../../http/schemas.js";
import { personBody, personPageBody } from "./responses.js";
import { createPerson, deactivatePerson, getPerson, listPeople, updatePerson } from "./service.js";

const fields = {
  code: optionalText("mã cán bộ", 40),
  unitId: z.number({ error: "Vui lòng chọn đơn vị công tác." }).int().positive("Vui lòng chọn đơn vị công tác."),
  fullName: requiredText("họ và tên", 120),
  sex: z.enum(sexValues, { error: "Vui lòng chọn giới tính (Nam hoặc Nữ)." }),
  birthDate: isoDate.nullish(),
  position: optionalText("chức vụ", 120),
  category: z.enum(personCategoryValues, { error: "Vui lòng chọn đối tượng (cán bộ, công chức, viên chức…)." }),
  isHead: z.boolean().optional(),
  email: z
    .email("Email không hợp lệ.")
    .nullish()
    .or(z.literal("").transform(() => null)),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +().-]{6,20}$/, "Số điện thoại không hợp lệ.")
    .nullish()
    .or(z.literal("").transform(() => null)),
};
const tags = ["Cán bộ"];

export const peopleRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;

    app.get(
      "/people",
      {
        schema: {
          tags,
          summary: "Danh sách cán bộ, người lao động",
          querystring: z.object({
            unitId: z.coerce.number().int().positive().optional(),
            includeSubunits: boolQuery.default(true),
            q: z.string().max(100).optional(),
            category: z.enum(personCategoryValues).optional(),
            active: z.enum(["true", "false", "all"], { error: "Trạng thái phải là true, false hoặc all." }).default("true"),
            page,
            pageSize,
          }),
          response: { 200: personPageBody },
        },
      },
      async (request) => listPeople(db, actorOf(request), request.query),
    );

    app.get("/people/:id", { schema: { tags, summary: "Hồ sơ cán bộ", params: idParam, response: { 200: personBody } } }, async (request) =>
      getPerson(db, actorOf(request), request.params.id),
    );

    app.post("/people", { schema: { tags, summary: "Thêm cán bộ", body: z.object(fields), response: { 201: personBody } } }, async (request, reply) =>
      reply.status(201).send(await createPerson(db, actorOf(request), request.body)),
    );

    app.patch(
      "/people/:id",
      { schema: { tags, summary: "Sửa hồ sơ cán bộ", params: idParam, body: z.object(fields).partial().extend({ version }), response: { 200: personBody } } },
      async (request) => updatePerson(db, actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/people/:id/deactivate",
      { schema: { tags, summary: "Thôi theo dõi cán bộ", params: idParam, body: z.object({ version }), response: { 200: personBody } } },
      async (request) => deactivatePerson(db, actorOf(request), request.params.id, request.body),
    );
  };

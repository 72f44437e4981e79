import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { num } from "../../domain/format.js";
import { type AppContext, actorOf, sendFile } from "../../http/context.js";
import { CSV, fileDownload, XLSX } from "../../http/contract.js";
import { AppError, badRequest } from "../../http/errors.js";
import { readUpload } from "../../http/multipart.js";
import { sessionHash } from "../auth/service.js";
import { exportPeople, exportUnits, importTemplate } from "./export.js";
import { importJobBody } from "./responses.js";
import { commitImport, createImport, getImport } from "./service.js";

const tags = ["Nhập, xuất dữ liệu"];
const format = z.enum(["xlsx", "csv"], { error: "Định dạng phải là xlsx hoặc csv." }).default("xlsx");

export const importRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;

    app.get(
      "/export/units",
      { schema: { tags, summary: "Xuất danh sách đơn vị", querystring: z.object({ format }), response: fileDownload([XLSX, CSV], "Danh sách đơn vị") } },
      async (request, reply) => sendFile(reply, await exportUnits(db, actorOf(request), request.query.format)),
    );
    app.get(
      "/export/people",
      {
        schema: {
          tags,
          summary: "Xuất danh sách cán bộ",
          querystring: z.object({ format, unitId: z.coerce.number().int().positive().optional() }),
          response: fileDownload([XLSX, CSV], "Danh sách cán bộ"),
        },
      },
      async (request, reply) => sendFile(reply, await exportPeople(db, actorOf(request), request.query.format, request.query.unitId)),
    );
    app.get(
      "/import/template/:kind",
      {
        schema: {
          tags,
          summary: "Tệp mẫu để nhập",
          params: z.object({ kind: z.enum(["units", "people", "indicators"]) }),
          response: fileDownload(XLSX, "Tệp mẫu Excel"),
        },
      },
      async (request, reply) => {
        actorOf(request);
        return sendFile(reply, await importTemplate(request.params.kind));
      },
    );

    app.post(
      "/imports",
      { schema: { tags, summary: "Tải tệp lên để kiểm tra trước khi nhập (multipart: kind, file)", response: { 201: importJobBody } } },
      async (request, reply) => {
        const actor = actorOf(request);
        const tooLarge = new AppError(
          413,
          "TOO_LARGE",
          `Tệp vượt quá giới hạn ${num(ctx.config.import.maxBytes / 1048576, 1)} MB. Vui lòng chia thành nhiều tệp nhỏ hơn.`,
        );
        const { fields, file } = await readUpload(request, { maxBytes: ctx.config.import.maxBytes, tooLarge, expects: "trường kind và file" });
        const kind = fields.kind;
        if (kind !== "units" && kind !== "people" && kind !== "indicators") {
          throw badRequest("BAD_KIND", "Hãy chọn loại dữ liệu cần nhập: đơn vị (units), cán bộ (people) hoặc giá trị chỉ số (indicators).");
        }
        if (!file) throw badRequest("NO_FILE", "Chưa chọn tệp để tải lên.");
        const result = await createImport(db, actor, { kind, fileName: file.name, data: file.data, maxRows: ctx.config.import.maxRows });
        return reply.status(201).send(result);
      },
    );

    app.post(
      "/imports/:id/commit",
      {
        schema: { tags, summary: "Nhập dữ liệu đã kiểm tra", params: z.object({ id: z.uuid("Mã lượt nhập không hợp lệ.") }), response: { 202: importJobBody } },
      },
      async (request, reply) => reply.status(202).send(await commitImport(db, actorOf(request), request.params.id, sessionHash(request.sessionToken ?? ""))),
    );
    app.get(
      "/imports/:id",
      { schema: { tags, summary: "Trạng thái lượt nhập", params: z.object({ id: z.uuid("Mã lượt nhập không hợp lệ.") }), response: { 200: importJobBody } } },
      async (request) => getImport(db, actorOf(request), request.params.id),
    );
  };

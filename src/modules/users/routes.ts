import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { roleValues } from "../../domain/access.js";
import { type AppContext, actorOf } from "../../http/context.js";
import { noContent } from "../../http/contract.js";
import { idParam, requiredText, version } from "../../http/schemas.js";
import { userBody, userListBody } from "./responses.js";
import { addRole, createUser, listUsers, removeRole, resetPassword, resetSecondFactor, unlockUser, updateUser } from "./service.js";

const tags = ["Tài khoản và phân quyền"];
const password = z.string({ error: "Vui lòng nhập mật khẩu." }).min(1, "Vui lòng nhập mật khẩu.").max(200);

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;

    app.get("/users", { schema: { tags, summary: "Danh sách tài khoản", response: { 200: userListBody } } }, async (request) => ({
      items: await listUsers(db, actorOf(request)),
    }));

    app.post(
      "/users",
      {
        schema: {
          tags,
          summary: "Tạo tài khoản",
          body: z.object({
            username: requiredText("tên đăng nhập", 40),
            fullName: requiredText("họ và tên", 120),
            password,
            personId: z.number().int().positive().nullish(),
          }),
          response: { 201: userBody },
        },
      },
      async (request, reply) => reply.status(201).send(await createUser(db, actorOf(request), request.body)),
    );

    app.patch(
      "/users/:id",
      {
        schema: {
          tags,
          summary: "Sửa tài khoản",
          params: idParam,
          body: z.object({ version, fullName: requiredText("họ và tên", 120).optional(), active: z.boolean().optional() }),
          response: { 200: userBody },
        },
      },
      async (request) => updateUser(db, actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/users/:id/reset-password",
      { schema: { tags, summary: "Đặt lại mật khẩu", params: idParam, body: z.object({ newPassword: password }), response: noContent } },
      async (request, reply) => {
        await resetPassword(db, actorOf(request), request.params.id, request.body.newPassword);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/users/:id/unlock",
      { schema: { tags, summary: "Xóa thời gian chờ đăng nhập của tài khoản (từ mọi địa chỉ)", params: idParam, response: { 200: userBody } } },
      async (request) => unlockUser(db, actorOf(request), request.params.id),
    );

    app.delete(
      "/users/:id/second-factor",
      { schema: { tags, summary: "Tắt xác thực hai bước của tài khoản (mất thiết bị)", params: idParam, response: { 200: userBody } } },
      async (request) => resetSecondFactor(db, actorOf(request), request.params.id),
    );

    app.post(
      "/users/:id/roles",
      {
        schema: {
          tags,
          summary: "Giao vai trò trong phạm vi một đơn vị",
          params: idParam,
          body: z.object({ role: z.enum(roleValues, { error: "Vui lòng chọn vai trò trong danh mục." }), unitId: z.number().int().positive().nullable() }),
          response: { 200: userBody },
        },
      },
      async (request) => addRole(db, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      "/users/:id/roles/:assignmentId",
      { schema: { tags, summary: "Gỡ vai trò", params: idParam.extend({ assignmentId: z.coerce.number().int().positive() }), response: { 200: userBody } } },
      async (request) => removeRole(db, actorOf(request), request.params.id, request.params.assignmentId),
    );
  };

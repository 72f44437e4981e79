import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf } from "../../http/context.js";
import { boolQuery, idParam, page, pageSize } from "../../http/schemas.js";
import { planMonitoring } from "../movement/monitoring.js";
import { notificationBody, notificationPageBody, readAllBody } from "./responses.js";
import { listNotifications, markAllRead, markRead } from "./service.js";

const tags = ["Thông báo, theo dõi"];

/** In-app notifications and movement monitoring. */
export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;

    app.get(
      "/notifications",
      {
        schema: {
          tags,
          summary: "Thông báo của tôi (mới nhất trước) và số chưa đọc",
          querystring: z.object({ unreadOnly: boolQuery.optional(), page, pageSize }),
          response: { 200: notificationPageBody },
        },
      },
      async (request) => listNotifications(db, actorOf(request), request.query),
    );

    app.post("/notifications/read-all", { schema: { tags, summary: "Đánh dấu tất cả thông báo đã đọc", response: { 200: readAllBody } } }, async (request) =>
      markAllRead(db, actorOf(request), ctx.now()),
    );

    app.post(
      "/notifications/:id/read",
      { schema: { tags, summary: "Đánh dấu một thông báo đã đọc", params: idParam, response: { 200: notificationBody } } },
      async (request) => markRead(db, actorOf(request), request.params.id, ctx.now()),
    );

    app.get(
      "/plans/:id/monitoring",
      {
        schema: {
          tags,
          summary: "Theo dõi tiến độ phong trào: ai đã đăng ký, gửi báo cáo, tự chấm điểm; ai quá hạn",
          params: idParam,
          querystring: z.object({ groupId: z.string().trim().min(1).max(64).optional() }),
        },
      },
      async (request) => planMonitoring(db, actorOf(request), request.params.id, ctx.now(), { groupId: request.query.groupId }),
    );
  };

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { can } from "../../domain/access.js";
import { type AppContext, actorOf } from "../../http/context.js";
import { forbidden } from "../../http/errors.js";
import { isoDate, page, pageSize } from "../../http/schemas.js";
import { auditKey } from "./audit-key.js";
import { auditPageBody, auditVerificationBody } from "./responses.js";
import { listAudit } from "./service.js";
import { verifyAudit } from "./verify-audit.js";

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;
    app.get(
      "/audit",
      {
        schema: {
          tags: ["Nhật ký"],
          summary: "Nhật ký thay đổi",
          querystring: z.object({
            entity: z.string().max(40).optional(),
            entityId: z.string().max(60).optional(),
            actor: z.string().max(100).optional(),
            action: z.string().max(60).optional(),
            from: isoDate.optional(),
            to: isoDate.optional(),
            page,
            pageSize,
          }),
          response: { 200: auditPageBody },
        },
      },
      async (request) => listAudit(db, actorOf(request), request.query),
    );
    app.get(
      "/audit/verify",
      { schema: { tags: ["Nhật ký"], summary: "Kiểm tra toàn vẹn chuỗi nhật ký", response: { 200: auditVerificationBody } } },
      async (request) => {
        if (!can(actorOf(request).grants, "audit.read", "/")) throw forbidden("Chỉ quản trị hệ thống được kiểm tra nhật ký.");
        return verifyAudit(db, auditKey(), ctx.files);
      },
    );
  };

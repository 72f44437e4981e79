import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf, CSRF_COOKIE, SESSION_COOKIE } from "../../http/context.js";
import { unauthenticated } from "../../http/errors.js";
import { changePassword, describeMe, login, logout, resolveSession } from "./service.js";

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;
    const cookieOpts = { path: "/", sameSite: "lax" as const, secure: ctx.config.secureCookies, maxAge: ctx.config.sessionHours * 3600 };

    app.post(
      "/auth/login",
      {
        schema: {
          tags: ["Tài khoản"],
          summary: "Đăng nhập",
          body: z.object({
            username: z.string({ error: "Vui lòng nhập tên đăng nhập." }).trim().min(1, "Vui lòng nhập tên đăng nhập.").max(100),
            password: z.string({ error: "Vui lòng nhập mật khẩu." }).min(1, "Vui lòng nhập mật khẩu.").max(200),
          }),
        },
        config: { rateLimit: { max: ctx.config.login.perMinute, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const session = await login(
          db,
          { ...ctx.config.login, sessionHours: ctx.config.sessionHours },
          { ...request.body, ip: request.ip, userAgent: request.headers["user-agent"] },
        );
        reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOpts, httpOnly: true });
        reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieOpts, httpOnly: false });
        const resolved = await resolveSession(db, session.token);
        if (!resolved) throw unauthenticated();
        return { user: await describeMe(db, resolved.actor, session.csrfToken) };
      },
    );

    app.post("/auth/logout", { schema: { tags: ["Tài khoản"], summary: "Đăng xuất" } }, async (request, reply) => {
      if (request.sessionToken) await logout(db, request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      reply.clearCookie(CSRF_COOKIE, { path: "/" });
      return reply.status(204).send();
    });

    app.get("/auth/me", { schema: { tags: ["Tài khoản"], summary: "Người dùng đang đăng nhập" } }, async (request) => {
      return describeMe(db, actorOf(request), request.csrfToken ?? "");
    });

    app.post(
      "/auth/change-password",
      {
        schema: {
          tags: ["Tài khoản"],
          summary: "Đổi mật khẩu",
          body: z.object({
            currentPassword: z.string({ error: "Vui lòng nhập mật khẩu hiện tại." }).min(1, "Vui lòng nhập mật khẩu hiện tại.").max(200),
            newPassword: z.string({ error: "Vui lòng nhập mật khẩu mới." }).min(1, "Vui lòng nhập mật khẩu mới.").max(200),
          }),
        },
      },
      async (request, reply) => {
        await changePassword(db, actorOf(request), request.body, request.sessionToken ?? "");
        return reply.status(204).send();
      },
    );
  };

import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf, CSRF_COOKIE, SESSION_COOKIE } from "../../http/context.js";
import { noContent } from "../../http/contract.js";
import { AppError, unauthenticated } from "../../http/errors.js";
import { enrolmentBody, meBody, recoveryCodesBody, secondFactorStatusBody, signInBody } from "./responses.js";
import { confirmEnrolment, disableSecondFactor, renewRecoveryCodes, secondFactorStatus, startEnrolment } from "./second-factor.js";
import { changePassword, completeSecondFactor, describeMe, login, logout, resolveSession, type SignInResult } from "./service.js";

const codeField = z
  .string({ error: "Vui lòng nhập mã xác thực." })
  .trim()
  .min(1, "Vui lòng nhập mã xác thực.")
  .max(40, "Mã xác thực quá dài: nhập mã 6 chữ số hoặc một mã khôi phục.");

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;
    const settings = () => ({ now: ctx.wallClock(), throttle: ctx.config.login, sessionHours: ctx.config.sessionHours, secretsKey: ctx.config.secretsKey });
    // Secure whenever the request came over HTTPS (X-Forwarded-Proto counts with TRUST_PROXY), or by configuration.
    const cookieOpts = (request: FastifyRequest) => ({
      path: "/",
      sameSite: "lax" as const,
      secure: ctx.config.secureCookies || request.protocol === "https",
      maxAge: ctx.config.sessionHours * 3600,
    });
    const loginLimit = { rateLimit: { max: ctx.config.login.perMinute, timeWindow: 60_000 } };

    /** Sets the cookies of a new session, or hands back the second-factor challenge. */
    async function answer(request: FastifyRequest, reply: FastifyReply, result: SignInResult) {
      if (result.kind === "second-factor") {
        return { secondFactor: { challenge: result.challenge, expiresAt: result.expiresAt.toISOString() } };
      }
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOpts(request), httpOnly: true });
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieOpts(request), httpOnly: false });
      const resolved = await resolveSession(db, result.token, { now: ctx.wallClock(), idleMinutes: ctx.config.sessionIdleMinutes });
      if (!resolved) throw unauthenticated();
      return { user: await describeMe(db, resolved.actor, result.csrfToken), passwordNeedsChange: result.passwordNeedsChange };
    }

    /** A throttled attempt also says when to come back in the standard header. */
    async function throttledHeader<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
      try {
        return await run();
      } catch (err) {
        if (err instanceof AppError && err.code === "LOGIN_THROTTLED") {
          reply.header("retry-after", String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
        }
        throw err;
      }
    }

    app.post(
      "/auth/login",
      {
        schema: {
          tags: ["Tài khoản"],
          summary: "Đăng nhập (bước 1: mật khẩu)",
          description:
            "Trả về `user` và đặt cookie phiên; với tài khoản đã bật xác thực hai bước thì trả về `secondFactor.challenge` để gửi kèm mã ở bước 2. " +
            "Nhập sai nhiều lần thì phải chờ (429, tăng dần), không khóa tài khoản.",
          body: z.object({
            username: z.string({ error: "Vui lòng nhập tên đăng nhập." }).trim().min(1, "Vui lòng nhập tên đăng nhập.").max(100),
            password: z.string({ error: "Vui lòng nhập mật khẩu." }).min(1, "Vui lòng nhập mật khẩu.").max(200),
          }),
          response: { 200: signInBody },
        },
        config: loginLimit,
      },
      async (request, reply) =>
        throttledHeader(reply, async () =>
          answer(
            request,
            reply,
            await login(db, settings(), { ...request.body, ip: request.ip, userAgent: request.headers["user-agent"], requestId: request.id }),
          ),
        ),
    );

    app.post(
      "/auth/login/second-factor",
      {
        schema: {
          tags: ["Tài khoản"],
          summary: "Đăng nhập (bước 2: mã xác thực hai bước hoặc mã khôi phục)",
          body: z.object({ challenge: z.string({ error: "Thiếu mã phiên đăng nhập." }).min(1).max(100), code: codeField }),
          response: { 200: signInBody },
        },
        config: loginLimit,
      },
      async (request, reply) =>
        throttledHeader(reply, async () =>
          answer(
            request,
            reply,
            await completeSecondFactor(db, settings(), {
              ...request.body,
              ip: request.ip,
              userAgent: request.headers["user-agent"],
              requestId: request.id,
            }),
          ),
        ),
    );

    app.post("/auth/logout", { schema: { tags: ["Tài khoản"], summary: "Đăng xuất", response: noContent } }, async (request, reply) => {
      if (request.sessionToken) await logout(db, request.sessionToken, request.id);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      reply.clearCookie(CSRF_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    });

    app.get("/auth/me", { schema: { tags: ["Tài khoản"], summary: "Người dùng đang đăng nhập", response: { 200: meBody } } }, async (request) => {
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
          response: noContent,
        },
      },
      async (request, reply) => {
        await changePassword(db, actorOf(request), request.body, request.sessionToken ?? "");
        return reply.status(204).send(null);
      },
    );

    const secrets = () => ({ now: ctx.wallClock(), secretsKey: ctx.config.secretsKey });
    const totpTags = ["Tài khoản"];

    app.get(
      "/auth/second-factor",
      { schema: { tags: totpTags, summary: "Trạng thái xác thực hai bước của tôi", response: { 200: secondFactorStatusBody } } },
      async (request) => secondFactorStatus(db, actorOf(request)),
    );

    app.post(
      "/auth/second-factor/setup",
      {
        schema: {
          tags: totpTags,
          summary: "Bắt đầu bật xác thực hai bước",
          description: "Trả về khóa bí mật (base32) và địa chỉ otpauth:// để quét mã QR; chỉ hiện một lần, chưa có hiệu lực cho đến khi xác nhận bằng một mã.",
          response: { 200: enrolmentBody },
        },
      },
      async (request) => startEnrolment(db, actorOf(request), secrets()),
    );

    app.post(
      "/auth/second-factor/confirm",
      {
        schema: {
          tags: totpTags,
          summary: "Xác nhận bật xác thực hai bước bằng mã đầu tiên",
          body: z.object({ code: codeField }),
          response: { 200: recoveryCodesBody },
        },
      },
      async (request) => confirmEnrolment(db, actorOf(request), request.body.code, secrets()),
    );

    app.post(
      "/auth/second-factor/disable",
      {
        schema: {
          tags: totpTags,
          summary: "Tắt xác thực hai bước (cần mã xác thực hoặc mã khôi phục)",
          body: z.object({ code: codeField }),
          response: noContent,
        },
      },
      async (request, reply) => {
        await disableSecondFactor(db, actorOf(request), request.body.code, secrets());
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/auth/second-factor/recovery-codes",
      {
        schema: {
          tags: totpTags,
          summary: "Tạo bộ mã khôi phục mới (bộ cũ hết hiệu lực)",
          body: z.object({ code: codeField }),
          response: { 200: recoveryCodesBody },
        },
      },
      async (request) => renewRecoveryCodes(db, actorOf(request), request.body.code, secrets()),
    );
  };

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ROLES } from "./domain/access.js";
import { PERSON_CATEGORIES, SEXES, UNIT_KINDS } from "./domain/org.js";
import { type AppContext, CSRF_COOKIE, SESSION_COOKIE } from "./http/context.js";
import { contractSerializerCompiler, contractTransformObject, createContractTransform } from "./http/contract.js";
import { errorHandler, frameworkErrors } from "./http/error-handler.js";
import { AppError, unauthenticated } from "./http/errors.js";
import { rejectNulInBody, rejectNulInUrl } from "./http/reject-nul.js";
import { auditRoutes } from "./modules/audit/routes.js";
import { authRoutes } from "./modules/auth/routes.js";
import { resolveSession, sessionHash } from "./modules/auth/service.js";
import { healthBody } from "./modules/backup/responses.js";
import { backupRoutes, localBackupRoute } from "./modules/backup/routes.js";
import { healthReport } from "./modules/backup/service.js";
import { councilRoutes } from "./modules/commendation/council-routes.js";
import { legalHoldRoutes } from "./modules/commendation/legal-holds-routes.js";
import { nominationRoutes } from "./modules/commendation/nomination-routes.js";
import { importRoutes } from "./modules/imports/routes.js";
import { runningImportView } from "./modules/imports/service.js";
import { recordRoutes } from "./modules/movement/records-routes.js";
import { movementRoutes } from "./modules/movement/routes.js";
import { notificationRoutes } from "./modules/notifications/routes.js";
import { peopleRoutes } from "./modules/people/routes.js";
import { planRoutes } from "./modules/plans/routes.js";
import { unitRoutes } from "./modules/units/routes.js";
import { userRoutes } from "./modules/users/routes.js";
import { createFileStore } from "./storage/file-store.js";

z.config(z.locales.vi());

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const webDist = path.join(root, "web", "dist");
const VERSION = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version as string;
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// Reachable without a session (login itself has no CSRF token yet).
const PUBLIC_MUTATIONS = new Set(["/api/auth/login", "/api/auth/login/second-factor", "/api/auth/logout"]);
const PUBLIC_READS = new Set(["/api/health", "/api/openapi.json", "/api/catalog"]);
// The public honour roll of a movement is open to citizens.
const PUBLIC_PREFIXES = ["/api/public/"];
const labelled = <V extends string>(values: readonly [V, ...V[]]) => z.array(z.object({ value: z.enum(values), label: z.string() }));
const catalogBody = z.object({
  unitKinds: labelled(UNIT_KINDS.map((k) => k.value) as [string, ...string[]]),
  personCategories: labelled(PERSON_CATEGORIES.map((k) => k.value) as [string, ...string[]]),
  sexes: labelled(SEXES.map((k) => k.value) as [string, ...string[]]),
  roles: z.array(z.object({ value: z.enum(ROLES.map((r) => r.value) as [string, ...string[]]), label: z.string(), description: z.string() })),
});
const isPublic = (method: string, route: string) =>
  PUBLIC_MUTATIONS.has(route) ||
  (method === "GET" &&
    (PUBLIC_READS.has(route) || route === "/api/docs" || route.startsWith("/api/docs/") || PUBLIC_PREFIXES.some((p) => route.startsWith(p))));

/** Builds the whole application (API, docs, web UI) on an open database. */
export async function buildApp(
  input: Pick<AppContext, "database" | "config"> &
    Partial<AppContext> & { /** Where the request log goes (stdout by default). */ logStream?: { write(line: string): void } },
): Promise<FastifyInstance> {
  const ctx: AppContext = { files: input.files ?? (await createFileStore(input.config.files)), now: () => new Date(), wallClock: () => new Date(), ...input };
  const app = Fastify({
    logger: input.logStream ? { level: ctx.config.logLevel, stream: input.logStream } : { level: ctx.config.logLevel },
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    trustProxy: ctx.config.trustProxy,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(contractSerializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError(429, "RATE_LIMITED", "Bạn đã thử đăng nhập quá nhiều lần trong một phút. Vui lòng đợi một phút rồi thử lại."),
  });
  await app.register(multipart, { limits: { fileSize: ctx.config.import.maxBytes, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: { title: "Thi Đua API", description: "API của nền tảng quản lý phong trào thi đua cải cách hành chính.", version: VERSION },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "Cookie phiên, đặt khi đăng nhập." },
          csrf: {
            type: "apiKey",
            in: "header",
            name: "x-csrf-token",
            description: `Mã chống giả mạo yêu cầu, bắt buộc với POST, PUT, PATCH, DELETE: giá trị cookie ${CSRF_COOKIE} (hoặc csrfToken của /api/auth/me).`,
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: createContractTransform(isPublic),
    transformObject: contractTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("csrfToken", null);
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    const progress = request.method === "GET" && token ? /^\/api\/imports\/([0-9a-f-]{36})$/.exec(request.url) : null;
    if (progress) {
      const view = runningImportView(progress[1], sessionHash(token as string));
      if (view) return reply.send(view);
    }
    if (token) {
      const session = await resolveSession(ctx.database.db, token, { now: ctx.wallClock(), idleMinutes: ctx.config.sessionIdleMinutes });
      if (session) {
        request.actor = session.actor;
        request.sessionToken = token;
        request.csrfToken = session.csrfToken;
      }
    }
    const route = request.url.split("?")[0];
    // Authentication comes before validation: an anonymous caller learns nothing about the body's shape.
    if (!request.actor && !isPublic(request.method, route)) throw unauthenticated();
    if (UNSAFE.has(request.method) && !PUBLIC_MUTATIONS.has(route)) {
      if (request.headers["x-csrf-token"] !== request.csrfToken) {
        throw new AppError(403, "CSRF", "Phiên làm việc không hợp lệ (thiếu mã chống giả mạo yêu cầu). Vui lòng tải lại trang rồi thử lại.");
      }
    }
  });
  // After authentication (an anonymous caller learns nothing), before any handler: no NUL anywhere in the input.
  app.addHook("onRequest", rejectNulInUrl);
  app.addHook("preValidation", rejectNulInBody);

  await app.register(
    async (api) => {
      api.get(
        "/health",
        { schema: { tags: ["Hệ thống"], summary: "Tình trạng hệ thống", response: { 200: healthBody, 503: healthBody } } },
        async (_request, reply) => {
          const report = await healthReport(ctx, VERSION);
          if (report.status !== "ok") reply.status(503);
          return report;
        },
      );
      api.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
      api.get("/catalog", { schema: { tags: ["Hệ thống"], summary: "Danh mục dùng chung", response: { 200: catalogBody } } }, async () => ({
        unitKinds: UNIT_KINDS,
        personCategories: PERSON_CATEGORIES,
        sexes: SEXES,
        roles: ROLES,
      }));
      await api.register(authRoutes(ctx));
      await api.register(unitRoutes(ctx));
      await api.register(peopleRoutes(ctx));
      await api.register(userRoutes(ctx));
      await api.register(importRoutes(ctx));
      await api.register(auditRoutes(ctx));
      await api.register(planRoutes(ctx));
      await api.register(movementRoutes(ctx));
      await api.register(recordRoutes(ctx));
      await api.register(notificationRoutes(ctx));
      await api.register(nominationRoutes(ctx));
      await api.register(councilRoutes(ctx));
      await api.register(legalHoldRoutes(ctx));
      await api.register(backupRoutes(ctx));
    },
    { prefix: "/api" },
  );

  const localToken = ctx.database.lock?.info.token;
  if (localToken) await app.register(localBackupRoute(ctx, localToken));

  const hasWeb = fs.existsSync(path.join(webDist, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      index: false,
      // A directory path ("/", "/assets/") is no file to serve: without this the static plugin answers 403, and "/"
      // is the address everyone opens first. Refused paths go to the not-found handler, which serves the app shell.
      allowedPath: (pathName) => !pathName.endsWith("/"),
      // Vite names built assets by content hash, so they never change; the shell names the current ones, so it is
      // revalidated on every visit (a new release is picked up on the next load).
      setHeaders: (reply, filePath) => {
        if (filePath.startsWith(path.join(webDist, "assets") + path.sep)) reply.header("cache-control", "public, max-age=31536000, immutable");
        else if (filePath === path.join(webDist, "index.html")) reply.header("cache-control", "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const route = request.url.split("?")[0];
    // Only page routes fall back to the app shell (the router decides who sees what: an anonymous visitor lands on
    // the sign-in page); an API path or a missing script or style is a plain 404.
    const isApi = route === "/api" || route.startsWith("/api/");
    const isPage = (request.method === "GET" || request.method === "HEAD") && !isApi && !/\.[a-z0-9]+$/i.test(route);
    if (!hasWeb || !isPage) {
      return reply.status(404).send({ code: "NOT_FOUND", message: `Không có địa chỉ ${request.method} ${route}.` });
    }
    return reply.type("text/html").sendFile("index.html");
  });
  return app;
}

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../http/context.js";

/** In-app notifications and movement monitoring (filled in by the notifications slice). */
export const notificationRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async (_app) => {};

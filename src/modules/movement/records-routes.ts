import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../http/context.js";

/** Initiatives, indicator values and complaints (filled in by the records slice). */
export const recordRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async (_app) => {};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../http/context.js";

/** Council sessions, ballots, decisions and the honour roll. */
export const councilRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async (_app) => {};

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../http/context.js";

/** Nominations, dossiers, eligibility and quota suggestions (filled in by the nominations slice). */
export const nominationRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async (_app) => {};

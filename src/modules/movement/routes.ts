import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../http/context.js";

/** Participants, registration, reports, self-assessment, appraisal and ranking. */
export const movementRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async (_app) => {};

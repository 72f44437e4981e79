import type { FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import type { Actor } from "../modules/actor.js";
import type { FileStore } from "../storage/file-store.js";
import { contentDisposition } from "./content-disposition.js";
import { unauthenticated } from "./errors.js";

export interface AppContext {
  database: Database;
  config: Config;
  files: FileStore;
  /** The current instant; tests replace it to run a movement through its calendar. */
  now: () => Date;
  /** Real time for security clocks (session expiry, sign-in waits, TOTP); tests move it apart from the calendar. */
  wallClock: () => Date;
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
}

/** The signed-in actor, or 401. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return { ...request.actor, requestId: request.id };
}

export const SESSION_COOKIE = "td_session";
export const CSRF_COOKIE = "td_csrf";

/** Sends a download or export; every file the API sends goes through here (one Content-Disposition builder). */
export function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; body: Buffer }) {
  return reply.header("content-type", file.contentType).header("content-disposition", contentDisposition(file.fileName)).send(file.body);
}

// Where the nomination commands send their notices.
import type { Executor } from "../../../db/client.js";
import { holdersOf } from "../../notifications/notify.js";
import type { NominationContext } from "./load-nomination.js";

/** Who prepares a nomination's dossier: the nominee's unit, or for one forwarded from a lower level, that level's office. */
export function proposingSide(tx: Executor, c: NominationContext) {
  return c.n.forwardedFromId !== null ? holdersOf(tx, ["office"], c.proposer.path) : holdersOf(tx, ["focal", "head"], c.unit.path);
}

export const unitLink = (planId: number) => `/phong-trao/${planId}?tab=de-nghi`;
export const officeLink = (planId: number) => `/phong-trao/${planId}?tab=khen-thuong`;

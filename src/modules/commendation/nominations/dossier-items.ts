// Storing a dossier component: only while the dossier is in the proposing side's hands, and each change moves the
// nomination's version on.
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.js";
import { dossierItems, nominations } from "../../../db/schema.js";
import { nominationLifecycle } from "../../../domain/lifecycles/nomination.js";
import { badRequest } from "../../../http/errors.js";
import { assertMove } from "../../lifecycle/transition.js";
import { assertLaunched, type NominationContext, type NominationRow } from "./load-nomination.js";

export function editableDossier(c: NominationContext, componentId: string) {
  assertMove(nominationLifecycle, "edit", c.n.status);
  assertLaunched(c.scope.plan);
  const component = c.scope.data.dossier.find((d) => d.id === componentId);
  if (!component) throw badRequest("NO_COMPONENT", `Kế hoạch không có thành phần hồ sơ "${componentId}".`);
  return component;
}

export async function touch(tx: Executor, n: NominationRow, now: Date) {
  await tx
    .update(nominations)
    .set({ version: sql`${nominations.version} + 1`, updatedAt: now })
    .where(eq(nominations.id, n.id));
}

export async function putItem(tx: Executor, nominationId: number, componentId: string, fileId: string, generated: boolean, now: Date) {
  await tx
    .insert(dossierItems)
    .values({ nominationId, componentId, fileId, generated, createdAt: now })
    .onConflictDoUpdate({ target: [dossierItems.nominationId, dossierItems.componentId], set: { fileId, generated, createdAt: now } });
}

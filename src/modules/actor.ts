import type { Grant } from "../domain/access.js";

/** The signed-in person a request acts for. */
export interface Actor {
  userId: number;
  username: string;
  fullName: string;
  grants: Grant[];
  requestId?: string;
}

/** The actor used by command-line tools and the demo seed. */
export const SYSTEM_ACTOR: Actor = { userId: 0, username: "system", fullName: "Hệ thống", grants: [{ role: "admin", scopePath: null }] };

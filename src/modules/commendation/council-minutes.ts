// The council minutes of a closed session as a Word file: counts per nominee and, by name, the members recused
// from a nominee for a conflict of interest. Never how any member voted (the database does not know).
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { councilSessions, users } from "../../db/schema.js";
import { buildCouncilMinutesDocx } from "../../documents/commendation/minutes-docx.js";
import { vietnamTime } from "../../domain/format.js";
import type { Actor } from "../actor.js";
import { loadMovement } from "../movement/participants.js";
import { getSession, sessionResults } from "./council.js";

const sentence = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
const vnTime = (d: Date | null) => (d ? vietnamTime(d) : "…");

export async function minutesDocx(db: Executor, actor: Actor, id: number): Promise<{ fileName: string; body: Buffer }> {
  const s = await getSession(db, actor, id);
  const results = await sessionResults(db, actor, id);
  const [row] = await db.select().from(councilSessions).where(eq(councilSessions.id, id));
  const { data } = await loadMovement(db, actor, s.planId, "plans.read");
  const people = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, [s.chairUserId ?? 0, s.secretaryUserId ?? 0]));
  const name = (uid: number | null) => people.find((p) => p.id === uid)?.fullName ?? "…";
  const body = await buildCouncilMinutesDocx({
    issuer: { parent: data.issuer.parent, name: data.issuer.name },
    place: data.place,
    date: s.heldOn,
    councilName: "Hội đồng Thi đua - Khen thưởng",
    purpose: s.title,
    startTime: vnTime(row.openedAt),
    endTime: vnTime(row.closedAt),
    venue: `Trụ sở ${sentence(data.issuer.name)}`,
    chair: { name: name(s.chairUserId), position: "Chủ tịch Hội đồng" },
    secretary: { name: name(s.secretaryUserId), position: "Thư ký Hội đồng" },
    members: { total: s.members.length, present: (s.present as number[]).length },
    content: [`Xét đề nghị khen thưởng trong phong trào thi đua "${data.title}".`],
    rule: s.rule,
    groups: [
      {
        nominees: results.map((r) => ({
          name: r.name,
          votes: { approve: r.approve, reject: r.reject, abstain: r.abstain },
          recused: r.recusedMembers.map((m) => ({ name: m.name, reason: m.reason, present: m.present })),
        })),
      },
    ],
  });
  return { fileName: `bien-ban-hoi-dong-${id}.docx`, body };
}

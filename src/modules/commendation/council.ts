import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import {
  ballotCounts,
  ballotReceipts,
  ballotUrns,
  councilAgenda,
  councilSessions,
  nominations,
  openVotes,
  participants,
  people,
  roleAssignments,
  units,
  users,
} from "../../db/schema.js";
import { can } from "../../domain/access.js";
import {
  addToUrn,
  type Choice,
  type CouncilMemberTies,
  type Counts,
  duplicates,
  type Recusal,
  recusals,
  recusedOn,
  tallyCounts,
} from "../../domain/commendation/ballot.js";
import { participantDisplayName } from "../../domain/format.js";
import { statusLabel } from "../../domain/lifecycle.js";
import { councilSessionLifecycle } from "../../domain/lifecycles/council-session.js";
import { AGENDA_READY } from "../../domain/lifecycles/nomination.js";
import type { Plan } from "../../domain/plan/schema.js";
import { badRequest, conflict, forbidden, notFound } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { assertMove, transition } from "../lifecycle/transition.js";
import { loadMovement } from "../movement/participants.js";
import { accountsWithRolesNear } from "../users/service.js";
import { openUrn, sealUrn } from "./ballot-urn.js";

export interface NewSession {
  title: string;
  heldOn: string;
  ballot?: "secret" | "open";
  chairUserId: number;
  secretaryUserId: number;
  memberUserIds: number[];
}

function voteRule(data: Plan) {
  // Without a rule in the plan the council needs a simple majority of all members, secretly; the plan can say otherwise.
  return (
    data.vote ?? {
      ballot: "secret" as const,
      quorumPercent: 50,
      denominator: "members" as const,
      thresholdPercent: 50,
      source: "Mặc định của hệ thống khi kế hoạch không quy định",
    }
  );
}

export async function createSession(db: Db, actor: Actor, planId: number, input: NewSession) {
  return db.transaction(async (tx) => {
    const { plan, issuer, data } = await loadMovement(tx, actor, planId);
    const members = [...new Set([...input.memberUserIds, input.chairUserId, input.secretaryUserId])];
    const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, members));
    if (found.length !== members.length) throw badRequest("UNKNOWN_MEMBER", "Có thành viên không tồn tại trong hệ thống.");
    if (members.length < 3) throw badRequest("TOO_FEW", "Hội đồng cần ít nhất 3 thành viên (kể cả chủ tịch và thư ký).");
    const [row] = await tx
      .insert(councilSessions)
      .values({
        planId,
        title: input.title,
        heldOn: input.heldOn,
        ballot: input.ballot ?? voteRule(data).ballot,
        chairUserId: input.chairUserId,
        secretaryUserId: input.secretaryUserId,
        members,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "council.create",
      entity: "council_session",
      entityId: row.id,
      unitId: issuer.id,
      summary: `Tạo phiên họp Hội đồng "${input.title}" của "${plan.title}" (${members.length} thành viên)`,
    });
    return row;
  });
}

async function loadSession(db: Executor, actor: Actor, id: number) {
  const [s] = await db.select().from(councilSessions).where(eq(councilSessions.id, id));
  if (!s) throw notFound(`phiên họp có mã số ${id}`);
  const { plan, issuer, data } = await loadMovement(db, actor, s.planId, "plans.read");
  const members = s.members as number[];
  const isMember = members.includes(actor.userId);
  const manages = can(actor.grants, "movement.manage", issuer.path);
  if (!isMember && !manages) throw forbidden("Bạn không phải thành viên của phiên họp này.");
  return { s, plan, issuer, data, members, isMember, manages, isSecretary: s.secretaryUserId === actor.userId };
}

export async function getSession(db: Executor, actor: Actor, id: number) {
  const { s, data, members } = await loadSession(db, actor, id);
  const memberRows = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, members));
  const agenda = await agendaOf(db, id);
  // Fixed when voting opens; before that, what the rule says of today's data (the secretary sees it coming).
  const recused = s.status === "draft" ? await recusalsOf(db, members, id) : (s.recusals as Recusal[]);
  const nameOf = (u: number) => memberRows.find((m) => m.id === u)?.fullName ?? "";
  const voted = await db
    .select({ nominationId: ballotReceipts.nominationId })
    .from(ballotReceipts)
    .where(and(eq(ballotReceipts.sessionId, id), eq(ballotReceipts.userId, actor.userId)));
  return {
    id: s.id,
    planId: s.planId,
    title: s.title,
    heldOn: s.heldOn,
    ballot: s.ballot,
    status: s.status,
    statusLabel: statusLabel(councilSessionLifecycle, s.status),
    rule: voteRule(data),
    chairUserId: s.chairUserId,
    secretaryUserId: s.secretaryUserId,
    members: memberRows,
    present: s.present,
    agenda,
    myVotes: voted.map((v) => v.nominationId),
    // Conflicts of interest are no secret: the minutes name them.
    recusals: recused.map((r) => ({ ...r, name: nameOf(r.userId) })),
    myRecusals: recused.filter((r) => r.userId === actor.userId).map((r) => r.nominationId),
    // An open vote is public by nature: the counts the secretary has recorded so far.
    openVotes:
      s.ballot === "open"
        ? (await db.select().from(openVotes).where(eq(openVotes.sessionId, id))).map((v) => ({
            nominationId: v.nominationId,
            approve: v.approve,
            reject: v.reject,
            abstain: v.abstain,
          }))
        : [],
    version: s.version,
  };
}

async function agendaOf(db: Executor, sessionId: number) {
  const rows = await db
    .select({ nominationId: nominations.id, awardFormId: nominations.awardFormId, unitName: units.name, personName: people.fullName })
    .from(councilAgenda)
    .innerJoin(nominations, eq(nominations.id, councilAgenda.nominationId))
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .innerJoin(units, eq(units.id, participants.unitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .where(eq(councilAgenda.sessionId, sessionId));
  return rows.map((r) => ({ nominationId: r.nominationId, awardFormId: r.awardFormId, name: participantDisplayName(r.unitName, r.personName) }));
}

/** Who on the council is recused from which nominee on the agenda, by the conflict rule over today's data. */
async function recusalsOf(db: Executor, members: number[], sessionId: number): Promise<Recusal[]> {
  if (!members.length) return [];
  const ties = await db
    .select({ userId: users.id, personId: users.personId, unitPath: units.path, isHead: people.isHead })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .leftJoin(units, eq(units.id, people.unitId))
    .where(inArray(users.id, members));
  const heads = await db
    .select({ userId: roleAssignments.userId, path: units.path })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(inArray(roleAssignments.userId, members), eq(roleAssignments.role, "head")));
  const memberTies: CouncilMemberTies[] = ties.map((t) => ({
    userId: t.userId,
    personId: t.personId,
    unitPath: t.unitPath,
    headsPaths: [...(t.isHead && t.unitPath ? [t.unitPath] : []), ...heads.filter((h) => h.userId === t.userId).map((h) => h.path)],
  }));
  const agenda = await db
    .select({ nominationId: nominations.id, personId: participants.personId, unitId: units.id, unitName: units.name, unitPath: units.path })
    .from(councilAgenda)
    .innerJoin(nominations, eq(nominations.id, councilAgenda.nominationId))
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .innerJoin(units, eq(units.id, participants.unitId))
    .where(eq(councilAgenda.sessionId, sessionId));
  return recusals(memberTies, agenda);
}

export async function listSessions(db: Executor, actor: Actor, planId: number) {
  const { issuer } = await loadMovement(db, actor, planId, "plans.read");
  const rows = await db.select().from(councilSessions).where(eq(councilSessions.planId, planId));
  const manages = can(actor.grants, "movement.manage", issuer.path);
  // Council members see only the sessions they sit on.
  return rows
    .filter((s) => manages || (s.members as number[]).includes(actor.userId))
    .map((s) => ({
      id: s.id,
      title: s.title,
      heldOn: s.heldOn,
      status: s.status,
      statusLabel: statusLabel(councilSessionLifecycle, s.status),
      ballot: s.ballot,
    }));
}

const assertSecretaryOrOffice = (ctx: { isSecretary: boolean; manages: boolean }) => {
  if (!ctx.isSecretary && !ctx.manages) throw forbidden("Chỉ thư ký Hội đồng hoặc cơ quan thường trực được thực hiện thao tác này.");
};

export async function setAgenda(db: Db, actor: Actor, id: number, nominationIds: number[]) {
  return db.transaction(async (tx) => {
    const ctx = await loadSession(tx, actor, id);
    assertSecretaryOrOffice(ctx);
    assertMove(councilSessionLifecycle, "setAgenda", ctx.s.status);
    const twice = duplicates(nominationIds);
    if (twice.length)
      throw badRequest(
        "DUPLICATE_NOMINATION",
        `Hồ sơ đề nghị ${twice.map((n) => `#${n}`).join(", ")} được chọn nhiều lần; mỗi hồ sơ chỉ đưa vào danh sách xét một lần.`,
      );
    const noms = nominationIds.length ? await tx.select().from(nominations).where(inArray(nominations.id, nominationIds)) : [];
    for (const id2 of nominationIds) {
      const n = noms.find((x) => x.id === id2);
      if (!n || n.planId !== ctx.s.planId) throw badRequest("BAD_NOMINATION", `Hồ sơ đề nghị #${id2} không thuộc phong trào này.`);
      if (!AGENDA_READY.has(n.status)) throw badRequest("NOT_READY", `Hồ sơ đề nghị #${id2} chưa được nộp hoặc đã bị loại; không đưa ra Hội đồng.`);
    }
    await tx.delete(councilAgenda).where(eq(councilAgenda.sessionId, id));
    if (nominationIds.length) await tx.insert(councilAgenda).values(nominationIds.map((nominationId) => ({ sessionId: id, nominationId })));
    await writeAudit(tx, actor, {
      action: "council.agenda",
      entity: "council_session",
      entityId: id,
      unitId: ctx.issuer.id,
      summary: `Lập danh sách ${nominationIds.length} hồ sơ đưa ra Hội đồng "${ctx.s.title}"`,
      after: { nominationIds },
    });
    return getSession(tx, actor, id);
  });
}

/** The secretary opens voting with the members present; refused without a quorum. */
export async function openSession(db: Db, actor: Actor, id: number, input: { version: number; present: number[] }, now: Date, urnKey: () => Buffer) {
  return db.transaction(async (tx) => {
    const ctx = await loadSession(tx, actor, id);
    assertSecretaryOrOffice(ctx);
    let recused: Recusal[] = [];
    await transition(tx, actor, {
      lifecycle: councilSessionLifecycle,
      move: "open",
      table: councilSessions,
      row: ctx.s,
      version: input.version,
      what: `Phiên họp "${ctx.s.title}"`,
      now,
      guard: async () => {
        const strangers = input.present.filter((u) => !ctx.members.includes(u));
        if (strangers.length) throw badRequest("NOT_MEMBER", "Danh sách có mặt có người không phải thành viên Hội đồng.");
        const rule = voteRule(ctx.data);
        const check = tallyCounts(rule, ctx.members.length, input.present.length, { approve: 0, reject: 0, abstain: 0 });
        if (!check.quorumMet) throw conflict("NO_QUORUM", check.explanation);
        const [agendaCount] = await tx.select({ id: councilAgenda.id }).from(councilAgenda).where(eq(councilAgenda.sessionId, id));
        if (!agendaCount) throw conflict("EMPTY_AGENDA", "Chưa có hồ sơ nào trong danh sách xét.");
        recused = await recusalsOf(tx, ctx.members, id);
        if (ctx.s.ballot === "secret") {
          const agenda = await agendaOf(tx, id);
          const empty = new Map<number, Counts>(agenda.map((a) => [a.nominationId, { approve: 0, reject: 0, abstain: 0 }]));
          await tx.insert(ballotUrns).values({ sessionId: id, sealed: sealUrn(urnKey(), id, empty) });
        }
      },
      set: () => ({ present: input.present, recusals: recused, openedAt: now }),
      audit: () => ({
        action: "council.open",
        unitId: ctx.issuer.id,
        summary: `Mở biểu quyết phiên họp "${ctx.s.title}": ${input.present.length}/${ctx.members.length} thành viên có mặt`,
      }),
      notices: async () =>
        ctx.s.ballot === "secret"
          ? [
              {
                userIds: input.present,
                notice: {
                  kind: "council",
                  title: `Mời bỏ phiếu: ${ctx.s.title}`,
                  body: `Phiên họp Hội đồng Thi đua - Khen thưởng "${ctx.s.title}" (${ctx.plan.title}) đã mở biểu quyết. Hãy bỏ phiếu kín cho từng hồ sơ trong danh sách xét.`,
                  link: `/hoi-dong/phien/${id}`,
                },
              },
            ]
          : [],
    });
    return getSession(tx, actor, id);
  });
}

/**
 * A present member casts secret ballots, once per nominee, except on nominees they are recused from. What is stored:
 * the receipt (who voted on which nominee) and the urn's new sealed counts, never the member's choices on their own.
 * The urn is one row rewritten whole under the session's lock, sealed with a key that is not in the database.
 */
export async function castBallots(db: Db, actor: Actor, id: number, choices: { nominationId: number; choice: Choice }[], urnKey: () => Buffer) {
  return db.transaction(async (tx) => {
    const ctx = await loadSession(tx, actor, id);
    if (!ctx.isMember) throw forbidden("Chỉ thành viên Hội đồng được bỏ phiếu.");
    if (ctx.s.ballot !== "secret") throw conflict("OPEN_BALLOT", "Phiên họp này biểu quyết công khai; thư ký ghi nhận kết quả.");
    // Votes and the close take the session's row lock in turn, so no vote slips in after the urn is counted.
    const [locked] = await tx.select({ status: councilSessions.status }).from(councilSessions).where(eq(councilSessions.id, id)).for("update");
    assertMove(councilSessionLifecycle, "vote", locked.status);
    if (!(ctx.s.present as number[]).includes(actor.userId)) throw forbidden("Bạn không có tên trong danh sách có mặt nên không bỏ phiếu được.");
    const agenda = await agendaOf(tx, id);
    const ids = choices.map((c) => c.nominationId);
    if (new Set(ids).size !== ids.length) throw badRequest("DUPLICATE", "Mỗi hồ sơ chỉ được chọn một lần trong phiếu.");
    for (const c of choices)
      if (!agenda.some((a) => a.nominationId === c.nominationId))
        throw badRequest("NOT_ON_AGENDA", `Hồ sơ #${c.nominationId} không có trong danh sách xét của phiên họp.`);
    const mine = (ctx.s.recusals as Recusal[]).filter((r) => r.userId === actor.userId && ids.includes(r.nominationId));
    if (mine.length) {
      const names = mine.map((r) => `${agenda.find((a) => a.nominationId === r.nominationId)?.name} (bạn ${r.reason})`);
      throw conflict("RECUSED", `Bạn không biểu quyết hồ sơ của ${names.join(", ")} vì có xung đột lợi ích; hãy bỏ hồ sơ này khỏi phiếu.`);
    }
    const already = await tx
      .select()
      .from(ballotReceipts)
      .where(and(eq(ballotReceipts.sessionId, id), eq(ballotReceipts.userId, actor.userId), inArray(ballotReceipts.nominationId, ids)));
    if (already.length) throw conflict("ALREADY_VOTED", "Bạn đã bỏ phiếu cho hồ sơ này; mỗi thành viên chỉ bỏ phiếu một lần.");
    const [urn] = await tx.select().from(ballotUrns).where(eq(ballotUrns.sessionId, id));
    // A session opened before urns existed starts its urn now (earlier ballots are already counts).
    const counts = urn
      ? openUrn(urnKey(), id, urn.sealed)
      : new Map<number, Counts>(agenda.map((a) => [a.nominationId, { approve: 0, reject: 0, abstain: 0 }]));
    const sealed = sealUrn(urnKey(), id, addToUrn(counts, choices));
    if (urn) await tx.update(ballotUrns).set({ sealed }).where(eq(ballotUrns.sessionId, id));
    else await tx.insert(ballotUrns).values({ sessionId: id, sealed });
    // Receipts in agenda order, not the order of the member's choices.
    const receipts = agenda.filter((a) => ids.includes(a.nominationId)).map((a) => ({ sessionId: id, nominationId: a.nominationId, userId: actor.userId }));
    await tx.insert(ballotReceipts).values(receipts);
    // The audit entry says who voted on how many nominees — never the choices.
    await writeAudit(tx, actor, {
      action: "council.vote",
      entity: "council_session",
      entityId: id,
      unitId: ctx.issuer.id,
      summary: `${actor.fullName} đã bỏ phiếu kín cho ${choices.length} hồ sơ`,
    });
  });
}

/** The secretary records an open vote's counts for one nominee. */
export async function recordOpenVote(db: Db, actor: Actor, id: number, input: { nominationId: number; approve: number; reject: number; abstain: number }) {
  return db.transaction(async (tx) => {
    const ctx = await loadSession(tx, actor, id);
    assertSecretaryOrOffice(ctx);
    if (ctx.s.ballot !== "open") throw conflict("SECRET_BALLOT", "Phiên họp này bỏ phiếu kín; các thành viên tự bỏ phiếu.");
    assertMove(councilSessionLifecycle, "recordOpenVote", ctx.s.status);
    const [onAgenda] = await tx
      .select({ id: councilAgenda.id })
      .from(councilAgenda)
      .where(and(eq(councilAgenda.sessionId, id), eq(councilAgenda.nominationId, input.nominationId)));
    if (!onAgenda) throw badRequest("NOT_ON_AGENDA", `Hồ sơ #${input.nominationId} không có trong danh sách xét của phiên họp.`);
    const recused = recusedOn(ctx.s.recusals as Recusal[], input.nominationId, ctx.s.present as number[]);
    const present = (ctx.s.present as number[]).length - recused.present;
    if (input.approve + input.reject + input.abstain > present)
      throw badRequest(
        "TOO_MANY_VOTES",
        recused.present
          ? `Tổng số phiếu vượt số thành viên có mặt được biểu quyết hồ sơ này (${present}; ${recused.present} thành viên không biểu quyết do xung đột lợi ích).`
          : `Tổng số phiếu vượt số thành viên có mặt (${present}).`,
      );
    await tx
      .insert(openVotes)
      .values({ sessionId: id, ...input })
      .onConflictDoUpdate({
        target: [openVotes.sessionId, openVotes.nominationId],
        set: { approve: input.approve, reject: input.reject, abstain: input.abstain },
      });
    await writeAudit(tx, actor, {
      action: "council.open_vote",
      entity: "council_session",
      entityId: id,
      unitId: ctx.issuer.id,
      summary: `Ghi nhận biểu quyết công khai hồ sơ #${input.nominationId}: ${input.approve} đồng ý, ${input.reject} không đồng ý, ${input.abstain} không biểu quyết`,
      after: input,
    });
  });
}

/** The secretary closes the vote; a secret vote's urn is opened and counted, its counts written, the urn destroyed. */
export async function closeSession(db: Db, actor: Actor, id: number, now: Date, urnKey: () => Buffer) {
  return db.transaction(async (tx) => {
    const ctx = await loadSession(tx, actor, id);
    assertSecretaryOrOffice(ctx);
    // Read under the row lock that votes take, so the count is of exactly the votes accepted before the close.
    const [locked] = await tx
      .select({ id: councilSessions.id, status: councilSessions.status, version: councilSessions.version })
      .from(councilSessions)
      .where(eq(councilSessions.id, id))
      .for("update");
    assertMove(councilSessionLifecycle, "close", locked.status);
    if (ctx.s.ballot === "secret") {
      const [urn] = await tx.select().from(ballotUrns).where(eq(ballotUrns.sessionId, id));
      const counts = urn ? openUrn(urnKey(), id, urn.sealed) : new Map<number, Counts>();
      for (const a of await agendaOf(tx, id)) {
        const c = counts.get(a.nominationId) ?? { approve: 0, reject: 0, abstain: 0 };
        // Added to any counts a session carried over from before urns existed.
        await tx
          .insert(ballotCounts)
          .values({ sessionId: id, nominationId: a.nominationId, ...c })
          .onConflictDoUpdate({
            target: [ballotCounts.sessionId, ballotCounts.nominationId],
            set: {
              approve: sql`${ballotCounts.approve} + ${c.approve}`,
              reject: sql`${ballotCounts.reject} + ${c.reject}`,
              abstain: sql`${ballotCounts.abstain} + ${c.abstain}`,
            },
          });
      }
      await tx.delete(ballotUrns).where(eq(ballotUrns.sessionId, id));
    }
    await transition(tx, actor, {
      lifecycle: councilSessionLifecycle,
      move: "close",
      table: councilSessions,
      row: locked,
      version: locked.version,
      what: `Phiên họp "${ctx.s.title}"`,
      now,
      set: () => ({ closedAt: now }),
      audit: () => ({ action: "council.close", unitId: ctx.issuer.id, summary: `Kết thúc biểu quyết phiên họp "${ctx.s.title}"` }),
    });
    return getSession(tx, actor, id);
  });
}

/** Results per nominee; the tally opens only once the session is closed. Recused members are out of each count. */
export async function sessionResults(db: Executor, actor: Actor, id: number) {
  const ctx = await loadSession(db, actor, id);
  if (ctx.s.status !== "closed") throw conflict("NOT_CLOSED", "Kết quả bỏ phiếu chỉ được mở sau khi kết thúc phiên họp.");
  const rule = voteRule(ctx.data);
  const agenda = await agendaOf(db, id);
  const present = ctx.s.present as number[];
  const recused = ctx.s.recusals as Recusal[];
  const names = recused.length
    ? await db
        .select({ id: users.id, fullName: users.fullName })
        .from(users)
        .where(inArray(users.id, [...new Set(recused.map((r) => r.userId))]))
    : [];
  const counts: (Counts & { nominationId: number })[] =
    ctx.s.ballot === "secret"
      ? await db.select().from(ballotCounts).where(eq(ballotCounts.sessionId, id))
      : await db.select().from(openVotes).where(eq(openVotes.sessionId, id));
  return agenda.map((a) => {
    const c = counts.find((x) => x.nominationId === a.nominationId) ?? { approve: 0, reject: 0, abstain: 0 };
    const out = recused
      .filter((r) => r.nominationId === a.nominationId)
      .map((r) => ({ userId: r.userId, name: names.find((n) => n.id === r.userId)?.fullName ?? "", reason: r.reason, present: present.includes(r.userId) }));
    return {
      ...a,
      ...tallyCounts(
        rule,
        ctx.members.length,
        present.length,
        { approve: c.approve, reject: c.reject, abstain: c.abstain },
        recusedOn(recused, a.nominationId, present),
      ),
      recusedMembers: out,
    };
  });
}

/** Accounts the office may seat on a council: members, secretaries, signers and office staff in or above its scope. */
export async function councilCandidates(db: Executor, actor: Actor, planId: number) {
  const { issuer } = await loadMovement(db, actor, planId);
  return accountsWithRolesNear(db, issuer.path, ["council_member", "council_secretary", "signer", "office"]);
}

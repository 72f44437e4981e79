import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { councilAgenda, councilSessions, decisionRecipients, decisions, files, nominations, participants, people, plans, units } from "../../db/schema.js";
import { can } from "../../domain/access.js";
import { type NomineeStanding, nomineeBlocks, refusalOf } from "../../domain/commendation/decision-guards.js";
import { type LegalTables, rewardAmount } from "../../domain/commendation/money.js";
import { quotaBreaches, quotaScopes } from "../../domain/commendation/quota.js";
import { statusLabel } from "../../domain/lifecycle.js";
import { decisionLifecycle } from "../../domain/lifecycles/decision.js";
import { dmy } from "../../domain/plan/format.js";
import type { Plan } from "../../domain/plan/schema.js";
import { AppError, badRequest, conflict, forbidden, notFound } from "../../http/errors.js";
import { type Actor, SYSTEM_ACTOR } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { filesOfUnit, presentFile } from "../files/service.js";
import { type Told, transition } from "../lifecycle/transition.js";
import { loadMovement } from "../movement/participants.js";
import { holdersOf, notify } from "../notifications/notify.js";
import { awardsOf, identityOf, lockAwardForm, participantsPerGroup } from "./awards.js";
import { sessionResults } from "./council.js";
import { judgeNominations } from "./nominations/present-nomination.js";

const legalFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../legal/rewards.json");
let tables: LegalTables | null = null;
/** The dated legal tables (base salary, coefficients); read once from legal/rewards.json. */
export function legalTables(): LegalTables {
  tables ??= JSON.parse(fs.readFileSync(legalFile, "utf8")) as LegalTables;
  return tables;
}

type DecisionRow = typeof decisions.$inferSelect;

/** Levels of government, lowest first: a plan's issuer decides the awards of its own level (or names the upper level's). */
const LEVELS = ["unit", "commune", "district", "province", "central"] as const;
const LEVEL_LABEL: Record<(typeof LEVELS)[number], string> = {
  unit: "cấp cơ quan, đơn vị",
  commune: "cấp xã",
  district: "cấp huyện",
  province: "cấp tỉnh",
  central: "cấp trung ương",
};

async function presentDecision(db: Executor, d: DecisionRow) {
  const recipients = await db.select().from(decisionRecipients).where(eq(decisionRecipients.decisionId, d.id));
  const total = recipients.reduce((s, r) => s + (r.amount ?? 0), 0);
  const [scan] = d.signedScanFileId ? await db.select().from(files).where(eq(files.id, d.signedScanFileId)) : [];
  return {
    id: d.id,
    planId: d.planId,
    awardFormId: d.awardFormId,
    number: d.number,
    symbol: d.symbol,
    numberLine: `Số: ${d.number ?? "      "}/${d.symbol}`,
    signedOn: d.signedOn,
    signerTitle: d.signerTitle,
    signerName: d.signerName,
    status: d.status,
    statusLabel: statusLabel(decisionLifecycle, d.status),
    signedScanFileId: d.signedScanFileId,
    signedScan: scan ? presentFile(scan) : null,
    issuedAt: d.issuedAt?.toISOString() ?? null,
    version: d.version,
    recipients: recipients.map((r) => ({
      nominationId: r.nominationId,
      participantId: r.participantId,
      name: r.name,
      unitName: r.unitName,
      target: r.target,
      amount: r.amount,
      amountWords: r.amountWords,
      amountExplanation: r.amountExplanation,
    })),
    totalAmount: total,
  };
}

/** Whether a nomination went before the council, and if so whether it passed (the latest closed session decides). */
async function councilVerdict(db: Executor, nominationId: number): Promise<{ voted: boolean; passed: boolean; explanation: string }> {
  const rows = await db
    .select({ sessionId: councilSessions.id })
    .from(councilAgenda)
    .innerJoin(councilSessions, eq(councilSessions.id, councilAgenda.sessionId))
    .where(and(eq(councilAgenda.nominationId, nominationId), eq(councilSessions.status, "closed")))
    .orderBy(desc(councilSessions.closedAt), desc(councilSessions.id));
  if (!rows.length) return { voted: false, passed: false, explanation: "chưa được Hội đồng xét" };
  // The tally is the rule's, whoever asks: a signer issuing the decision need not sit on the council.
  const result = (await sessionResults(db, SYSTEM_ACTOR, rows[0].sessionId)).find((r) => r.nominationId === nominationId);
  return { voted: true, passed: result?.passed ?? false, explanation: result?.explanation ?? "" };
}

export interface NewDecision {
  awardFormId: string;
  number?: string | null;
  signedOn: string;
  signerTitle: string;
  signerName: string;
  nominationIds: number[];
}

/**
 * Re-checks, under the award form's lock, every rule that could keep these nominations out of a decision: each
 * nominee accepted, eligible, passed by the council where it must be, not yet awarded this form in the movement;
 * and the form's quotas over all its decisions (drafts included). Refuses with each nominee and reason.
 */
async function guardRecipients(
  tx: Executor,
  actor: Actor,
  plan: { id: number; data: Plan },
  form: Plan["awardForms"][number],
  nominationIds: number[],
  now: Date,
  exceptDecisionId?: number,
) {
  await lockAwardForm(tx, plan.id, form.id);
  const noms = await tx
    .select({
      n: nominations,
      unitName: units.name,
      personName: people.fullName,
      personId: participants.personId,
      unitId: participants.unitId,
      groupId: participants.groupId,
    })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .innerJoin(units, eq(units.id, participants.unitId))
    .leftJoin(people, eq(people.id, participants.personId))
    .where(inArray(nominations.id, nominationIds));
  for (const nid of nominationIds) {
    const row = noms.find((x) => x.n.id === nid);
    if (!row || row.n.planId !== plan.id || row.n.awardFormId !== form.id)
      throw badRequest("BAD_NOMINATION", `Hồ sơ #${nid} không phải đề nghị "${form.name}" của phong trào này.`);
  }
  const verdicts = await judgeNominations(tx, actor, plan.id, nominationIds, now);
  const standings: NomineeStanding[] = [];
  for (const nid of nominationIds) {
    const row = noms.find((x) => x.n.id === nid) as (typeof noms)[number];
    const view = verdicts.get(nid);
    const council = await councilVerdict(tx, nid);
    standings.push({
      nominationId: nid,
      name: row.personName ?? row.unitName,
      identity: identityOf(row),
      status: row.n.status,
      verdict: view?.eligibility ?? { eligible: null, summary: "Nhóm đối tượng không còn trong kế hoạch" },
      // With a vote rule in the plan, or once the council has voted, only what the council passed can be decided.
      council: { required: plan.data.vote !== undefined || council.voted, ...council },
    });
  }
  const prior = await awardsOf(tx, plan.id, form.id, exceptDecisionId);
  const blocks = nomineeBlocks(standings, prior, form.name);
  if (blocks.length) {
    const r = refusalOf(blocks);
    throw conflict(r.code, r.message, r.details);
  }
  const adding = noms.map((x) => ({
    target: x.personId !== null ? ("individual" as const) : ("collective" as const),
    groupId: x.groupId,
    status: "draft" as const,
  }));
  const breaches = quotaBreaches(quotaScopes(plan.data, form), await participantsPerGroup(tx, plan.id), prior, adding, form.name);
  if (breaches.length)
    throw conflict(
      "OVER_QUOTA",
      breaches.map((b) => b.message).join(" "),
      breaches.map(({ target, limit, already, adding: more }) => ({ target, limit, already, adding: more })),
    );
  return noms;
}

/** A draft decision for accepted, eligible nominees (passed by the council where it must); amounts from the legal table in force on the signing date. */
export async function createDecision(db: Db, actor: Actor, planId: number, input: NewDecision, now: Date) {
  return db.transaction(async (tx) => {
    const { plan, issuer, data } = await loadMovement(tx, actor, planId);
    const form = data.awardForms.find((f) => f.id === input.awardFormId);
    if (!form) throw badRequest("NO_AWARD_FORM", `Kế hoạch không có hình thức khen thưởng "${input.awardFormId}".`);
    if (form.proposeToUpperLevel) throw badRequest("UPPER_LEVEL", `"${form.name}" do cấp trên quyết định; hãy chuyển hồ sơ đề nghị lên cấp trên.`);
    // A plan may list the awards of the levels below it (seed 002: the communes' Giấy khen); those levels decide them.
    if (LEVELS.indexOf(form.issuerLevel) < LEVELS.indexOf(data.issuer.level))
      throw badRequest(
        "LOWER_LEVEL",
        `"${form.name}" do ${form.issuerTitle ?? "cấp dưới"} quyết định (${LEVEL_LABEL[form.issuerLevel]}), không phải ${issuer.name}.`,
      );
    if (input.nominationIds.length === 0) throw badRequest("NO_RECIPIENTS", "Chưa chọn người, đơn vị được khen thưởng.");
    if (new Set(input.nominationIds).size !== input.nominationIds.length) throw badRequest("DUPLICATE", "Mỗi hồ sơ chỉ được chọn một lần trong quyết định.");
    const noms = await guardRecipients(tx, actor, { id: planId, data }, form, input.nominationIds, now);
    const recipients: Omit<typeof decisionRecipients.$inferInsert, "decisionId">[] = [];
    for (const nid of input.nominationIds) {
      const row = noms.find((x) => x.n.id === nid) as (typeof noms)[number];
      const target = row.personId ? "individual" : "collective";
      const money = form.moneyKey ? rewardAmount(legalTables(), form.moneyKey, target, input.signedOn) : null;
      recipients.push({
        nominationId: nid,
        participantId: row.n.participantId,
        name: row.personName ?? row.unitName,
        unitName: row.unitName,
        target,
        amount: money?.amount ?? null,
        amountWords: money?.words ?? null,
        amountExplanation: money?.explanation ?? "Kế hoạch không quy định mức tiền thưởng cho hình thức này",
      });
    }
    const [d] = await tx
      .insert(decisions)
      .values({
        planId,
        awardFormId: form.id,
        number: input.number ?? null,
        signedOn: input.signedOn,
        signerTitle: input.signerTitle,
        signerName: input.signerName,
      })
      .returning();
    await tx.insert(decisionRecipients).values(recipients.map((r) => ({ ...r, decisionId: d.id })));
    await writeAudit(tx, actor, {
      action: "decision.create",
      entity: "decision",
      entityId: d.id,
      unitId: issuer.id,
      summary: `Dự thảo quyết định tặng "${form.name}" cho ${recipients.length} ${recipients.length > 1 ? "tập thể, cá nhân" : "đối tượng"} của "${plan.title}"`,
      after: { recipients: recipients.map((r) => ({ name: r.name, amount: r.amount })) },
    });
    await notify(
      tx,
      actor,
      await holdersOf(tx, ["signer"], issuer.path),
      {
        kind: "decision",
        title: `Quyết định chờ ký: ${form.name}`,
        body: `Dự thảo quyết định tặng "${form.name}" cho ${recipients.length} tập thể, cá nhân (phong trào "${plan.title}") chờ ký ban hành.`,
        link: `/quyet-dinh/${d.id}`,
      },
      now,
    );
    return presentDecision(tx, d);
  });
}

async function loadDecision(db: Executor, actor: Actor, id: number) {
  const [d] = await db.select().from(decisions).where(eq(decisions.id, id));
  if (!d) throw notFound(`quyết định có mã số ${id}`);
  const movement = await loadMovement(db, actor, d.planId, "plans.read");
  return { d, ...movement };
}

export async function getDecision(db: Executor, actor: Actor, id: number) {
  const { d, issuer } = await loadDecision(db, actor, id);
  if (!can(actor.grants, "movement.manage", issuer.path) && !can(actor.grants, "decision.sign", issuer.path) && d.status !== "issued") {
    throw forbidden("Quyết định chưa ban hành chỉ cơ quan thường trực và lãnh đạo ký xem được.");
  }
  return presentDecision(db, d);
}

/** The signer issues the decision: it gets its number, and its recipients join the honour roll. */
export async function issueDecision(db: Db, actor: Actor, id: number, input: { version: number; number: string }, now: Date) {
  return db.transaction(async (tx) => {
    const { d, issuer, plan, data } = await loadDecision(tx, actor, id);
    if (!can(actor.grants, "decision.sign", issuer.path)) throw forbidden("Chỉ lãnh đạo có thẩm quyền ký mới ban hành được quyết định.");
    const formName = data.awardForms.find((f) => f.id === d.awardFormId)?.name ?? d.awardFormId;
    const signedOn = d.signedOn ? ` ngày ${dmy(d.signedOn)}` : "";
    // The version read before the lock must still be current: a concurrent issue or cancel wins.
    const next = await transition(tx, actor, {
      lifecycle: decisionLifecycle,
      move: "issue",
      table: decisions,
      row: d,
      version: input.version,
      what: "Quyết định",
      now,
      // What held when it was drafted must still hold now (another decision may have been issued since, a verdict changed).
      guard: async () => {
        const form = data.awardForms.find((f) => f.id === d.awardFormId);
        if (!form) throw conflict("NO_AWARD_FORM", `Kế hoạch không còn hình thức khen thưởng "${d.awardFormId}"; hãy hủy dự thảo này.`);
        const drafted = await tx
          .select({ nominationId: decisionRecipients.nominationId })
          .from(decisionRecipients)
          .where(eq(decisionRecipients.decisionId, id));
        try {
          await guardRecipients(
            tx,
            actor,
            { id: plan.id, data },
            form,
            drafted.map((r) => r.nominationId),
            now,
            id,
          );
        } catch (e) {
          if (e instanceof AppError && e.status === 409)
            throw conflict(e.code, `Chưa ban hành được quyết định này. ${e.message} Cơ quan thường trực cần sửa hoặc hủy dự thảo.`, e.details);
          throw e;
        }
      },
      set: () => ({ number: input.number, issuedAt: now }),
      audit: () => ({
        action: "decision.issue",
        unitId: issuer.id,
        summary: `Ban hành Quyết định số ${input.number}/${d.symbol} khen thưởng trong "${plan.title}"`,
      }),
      // Each recipient's unit, and the office that drafted it, learn of the decision.
      notices: async () => {
        const recipients = await tx
          .select({ name: decisionRecipients.name, path: units.path })
          .from(decisionRecipients)
          .innerJoin(participants, eq(participants.id, decisionRecipients.participantId))
          .innerJoin(units, eq(units.id, participants.unitId))
          .where(eq(decisionRecipients.decisionId, id));
        const link = `/quyet-dinh/${id}`;
        const told: Told[] = [];
        for (const r of recipients)
          told.push({
            userIds: await holdersOf(tx, ["focal", "head"], r.path),
            notice: {
              kind: "decision",
              title: `Được khen thưởng: ${r.name}`,
              body: `${r.name} được tặng "${formName}" theo Quyết định số ${input.number}/${d.symbol}${signedOn} (phong trào "${plan.title}").`,
              link,
            },
          });
        told.push({
          userIds: await holdersOf(tx, ["office"], issuer.path),
          notice: {
            kind: "decision",
            title: `Đã ban hành Quyết định số ${input.number}/${d.symbol}`,
            body: `Quyết định tặng "${formName}" cho ${recipients.length} tập thể, cá nhân (phong trào "${plan.title}") đã được ký ban hành; hãy đính kèm bản đã ký.`,
            link,
          },
        });
        return told;
      },
    });
    return presentDecision(tx, next);
  });
}

/** The office (or the signer) cancels a draft: it stays on record as cancelled, and its recipients free their places. */
export async function cancelDecision(db: Db, actor: Actor, id: number, input: { version: number; reason: string }) {
  return db.transaction(async (tx) => {
    const { d, issuer, plan } = await loadDecision(tx, actor, id);
    if (!can(actor.grants, "movement.manage", issuer.path) && !can(actor.grants, "decision.sign", issuer.path))
      throw forbidden("Chỉ cơ quan thường trực hoặc lãnh đạo ký được hủy dự thảo quyết định.");
    const next = await transition(tx, actor, {
      lifecycle: decisionLifecycle,
      move: "cancel",
      table: decisions,
      row: d,
      version: input.version,
      what: "Dự thảo quyết định",
      now: new Date(),
      guard: () => lockAwardForm(tx, d.planId, d.awardFormId),
      audit: (to) => ({
        action: "decision.cancel",
        unitId: issuer.id,
        summary: `Hủy dự thảo quyết định #${id} khen thưởng trong "${plan.title}": ${input.reason}`,
        before: { status: d.status },
        after: { status: to, reason: input.reason },
      }),
    });
    return presentDecision(tx, next);
  });
}

export async function attachSignedScan(db: Db, actor: Actor, id: number, fileId: string) {
  return db.transaction(async (tx) => {
    const { d, issuer } = await loadDecision(tx, actor, id);
    if (!can(actor.grants, "movement.manage", issuer.path) && !can(actor.grants, "decision.sign", issuer.path))
      throw forbidden("Chỉ cơ quan thường trực hoặc lãnh đạo ký được đính kèm bản quyết định đã ký.");
    if (d.status !== "issued") throw conflict("NOT_ISSUED", "Quyết định chưa được ký ban hành; hãy ký ban hành rồi mới đính kèm bản đã ký.");
    await filesOfUnit(tx, [fileId], issuer.id);
    const [next] = await tx
      .update(decisions)
      .set({ signedScanFileId: fileId, updatedAt: new Date(), version: d.version + 1 })
      .where(eq(decisions.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: "decision.scan",
      entity: "decision",
      entityId: id,
      unitId: issuer.id,
      summary: `Đính kèm bản quyết định đã ký (quyết định #${id})`,
    });
    return presentDecision(tx, next);
  });
}

/** The movement's public honour roll: recipients of issued decisions. */
export async function honourRoll(db: Executor, planId: number) {
  const [plan] = await db.select({ id: plans.id, title: plans.title, data: plans.data }).from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound(`kế hoạch có mã số ${planId}`);
  const data = plan.data as Plan;
  const rows = await db
    .select({ r: decisionRecipients, d: decisions })
    .from(decisionRecipients)
    .innerJoin(decisions, eq(decisions.id, decisionRecipients.decisionId))
    .where(and(eq(decisions.planId, planId), eq(decisions.status, "issued")));
  return {
    planId,
    title: plan.title,
    items: rows.map(({ r, d }) => ({
      name: r.name,
      unitName: r.unitName,
      target: r.target,
      awardForm: data.awardForms.find((f) => f.id === d.awardFormId)?.name ?? d.awardFormId,
      decision: `${d.number}/${d.symbol}`,
      signedOn: d.signedOn,
    })),
  };
}

/** A unit's (and its people's) commendation history across movements. */
export async function commendationsOfUnit(db: Executor, unitId: number) {
  const rows = await db
    .select({ r: decisionRecipients, d: decisions, planTitle: plans.title, data: plans.data, personId: participants.personId })
    .from(decisionRecipients)
    .innerJoin(decisions, eq(decisions.id, decisionRecipients.decisionId))
    .innerJoin(plans, eq(plans.id, decisions.planId))
    .innerJoin(participants, eq(participants.id, decisionRecipients.participantId))
    .where(and(eq(participants.unitId, unitId), eq(decisions.status, "issued")));
  return rows.map(({ r, d, planTitle, data, personId }) => ({
    name: r.name,
    personId,
    target: r.target,
    awardForm: (data as Plan).awardForms.find((f) => f.id === d.awardFormId)?.name ?? d.awardFormId,
    decision: `${d.number}/${d.symbol}`,
    signedOn: d.signedOn,
    plan: planTitle,
    amount: r.amount,
  }));
}

/** A plan's decisions: the office and signers see drafts too; everyone else only issued ones. */
export async function listDecisions(db: Executor, actor: Actor, planId: number) {
  const { issuer, data } = await loadMovement(db, actor, planId, "plans.read");
  const insider = can(actor.grants, "movement.manage", issuer.path) || can(actor.grants, "decision.sign", issuer.path);
  const rows = await db.select().from(decisions).where(eq(decisions.planId, planId)).orderBy(desc(decisions.id));
  return rows
    .filter((d) => insider || d.status === "issued")
    .map((d) => ({
      id: d.id,
      awardFormId: d.awardFormId,
      awardFormName: data.awardForms.find((f) => f.id === d.awardFormId)?.name ?? d.awardFormId,
      numberLine: `Số: ${d.number ?? "      "}/${d.symbol}`,
      signedOn: d.signedOn,
      status: d.status,
      statusLabel: statusLabel(decisionLifecycle, d.status),
    }));
}

// Official documents of the commendation stage, built from the records (decision, council minutes, certificates).
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { councilSessions, initiatives, people, users } from "../../db/schema.js";
import { buildAchievementReportDocx } from "../../documents/commendation/achievement-report-docx.js";
import { buildCertificateDocx } from "../../documents/commendation/certificate-docx.js";
import { buildDecisionDocx } from "../../documents/commendation/decision-docx.js";
import { buildProposalMemoDocx } from "../../documents/commendation/proposal-docx.js";
import type { Signature } from "../../documents/decree30.js";
import { inForce } from "../../domain/commendation/money.js";
import type { Plan } from "../../domain/plan/schema.js";
import { conflict } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { loadMovement } from "../movement/participants.js";
import { getDecision, legalTables } from "./decisions.js";
import { listNominations } from "./nominations/list-nominations.js";
import { getNomination } from "./nominations/present-nomination.js";

const sentence = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

function decider(plan: Plan, formId: string) {
  const form = plan.awardForms.find((f) => f.id === formId);
  return { form, decider: form?.issuerTitle ?? `Chủ tịch ${bodyName(plan.issuer.name)}` };
}

/**
 * The signature block of a decision or certificate. A deputy signs on behalf of the head (Decree 30/2020, annex I):
 * "PHÓ CHỦ TỊCH" signs under "KT. CHỦ TỊCH". A title given on several lines keeps its own authority lines.
 */
export function signatureOf(title: string | null, name: string | null): Signature {
  const lines = (title ?? "CHỦ TỊCH")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const last = lines.pop() ?? "CHỦ TỊCH";
  const deputy = /^phó\s+(.+)$/iu.exec(last);
  const authority = lines.length ? lines : deputy ? [`KT. ${deputy[1]}`] : [];
  return { authority: authority.length ? authority : undefined, title: last, name: name ?? undefined };
}

/** The law and decree in force on the decision date (dated legal table), then the council's proposal. */
function legalBases(date: string): string[] {
  const inForceThen = inForce(legalTables().legalBases, date);
  return [...(inForceThen?.lines ?? []), "Xét đề nghị của Hội đồng Thi đua - Khen thưởng."];
}

export async function decisionDocx(db: Executor, actor: Actor, id: number): Promise<{ fileName: string; body: Buffer }> {
  const d = await getDecision(db, actor, id);
  const { data } = await loadMovement(db, actor, d.planId, "plans.read");
  const { form, decider: who } = decider(data, d.awardFormId);
  const body = await buildDecisionDocx({
    issuer: { parent: data.issuer.parent, name: data.issuer.name },
    number: d.number,
    symbol: d.symbol,
    place: data.place,
    date: d.signedOn ?? undefined,
    year: data.year,
    decider: who,
    awardName: form?.name ?? d.awardFormId,
    achievement: `đã có thành tích xuất sắc trong phong trào thi đua "${data.title}"`,
    legalBases: legalBases(d.signedOn ?? `${data.year}-12-31`),
    recipients: d.recipients.map((r) => ({
      name: r.name,
      target: r.target as "individual" | "collective",
      unitName: r.target === "individual" ? r.unitName : undefined,
      amount: r.amount ?? undefined,
    })),
    // The builder names the recipients of Article 1 itself ("… và các cá nhân có tên tại Điều 1").
    executors: ["Chánh Văn phòng", "Thủ trưởng cơ quan thường trực về thi đua, khen thưởng"],
    signature: signatureOf(d.signerTitle, d.signerName),
    recipientsOfCopies: ["Như Điều 3", "Lưu: VT"],
  });
  return { fileName: `quyet-dinh-${d.number ?? "du-thao"}.docx`, body };
}

export async function certificatesDocx(db: Executor, actor: Actor, id: number): Promise<{ fileName: string; body: Buffer }> {
  const d = await getDecision(db, actor, id);
  if (d.status !== "issued") throw conflict("NOT_ISSUED", "Chỉ in Bằng khen, Giấy khen sau khi quyết định được ban hành.");
  const { data } = await loadMovement(db, actor, d.planId, "plans.read");
  const { form, decider: who } = decider(data, d.awardFormId);
  const body = await buildCertificateDocx({
    authority: who,
    awardTitle: (form?.name ?? "Giấy khen").split(" của ")[0],
    achievement: `Đã có thành tích xuất sắc trong phong trào thi đua "${data.title}"`,
    decision: { number: d.number, symbol: d.symbol, date: d.signedOn as string },
    place: data.place,
    signature: signatureOf(d.signerTitle, d.signerName),
    recipients: d.recipients.map((r) => ({
      name: r.name,
      target: r.target as "individual" | "collective",
      unitName: r.target === "individual" ? r.unitName : undefined,
    })),
  });
  return { fileName: `khen-thuong-${d.number}.docx`, body };
}

/**
 * A body's name as a sentence says it: "ỦY BAN NHÂN DÂN THÀNH PHỐ PHAN RANG - THÁP CHÀM" → "Ủy ban nhân dân thành
 * phố Phan Rang - Tháp Chàm" (the kind of body in lower case, the place name in title case).
 */
export function bodyName(name: string): string {
  const m = /^(ỦY BAN NHÂN DÂN|UBND)\s+(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$/iu.exec(name.trim());
  if (!m) return sentence(name.trim());
  const place = m[3]
    .toLocaleLowerCase("vi")
    .split(/(\s+|-)/u)
    .map((w) => (w.trim() && w !== "-" ? w.charAt(0).toLocaleUpperCase("vi") + w.slice(1) : w))
    .join("");
  return `Ủy ban nhân dân ${m[2].toLocaleLowerCase("vi")} ${place}`;
}

/**
 * The proposal memo (tờ trình) of the standing office's side for one award form, listing only the nominations the
 * office accepted. An award of the upper level is proposed by the plan's issuer (TM. Ủy ban nhân dân, signed by the
 * plan's signer) to the upper level's decider; an award the issuer decides is proposed by its Emulation and
 * Commendation Council (TM. Hội đồng, its chairman) to the issuer's chairman.
 */
export async function proposalMemoDocx(
  db: Executor,
  actor: Actor,
  planId: number,
  awardFormId: string,
  now: Date,
  number: string | null = null,
): Promise<{ fileName: string; body: Buffer }> {
  const { data } = await loadMovement(db, actor, planId);
  const { form, decider: who } = decider(data, awardFormId);
  if (!form) throw conflict("NO_AWARD_FORM", `Kế hoạch không có hình thức khen thưởng "${awardFormId}".`);
  const list = (await listNominations(db, actor, planId, { awardFormId, status: "accepted" }, now)).filter((n) => n.status === "accepted");
  if (list.length === 0)
    throw conflict(
      "NO_NOMINEES",
      `Chưa có hồ sơ nào được cơ quan thường trực thẩm định và chấp nhận đề nghị "${form.name}"; tờ trình chỉ liệt kê các hồ sơ đó.`,
    );
  const issuerName = bodyName(data.issuer.name);
  const place = issuerName.replace(/^Ủy ban nhân dân /u, "");
  let from: { letterhead: { parent?: string; name: string }; symbol: string; proposer: string; signature: Signature };
  if (form.proposeToUpperLevel) {
    from = {
      letterhead: { parent: data.issuer.parent, name: data.issuer.name },
      symbol: "TTr-UBND",
      proposer: issuerName,
      signature: {
        authority: ["TM. ỦY BAN NHÂN DÂN", ...(data.signer?.authority ? [data.signer.authority] : [])],
        title: data.signer?.title ?? "CHỦ TỊCH",
        name: data.signer?.name,
      },
    };
  } else {
    // The chairman of the council's latest closed session signs for the council.
    const [chair] = await db
      .select({ fullName: users.fullName })
      .from(councilSessions)
      .innerJoin(users, eq(users.id, councilSessions.chairUserId))
      .where(and(eq(councilSessions.planId, planId), eq(councilSessions.status, "closed")))
      .orderBy(desc(councilSessions.closedAt), desc(councilSessions.id))
      .limit(1);
    from = {
      letterhead: { parent: data.issuer.name.replace(/^ỦY BAN NHÂN DÂN/iu, "UBND"), name: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" },
      symbol: "TTr-HĐTĐKT",
      proposer: `Hội đồng Thi đua - Khen thưởng ${place}`,
      signature: { authority: ["TM. HỘI ĐỒNG"], title: "CHỦ TỊCH", name: chair?.fullName },
    };
  }
  const body = await buildProposalMemoDocx({
    issuer: from.letterhead,
    number,
    symbol: from.symbol,
    place: data.place,
    year: data.year,
    addressee: who,
    proposer: from.proposer,
    decider: who,
    awardName: form.name,
    achievement: `đã có thành tích xuất sắc trong phong trào thi đua "${data.title}"`,
    reasons: [`Thực hiện Kế hoạch ${data.number ? `số ${data.number}/${data.symbol} ` : ""}về ${data.title.charAt(0).toLowerCase()}${data.title.slice(1)}.`],
    nominees: list.map((n) => ({
      name: n.personName ?? n.unitName,
      target: n.target,
      unitName: n.personName ? n.unitName : undefined,
      totalPoints: n.ranking.total ?? undefined,
      rank: n.ranking.rank ?? undefined,
    })),
    dossier: data.dossier.map((c) => c.name),
    signature: from.signature,
    recipientsOfCopies: ["Như trên", "Lưu: VT"],
  });
  return { fileName: `to-trinh-${awardFormId}${number ? `-${number}` : ""}.docx`, body };
}

/** A draft achievement report (Mẫu 02 collective, Mẫu 03 individual) pre-filled from the system's records. */
export async function achievementReportDocx(db: Executor, actor: Actor, nominationId: number, now: Date): Promise<{ fileName: string; body: Buffer }> {
  const n = await getNomination(db, actor, nominationId, now);
  const { data } = await loadMovement(db, actor, n.planId, "plans.read");
  const recognised = await db
    .select({ title: initiatives.title, level: initiatives.level, decisionNo: initiatives.decisionNo })
    .from(initiatives)
    .where(and(eq(initiatives.participantId, n.participantId), eq(initiatives.status, "recognised")));
  const achievements = {
    movement: `phong trào thi đua "${data.title}"`,
    total: n.ranking.total !== null ? { points: n.ranking.total } : undefined,
    rank: n.ranking.rank !== null ? { position: n.ranking.rank } : undefined,
    classification: n.ranking.classification ?? undefined,
    initiatives: recognised.map((i) => ({ title: i.title, recognition: [i.level, i.decisionNo].filter(Boolean).join(", ") || undefined })),
  };
  const common = { awardName: n.awardFormName, place: data.place, year: data.year, achievements };
  let body: Buffer;
  if (n.personId) {
    const [p] = await db.select().from(people).where(eq(people.id, n.personId));
    body = await buildAchievementReportDocx({
      ...common,
      kind: "individual",
      template: data.achievementReport?.template ?? "Mẫu số 03",
      person: {
        fullName: p.fullName,
        birthDate: p.birthDate ?? undefined,
        sex: p.sex === "nu" ? "female" : "male",
        unitName: n.unitName,
        position: p.position ?? undefined,
      },
    });
  } else {
    body = await buildAchievementReportDocx({
      ...common,
      kind: "collective",
      template: data.achievementReport?.template ?? "Mẫu số 02",
      unit: { parent: data.issuer.name, name: n.unitName },
      head: { title: "THỦ TRƯỞNG ĐƠN VỊ" },
    });
  }
  return { fileName: `bao-cao-thanh-tich-${nominationId}.docx`, body };
}

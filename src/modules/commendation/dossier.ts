// A nomination's dossier (hồ sơ đề nghị khen thưởng): the plan's checklist, which components have a file,
// completeness, and whether it was lodged by the plan's dossier deadline (a whole day in Vietnam).
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { dossierItems, files } from "../../db/schema.js";
import { buildScoringSheetDocx } from "../../documents/scoring-sheet.js";
import { isLate, vietnamDate } from "../../domain/calendar.js";
import { LODGED } from "../../domain/lifecycles/nomination.js";
import { dmy } from "../../domain/plan/format.js";
import type { Group, Plan } from "../../domain/plan/schema.js";
import type { CriterionResult } from "../../domain/plan/scoring.js";
import { type FileRow, presentFile } from "../files/service.js";

export interface DossierItem {
  componentId: string;
  generated: boolean;
  file: FileRow;
}

export interface DossierState {
  /** The plan's dossier deadline (YYYY-MM-DD), or null when the plan sets none. */
  due: string | null;
  components: {
    id: string;
    name: string;
    required: boolean;
    template: string | null;
    file: ReturnType<typeof presentFile> | null;
    generated: boolean;
  }[];
  complete: boolean;
  /** Names of the required components that have no file yet. */
  missing: string[];
  submittedAt: string | null;
  /** Lodged after the end of the due day. */
  late: boolean;
  /** true: lodged by the deadline (or no deadline); false: lodged late, or not lodged when the deadline passed; null: not lodged yet. */
  onTime: boolean | null;
  /** What eligibility is told: nothing is concluded about a dossier still being prepared before its deadline. */
  forEligibility: { dossierOnTime: boolean | null; dossierComplete: boolean | null };
  note: string;
}

/** The due day of the plan's "dossier" milestone. */
export function dossierDue(data: Plan): string | null {
  return data.milestones.find((m) => m.kind === "dossier" && m.due)?.due ?? null;
}

/** The checklist of a nomination's dossier against the plan, at `now`. Pure. */
export function dossierState(data: Plan, n: { status: string; submittedAt: Date | null }, items: DossierItem[], now: Date): DossierState {
  const due = dossierDue(data);
  const components = data.dossier.map((c) => {
    const item = items.find((i) => i.componentId === c.id);
    return {
      id: c.id,
      name: c.name,
      required: c.required,
      template: c.template ?? null,
      file: item ? presentFile(item.file) : null,
      generated: item?.generated ?? false,
    };
  });
  const missing = components.filter((c) => c.required && !c.file).map((c) => c.name);
  const complete = missing.length === 0;
  const lodged = LODGED.has(n.status) && n.submittedAt !== null;
  const pastDue = due !== null && isLate(due, now);
  const late = lodged && due !== null && isLate(due, n.submittedAt as Date);
  const onTime = lodged ? !late : pastDue ? false : null;
  let note: string;
  if (late) note = `Nộp ngày ${dmy(vietnamDate(n.submittedAt as Date))}, sau hạn ${dmy(due as string)}: hồ sơ trễ hạn.`;
  else if (!lodged && pastDue) note = `Chưa nộp khi đã hết hạn ${dmy(due as string)}.`;
  else if (lodged)
    note = due ? `Nộp ngày ${dmy(vietnamDate(n.submittedAt as Date))}, trong hạn (hết ngày ${dmy(due)}).` : "Đã nộp; kế hoạch không quy định hạn nộp hồ sơ.";
  else note = due ? `Hạn nộp hồ sơ: hết ngày ${dmy(due)}.` : "Kế hoạch chưa quy định hạn nộp hồ sơ.";
  return {
    due,
    components,
    complete,
    missing,
    submittedAt: n.submittedAt?.toISOString() ?? null,
    late,
    onTime,
    forEligibility: { dossierOnTime: onTime, dossierComplete: lodged || pastDue ? complete : null },
    note,
  };
}

/** Dossier items with their files, per nomination. */
export async function dossierItemsOf(db: Executor, nominationIds: number[]): Promise<Map<number, DossierItem[]>> {
  const out = new Map<number, DossierItem[]>();
  if (nominationIds.length === 0) return out;
  const rows = await db
    .select({ d: dossierItems, f: files })
    .from(dossierItems)
    .innerJoin(files, eq(files.id, dossierItems.fileId))
    .where(inArray(dossierItems.nominationId, nominationIds));
  for (const r of rows) {
    const list = out.get(r.d.nominationId) ?? [];
    list.push({ componentId: r.d.componentId, generated: r.d.generated, file: r.f });
    out.set(r.d.nominationId, list);
  }
  return out;
}

const normalise = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();

/**
 * Where each lower-level dossier component goes in an upper plan's checklist: the component with the same id,
 * else the one with the same name. Components the upper plan does not ask for are not carried.
 */
export function matchComponents(lower: Plan["dossier"], upper: Plan["dossier"], componentIds: string[]) {
  const carried: { from: string; to: string }[] = [];
  const notCarried: string[] = [];
  for (const id of componentIds) {
    const name = lower.find((c) => c.id === id)?.name ?? id;
    const to = upper.find((c) => c.id === id) ?? upper.find((c) => normalise(c.name) === normalise(name));
    if (to && !carried.some((c) => c.to === to.id)) carried.push({ from: id, to: to.id });
    else notCarried.push(name);
  }
  return { carried, notCarried };
}

/** Templates the system can fill in itself; the others are uploaded. */
export const GENERATED_TEMPLATES = new Set(["bang-tu-cham"]);

function leafPoints(rs: CriterionResult[], into: Record<string, number> = {}): Record<string, number> {
  for (const r of rs) {
    if (r.children?.length) leafPoints(r.children, into);
    else if (r.points !== null && r.max !== null) into[r.id] = r.points;
  }
  return into;
}

/** The self-scoring sheet (bảng tự chấm điểm) of a participant, as Word: registered points and self-scored points. */
export function selfScoringSheet(input: {
  data: Plan;
  group: Group;
  unitName: string;
  unitParent: string;
  registeredPoints: Record<string, number> | undefined;
  selfCriteria: CriterionResult[];
  now: Date;
}): Promise<Buffer> {
  return buildScoringSheetDocx(input.data, input.group.id, { registered: input.registeredPoints, self: leafPoints(input.selfCriteria) }, input.unitName, {
    unitParent: input.unitParent,
    date: vietnamDate(input.now),
  });
}

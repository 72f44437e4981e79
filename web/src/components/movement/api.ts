// Query keys, hooks, URLs and small pure helpers for running a movement.
import { useQuery } from "@tanstack/react-query";
import { leafCriteria } from "../../../../src/domain/plan/rule-inputs";
import { apiUrl, http } from "../../api/client";
import type { Id, ItemList, Me, Unit } from "../../api/types";
import { paths } from "../../navigation";
import type { Criterion, FactValue, Group, InputDef } from "../plan/model";
import type { Assessment, Assignment, CriterionResult, MyAssignment, Participant, ParticipantDetail } from "./types";

export const movementKeys = {
  all: ["movement"] as const,
  participants: (planId: Id, group?: string | null) => ["movement", "participants", planId, group ?? ""] as const,
  participantsOf: (planId: Id) => ["movement", "participants", planId] as const,
  participant: (id: Id) => ["movement", "participant", id] as const,
  assessment: (id: Id) => ["movement", "assessment", id] as const,
  participantInitiatives: (id: Id) => ["movement", "participant-initiatives", id] as const,
  monitoring: (planId: Id, group?: string | null) => ["movement", "monitoring", planId, group ?? ""] as const,
  assignments: (planId: Id) => ["movement", "assignments", planId] as const,
  mine: ["movement", "appraisals-mine"] as const,
  planInitiatives: (planId: Id, status?: string | null) => ["movement", "plan-initiatives", planId, status ?? ""] as const,
  complaints: (planId: Id, status?: string | null) => ["movement", "complaints", planId, status ?? ""] as const,
  indicators: (query: Record<string, unknown>) => ["movement", "indicators", query] as const,
  ranking: (planId: Id, group?: string | null, unitKind?: string | null) => ["movement", "ranking", planId, group ?? "", unitKind ?? ""] as const,
  notifications: ["notifications"] as const,
};

export const movementPaths = {
  list: paths.movements,
  appraisals: paths.appraisals,
  plan: (planId: Id, tab?: string) => `${paths.movements}/${planId}${tab ? `?tab=${tab}` : ""}`,
  participant: (planId: Id, participantId: Id, tab?: string) => `${paths.movements}/${planId}/ho-so/${participantId}${tab ? `?tab=${tab}` : ""}`,
  appraisal: (planId: Id, participantId: Id) => `${paths.appraisals}/${planId}/${participantId}`,
};

export const fileUrl = (id: string) => apiUrl(`/api/files/${id}`);

export function useParticipants(planId: Id, group?: string | null, enabled = true) {
  return useQuery({
    queryKey: movementKeys.participants(planId, group),
    queryFn: () => http.get<ItemList<Participant>>(`/api/plans/${planId}/participants`, { group: group ?? undefined }).then((r) => r.items),
    enabled,
  });
}

export function useParticipant(id: Id | null) {
  return useQuery({
    queryKey: movementKeys.participant(id ?? 0),
    queryFn: () => http.get<ParticipantDetail>(`/api/participants/${id}`),
    enabled: id !== null,
  });
}

export function useAssessment(id: Id | null, enabled = true) {
  return useQuery({
    queryKey: movementKeys.assessment(id ?? 0),
    queryFn: () => http.get<Assessment>(`/api/participants/${id}/assessment`),
    enabled: id !== null && enabled,
  });
}

export function useAssignments(planId: Id, enabled = true) {
  return useQuery({
    queryKey: movementKeys.assignments(planId),
    queryFn: () => http.get<ItemList<Assignment>>(`/api/plans/${planId}/assignments`).then((r) => r.items),
    enabled,
  });
}

export function useMyAssignments(enabled = true) {
  return useQuery({
    queryKey: movementKeys.mine,
    queryFn: () => http.get<ItemList<MyAssignment>>("/api/appraisals/mine").then((r) => r.items),
    enabled,
  });
}

// ——— who may do what (the server decides; these only choose what to show) ———

/** Whether the user is the head of (a unit above) the participant's unit. */
export function isHeadFor(me: Me | null | undefined, units: Unit[] | undefined, unitId: Id): boolean {
  const unit = units?.find((u) => u.id === unitId);
  return !!me?.roles.some((r) => {
    if (r.role !== "head" || r.unitId === null) return false;
    if (r.unitId === unitId) return true;
    const scope = units?.find((u) => u.id === r.unitId);
    return !!unit && !!scope && unit.path.startsWith(scope.path);
  });
}

// ——— criteria ———

/** The criteria scored by a rule of their own: the server's own helper (a zod-free domain module). */
export const leavesOf = leafCriteria;

export function scoredLeaves(criteria: Criterion[]): Criterion[] {
  return leavesOf(criteria).filter((c) => c.max !== undefined);
}

export function findResult(rows: CriterionResult[] | undefined, id: string): CriterionResult | undefined {
  for (const r of rows ?? []) {
    if (r.id === id) return r;
    const inner = findResult(r.children, id);
    if (inner) return inner;
  }
  return undefined;
}

export function findCriterion(criteria: Criterion[], id: string): Criterion | undefined {
  for (const c of criteria) {
    if (c.id === id) return c;
    const inner = c.children ? findCriterion(c.children, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** Every criterion of a plan's groups by id, with its group. */
export function criterionLabel(groups: Group[], id: string | null): string {
  if (!id) return "";
  for (const g of groups) {
    const c = findCriterion(g.criteria, id);
    if (c) return `${c.code ? `${c.code}. ` : ""}${c.title}`;
  }
  return id;
}

/** Facts as the scoring sees them: own facts, then what the system knows, then appraisers' corrections. */
export function combinedFacts(a: Pick<Assessment, "facts" | "systemFacts" | "appraisals">, own?: Record<string, FactValue>): Record<string, FactValue> {
  const facts: Record<string, FactValue> = { ...(own ?? a.facts) };
  for (const s of a.systemFacts) facts[s.key] = s.value;
  for (const ap of a.appraisals) Object.assign(facts, ap.facts);
  return facts;
}

/** Inputs of a leaf, each key once. */
export function inputsOf(c: Criterion): InputDef[] {
  const seen = new Set<string>();
  return (c.inputs ?? []).filter((i) => {
    if (seen.has(i.key)) return false;
    seen.add(i.key);
    return true;
  });
}

/** Server problems (`facts.<key>` / `notes.<criterionId>`) placed on the leaves they concern. */
export function problemsByCriterion(criteria: Criterion[], details: { path: string; message: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (id: string, msg: string) => out.set(id, [...(out.get(id) ?? []), msg]);
  const leaves = leavesOf(criteria);
  for (const d of details) {
    const [kind, key] = d.path.split(".");
    if (kind === "notes" && key) add(key, d.message);
    else if (kind === "facts" && key) {
      const hit = leaves.filter((c) => c.inputs?.some((i) => i.key === key));
      // A missing fact named in a message about one criterion: put it on that one when the message names it.
      const named = hit.find((c) => d.message.includes(`"${c.title}"`));
      for (const c of named ? [named] : hit) add(c.id, d.message);
    }
  }
  return out;
}

export const ACCEPTED_FILES = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png";

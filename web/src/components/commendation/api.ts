// Types, query keys, hooks and paths for commendation: council sessions, ballots, decisions and the honour roll.
import { useQueries, useQuery } from "@tanstack/react-query";
import { apiUrl, http } from "../../api/client";
import type { Id, ItemList } from "../../api/types";
import type { StoredFile } from "../movement/types";
import type { FactValue, InputDef } from "../plan/model";

export type SessionStatus = "draft" | "open" | "closed";
export type Choice = "approve" | "reject" | "abstain";

export interface SessionSummary {
  id: Id;
  title: string;
  heldOn: string;
  status: SessionStatus;
  statusLabel: string;
  ballot: "secret" | "open";
}

export interface AgendaItem {
  nominationId: Id;
  awardFormId: string;
  name: string;
}

export interface CouncilSession extends SessionSummary {
  planId: Id;
  rule: { ballot: string; quorumPercent: number; denominator: "members" | "present"; thresholdPercent: number; source?: string };
  chairUserId: Id;
  secretaryUserId: Id;
  members: { id: Id; fullName: string }[];
  present: Id[];
  agenda: AgendaItem[];
  myVotes: Id[];
  /** Members recused from a nominee for a conflict of interest (fixed when voting opens). */
  recusals: { userId: Id; nominationId: Id; reason: string; name: string }[];
  /** Nominees the caller is recused from. */
  myRecusals: Id[];
  /** Counts the secretary has recorded (open vote only). */
  openVotes: { nominationId: Id; approve: number; reject: number; abstain: number }[];
  version: number;
}

export interface SessionResult extends AgendaItem {
  members: number;
  present: number;
  approve: number;
  reject: number;
  abstain: number;
  quorumMet: boolean;
  denominator: number;
  percent: number;
  passed: boolean;
  explanation: string;
  /** Members recused from this nominee (out of its quorum and threshold). */
  recused: number;
  recusedMembers: { userId: Id; name: string; reason: string; present: boolean }[];
}

export interface NominationLite {
  id: Id;
  awardFormId: string;
  awardFormName: string;
  name: string;
  unitName: string;
  status: string;
  statusLabel: string;
}

export type NominationStatus = "draft" | "submitted" | "returned" | "accepted" | "rejected";

export interface DossierComponent {
  id: string;
  name: string;
  required: boolean;
  template: string | null;
  file: StoredFile | null;
  generated: boolean;
}

export interface EligibilityReason {
  ruleId: string;
  kind: "required" | "excluding" | "priority" | "legal";
  ok: boolean | null;
  message: string;
}

/** A nomination as the server presents it: dossier checklist, eligibility verdict with reasons, ranking. */
export interface Nomination extends NominationLite {
  status: NominationStatus;
  planId: Id;
  target: "collective" | "individual";
  groupId: string;
  groupName: string;
  participantId: Id;
  unitId: Id;
  personId: Id | null;
  personName: string | null;
  proposedByUnitId: Id;
  proposedByUnitName: string;
  submittedAt: string | null;
  returnedReason: string | null;
  officeOpinion: string | null;
  forwardedFromId: Id | null;
  forwardedTo: { id: Id; planId: Id; status: NominationStatus } | null;
  version: number;
  dossier: {
    due: string | null;
    components: DossierComponent[];
    complete: boolean;
    missing: string[];
    submittedAt: string | null;
    late: boolean;
    onTime: boolean | null;
    note: string;
  };
  ranking: { total: number | null; rank: number | null; classification: string | null; source: "results" | "provisional" | "unpublished" };
  eligibility: { eligible: boolean | null; priority: boolean; reasons: EligibilityReason[]; summary: string };
  /** Facts of the eligibility rules the office may record, with what is known and from whom. */
  appraisableFacts: AppraisableFact[];
}

export interface AppraisableFact {
  key: string;
  label: string;
  type: InputDef["type"];
  unit: string | null;
  choices: string[] | null;
  rules: string[];
  value: FactValue;
  source: "office" | "nominee" | null;
}

export interface SuggestedItem {
  nominationId: Id;
  participantId: Id;
  name: string;
  groupId: string;
  status: NominationStatus;
  rank: number | null;
  total: number | null;
  priority: boolean;
  why: string;
  reasons?: string[];
}

/** A recipient already in a decision of the form (issued or draft). */
export interface DecidedItem {
  nominationId: Id;
  participantId: Id;
  name: string;
  decisionId: Id;
  /** "Quyết định số 05/QĐ-UBND" or "dự thảo quyết định mã số 12". */
  decision: string;
  status: "draft" | "issued";
}

export interface QuotaSuggestion {
  target: "collective" | "individual";
  targetLabel: string;
  groups: string[];
  quota: { kind: "count"; max: number } | { kind: "share"; percent: number } | { kind: "unlimited" };
  source: string | null;
  participants: number;
  limit: number | null;
  /** Recipients already in issued decisions and in drafts of the form (drafts hold their places too). */
  issued: number;
  drafted: number;
  /** Places left for new decisions (null: no limit). */
  remaining: number | null;
  nominated: number;
  lodged: number;
  accepted: number;
  decided: DecidedItem[];
  selected: SuggestedItem[];
  waiting: SuggestedItem[];
  excluded: SuggestedItem[];
  undecided: SuggestedItem[];
  warnings: string[];
}

export interface Suggestions {
  planId: Id;
  awardFormId: string;
  awardFormName: string;
  rankingSource: "results" | "provisional" | "unpublished";
  quotas: QuotaSuggestion[];
}

export interface CouncilCandidate {
  id: Id;
  fullName: string;
  username: string;
  roles: string[];
}

/** A cancelled draft stays on record; it holds no place in the quotas. */
export type DecisionStatus = "draft" | "issued" | "cancelled";

export interface DecisionSummary {
  id: Id;
  awardFormId: string;
  awardFormName: string;
  numberLine: string;
  signedOn: string;
  status: DecisionStatus;
  statusLabel: string;
}

export interface DecisionRecipient {
  nominationId: Id;
  participantId: Id;
  name: string;
  unitName: string;
  target: "collective" | "individual";
  amount: number | null;
  amountWords: string | null;
  amountExplanation: string | null;
}

export interface Decision {
  id: Id;
  planId: Id;
  awardFormId: string;
  number: string | null;
  symbol: string;
  numberLine: string;
  signedOn: string;
  signerTitle: string;
  signerName: string;
  status: DecisionStatus;
  statusLabel: string;
  issuedAt: string | null;
  signedScan: StoredFile | null;
  version: number;
  recipients: DecisionRecipient[];
  totalAmount: number;
}

export interface HonourRoll {
  planId: Id;
  title: string;
  items: { name: string; unitName: string; target: string; awardForm: string; decision: string; signedOn: string }[];
}

export const commendationKeys = {
  sessions: (planId: Id) => ["commendation", "sessions", planId] as const,
  session: (id: Id) => ["commendation", "session", id] as const,
  results: (id: Id) => ["commendation", "results", id] as const,
  nominations: (planId: Id) => ["commendation", "nominations", planId] as const,
  nomination: (id: Id) => ["commendation", "nomination", id] as const,
  suggestions: (planId: Id, formId: string) => ["commendation", "suggestions", planId, formId] as const,
  candidates: (planId: Id) => ["commendation", "candidates", planId] as const,
  decisions: (planId: Id) => ["commendation", "decisions", planId] as const,
  decision: (id: Id) => ["commendation", "decision", id] as const,
  honourRoll: (planId: Id) => ["commendation", "honour-roll", planId] as const,
};

export const commendationPaths = {
  council: "/hoi-dong",
  session: (id: Id) => `/hoi-dong/phien/${id}`,
  decision: (id: Id) => `/quyet-dinh/${id}`,
  honourRoll: (planId: Id) => `/bang-vang/${planId}`,
};

export const commendationUrls = {
  minutes: (sessionId: Id) => apiUrl(`/api/council-sessions/${sessionId}/minutes`),
  document: (decisionId: Id) => apiUrl(`/api/decisions/${decisionId}/document`),
  certificates: (decisionId: Id) => apiUrl(`/api/decisions/${decisionId}/certificates`),
  proposalMemo: (planId: Id, formId: string) => apiUrl(`/api/plans/${planId}/award-forms/${encodeURIComponent(formId)}/proposal-memo`),
  achievementReport: (nominationId: Id) => apiUrl(`/api/nominations/${nominationId}/achievement-report`),
};

export function useSessions(planId: Id, enabled = true) {
  return useQuery({
    queryKey: commendationKeys.sessions(planId),
    queryFn: () => http.get<ItemList<SessionSummary>>(`/api/plans/${planId}/council-sessions`).then((r) => r.items),
    enabled,
  });
}

/** Sessions of several plans at once (the "Hội đồng thi đua" page). */
export function useSessionsOfPlans(planIds: Id[]) {
  return useQueries({
    queries: planIds.map((planId) => ({
      queryKey: commendationKeys.sessions(planId),
      queryFn: () => http.get<ItemList<SessionSummary>>(`/api/plans/${planId}/council-sessions`).then((r) => r.items),
    })),
  });
}

/** Decisions of several plans at once (for the signer and the office on the "Hội đồng thi đua" page). */
export function useDecisionsOfPlans(planIds: Id[], enabled: boolean) {
  return useQueries({
    queries: planIds.map((planId) => ({
      queryKey: commendationKeys.decisions(planId),
      queryFn: () => http.get<ItemList<DecisionSummary>>(`/api/plans/${planId}/decisions`).then((r) => r.items),
      enabled,
    })),
  });
}

export function useSession(id: Id | null) {
  return useQuery({
    queryKey: commendationKeys.session(id ?? 0),
    queryFn: () => http.get<CouncilSession>(`/api/council-sessions/${id}`),
    enabled: id !== null,
  });
}

export function useResults(id: Id, enabled: boolean) {
  return useQuery({
    queryKey: commendationKeys.results(id),
    queryFn: () => http.get<ItemList<SessionResult>>(`/api/council-sessions/${id}/results`).then((r) => r.items),
    enabled,
  });
}

export function useNominations(planId: Id, enabled = true) {
  return useQuery({
    queryKey: commendationKeys.nominations(planId),
    queryFn: () => http.get<ItemList<Nomination>>(`/api/plans/${planId}/nominations`).then((r) => r.items),
    enabled,
  });
}

export function useNomination(id: Id | null) {
  return useQuery({
    queryKey: commendationKeys.nomination(id ?? 0),
    queryFn: () => http.get<Nomination>(`/api/nominations/${id}`),
    enabled: id !== null,
  });
}

export function useSuggestions(planId: Id, formId: string | null) {
  return useQuery({
    queryKey: commendationKeys.suggestions(planId, formId ?? ""),
    queryFn: () => http.get<Suggestions>(`/api/plans/${planId}/award-forms/${encodeURIComponent(formId ?? "")}/suggestions`),
    enabled: formId !== null,
  });
}

export function useCouncilCandidates(planId: Id, enabled: boolean) {
  return useQuery({
    queryKey: commendationKeys.candidates(planId),
    queryFn: () => http.get<ItemList<CouncilCandidate>>(`/api/plans/${planId}/council-candidates`).then((r) => r.items),
    enabled,
  });
}

export function useDecisions(planId: Id, enabled = true) {
  return useQuery({
    queryKey: commendationKeys.decisions(planId),
    queryFn: () => http.get<ItemList<DecisionSummary>>(`/api/plans/${planId}/decisions`).then((r) => r.items),
    enabled,
  });
}

export function useDecision(id: Id | null) {
  return useQuery({
    queryKey: commendationKeys.decision(id ?? 0),
    queryFn: () => http.get<Decision>(`/api/decisions/${id}`),
    enabled: id !== null,
  });
}

export function useHonourRoll(planId: Id | null) {
  return useQuery({
    queryKey: commendationKeys.honourRoll(planId ?? 0),
    queryFn: () => http.get<HonourRoll>(`/api/public/plans/${planId}/honour-roll`),
    enabled: planId !== null,
  });
}

export const CHOICES: Choice[] = ["approve", "reject", "abstain"];

// Types, query keys, hooks and paths for commendation: council sessions, ballots, decisions and the honour roll.
import { useQueries, useQuery } from "@tanstack/react-query";
import { apiUrl, http } from "../../api/client";
import type { Id, ItemList } from "../../api/types";

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
  status: "draft" | "issued";
  statusLabel: string;
  issuedAt: string | null;
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
    queryFn: () => http.get<ItemList<NominationLite>>(`/api/plans/${planId}/nominations`).then((r) => r.items),
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

// Types of the movement API (docs/api.md: "Running a movement…", initiatives/indicators/complaints, notifications).
import type { ResponseOf } from "../../api/contract";
import type { Id } from "../../api/types";
import type { CriterionResult, FactValue, TryResult } from "../plan/model";

export type StepState = "on_time" | "late" | "missing" | "pending";
export type AssessmentStatus = "draft" | "submitted" | "confirmed";

export interface Registration {
  registeredPoints: Record<string, number>;
  commitments: string;
  plannedInitiatives: string[];
}

export interface Participant {
  id: Id;
  planId: Id;
  groupId: string;
  groupName: string;
  unitId: Id;
  unitName: string;
  personId: Id | null;
  personName: string | null;
  name: string;
  registered: boolean;
  registeredAt: string | null;
  registration: Registration | null;
  reopenedUntil: string | null;
  version: number;
}

export interface ReportStatus {
  milestoneId: string;
  label: string;
  due: string;
  state: StepState;
  submittedAt: string | null;
}

export interface ParticipantDetail extends Participant {
  planTitle: string;
  registrationDue: string | null;
  /** Decided by the server's clock (whole days in Vietnam); absent from older servers. */
  registrationOpen?: boolean;
  today?: string;
  explanationUntil?: string | null;
  explanationOpen?: boolean;
  reports: ReportStatus[];
  /** What was taken over from units merged into this participant's unit, one Vietnamese line each. */
  succession?: string[];
}

export interface StoredFile {
  id: string;
  name: string;
  size: number;
  mime: string;
  kind: string;
  sha256: string;
  createdAt: string;
}

export interface SystemFact {
  key: string;
  value: FactValue;
  source: string;
}

export interface Appraisal {
  criterionId: string;
  facts: Record<string, FactValue>;
  points: number | null;
  reason: string;
  explanation: string | null;
  explainedAt?: string | null;
}

export interface Assessment {
  participantId: Id;
  name: string;
  groupId: string;
  status: AssessmentStatus;
  statusLabel: string;
  version: number;
  window: { from: string | null; due: string | null; open: boolean } | null;
  facts: Record<string, FactValue>;
  systemFacts: SystemFact[];
  evidence: Record<string, string[]>;
  evidenceFiles: StoredFile[];
  notes: Record<string, string>;
  selfScore: TryResult;
  finalScore: TryResult;
  appraisals: Appraisal[];
  submittedAt: string | null;
  confirmedAt: string | null;
}

export interface MonitoringRow {
  participantId: Id;
  name: string;
  unitId: Id;
  unitName: string;
  personId: Id | null;
  personName: string | null;
  groupId: string;
  groupName: string;
  state: StepState;
  stateLabel: string;
  at: string | null;
  date: string | null;
  daysLate: number | null;
  reopenedUntil: string | null;
}

export interface MonitoringMilestone {
  id: string;
  kind: string;
  kindLabel: string;
  label: string;
  due: string | null;
  from: string | null;
  daysLeft: number | null;
  tracked: boolean;
  counts: { total: number; done: number; onTime: number; late: number; missing: number; pending: number } | null;
  overdue: MonitoringRow[];
  rows: MonitoringRow[];
}

export interface Monitoring {
  planId: Id;
  title: string;
  issuerUnitId: Id;
  issuerName: string;
  asOf: string;
  today: string;
  participants: number;
  milestones: MonitoringMilestone[];
}

export interface Assignment {
  id: Id;
  userId: Id;
  userName: string;
  participantId: Id | null;
  criterionId: string | null;
}

export interface MyAssignment {
  assignmentId: Id;
  planId: Id;
  planTitle: string;
  criterionId: string | null;
  participants: { id: Id; name: string; assessmentStatus: AssessmentStatus }[];
}

export type InitiativeStatus = "submitted" | "recognised" | "rejected";
export const INITIATIVE_LEVELS = ["unit", "commune", "district", "province", "national"] as const;
export type InitiativeLevel = (typeof INITIATIVE_LEVELS)[number];

export interface Initiative {
  id: Id;
  planId: Id;
  participantId: Id;
  participantName: string;
  unitId: Id;
  unitName: string;
  title: string;
  description: string | null;
  files: StoredFile[];
  status: InitiativeStatus;
  statusLabel: string;
  level: InitiativeLevel | null;
  levelLabel: string | null;
  recognisedOn: string | null;
  decisionNo: string | null;
  appliedEffectively: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Complaint {
  id: Id;
  unitId: Id;
  unitCode: string;
  unitName: string;
  planId: Id | null;
  planTitle: string | null;
  receivedOn: string;
  content: string;
  channel: string | null;
  substantiated: boolean | null;
  statusLabel: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface IndicatorValue {
  id: Id;
  unitId: Id;
  unitCode: string;
  unitName: string;
  metric: string;
  period: string;
  value: number;
  source: string;
  enteredBy: Id | null;
  enteredByName: string | null;
  enteredAt: string;
  current: boolean;
}

export interface RankingRow {
  participantId: Id;
  name: string;
  unitName: string;
  unitKind: string;
  groupId: string;
  assessmentStatus: AssessmentStatus;
  registered: boolean;
  selfTotal: number | null;
  total: number | null;
  gap: number | null;
  max: number;
  rank: number | null;
  tied: boolean;
  decidedBy: string | null;
  /** The office's recorded decision that set this place in a tie. */
  decision: { reason: string; reference: string } | null;
  /** Why a scored participant has no rank (a pass/fail group is not ranked). */
  rankNote: string | null;
  classification: string | null;
  classificationExplanation: string;
  previousTotal: number | null;
  previousRank: number | null;
  areas: { id: string; title: string; points: number | null; max: number | null }[];
}

export interface Ranking {
  finalised: boolean;
  rows: RankingRow[];
}

export type AppNotification = NotificationPage["items"][number];

export type NotificationPage = ResponseOf<"listNotifications">;

export type { CriterionResult, FactValue, TryResult };

// Cases that bar commendation while under way (Decree 98/2023/NĐ-CP art. 4): disciplinary review, investigation or
// inspection, a complaint or denunciation being verified. Pure.

export const HOLD_KINDS = [
  { value: "discipline", label: "Xem xét kỷ luật", reason: "đang bị xem xét kỷ luật", fact: "underDiscipline" },
  { value: "investigation", label: "Điều tra, thanh tra, kiểm tra", reason: "đang bị điều tra, thanh tra, kiểm tra", fact: "underInvestigation" },
  { value: "complaint", label: "Khiếu nại, tố cáo đang xác minh", reason: "đang có đơn khiếu nại, tố cáo đang được xác minh", fact: "complaintBeingVerified" },
] as const;

export type HoldKind = (typeof HOLD_KINDS)[number]["value"];
export type HoldFact = (typeof HOLD_KINDS)[number]["fact"];
export const holdKindValues = HOLD_KINDS.map((k) => k.value) as [HoldKind, ...HoldKind[]];

/** A case as eligibility needs it: what it is, since when (YYYY-MM-DD), and the decision or letter that opened it. */
export interface LegalHold {
  kind: HoldKind;
  since: string;
  reference?: string | null;
}

/** Whether a case started on `startedOn` and ended on `endedOn` (null: still open) is under way on `day` (all YYYY-MM-DD). */
export function isUnderWay(hold: { startedOn: string; endedOn: string | null }, day: string): boolean {
  return hold.startedOn <= day && (hold.endedOn === null || hold.endedOn >= day);
}

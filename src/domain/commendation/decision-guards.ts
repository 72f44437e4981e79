// Who may enter a decision: the rules a draft and its issue both re-check, each refusal naming the nominee and
// the reason. Pure.
import type { Verdict } from "./eligibility.js";

/** One nominee of a decision with what the rules read about it. */
export interface NomineeStanding {
  nominationId: number;
  /** As the decision names it: "Phường 1", "Nguyễn Văn A". */
  name: string;
  /** The same person or unit across groups: "person:12" or "unit:5". */
  identity: string;
  /** The nomination's status ("accepted" when the office proposed it). */
  status: string;
  verdict: Pick<Verdict, "eligible" | "summary">;
  /** The council's say: required when the plan asks for a vote or the council has voted on the nominee. */
  council: { required: boolean; voted: boolean; passed: boolean; explanation: string };
}

/** A recipient already in a decision of the movement for the same award form (drafts included). */
export interface PriorAward {
  identity: string;
  nominationId: number;
  /** "Quyết định số 05/QĐ-UBND" or "dự thảo quyết định mã số 12". */
  decision: string;
}

export type BlockCode = "NOT_ACCEPTED" | "NOT_ELIGIBLE" | "UNDECIDED" | "NOT_PASSED" | "ALREADY_AWARDED" | "DUPLICATE_RECIPIENT";

export interface Block {
  nominationId: number;
  code: BlockCode;
  message: string;
}

/** Why a verdict keeps a nominee from being proposed or decided: not eligible, or not yet known to be (null: eligible). */
export function eligibilityBlock(name: string, verdict: Pick<Verdict, "eligible" | "summary">): { code: "NOT_ELIGIBLE" | "UNDECIDED"; message: string } | null {
  if (verdict.eligible === true) return null;
  if (verdict.eligible === false) return { code: "NOT_ELIGIBLE", message: `${name}: ${verdict.summary}.` };
  return {
    code: "UNDECIDED",
    message: `${name}: ${verdict.summary}; cần đủ dữ kiện để kết luận đủ điều kiện trước khi khen thưởng.`,
  };
}

/**
 * Every reason each nominee cannot enter the decision: already awarded this form in the movement (or twice in
 * this list), not accepted by the office, not eligible or not yet known to be, not passed by the council.
 */
export function nomineeBlocks(nominees: readonly NomineeStanding[], prior: readonly PriorAward[], formName: string): Block[] {
  const blocks: Block[] = [];
  const seen = new Map<string, NomineeStanding>();
  for (const n of nominees) {
    const add = (code: BlockCode, message: string) => blocks.push({ nominationId: n.nominationId, code, message });
    const before = prior.find((p) => p.identity === n.identity);
    if (before)
      add(
        "ALREADY_AWARDED",
        `${n.name} đã có tên trong ${before.decision} tặng "${formName}"; mỗi tập thể, cá nhân chỉ được tặng một hình thức một lần trong phong trào.`,
      );
    const twin = seen.get(n.identity);
    if (twin) add("DUPLICATE_RECIPIENT", `${n.name} có hai hồ sơ trong danh sách (hồ sơ số ${twin.nominationId} và ${n.nominationId}); chỉ giữ một.`);
    seen.set(n.identity, n);
    if (n.status !== "accepted") add("NOT_ACCEPTED", `Hồ sơ của ${n.name} chưa được cơ quan thường trực chấp nhận.`);
    const ineligible = eligibilityBlock(n.name, n.verdict);
    if (ineligible) add(ineligible.code, ineligible.message);
    if (n.council.required && !n.council.passed)
      add("NOT_PASSED", `${n.name} chưa được Hội đồng thông qua (${n.council.voted ? n.council.explanation : "chưa được Hội đồng xét"}).`);
  }
  return blocks;
}

/** The refusal for a list of blocks: one code when they agree, the nominees and reasons in the message and details. */
export function refusalOf(blocks: readonly Block[]): { code: string; message: string; details: { nominationId: number; code: BlockCode; message: string }[] } {
  const codes = new Set(blocks.map((b) => b.code));
  return {
    code: codes.size === 1 ? blocks[0].code : "NOMINEES_BLOCKED",
    message: blocks.map((b) => b.message).join(" "),
    details: blocks.map((b) => ({ nominationId: b.nominationId, code: b.code, message: b.message })),
  };
}

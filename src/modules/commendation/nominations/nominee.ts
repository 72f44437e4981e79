// What a nomination names: the nominee, whether an award form is for it, and the Vietnamese words for its kind.
import { participantDisplayName } from "../../../domain/format.js";
import type { Plan } from "../../../domain/plan/schema.js";

export type AwardForm = Plan["awardForms"][number];
export type Target = "collective" | "individual";

export const TARGET_LABEL: Record<Target, string> = { collective: "tập thể", individual: "cá nhân" };

/** Whether an award form is given to this kind of nominee. */
export const fits = (form: AwardForm, target: Target) => form.target === "both" || form.target === target;
/** "Nguyễn Văn A (Phường 1)" for a person, the unit's name for a collective: named as participants are. */
export const nomineeName = participantDisplayName;

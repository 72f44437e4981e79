// A nomination's dossier: prepared (draft), lodged (submitted), returned for additions, and the office's conclusion.
import { defineLifecycle } from "../lifecycle.js";

export const nominationLifecycle = defineLifecycle({
  entity: "nomination",
  initial: "draft",
  labels: {
    draft: "Đang chuẩn bị hồ sơ",
    submitted: "Đã nộp hồ sơ, chờ thẩm định",
    returned: "Bị trả lại để bổ sung",
    accepted: "Đã thẩm định: đề nghị khen thưởng",
    rejected: "Đã thẩm định: không đề nghị khen thưởng",
  },
  moves: {
    /** Edit the dossier, or withdraw it: only while it is being prepared or was returned. */
    edit: {
      from: ["draft", "returned"],
      to: [],
      refusal: {
        code: "DOSSIER_LOCKED",
        message: "Hồ sơ đã nộp nên không sửa được; chỉ sửa khi đang chuẩn bị hoặc khi cơ quan thường trực trả lại để bổ sung.",
      },
    },
    withdraw: {
      from: ["draft", "returned"],
      to: [],
      refusal: { code: "NOT_EDITABLE", message: "Hồ sơ đã nộp; chỉ rút được hồ sơ đang chuẩn bị hoặc bị trả lại." },
    },
    submit: {
      from: ["draft", "returned"],
      to: ["submitted"],
      refusal: (from) => ({
        code: "ALREADY_SUBMITTED",
        message: from === "submitted" ? "Hồ sơ đã được nộp, đang chờ thẩm định." : "Hồ sơ đã được thẩm định; không nộp lại được.",
      }),
    },
    return: {
      from: ["submitted"],
      to: ["returned"],
      refusal: { code: "NOT_SUBMITTED", message: "Chỉ trả lại hồ sơ đã nộp và đang chờ thẩm định." },
    },
    /** The office's opinion, with or without a conclusion; it may be recorded again (and changed) until forwarded. */
    appraise: {
      from: ["submitted", "accepted", "rejected"],
      to: ["accepted", "rejected"],
      refusal: { code: "NOT_SUBMITTED", message: "Hồ sơ chưa được nộp (hoặc đang được bổ sung) nên chưa thẩm định được." },
    },
    forward: {
      from: ["accepted"],
      to: [],
      refusal: { code: "NOT_ACCEPTED", message: "Chỉ chuyển lên cấp trên hồ sơ đã được cơ quan thường trực thẩm định và đề nghị khen thưởng." },
    },
  },
});

export type NominationStatus = keyof typeof nominationLifecycle.labels;

/** Lodged with the office (waiting or concluded). */
export const LODGED: ReadonlySet<string> = new Set<NominationStatus>(["submitted", "accepted", "rejected"]);
/** Still in the proposing side's hands. */
export const EDITABLE: ReadonlySet<string> = new Set<NominationStatus>(["draft", "returned"]);
/** What a council may consider: lodged and waiting, or accepted by the office. */
export const AGENDA_READY: ReadonlySet<string> = new Set<NominationStatus>(["submitted", "accepted"]);

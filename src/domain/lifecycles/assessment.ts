// A participant's self-assessment: drafted, submitted, confirmed by the unit's head.
import { defineLifecycle } from "../lifecycle.js";

export const assessmentLifecycle = defineLifecycle({
  entity: "participant",
  initial: "draft",
  labels: { draft: "Đang tự chấm", submitted: "Đã gửi, chờ thủ trưởng xác nhận", confirmed: "Đã xác nhận" },
  moves: {
    save: { from: ["draft"], to: [], refusal: { code: "ASSESSMENT_LOCKED", message: "Bản tự chấm đã gửi nên không sửa được nữa." } },
    submit: { from: ["draft"], to: ["submitted"], refusal: { code: "ASSESSMENT_LOCKED", message: "Bản tự chấm đã được gửi." } },
    confirm: {
      from: ["submitted"],
      to: ["confirmed"],
      refusal: (from) => ({
        code: "NOT_SUBMITTED",
        message: from === "confirmed" ? "Bản tự chấm đã được xác nhận." : "Bản tự chấm chưa được gửi.",
      }),
    },
  },
});

export type AssessmentStatus = keyof typeof assessmentLifecycle.labels;

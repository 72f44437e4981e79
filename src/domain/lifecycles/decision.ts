// A commendation decision: drafted by the office, then issued by the signer or cancelled.
import { defineLifecycle } from "../lifecycle.js";

export const decisionLifecycle = defineLifecycle({
  entity: "decision",
  initial: "draft",
  labels: { draft: "Dự thảo", issued: "Đã ban hành", cancelled: "Đã hủy" },
  moves: {
    issue: {
      from: ["draft"],
      to: ["issued"],
      refusal: (from) =>
        from === "cancelled"
          ? { code: "CANCELLED", message: "Dự thảo quyết định này đã bị hủy; không ban hành được." }
          : { code: "ISSUED", message: "Quyết định đã được ban hành." },
    },
    cancel: {
      from: ["draft"],
      to: ["cancelled"],
      refusal: (from) =>
        from === "cancelled"
          ? { code: "CANCELLED", message: "Dự thảo quyết định này đã bị hủy." }
          : { code: "ISSUED", message: "Quyết định đã được ban hành; không hủy được dự thảo." },
    },
  },
});

export type DecisionStatus = keyof typeof decisionLifecycle.labels;

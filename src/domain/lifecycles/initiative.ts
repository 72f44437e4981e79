// An initiative submitted by a participant and reviewed by the office.
import { defineLifecycle } from "../lifecycle.js";

export const initiativeLifecycle = defineLifecycle({
  entity: "initiative",
  initial: "submitted",
  labels: { submitted: "Chờ xem xét", recognised: "Đã công nhận", rejected: "Không công nhận" },
  moves: {
    review: {
      from: ["submitted", "recognised", "rejected"],
      to: ["recognised", "rejected"],
      refusal: { code: "BAD_STATUS", message: "Sáng kiến không ở trạng thái xem xét được." },
    },
  },
});

export type InitiativeStatus = keyof typeof initiativeLifecycle.labels;

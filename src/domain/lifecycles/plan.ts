// An emulation plan: a draft being written, launched (rules frozen), closed.
import { defineLifecycle } from "../lifecycle.js";

export const planLifecycle = defineLifecycle({
  entity: "plan",
  initial: "draft",
  labels: { draft: "Dự thảo", launched: "Đã phát động", closed: "Đã kết thúc" },
  moves: {
    launch: { from: ["draft"], to: ["launched"], refusal: { code: "ALREADY_LAUNCHED", message: "Kế hoạch đã được phát động trước đó." } },
    close: { from: ["launched"], to: ["closed"], refusal: { code: "NOT_LAUNCHED", message: "Kế hoạch không ở trạng thái đang phát động." } },
  },
});

export type PlanStatus = keyof typeof planLifecycle.labels;

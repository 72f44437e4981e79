// A session of the emulation and commendation council: prepared, open for voting, closed.
import { defineLifecycle } from "../lifecycle.js";

export const councilSessionLifecycle = defineLifecycle({
  entity: "council_session",
  initial: "draft",
  labels: { draft: "Chuẩn bị", open: "Đang họp, bỏ phiếu", closed: "Đã kết thúc" },
  moves: {
    setAgenda: { from: ["draft"], to: [], refusal: { code: "SESSION_STARTED", message: "Phiên họp đã bắt đầu; không thay đổi danh sách xét được nữa." } },
    open: { from: ["draft"], to: ["open"], refusal: { code: "SESSION_STARTED", message: "Phiên họp đã được mở." } },
    vote: {
      from: ["open"],
      to: [],
      refusal: (from) => ({
        code: "NOT_OPEN",
        message: from === "closed" ? "Phiên họp đã kết thúc; không bỏ phiếu được nữa." : "Phiên họp chưa mở biểu quyết.",
      }),
    },
    recordOpenVote: { from: ["open"], to: [], refusal: { code: "NOT_OPEN", message: "Phiên họp chưa mở hoặc đã kết thúc." } },
    close: { from: ["open"], to: ["closed"], refusal: { code: "NOT_OPEN", message: "Phiên họp chưa mở hoặc đã kết thúc." } },
  },
});

export type CouncilSessionStatus = keyof typeof councilSessionLifecycle.labels;

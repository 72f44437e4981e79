import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type NomineeStanding, nomineeBlocks, refusalOf } from "./decision-guards.js";
import { type CountedAward, type QuotaScope, quotaBreaches, quotaStanding } from "./quota.js";

const eligible = { eligible: true, summary: "Đủ điều kiện" } as const;
const nominee = (over: Partial<NomineeStanding> = {}): NomineeStanding => ({
  nominationId: 1,
  name: "Phường 1",
  identity: "unit:1",
  status: "accepted",
  verdict: eligible,
  council: { required: false, voted: false, passed: false, explanation: "chưa được Hội đồng xét" },
  ...over,
});

describe("nominee blocks", () => {
  it("lets an accepted, eligible nominee through when no vote is required", () => {
    expect(nomineeBlocks([nominee()], [], "Giấy khen")).toEqual([]);
  });
  it("an undecided verdict is not eligible", () => {
    const [b] = nomineeBlocks([nominee({ verdict: { eligible: null, summary: "Chưa đủ thông tin để kết luận: thiếu điểm" } })], [], "Giấy khen");
    expect(b).toMatchObject({
      code: "UNDECIDED",
      message: "Phường 1: Chưa đủ thông tin để kết luận: thiếu điểm; cần đủ dữ kiện để kết luận đủ điều kiện trước khi khen thưởng.",
    });
  });
  it("names every reason of every nominee: not accepted, not eligible, not passed, already awarded, twice in the list", () => {
    const blocks = nomineeBlocks(
      [
        nominee({ status: "submitted", verdict: { eligible: false, summary: "Không đủ điều kiện: hồ sơ trễ hạn" } }),
        nominee({ nominationId: 2, name: "Phường 2", identity: "unit:2", council: { required: true, voted: false, passed: false, explanation: "" } }),
        nominee({ nominationId: 3, name: "Phường 3", identity: "unit:3" }),
        nominee({ nominationId: 4, name: "Phường 1", identity: "unit:1" }),
      ],
      [{ identity: "unit:3", nominationId: 9, decision: "Quyết định số 05/QĐ-UBND" }],
      "Giấy khen",
    );
    expect(blocks.map((b) => [b.nominationId, b.code])).toEqual([
      [1, "NOT_ACCEPTED"],
      [1, "NOT_ELIGIBLE"],
      [2, "NOT_PASSED"],
      [3, "ALREADY_AWARDED"],
      [4, "DUPLICATE_RECIPIENT"],
    ]);
    expect(blocks[2].message).toBe("Phường 2 chưa được Hội đồng thông qua (chưa được Hội đồng xét).");
    expect(refusalOf(blocks).code).toBe("NOMINEES_BLOCKED");
    expect(refusalOf(blocks.slice(0, 1))).toMatchObject({ code: "NOT_ACCEPTED", message: "Hồ sơ của Phường 1 chưa được cơ quan thường trực chấp nhận." });
  });
});

const share: QuotaScope = { target: "collective", groups: ["a", "b"], quota: { kind: "share", percent: 10 }, source: null };
const count: QuotaScope = { target: "individual", groups: ["c"], quota: { kind: "count", max: 2 }, source: null };
const award = (groupId: string, status: "draft" | "issued" = "issued"): CountedAward => ({
  target: groupId === "c" ? "individual" : "collective",
  groupId,
  status,
});

describe("quotas over all decisions", () => {
  it("counts issued decisions and drafts alike; a share rounds down over the quota's groups", () => {
    const perGroup = { a: 20, b: 9, c: 100 };
    expect(quotaStanding(share, perGroup, [award("a"), award("b", "draft"), award("c")])).toEqual({
      participants: 29,
      limit: 2,
      issued: 1,
      drafted: 1,
      remaining: 0,
    });
    const [breach] = quotaBreaches([share, count], perGroup, [award("a", "draft")], [award("b"), award("a")], "Giấy khen");
    expect(breach).toMatchObject({ target: "collective", limit: 2, already: 1, adding: 2 });
    expect(breach.message).toBe(
      'Vượt chỉ tiêu tập thể của "Giấy khen": chỉ tiêu 2 (10% của 29 đối tượng), các quyết định của phong trào (kể cả dự thảo) đã có 1, quyết định này thêm 2; chỉ còn 1 chỗ.',
    );
  });
  it("property: decisions accepted one by one never exceed a quota, however they are split into drafts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 8 }), (max, sizes) => {
        const q: QuotaScope = { target: "individual", groups: ["c"], quota: { kind: "count", max }, source: null };
        const held: CountedAward[] = [];
        for (const n of sizes) {
          const adding = Array.from({ length: n }, () => award("c", "draft"));
          if (quotaBreaches([q], { c: 50 }, held, adding, "X").length === 0) held.push(...adding);
        }
        expect(held.length).toBeLessThanOrEqual(max);
        expect(quotaStanding(q, { c: 50 }, held).remaining).toBe(max - held.length);
      }),
    );
  });
});

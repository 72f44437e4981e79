import { describe, expect, it } from "vitest";
import type { InputDef } from "./model";
import { describeRule } from "./RuleEditor";

const inputs: InputDef[] = [
  { key: "dung_han", label: "Số hồ sơ đúng hạn", type: "count", origin: "manual" },
  { key: "tiep_nhan", label: "Số hồ sơ tiếp nhận", type: "count", origin: "manual" },
  { key: "chu_quan", label: "Vì lý do chủ quan", type: "boolean", origin: "manual" },
];

describe("the editor's sentence for the new rule forms", () => {
  it.each([
    [
      { kind: "linear", input: "dung_han", per: "tiep_nhan", whenNone: 100 },
      'Điểm tỷ lệ với "Số hồ sơ đúng hạn" ÷ "Số hồ sơ tiếp nhận" (tỷ lệ tối đa 100%, đạt 100% được trọn điểm; khi mẫu số bằng 0 tỷ lệ tính là 100%).',
    ],
    [
      { kind: "bands", input: "dung_han", per: "tiep_nhan", whenNone: 0, bands: [{ min: 0, minInclusive: true, maxInclusive: false, points: 1 }] },
      'Điểm theo 1 khoảng của tỷ lệ "Số hồ sơ đúng hạn" ÷ "Số hồ sơ tiếp nhận" (%; khi mẫu số bằng 0 tỷ lệ tính là 0%).',
    ],
    [
      { kind: "pass_fail", when: { input: "dung_han", op: "gte", value: 1 }, unless: { input: "chu_quan", op: "false" }, unlessLabel: "vì lý do khách quan" },
      "Đánh giá Đạt/Không đạt theo điều kiện, trừ trường hợp ngoại lệ vì lý do khách quan (vẫn đạt), không tính điểm.",
    ],
  ])("%j", (rule, sentence) => {
    expect(describeRule(rule as Parameters<typeof describeRule>[0], inputs)).toBe(sentence);
  });
});

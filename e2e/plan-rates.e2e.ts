// Journey: a clerk turns a criterion into the rate of two counts and a section into a rescaled one in the plan
// editor, tries it with counts, saves, and the plan holds what was chosen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRunBrowser, type Journey, startJourney } from "./support/harness";

describe.skipIf(!canRunBrowser)("plan editor: rates and rescaled sections", () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it("sets a denominator and a rescale in the editor, tries them and saves them", async () => {
    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    const api = await j.t.as("noivu.vinhlong");
    const count = (key: string, label: string) => ({ key, label, type: "count", origin: "manual" });
    const manual = (id: string, max: number) => ({
      id,
      title: `Tiêu chí ${id}`,
      max,
      inputs: [{ key: id.replace("-", "_"), label: `Điểm ${id}`, type: "number", origin: "manual" }],
      rule: { kind: "manual", input: id.replace("-", "_") },
    });
    const created = await api.post("/api/plans", {
      issuerUnitId: await j.t.unitId("VL-TPVL"),
      data: {
        code: "ke-hoach-ty-le-e2e",
        issuer: { name: "UBND THÀNH PHỐ VĨNH LONG", unitCode: "VL-TPVL", level: "district" },
        title: "Kế hoạch thử tỷ lệ",
        year: 2024,
        period: { from: "2024-01-01", to: "2024-12-31" },
        groups: [
          {
            id: "tap-the",
            name: "Tập thể",
            type: "collective",
            membership: { withinUnitCodes: ["VL-TPVL"], unitKinds: ["ward"] },
            criteria: [
              {
                id: "giai-quyet",
                title: "Giải quyết hồ sơ đúng hạn",
                max: 10,
                inputs: [count("ho_so_dung_han", "Số hồ sơ đúng hạn"), count("ho_so_tiep_nhan", "Số hồ sơ tiếp nhận")],
                rule: { kind: "linear", input: "ho_so_dung_han" },
              },
              { id: "khoi", title: "Khối thang 60", max: 20, children: [manual("khoi-a", 40), manual("khoi-b", 20)] },
            ],
          },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;

    await page.goto(`${j.baseUrl}/ke-hoach/${id}`);
    await page.getByRole("tab", { name: "Đối tượng & tiêu chí" }).click();
    await page.getByTestId("criterion-node-giai-quyet").click();
    const editor = page.getByTestId("criterion-editor");
    await editor.getByLabel("Chia cho (mẫu số, để tính tỷ lệ)").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "Số hồ sơ tiếp nhận" }).click();
    await editor.getByTestId("rule-when-none").waitFor();
    await editor
      .getByText(
        'Điểm tỷ lệ với "Số hồ sơ đúng hạn" ÷ "Số hồ sơ tiếp nhận" (tỷ lệ tối đa 100%, đạt 100% được trọn điểm; khi mẫu số bằng 0 tỷ lệ tính là 100%).',
      )
      .waitFor();

    const tryPanel = page.getByTestId("try-panel");
    await tryPanel.getByLabel("Số hồ sơ đúng hạn").fill("45");
    await tryPanel.getByLabel("Số hồ sơ tiếp nhận").fill("50");
    await tryPanel
      .getByTestId("try-explanation-giai-quyet")
      .getByText("Số hồ sơ đúng hạn 45 trên số hồ sơ tiếp nhận 50 → tỷ lệ 90%", { exact: false })
      .waitFor();

    await page.getByTestId("criterion-node-khoi").click();
    await editor.getByText("Điểm của tiêu chí này là tổng các tiêu chí con: 60/20 điểm.").waitFor();
    await editor.getByTestId("criterion-rescale").click();
    await editor.getByText("Các tiêu chí con chấm theo thang 60 điểm, quy đổi về 20 điểm.").waitFor();

    await page.getByTestId("editor-actions").getByRole("button", { name: "Lưu dự thảo" }).click();
    await page.getByText("Đã lưu dự thảo").first().waitFor();
    const saved = (await api.get(`/api/plans/${id}`)).body;
    expect(saved.data.groups[0].criteria[0].rule).toEqual({ kind: "linear", input: "ho_so_dung_han", per: "ho_so_tiep_nhan", whenNone: 100 });
    expect(saved.data.groups[0].criteria[1].rescale).toBe(true);
    expect(saved.issues).toEqual([]);
  });
});

// Journey: the city's Home Affairs clerk builds the 2024 movement plan from seed 003's template, changes the
// complaint deduction, tries it, saves and launches it; a ward's focal person can read it but not change it.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRunBrowser, type Journey, startJourney } from "./support/harness";

const SHOTS = process.env.PLAN_E2E_SHOTS; // a folder, e.g. /tmp: screenshots of each step while developing
const COMPLAINTS = "Số PAKN người dân gửi đến Tổ kiểm tra công vụ";

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/plan-${name}.png`, fullPage: true });
}

function findCriterion(criteria: any[], id: string): any {
  for (const c of criteria) {
    if (c.id === id) return c;
    const inner = c.children && findCriterion(c.children, id);
    if (inner) return inner;
  }
  return null;
}

describe.skipIf(!canRunBrowser)("plan editor", () => {
  let j: Journey;
  let planId = 0;

  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it("a clerk creates the plan from seed 003's template, changes a deduction, tries it, saves and launches it", async () => {
    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");

    await page.getByRole("link", { name: "Kế hoạch thi đua" }).click();
    await page.waitForURL("**/ke-hoach");
    await page.getByRole("button", { name: "Tạo kế hoạch" }).click();

    const modal = page.getByRole("dialog", { name: "Tạo kế hoạch thi đua" });
    await modal.getByTestId("create-issuer").click();
    await page.keyboard.type("Thành phố Vĩnh Long");
    await page.locator('.ant-select-tree-node-content-wrapper[title="Thành phố Vĩnh Long"]').click();
    await modal.getByLabel("Mẫu kế hoạch").click();
    await page.keyboard.type("Vĩnh Long");
    await page.locator(".ant-select-item-option").filter({ hasText: "THÀNH PHỐ VĨNH LONG" }).click();
    await shot(page, "1-create");
    await modal.getByRole("button", { name: "Tạo dự thảo" }).click();

    await page.waitForURL(/\/ke-hoach\/\d+$/);
    planId = Number(new URL(page.url()).pathname.split("/").pop());
    await page.getByTestId("plan-title").getByText("Phát động phong trào thi đua thực hiện cải cách hành chính năm 2024").waitFor();
    await page.getByTestId("plan-status").getByText("Dự thảo").waitFor();
    await shot(page, "2-general");

    // Criterion III: "−2 per complaint" becomes −3.
    await page.getByRole("tab", { name: "Đối tượng & tiêu chí" }).click();
    await page.getByTestId("criterion-node-iii").click();
    const editor = page.getByTestId("criterion-editor");
    await editor.getByText("10 điểm, trừ 2 điểm mỗi PAKN, thấp nhất 0 điểm").waitFor();
    await editor.getByTestId("rule-editor").getByText("Cộng/trừ điểm theo số lần").first().waitFor();
    await editor.getByLabel("Số điểm mỗi lần").fill("3");
    await editor.getByText("10 điểm, trừ 3 điểm mỗi PAKN, thấp nhất 0 điểm").waitFor();
    await page.getByTestId("unsaved").waitFor();

    // Try it with 2 complaints: 10 − 3 × 2 = 4 points, with the explanation.
    const tryPanel = page.getByTestId("try-panel");
    await tryPanel.getByLabel(COMPLAINTS).fill("2");
    const explanation = tryPanel.getByTestId("try-explanation-iii");
    await explanation.getByText("2 PAKN: 10 trừ 3 × 2 → 4 điểm").waitFor();
    const row = tryPanel.locator("tr", { has: page.getByTestId("try-explanation-iii") });
    expect(await row.textContent()).toContain("4 / 10");
    await shot(page, "3-criteria");

    await page.getByTestId("editor-actions").getByRole("button", { name: "Lưu dự thảo" }).click();
    await page.getByText("Đã lưu dự thảo").first().waitFor();
    await page.getByTestId("unsaved").waitFor({ state: "detached" });

    await page.getByRole("tab", { name: "Kiểm tra & phát động" }).click();
    await page.getByTestId("no-issues").waitFor();
    await page.getByTestId("plan-actions").getByRole("button", { name: "Phát động" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "Phát động" }).click();
    await page.getByTestId("plan-status").getByText("Đã phát động").waitFor();
    await page.getByRole("button", { name: "Tạo bản sửa đổi" }).waitFor();
    await shot(page, "4-launched");

    const api = await j.t.as("noivu.vinhlong");
    const saved = await api.get(`/api/plans/${planId}`);
    expect(saved.status).toBe(200);
    expect(saved.body.status).toBe("launched");
    expect(saved.body.issuerName).toBe("Thành phố Vĩnh Long");
    expect(findCriterion(saved.body.data.groups[0].criteria, "iii").rule).toMatchObject({ kind: "per_occurrence", base: 10, each: -3, floor: 0 });
    const revisions = await api.get(`/api/plans/${planId}/revisions`);
    expect(revisions.body.items.map((r: { revision: number }) => r.revision)).toEqual([1]);
  });

  it("a ward's focal person sees the plan but no edit or launch controls", async () => {
    expect(planId).toBeGreaterThan(0);
    const page = await j.newPage();
    await j.login(page, "daumoi.phuong1");

    await page.getByRole("link", { name: "Kế hoạch thi đua" }).click();
    await page.waitForURL("**/ke-hoach");
    await page.getByTestId("plans-table").getByText("Thành phố Vĩnh Long").first().waitFor();
    expect(await page.getByRole("button", { name: "Tạo kế hoạch" }).count()).toBe(0);

    await page.getByTestId("plans-table").getByRole("link", { name: "Phát động phong trào thi đua thực hiện cải cách hành chính năm 2024" }).click();
    await page.waitForURL(`**/ke-hoach/${planId}`);
    await page.getByTestId("plan-status").getByText("Đã phát động").waitFor();
    await page.getByTestId("read-only-notice").waitFor();
    expect(await page.getByTestId("editor-actions").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Tạo bản sửa đổi" }).count()).toBe(0);

    await page.getByRole("tab", { name: "Đối tượng & tiêu chí" }).click();
    await page.getByTestId("criterion-node-iii").click();
    const editor = page.getByTestId("criterion-editor");
    await editor.getByText("10 điểm, trừ 3 điểm mỗi PAKN, thấp nhất 0 điểm").waitFor();
    expect(await editor.getByLabel("Số điểm mỗi lần").isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Thêm tiêu chí" }).count()).toBe(0);
    expect(await editor.getByRole("button", { name: "Xóa" }).count()).toBe(0);
    // Trying facts stays open to readers.
    await page.getByTestId("try-panel").getByLabel(COMPLAINTS).fill("1");
    await page.getByTestId("try-panel").getByText("1 PAKN: 10 trừ 3 × 1 → 7 điểm").waitFor();
    await shot(page, "5-reader");

    // The awards tab: each of its editors shows the plan's data, and none can be changed by a reader.
    await page.getByRole("tab", { name: "Khen thưởng" }).click();
    const formNames = page.getByTestId("award-forms").getByLabel("Hình thức khen thưởng", { exact: true });
    await formNames.first().waitFor();
    expect(await formNames.evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))).toContain(
      "Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố",
    );
    expect(await formNames.first().isDisabled()).toBe(true);
    const dossier = page.getByTestId("dossier").getByLabel("Thành phần hồ sơ", { exact: true });
    expect(await dossier.evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))).toContain(
      "Văn bản đề nghị khen thưởng của cơ quan, địa phương",
    );
    expect(await page.getByTestId("eligibility").getByLabel("Nội dung điều kiện", { exact: true }).count()).toBeGreaterThan(0);
    await page.getByTestId("classification-bands").waitFor();
    await page.getByTestId("classification-ceilings").waitFor();
    expect(await page.getByRole("button", { name: "Thêm hình thức khen thưởng" }).count()).toBe(0);

    await page.getByRole("tab", { name: "Kiểm tra & phát động" }).click();
    await page.getByTestId("plan-actions").waitFor();
    expect(await page.getByRole("button", { name: "Phát động" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Lưu dự thảo" }).count()).toBe(0);
  });

  it("a clerk makes next year's plan from the template choosing 2026, renames a fact, and sees a bad expression refused", async () => {
    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    await page.getByRole("link", { name: "Kế hoạch thi đua" }).click();
    await page.waitForURL("**/ke-hoach");
    await page.getByRole("button", { name: "Tạo kế hoạch" }).click();
    const modal = page.getByRole("dialog", { name: "Tạo kế hoạch thi đua" });
    await modal.getByTestId("create-issuer").click();
    await page.keyboard.type("Thành phố Vĩnh Long");
    await page.locator('.ant-select-tree-node-content-wrapper[title="Thành phố Vĩnh Long"]').click();
    await modal.getByLabel("Mẫu kế hoạch").click();
    await page.keyboard.type("Vĩnh Long");
    await page.locator(".ant-select-item-option").filter({ hasText: "THÀNH PHỐ VĨNH LONG" }).click();
    // The template's year is offered first; the clerk plans 2026.
    const year = modal.getByLabel("Năm của kế hoạch mới");
    expect(await year.inputValue()).toBe("2024");
    await year.fill("2026");
    await modal.getByRole("button", { name: "Tạo dự thảo" }).click();
    await page.waitForURL(/\/ke-hoach\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split("/").pop());
    await page.getByTestId("plan-title").getByText("Phát động phong trào thi đua thực hiện cải cách hành chính năm 2026").waitFor();

    // Renaming a fact carries the new key into the rule that reads it.
    await page.getByRole("tab", { name: "Đối tượng & tiêu chí" }).click();
    await page.getByTestId("criterion-node-tc-chi-so-2023").click();
    const editor = page.getByTestId("criterion-editor");
    await editor.getByLabel("Mã dữ kiện 1").fill("chi_so_cchc_nam_truoc");
    await page.getByTestId("editor-actions").getByRole("button", { name: "Lưu dự thảo" }).click();
    await page.getByText("Đã lưu dự thảo").first().waitFor();
    const api = await j.t.as("noivu.vinhlong");
    const saved = (await api.get(`/api/plans/${id}`)).body;
    expect(saved.data.period).toEqual({ from: "2026-03-14", to: "2026-12-31" });
    const renamed = findCriterion(
      saved.data.groups.flatMap((g: any) => g.criteria),
      "tc-chi-so-2023",
    );
    expect(renamed.inputs[0].key).toBe("chi_so_cchc_nam_truoc");
    expect(JSON.stringify(renamed.rule)).toContain('"input":"chi_so_cchc_nam_truoc"');
    expect(saved.issues).toEqual([]);

    // An expression naming a fact that does not exist is refused on save, naming the criterion and the expression.
    await editor.getByLabel("Dạng điều kiện").first().click();
    await page.locator(".ant-select-item-option").filter({ hasText: "Biểu thức" }).click();
    await editor.getByLabel("Biểu thức", { exact: true }).fill("chi_so_cchc_nam_truco >= 90");
    await page.getByTestId("editor-actions").getByRole("button", { name: "Lưu dự thảo" }).click();
    await page.getByText('biểu thức "chi_so_cchc_nam_truco >= 90" dùng dữ kiện "chi_so_cchc_nam_truco" chưa được khai báo').first().waitFor();
    await shot(page, "6-expression-refused");
    expect((await api.get(`/api/plans/${id}`)).body.version).toBe(saved.version);
  });
});

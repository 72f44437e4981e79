// The office records an investigation of a ward (Decree 98/2023 art. 4) in the unit's detail, sees it listed as
// under way, then closes it with the day it ended; a ward's focal person does not see the card at all.
import dayjs from "dayjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRunBrowser, type Journey, menuLink, startJourney } from "./support/harness.js";

describe.skipIf(!canRunBrowser)("legal holds journey", () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it("the office opens Phường 2, records an investigation, sees it listed and closes it", async () => {
    const started = dayjs().subtract(20, "day");
    const ended = dayjs().subtract(1, "day");
    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    await menuLink(page, "Đơn vị").click();
    await page.getByPlaceholder("Tìm theo tên hoặc mã đơn vị").fill("VL-TPVL-P2");
    await page.getByRole("tree").getByText("Phường 2", { exact: true }).click();
    await expect.poll(() => page.getByTestId("unit-detail-title").textContent()).toBe("Phường 2");
    const card = page.getByTestId("legal-holds-card");
    await expect.poll(() => card.getByText("Theo dõi theo Điều 4 Nghị định 98/2023 (kỷ luật, thanh tra, khiếu nại)").isVisible()).toBe(true);
    await expect.poll(() => card.getByText("Chưa ghi nhận vụ việc nào đối với đơn vị này và cán bộ của đơn vị.").isVisible()).toBe(true);

    // Record: the form says what is missing, then takes the case.
    await card.getByRole("button", { name: "Ghi nhận vụ việc" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.getByText("Ghi nhận vụ việc đối với Phường 2").isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => dialog.getByText("Vui lòng chọn loại vụ việc.").isVisible()).toBe(true);
    await dialog.getByLabel("Loại vụ việc").click();
    await page.getByTitle("Điều tra, thanh tra, kiểm tra").click();
    const startInput = dialog.getByLabel("Ngày bắt đầu");
    await startInput.click();
    await startInput.fill(started.format("DD/MM/YYYY"));
    await startInput.press("Enter");
    await dialog.getByLabel("Số, ký hiệu văn bản").fill("Kế hoạch thanh tra số 45/KH-TTr");
    await dialog.getByLabel("Ghi chú").fill("Thanh tra công tác cải cách thủ tục hành chính");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await expect.poll(() => page.getByText("Đã ghi nhận vụ việc.").isVisible()).toBe(true);

    const table = card.getByTestId("legal-holds-table");
    const row = table.locator("tbody tr").filter({ hasText: "45/KH-TTr" });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.textContent()).toContain("Điều tra, thanh tra, kiểm tra");
    await expect.poll(() => row.textContent()).toContain("Tập thể");
    await expect.poll(() => row.textContent()).toContain(started.format("DD/MM/YYYY"));
    await expect.poll(() => row.getByText("Đang xử lý").isVisible()).toBe(true);

    // Close it on the day it ended.
    await row.getByRole("button", { name: "Kết thúc" }).click();
    const close = page.getByRole("dialog");
    await expect.poll(() => close.getByText("Kết thúc vụ việc", { exact: true }).isVisible()).toBe(true);
    const endInput = close.getByLabel("Ngày kết thúc");
    await endInput.click();
    await endInput.fill(ended.format("DD/MM/YYYY"));
    await endInput.press("Enter");
    await close.getByRole("button", { name: "Kết thúc" }).click();
    await expect.poll(() => page.getByText("Đã kết thúc vụ việc.").isVisible()).toBe(true);
    await expect.poll(() => row.getByText("Đã kết thúc").isVisible()).toBe(true);
    await expect.poll(() => row.textContent()).toContain(ended.format("DD/MM/YYYY"));
    await expect.poll(() => row.getByRole("button", { name: "Kết thúc" }).count()).toBe(0);

    // What the server holds.
    const api = await j.t.as("noivu.vinhlong");
    const holds = (await api.get(`/api/legal-holds?unitId=${await j.t.unitId("VL-TPVL-P2")}`)).body.items;
    expect(holds).toEqual([
      expect.objectContaining({
        kind: "investigation",
        personId: null,
        startedOn: started.format("YYYY-MM-DD"),
        endedOn: ended.format("YYYY-MM-DD"),
        reference: "Kế hoạch thanh tra số 45/KH-TTr",
        status: "closed",
      }),
    ]);

    // The ward's focal person sees the unit but not the card.
    const focal = await j.newPage();
    await j.login(focal, "daumoi.phuong2");
    await menuLink(focal, "Đơn vị").click();
    await expect.poll(() => focal.getByTestId("unit-detail-title").textContent()).toBe("Phường 2");
    expect(await focal.getByTestId("legal-holds-card").count()).toBe(0);
  });
});

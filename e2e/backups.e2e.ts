// An administrator opens the system log page, sees that no backup exists yet, takes one, and sees its time and size
// with a download in the list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRunBrowser, type Journey, menuLink, startJourney } from "./support/harness.js";

describe.skipIf(!canRunBrowser)("backups journey", () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it("the administrator takes a backup and sees the last one's time and size", async () => {
    const page = await j.newPage();
    await j.login(page, "admin");
    await menuLink(page, "Nhật ký hệ thống").click();
    await page.waitForURL((url) => url.pathname === "/nhat-ky");
    const card = page.getByTestId("backups-card");
    await expect.poll(() => card.getByTestId("backup-last").textContent()).toBe("Chưa có bản sao lưu nào trong kho tệp.");
    await card.getByRole("button", { name: "Sao lưu ngay" }).click();
    await expect
      .poll(() => card.getByTestId("backup-last").textContent(), { timeout: 60_000 })
      .toMatch(/^Bản sao lưu gần nhất: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}.* \(\d+ KB\)\.$/);
    await expect.poll(() => card.getByRole("row").filter({ hasText: "Quản trị tạo" }).count()).toBe(1);
    await expect
      .poll(() =>
        card
          .getByRole("link", { name: /Tải về/ })
          .or(card.getByRole("button", { name: /Tải về/ }))
          .count(),
      )
      .toBe(1);
  });
});

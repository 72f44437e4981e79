// What a Home Affairs officer does first: open the address, sign in, add a unit, import people from Excel (one bad
// row, fixed), and an administrator finds both changes in the audit log. Every journey starts at "/" and moves by
// the app's own menu, links and buttons.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { xlsx } from "../tests/support/files.js";
import { canRunBrowser, DEMO_PASSWORD, type Journey, menuLink, startJourney } from "./support/harness.js";

const HEADER = ["Mã cán bộ", "Họ và tên", "Mã đơn vị", "Giới tính", "Ngày sinh", "Chức vụ", "Đối tượng", "Người đứng đầu"];

describe.skipIf(!canRunBrowser)("foundation journey", () => {
  let j: Journey;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "td-e2e-"));
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it("a visitor opens the address, lands on the sign-in page, signs in and arrives home; a reload keeps the screen", async () => {
    const page = await j.newPage();
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await page.waitForURL((url) => url.pathname === "/dang-nhap");
    await expect.poll(() => page.getByRole("heading", { name: "Đăng nhập" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Quản lý phong trào thi đua cải cách hành chính").isVisible()).toBe(true);
    expect(await page.getByRole("menu", { name: "Điều hướng chính" }).count()).toBe(0);
    await page.screenshot({ path: path.join(dir, "front-door.png") });

    await page.getByLabel("Tên đăng nhập").fill("noivu.vinhlong");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => page.getByRole("heading", { name: /Lê Thị Ngọc Lan/ }).isVisible()).toBe(true);
    await expect.poll(() => menuLink(page, "Trang chủ").isVisible()).toBe(true);
    await page.screenshot({ path: path.join(dir, "home.png") });

    // A reload of a screen reached through the menu serves the same screen, signed in.
    await menuLink(page, "Đơn vị").click();
    await page.waitForURL((url) => url.pathname === "/don-vi");
    await expect.poll(() => page.getByRole("tree").getByText("Thành phố Vĩnh Long", { exact: true }).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole("tree").getByText("Thành phố Vĩnh Long", { exact: true }).isVisible()).toBe(true);
    // The brand leads back to the front door, which is now the home page.
    await page.getByRole("link", { name: "Thi Đua" }).first().click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => page.getByRole("heading", { name: /Lê Thị Ngọc Lan/ }).isVisible()).toBe(true);
  });

  it("a bookmarked screen opened before signing in asks to sign in, then shows that screen", async () => {
    const page = await j.newPage();
    await page.goto("/don-vi");
    await page.waitForURL((url) => url.pathname === "/dang-nhap" && url.searchParams.get("next") === "/don-vi");
    await page.getByLabel("Tên đăng nhập").fill("noivu.vinhlong");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL((url) => url.pathname === "/don-vi");
    await expect.poll(() => page.getByRole("tree").getByText("Thành phố Vĩnh Long", { exact: true }).isVisible()).toBe(true);
  });

  it("an office clerk signs in, adds a unit, imports people with one bad row, fixes it, imports; the admin sees it in the audit log", async () => {
    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    await expect.poll(() => page.getByText("Lê Thị Ngọc Lan").first().isVisible()).toBe(true);

    // Add a unit under the city.
    await menuLink(page, "Đơn vị").click();
    await page.getByRole("tree").getByText("Thành phố Vĩnh Long", { exact: true }).click();
    await page.getByRole("button", { name: "Thêm đơn vị con" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Mã đơn vị").fill("VL-TPVL-PKHCN");
    await dialog.getByLabel("Tên đơn vị").fill("Phòng Khoa học và Công nghệ");
    await dialog.getByLabel("Loại đơn vị").click();
    await page.getByTitle("Phòng, ban, bộ phận chuyên môn").click();
    await dialog.getByRole("button", { name: "Thêm đơn vị" }).click();
    await expect.poll(() => page.getByText("Đã thêm đơn vị Phòng Khoa học và Công nghệ.").isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("tree").getByText("Phòng Khoa học và Công nghệ").isVisible()).toBe(true);

    // Import people: the first file has a row without a name.
    const bad = path.join(dir, "can-bo-loi.xlsx");
    const good = path.join(dir, "can-bo.xlsx");
    const rows = [
      HEADER,
      ["E2E01", "Nguyễn Thị Minh Thư", "VL-TPVL-PKHCN", "Nữ", "03/04/1991", "Chuyên viên", "Công chức", "Không"],
      ["E2E02", "", "VL-TPVL-PKHCN", "Nam", "15/08/1985", "Trưởng phòng", "Công chức", "Có"],
    ];
    fs.writeFileSync(bad, await xlsx(rows));
    rows[2][1] = "Trần Quốc Huy";
    fs.writeFileSync(good, await xlsx(rows));

    await menuLink(page, "Nhập dữ liệu").click();
    await page
      .locator("label")
      .filter({ hasText: /^Cán bộ$/ })
      .click();
    await page.locator('input[type="file"]').setInputFiles(bad);
    await expect.poll(() => page.getByText("Tệp có 1 lỗi nên chưa thể nhập.").isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Dòng 3: thiếu họ và tên").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Tải tệp khác" }).click();
    await page
      .locator("label")
      .filter({ hasText: /^Cán bộ$/ })
      .click();
    await page.locator('input[type="file"]').setInputFiles(good);
    await expect.poll(() => page.getByText("Tệp hợp lệ: 2 dòng sẵn sàng để nhập.").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Nhập 2 dòng" }).click();
    await expect.poll(() => page.getByText("Đã nhập: 2 tạo mới, 0 cập nhật").isVisible(), { timeout: 20_000 }).toBe(true);

    // The people are there, under the new unit.
    const api = await j.t.as("noivu.vinhlong");
    const people = (await api.get("/api/people?q=Quốc Huy")).body.items;
    expect(people).toEqual([
      expect.objectContaining({ fullName: "Trần Quốc Huy", unitName: "Phòng Khoa học và Công nghệ", isHead: true, birthDate: "1985-08-15" }),
    ]);

    // The administrator finds both changes in the audit log.
    const admin = await j.newPage();
    await j.login(admin, "admin");
    await menuLink(admin, "Nhật ký hệ thống").click();
    await expect.poll(() => admin.getByText('Nhập cán bộ từ tệp "can-bo.xlsx": 2 tạo mới, 0 cập nhật').isVisible()).toBe(true);
    await expect.poll(() => admin.getByText("Tạo đơn vị Phòng Khoa học và Công nghệ (VL-TPVL-PKHCN)").isVisible()).toBe(true);
    await admin.getByRole("button", { name: "Kiểm tra toàn vẹn" }).click();
    await expect.poll(() => admin.getByText(/Nhật ký toàn vẹn: đã kiểm tra \d+ bản ghi/).isVisible()).toBe(true);
    await admin.screenshot({ path: path.join(dir, "audit.png"), fullPage: true });
  });

  it("a ward's focal person sees only their ward and has no structure editing", async () => {
    const page = await j.newPage();
    await j.login(page, "daumoi.phuong1");
    await menuLink(page, "Đơn vị").click();
    await expect.poll(() => page.getByRole("tree").getByText("Phường 1", { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole("tree").getByText("Phường 2", { exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Thêm đơn vị con" }).count()).toBe(0);
    await expect.poll(() => page.getByRole("link", { name: "Tài khoản & phân quyền" }).count()).toBe(0);
  });

  it("a wrong password shows the server's Vietnamese message", async () => {
    const page = await j.newPage();
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/dang-nhap");
    await page.getByLabel("Tên đăng nhập").fill("noivu.vinhlong");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect.poll(() => page.getByText("Tên đăng nhập hoặc mật khẩu không đúng.").isVisible()).toBe(true);
  });
});

// An office clerk turns on two-step verification from the user menu: scans (here: reads) the secret, confirms with a
// code, keeps the recovery codes; the next sign-in asks for the code from the authenticator app, and a recovery code
// signs in once when the phone is not at hand.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base32Decode, totp } from "../src/domain/totp.js";
import { canRunBrowser, DEMO_PASSWORD, type Journey, startJourney } from "./support/harness.js";

describe.skipIf(!canRunBrowser)("two-step verification journey", () => {
  let j: Journey;
  // The server's security clock runs ahead by this much (so a new 30-second code exists without waiting).
  let ahead = 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "td-e2e-2fa-"));
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  const codeFor = (secret: string) => totp(base32Decode(secret), new Date(Date.now() + ahead));
  const nextCodeWindow = () => {
    ahead += 30_000;
    j.t.wallClock.advance(30_000);
  };

  async function userMenu(page: Page, item: string) {
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: item }).click();
  }

  async function password(page: Page) {
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/dang-nhap");
    await page.getByLabel("Tên đăng nhập").fill("noivu.vinhlong");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Xác thực hai bước" }).isVisible()).toBe(true);
  }

  it("enrols, then signs in with the authenticator's code; a recovery code works once", async () => {
    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    await userMenu(page, "Xác thực hai bước");
    await page.waitForURL((url) => url.pathname === "/bao-mat");
    await expect.poll(() => page.getByTestId("second-factor-status").textContent()).toBe("Chưa bật");
    await page.getByRole("button", { name: "Bật xác thực hai bước" }).click();

    // The QR code is drawn in the page (no outside service); the secret is shown as text beside it.
    await expect.poll(() => page.locator("canvas").count()).toBeGreaterThan(0);
    const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.screenshot({ path: path.join(dir, "enrol.png") });

    await page.getByLabel("Mã xác thực").fill("000000" === codeFor(secret) ? "111111" : "000000");
    await page.getByRole("button", { name: "Xác nhận và bật" }).click();
    await expect
      .poll(() =>
        page
          .getByText(/Mã xác thực không đúng/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByLabel("Mã xác thực").fill(codeFor(secret));
    await page.getByRole("button", { name: "Xác nhận và bật" }).click();
    const codes = page.getByTestId("recovery-codes");
    await expect.poll(() => codes.isVisible()).toBe(true);
    const recovery = (await codes.locator("code").allTextContents()).map((c) => c.trim());
    expect(recovery).toHaveLength(10);
    await page.screenshot({ path: path.join(dir, "recovery-codes.png") });
    await page.getByRole("button", { name: "Tôi đã cất các mã khôi phục" }).click();
    await expect.poll(() => page.getByTestId("second-factor-status").textContent()).toBe("Đang bật");

    await userMenu(page, "Đăng xuất");
    await page.waitForURL((url) => url.pathname === "/dang-nhap");

    // The password alone no longer opens the app: the code is asked for.
    nextCodeWindow();
    await password(page);
    await page.getByLabel("Mã xác thực").fill("12345");
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await expect.poll(() => page.getByTestId("login-error").textContent()).toContain("Mã xác thực không đúng");
    await page.screenshot({ path: path.join(dir, "sign-in-code.png") });
    await page.getByLabel("Mã xác thực").fill(codeFor(secret));
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => page.getByRole("heading", { name: /Lê Thị Ngọc Lan/ }).isVisible()).toBe(true);

    // Without the phone: a recovery code, once.
    await userMenu(page, "Đăng xuất");
    await page.waitForURL((url) => url.pathname === "/dang-nhap");
    await password(page);
    await page.getByLabel("Mã xác thực").fill(recovery[0]);
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await userMenu(page, "Đăng xuất");
    await page.waitForURL((url) => url.pathname === "/dang-nhap");
    await password(page);
    await page.getByLabel("Mã xác thực").fill(recovery[0]);
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await expect.poll(() => page.getByTestId("login-error").textContent()).toContain("Mã xác thực không đúng");
  });
});

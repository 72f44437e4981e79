import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { type Browser, chromium, type Page } from "playwright-core";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Browser journeys run when Chromium is installed; in CI its absence is a failure, not a skip. */
export const canRunBrowser = fs.existsSync(CHROMIUM) || process.env.CI === "true";
export const DEMO_PASSWORD = "ThiDua@2026";

export interface Journey {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  newPage(): Promise<Page>;
  login(page: Page, username: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/** Serves the real app (built web UI, fresh seeded database) on a free port and opens Chromium. */
export async function startJourney(): Promise<Journey> {
  const t = await createTestApp();
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const pages: Page[] = [];
  return {
    t,
    baseUrl,
    browser,
    async newPage() {
      const context = await browser.newContext({ baseURL: baseUrl, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", viewport: { width: 1366, height: 860 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      pages.push(page);
      return page;
    },
    async login(page, username, password = DEMO_PASSWORD) {
      await page.goto("/dang-nhap");
      await page.getByLabel("Tên đăng nhập").fill(username);
      await page.getByLabel("Mật khẩu").fill(password);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { createTestApp, DEMO_PASSWORD, type TestApp } from "../../tests/support/test-app.js";

// The demo accounts' password, read from seed-data/ like the seed itself.
export { DEMO_PASSWORD };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Set by CI services (CI=true, CI=1); "false"/"0" or unset means a developer's machine. */
export const inCI = !!process.env.CI && !["false", "0"].includes(process.env.CI.toLowerCase());
/**
 * Browser journeys run when Chromium is installed. In CI they always run, so a missing Chromium FAILS them
 * (startJourney throws) instead of skipping them and reporting a green suite that tested no browser.
 */
export const canRunBrowser = fs.existsSync(CHROMIUM) || inCI;

export interface Journey {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  newPage(): Promise<Page>;
  /**
   * Signs in the way a person does: opens the front door "/", lands on the sign-in page (anonymous visitors do),
   * signs in and arrives on the home page. Screens are reached from there by the menu, links and buttons.
   */
  login(page: Page, username: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/** An entry of the app's main menu (the side menu), by its label. */
export function menuLink(page: Page, label: string): Locator {
  return page.getByRole("menu", { name: "Điều hướng chính" }).getByRole("link", { name: label, exact: true });
}

/** Serves the real app (built web UI, fresh seeded database) on a free port and opens Chromium. */
export async function startJourney(): Promise<Journey> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  // `npm test` builds the web app first; a lone run of a journey builds it when missing (else "/" would be a 404).
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  if (!fs.existsSync(path.join(root, "web", "dist", "index.html"))) {
    execFileSync(process.execPath, [path.join(root, "scripts", "ensure-web-build.mjs")], { cwd: root, stdio: "inherit" });
  }
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
      page.setDefaultTimeout(30_000); // a loaded 2-core machine (two suites, argon2id sign-ins) can take longer than 15 s to settle a step
      pages.push(page);
      return page;
    },
    async login(page, username, password = DEMO_PASSWORD) {
      await page.goto("/");
      await page.waitForURL((url) => url.pathname === "/dang-nhap");
      await page.getByLabel("Tên đăng nhập").fill(username);
      await page.getByLabel("Mật khẩu").fill(password);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      // Verifying a password is deliberately slow (argon2id); on a loaded machine it may take a while.
      await page.waitForURL((url) => url.pathname === "/", { timeout: 45_000 });
      await page.getByRole("menu", { name: "Điều hướng chính" }).waitFor();
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/client.js";
import { buildApp } from "../src/server.js";
import { Client, createTestApp, DEMO_PASSWORD, type TestApp } from "./support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ login: { maxFailures: 3, lockMinutes: 15, perMinute: 1000 } });
});
afterAll(() => t.close());

describe("sign in and out", () => {
  it("signs in with a demo account, sets an HttpOnly session cookie and a readable CSRF cookie", async () => {
    const c = new Client(t.app);
    const res = await c.post("/api/auth/login", { username: "noivu.vinhlong", password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.roles).toEqual([expect.objectContaining({ role: "office", unitName: "Thành phố Vĩnh Long" })]);
    expect(res.body.user.capabilities).toContain("units.write");
    expect(res.body.user.capabilities).not.toContain("users.manage");
    const setCookie = ([] as string[]).concat(res.headers["set-cookie"] as string[]);
    expect(setCookie.find((c) => c.startsWith("td_session="))).toMatch(/HttpOnly/i);
    expect(setCookie.find((c) => c.startsWith("td_csrf="))).not.toMatch(/HttpOnly/i);
    const me = await c.get("/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.username).toBe("noivu.vinhlong");
  });

  it("refuses a wrong password with a Vietnamese message and no session", async () => {
    const c = new Client(t.app);
    const res = await c.post("/api/auth/login", { username: "daumoi.phuong2", password: "sai-mat-khau-1" });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "INVALID_CREDENTIALS", message: "Tên đăng nhập hoặc mật khẩu không đúng." });
    expect((await c.get("/api/auth/me")).status).toBe(401);
  });

  it("validates the login body in Vietnamese", async () => {
    const res = await new Client(t.app).post("/api/auth/login", { username: "" });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION");
    expect(res.body.message).toContain("Vui lòng nhập tên đăng nhập");
  });

  it("locks an account after repeated failures, even for the right password, and an admin unlocks it", async () => {
    const c = new Client(t.app);
    for (let i = 0; i < 2; i++) expect((await c.post("/api/auth/login", { username: "thuky.vinhlong", password: "wrong-pass-9" })).status).toBe(401);
    const locked = await c.post("/api/auth/login", { username: "thuky.vinhlong", password: "wrong-pass-9" });
    expect(locked.status).toBe(423);
    expect(locked.body.message).toMatch(/tạm khóa đến \d{2}:\d{2}/);
    const right = await c.post("/api/auth/login", { username: "thuky.vinhlong", password: DEMO_PASSWORD });
    expect(right.status).toBe(423);
    const admin = await t.as("admin");
    const users = await admin.get("/api/users");
    const secretary = users.body.items.find((u: { username: string }) => u.username === "thuky.vinhlong");
    expect(secretary.lockedUntil).not.toBeNull();
    expect((await admin.post(`/api/users/${secretary.id}/unlock`)).status).toBe(200);
    expect((await c.post("/api/auth/login", { username: "thuky.vinhlong", password: DEMO_PASSWORD })).status).toBe(200);
  });

  it("logs out: the session no longer works", async () => {
    const c = await t.as("hoidong.vinhlong");
    const token = c.cookies.td_session;
    expect((await c.post("/api/auth/logout")).status).toBe(204);
    const stale = new Client(t.app);
    stale.cookies.td_session = token;
    expect((await stale.get("/api/auth/me")).status).toBe(401);
  });

  it("requires the CSRF header on changes made with a session", async () => {
    const c = await t.as("admin");
    const res = await c.request(
      "POST",
      "/api/units",
      { code: "X-CSRF", name: "Thử", kind: "office", parentId: await t.unitId("NT") },
      { headers: { "x-csrf-token": "forged" } },
    );
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("CSRF");
    const list = await c.get("/api/units");
    expect(list.body.items.some((u: { code: string }) => u.code === "X-CSRF")).toBe(false);
  });
});

describe("change password", () => {
  it("refuses a weak password saying what is missing, then accepts a strong one; other sessions end", async () => {
    const c = await t.as("chutich.vinhlong");
    const other = await t.as("chutich.vinhlong");
    const weak = await c.post("/api/auth/change-password", { currentPassword: DEMO_PASSWORD, newPassword: "abc" });
    expect(weak.status).toBe(400);
    expect(weak.body.message).toBe("Mật khẩu mới chưa đủ mạnh: cần ít nhất 8 ký tự, có chữ số.");
    const wrong = await c.post("/api/auth/change-password", { currentPassword: "nope1234", newPassword: "MatKhauMoi2026" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe("WRONG_PASSWORD");
    expect((await c.post("/api/auth/change-password", { currentPassword: DEMO_PASSWORD, newPassword: "MatKhauMoi2026" })).status).toBe(204);
    expect((await c.get("/api/auth/me")).status).toBe(200);
    expect((await other.get("/api/auth/me")).status).toBe(401);
    await expect(t.as("chutich.vinhlong")).rejects.toThrow(/401/);
    expect((await (await t.as("chutich.vinhlong", "MatKhauMoi2026")).get("/api/auth/me")).status).toBe(200);
  });
});

describe("login rate limit", () => {
  it("answers 429 in Vietnamese past the per-minute limit", async () => {
    const limited = await createTestApp({ login: { maxFailures: 100, lockMinutes: 1, perMinute: 3 } });
    try {
      const c = new Client(limited.app);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await c.post("/api/auth/login", { username: "nobody", password: "x" })).status);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const res = await c.post("/api/auth/login", { username: "nobody", password: "x" });
      expect(res.body).toMatchObject({ code: "RATE_LIMITED" });
      expect(res.body.message).toContain("Vui lòng đợi");
    } finally {
      await limited.close();
    }
  });
});

describe("cli user:create", () => {
  it("creates an administrator who can sign in", async () => {
    // The CLI opens its own database; point it at a fresh PGlite folder.
    const dir = `/tmp/td-cli-${process.pid}-${Date.now()}`;
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    const lines: string[] = [];
    try {
      expect(
        await runCli(["user:create", "--admin", "--username", "quantri", "--password", "MatKhau2026", "--full-name", "Quản trị"], (s) => lines.push(s)),
      ).toBe(0);
      expect(lines.join("\n")).toContain("Đã tạo tài khoản quantri với quyền quản trị hệ thống");
      expect(await runCli(["user:create", "--username", "nguoidung", "--password", "weak"], (s) => lines.push(s))).toBe(2);
      expect(lines.at(-1)).toContain("Mật khẩu mới chưa đủ mạnh");
      const database = await openDatabase({ databaseUrl: null, dataDir: dir });
      const app = await buildApp({ database, config: loadConfig({ NODE_ENV: "test" }) });
      try {
        const c = new Client(app);
        const res = await c.post("/api/auth/login", { username: "quantri", password: "MatKhau2026" });
        expect(res.status).toBe(200);
        expect(res.body.user.capabilities).toContain("users.manage");
      } finally {
        await app.close();
        await database.close();
      }
    } finally {
      Object.assign(process.env, saved);
      if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
      if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
    }
  });
});

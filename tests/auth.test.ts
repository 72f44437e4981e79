import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/client.js";
import { users, userTotp } from "../src/db/schema.js";
import { base32Decode, totp } from "../src/domain/totp.js";
import { hashPassword } from "../src/modules/auth/passwords.js";
import { buildApp } from "../src/server.js";
import { Client, createTestApp, DEMO_PASSWORD, type TestApp } from "./support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ login: { freeFailures: 3, ipFreeFailures: 1000, maxDelaySeconds: 900, forgetAfterHours: 24, perMinute: 1000 } });
});
// A second app, behind a trusted proxy and with a tight per-IP limit, shared by the tests that need either.
let second: TestApp | undefined;
const other = async () => {
  second ??= await createTestApp({
    trustProxy: true,
    secretsKey: "khoa-ma-hoa-bi-mat-totp-dung-cho-kiem-thu",
    login: { freeFailures: 3, ipFreeFailures: 4, maxDelaySeconds: 900, forgetAfterHours: 24, perMinute: 1000 },
  });
  return second;
};
afterAll(async () => {
  await second?.close();
  await t.close();
});

const from = (ip: string) => ({ remoteAddress: ip });
const login = (c: Client, username: string, password: string, ip = "127.0.0.1") => c.request("POST", "/api/auth/login", { username, password }, from(ip));
const cookiesOf = (res: { headers: Record<string, unknown> }) => ([] as string[]).concat((res.headers["set-cookie"] as string[]) ?? []);

/** Audit entries of an action, newest first, as the administrator reads them. */
async function auditOf(action: string) {
  const admin = await t.as("admin");
  const res = await admin.get(`/api/audit?action=${action}&pageSize=50`);
  expect(res.status).toBe(200);
  return res.body.items as { summary: string; entityId: string; actorName: string; actorId: number | null }[];
}

describe("sign in and out", () => {
  it("signs in with a demo account, sets an HttpOnly session cookie and a readable CSRF cookie", async () => {
    const c = new Client(t.app);
    const res = await c.post("/api/auth/login", { username: "noivu.vinhlong", password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.roles).toEqual([expect.objectContaining({ role: "office", unitName: "Thành phố Vĩnh Long" })]);
    expect(res.body.user.capabilities).toContain("units.write");
    expect(res.body.user.capabilities).not.toContain("users.manage");
    expect(res.body.passwordNeedsChange).toBe(false);
    const setCookie = cookiesOf(res);
    expect(setCookie.find((c) => c.startsWith("td_session="))).toMatch(/HttpOnly/i);
    expect(setCookie.find((c) => c.startsWith("td_csrf="))).not.toMatch(/HttpOnly/i);
    // Plain HTTP without SECURE_COOKIES: no Secure flag (the browser would drop the cookie).
    expect(setCookie.find((c) => c.startsWith("td_session="))).not.toMatch(/Secure/i);
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

describe("throttling instead of lock-out", () => {
  it("makes an attacker's address wait longer and longer, while the owner signs in from elsewhere; the wait ends by itself", async () => {
    const attacker = new Client(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await login(attacker, "thuky.vinhlong", `doan-sai-lan-${i}`, "203.0.113.9")).status);
    expect(codes).toEqual([401, 401, 401, 401]);
    const waiting = await login(attacker, "thuky.vinhlong", "doan-sai-lan-5", "203.0.113.9");
    expect(waiting.status).toBe(429);
    expect(waiting.body).toMatchObject({ code: "LOGIN_THROTTLED", message: "Bạn đã đăng nhập sai nhiều lần. Vui lòng thử lại sau 2 giây." });
    expect(waiting.headers["retry-after"]).toBe("2");
    // Even the right password waits from that address…
    expect((await login(attacker, "thuky.vinhlong", DEMO_PASSWORD, "203.0.113.9")).status).toBe(429);
    // …but the account is not locked: its owner signs in from her own address.
    const owner = new Client(t.app);
    expect((await login(owner, "thuky.vinhlong", DEMO_PASSWORD, "198.51.100.20")).status).toBe(200);
    // The administrator sees the wait and can lift it; it also ends on its own.
    const admin = await t.as("admin");
    const secretary = (await admin.get("/api/users")).body.items.find((u: { username: string }) => u.username === "thuky.vinhlong");
    expect(secretary.signInWaitUntil).not.toBeNull();
    expect(secretary).not.toHaveProperty("lockedUntil");
    t.wallClock.advance(3_000);
    try {
      expect((await login(attacker, "thuky.vinhlong", "doan-sai-lan-6", "203.0.113.9")).status).toBe(401);
      const longer = await login(attacker, "thuky.vinhlong", "doan-sai-lan-7", "203.0.113.9");
      expect(longer.body.message).toBe("Bạn đã đăng nhập sai nhiều lần. Vui lòng thử lại sau 4 giây.");
      expect((await admin.post(`/api/users/${secretary.id}/unlock`)).status).toBe(200);
      expect((await login(attacker, "thuky.vinhlong", DEMO_PASSWORD, "203.0.113.9")).status).toBe(200);
    } finally {
      t.wallClock.reset();
    }
  });

  it("answers an unknown name exactly as a known one, wrong password and throttled alike", async () => {
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    const took = { known: [] as number[], unknown: [] as number[] };
    const timed = async (name: string, ip: string, into: number[]) => {
      const started = performance.now();
      const res = await login(new Client(t.app), name, "khong-dung-123", ip);
      into.push(performance.now() - started);
      return res;
    };
    for (let i = 0; i < 5; i++) {
      const a = await timed("daumoi.phuong1", "192.0.2.50", took.known);
      const b = await timed("khong.ton.tai", "192.0.2.51", took.unknown);
      known.push([a.status, a.body, a.headers["retry-after"] ?? null]);
      unknown.push([b.status, b.body, b.headers["retry-after"] ?? null]);
    }
    expect(unknown).toEqual(known);
    expect(known.map((k) => (k as [number])[0])).toEqual([401, 401, 401, 401, 429]);
    // An unknown name still costs a password hash check: without it, it would answer several times faster.
    const median = (xs: number[]) => [...xs.slice(0, 4)].sort((x, y) => x - y)[2];
    expect(median(took.unknown)).toBeGreaterThan(median(took.known) * 0.3);
  });

  it("limits one address across many names more loosely, without touching other addresses", async () => {
    const sprayed = await other();
    {
      const c = new Client(sprayed.app);
      const names = ["a.one", "b.two", "c.three", "d.four", "e.five", "f.six"];
      const codes = [];
      for (const n of names) codes.push((await login(c, n, "Mat-khau-doan-bua", "203.0.113.77")).status);
      expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
      expect((await login(new Client(sprayed.app), "admin", DEMO_PASSWORD, "198.51.100.1")).status).toBe(200);
    }
  });
});

describe("audit of sign-ins", () => {
  it("records sign-in, sign-out and failures, naming no account that does not exist", async () => {
    const c = new Client(t.app);
    expect((await login(c, "thamdinh.vinhlong", DEMO_PASSWORD, "198.51.100.33")).status).toBe(200);
    expect((await c.post("/api/auth/logout")).status).toBe(204);
    await login(new Client(t.app), "thamdinh.vinhlong", "nham-mat-khau-1", "198.51.100.33");
    await login(new Client(t.app), "tenbimat.khongco", "nham-mat-khau-1", "198.51.100.33");

    const [signIn] = (await auditOf("auth.login")).filter((e) => e.summary.startsWith("thamdinh.vinhlong"));
    expect(signIn).toMatchObject({ actorName: "Đỗ Hữu Phúc", summary: "thamdinh.vinhlong đăng nhập bằng mật khẩu từ 198.51.100.33" });
    const [signOut] = (await auditOf("auth.logout")).filter((e) => e.summary.startsWith("thamdinh.vinhlong"));
    expect(signOut).toMatchObject({ actorName: "Đỗ Hữu Phúc", summary: "thamdinh.vinhlong đăng xuất" });
    const failures = (await auditOf("auth.login_failed")).filter((e) => e.summary.includes("198.51.100.33"));
    expect(failures.map((f) => f.summary)).toEqual([
      "Đăng nhập không thành công với một tên đăng nhập không có trong hệ thống, từ 198.51.100.33",
      "Đăng nhập không thành công vào tài khoản thamdinh.vinhlong (sai mật khẩu) từ 198.51.100.33",
    ]);
    expect(JSON.stringify(failures)).not.toContain("tenbimat");
    expect(JSON.stringify(failures)).not.toContain("nham-mat-khau");
    expect(failures.every((f) => f.actorId === null)).toBe(true);
    // Only administrators read the log.
    expect((await (await t.as("noivu.vinhlong")).get("/api/audit?action=auth.login_failed")).status).toBe(403);
  });
});

describe("secure cookies and idle sessions", () => {
  it("marks cookies Secure when the request came over HTTPS through a trusted proxy", async () => {
    const proxied = await other();
    {
      const res = await new Client(proxied.app).request(
        "POST",
        "/api/auth/login",
        { username: "admin", password: DEMO_PASSWORD },
        { headers: { "x-forwarded-proto": "https" } },
      );
      expect(res.status).toBe(200);
      for (const c of cookiesOf(res)) expect(c).toMatch(/; Secure/i);
      const plain = await new Client(proxied.app).post("/api/auth/login", { username: "admin", password: DEMO_PASSWORD });
      expect(cookiesOf(plain).find((c) => c.startsWith("td_session="))).not.toMatch(/Secure/i);
    }
    // An untrusted X-Forwarded-Proto is ignored.
    const direct = await new Client(t.app).request(
      "POST",
      "/api/auth/login",
      { username: "admin", password: DEMO_PASSWORD },
      { headers: { "x-forwarded-proto": "https" } },
    );
    expect(cookiesOf(direct).find((c) => c.startsWith("td_session="))).not.toMatch(/Secure/i);
  });

  it("uses Secure cookies by default in production, unless SECURE_COOKIES=false", async () => {
    expect(loadConfig({ NODE_ENV: "production" }).secureCookies).toBe(true);
    expect(loadConfig({ NODE_ENV: "production", SECURE_COOKIES: "false" }).secureCookies).toBe(false);
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ SECURE_COOKIES: "true" }).secureCookies).toBe(true);
    // The app configured so (see the rate-limit test's app) marks even plain-HTTP cookies Secure.
  });

  it("ends a session left unused for the idle time, but not one in use; the absolute lifetime still applies", async () => {
    expect(t.config.sessionIdleMinutes).toBe(60);
    const minutes = (m: number) => m * 60_000;
    try {
      const idle = await t.as("thutruong.phuong1");
      const busy = await t.as("thutruong.phuong1");
      t.wallClock.advance(minutes(40));
      expect((await busy.get("/api/auth/me")).status).toBe(200);
      t.wallClock.advance(minutes(40));
      expect((await busy.get("/api/auth/me")).status).toBe(200);
      const gone = await idle.get("/api/auth/me");
      expect(gone.status).toBe(401);
      expect(gone.body.code).toBe("UNAUTHENTICATED");
      // Used every 50 minutes, it still ends after SESSION_HOURS (12).
      for (let i = 0; i < 14; i++) {
        t.wallClock.advance(minutes(50));
        if ((await busy.get("/api/auth/me")).status !== 200) break;
      }
      expect((await busy.get("/api/auth/me")).status).toBe(401);
    } finally {
      t.wallClock.reset();
    }
  });
});

describe("password policy", () => {
  it("refuses a short or common password saying what to fix, then accepts a strong one; other sessions end", async () => {
    const c = await t.as("chutich.vinhlong");
    const other = await t.as("chutich.vinhlong");
    const short = await c.post("/api/auth/change-password", { currentPassword: DEMO_PASSWORD, newPassword: "Cần Thơ 75" });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: "WEAK_PASSWORD", message: "Mật khẩu mới chưa đủ mạnh: cần ít nhất 12 ký tự (hiện có 10)." });
    const common = await c.post("/api/auth/change-password", { currentPassword: DEMO_PASSWORD, newPassword: "Password@2026" });
    expect(common.status).toBe(400);
    expect(common.body.message).toContain("không dùng mật khẩu phổ biến hoặc đã bị lộ");
    const named = await c.post("/api/auth/change-password", { currentPassword: DEMO_PASSWORD, newPassword: "chutich.vinhlong!2026" });
    expect(named.body.message).toContain("không được chứa tên đăng nhập");
    const wrong = await c.post("/api/auth/change-password", { currentPassword: "nope1234", newPassword: "MatKhauMoi-2026" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe("WRONG_PASSWORD");
    expect((await c.post("/api/auth/change-password", { currentPassword: DEMO_PASSWORD, newPassword: "Hồ Gươm mùa thu 2026" })).status).toBe(204);
    expect((await c.get("/api/auth/me")).status).toBe(200);
    expect((await other.get("/api/auth/me")).status).toBe(401);
    await expect(t.as("chutich.vinhlong")).rejects.toThrow(/401/);
    expect((await (await t.as("chutich.vinhlong", "Hồ Gươm mùa thu 2026")).get("/api/auth/me")).status).toBe(200);
  });

  it("applies the same policy when an administrator creates an account or resets a password", async () => {
    const admin = await t.as("admin");
    const created = await admin.post("/api/users", { username: "canbo.moi", fullName: "Cán Bộ Mới", password: "qwerty123456" });
    expect(created.status).toBe(400);
    expect(created.body.code).toBe("WEAK_PASSWORD");
    const ok = await admin.post("/api/users", { username: "canbo.moi", fullName: "Cán Bộ Mới", password: "sông Cổ Chiên 1975" });
    expect(ok.status).toBe(201);
    const reset = await admin.post(`/api/users/${ok.body.id}/reset-password`, { newPassword: "ngan-qua" });
    expect(reset.status).toBe(400);
    expect(reset.body.message).toContain("cần ít nhất 12 ký tự (hiện có 8)");
  });

  it("still lets an old short password sign in, and asks its owner to change it", async () => {
    await t.database.db
      .update(users)
      .set({ passwordHash: await hashPassword("ThiDua@2026") })
      .where(eq(users.username, "daumoi.phuong2"));
    const c = new Client(t.app);
    const res = await login(c, "daumoi.phuong2", "ThiDua@2026", "198.51.100.90");
    expect(res.status).toBe(200);
    expect(res.body.passwordNeedsChange).toBe(true);
  });
});

describe("TOTP second factor", () => {
  // The wall clock the app sees, so codes are computed for the instant the server checks them.
  let offset = 0;
  const advance = (ms: number) => {
    offset += ms;
    t.wallClock.advance(ms);
  };
  const code = (secret: string) => totp(base32Decode(secret), new Date(Date.now() + offset));
  afterAll(() => t.wallClock.reset());

  it("is offered to office staff, enrolled with a code, then asked for at sign-in; a recovery code works once", async () => {
    const office = await t.as("noivu.mongcai");
    expect((await office.get("/api/auth/me")).body.secondFactor).toEqual({ offered: true, enabled: false, recoveryCodesLeft: 0 });
    const setup = await office.post("/api/auth/second-factor/setup");
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.uri).toBe(
      `otpauth://totp/Thi%20%C4%90ua%3Anoivu.mongcai?secret=${setup.body.secret}&issuer=Thi+%C4%90ua&algorithm=SHA1&digits=6&period=30`,
    );
    const bad = await office.post("/api/auth/second-factor/confirm", { code: "000000" === code(setup.body.secret) ? "111111" : "000000" });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("INVALID_CODE");
    const confirmed = await office.post("/api/auth/second-factor/confirm", { code: code(setup.body.secret) });
    expect(confirmed.status).toBe(200);
    const recovery: string[] = confirmed.body.recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    expect((await office.get("/api/auth/me")).body.secondFactor).toEqual({ offered: true, enabled: true, recoveryCodesLeft: 10 });
    // The secret is never sent again.
    expect((await office.post("/api/auth/second-factor/setup")).status).toBe(409);
    expect(JSON.stringify((await office.get("/api/auth/second-factor")).body)).not.toContain(setup.body.secret);

    // Step one gives a challenge, no session.
    advance(30_000);
    const first = await login(new Client(t.app), "noivu.mongcai", DEMO_PASSWORD);
    expect(first.status).toBe(200);
    expect(cookiesOf(first)).toEqual([]);
    expect(first.body).not.toHaveProperty("user");
    const challenge = first.body.secondFactor.challenge as string;
    const wrong = await new Client(t.app).post("/api/auth/login/second-factor", { challenge, code: "12345" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe("INVALID_CODE");
    const c = new Client(t.app);
    const second = await c.post("/api/auth/login/second-factor", { challenge, code: code(setup.body.secret) });
    expect(second.status).toBe(200);
    expect(second.body.user.username).toBe("noivu.mongcai");
    expect((await c.get("/api/auth/me")).status).toBe(200);
    // The challenge is spent, and so is that code.
    expect((await new Client(t.app).post("/api/auth/login/second-factor", { challenge, code: code(setup.body.secret) })).body.code).toBe("CHALLENGE_EXPIRED");
    const again = (await login(new Client(t.app), "noivu.mongcai", DEMO_PASSWORD)).body.secondFactor.challenge;
    expect((await new Client(t.app).post("/api/auth/login/second-factor", { challenge: again, code: code(setup.body.secret) })).status).toBe(401);

    // A recovery code (typed loosely) signs in once.
    const viaRecovery = await new Client(t.app).post("/api/auth/login/second-factor", { challenge: again, code: recovery[0].toUpperCase() });
    expect(viaRecovery.status).toBe(200);
    const third = (await login(new Client(t.app), "noivu.mongcai", DEMO_PASSWORD)).body.secondFactor.challenge;
    expect((await new Client(t.app).post("/api/auth/login/second-factor", { challenge: third, code: recovery[0] })).status).toBe(401);
    const summaries = (await auditOf("auth.login")).filter((e) => e.summary.startsWith("noivu.mongcai")).map((e) => e.summary);
    expect(summaries.slice(0, 2)).toEqual([
      "noivu.mongcai đăng nhập bằng mật khẩu và mã khôi phục từ 127.0.0.1",
      "noivu.mongcai đăng nhập bằng mật khẩu và mã xác thực hai bước từ 127.0.0.1",
    ]);

    // Turning it off needs a code; then sign-in is one step again.
    expect((await c.post("/api/auth/second-factor/disable", { code: "999999" === code(setup.body.secret) ? "888888" : "999999" })).status).toBe(400);
    advance(30_000);
    expect((await c.post("/api/auth/second-factor/disable", { code: code(setup.body.secret) })).status).toBe(204);
    expect((await login(new Client(t.app), "noivu.mongcai", DEMO_PASSWORD)).body.user.username).toBe("noivu.mongcai");
    expect((await auditOf("user.totp_disable"))[0].summary).toBe("noivu.mongcai tắt xác thực hai bước");
  });

  it("is not offered to a unit's focal person; an administrator can turn off a user's lost second factor", async () => {
    const focal = await t.as("daumoi.phuong1");
    expect((await focal.get("/api/auth/me")).body.secondFactor.offered).toBe(false);
    const refused = await focal.post("/api/auth/second-factor/setup");
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain("quản trị hệ thống và cán bộ cơ quan thường trực");

    const office = await t.as("noivu.prtc");
    const setup = await office.post("/api/auth/second-factor/setup");
    expect((await office.post("/api/auth/second-factor/confirm", { code: code(setup.body.secret) })).status).toBe(200);
    // Five wrong codes void the challenge: the password must be typed again.
    const challenge = (await login(new Client(t.app), "noivu.prtc", DEMO_PASSWORD, "198.51.100.70")).body.secondFactor.challenge;
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      advance(60_000); // past the throttle's wait, which wrong codes also grow
      const wrongCode = code(setup.body.secret) === "000000" ? "111111" : "000000";
      answers.push((await new Client(t.app).request("POST", "/api/auth/login/second-factor", { challenge, code: wrongCode }, from("198.51.100.70"))).body.code);
    }
    expect(answers).toEqual(["INVALID_CODE", "INVALID_CODE", "INVALID_CODE", "INVALID_CODE", "CHALLENGE_EXPIRED"]);
    const admin = await t.as("admin");
    const target = (await admin.get("/api/users")).body.items.find((u: { username: string }) => u.username === "noivu.prtc");
    expect(target.secondFactor).toBe(true);
    const reset = await admin.delete(`/api/users/${target.id}/second-factor`);
    expect(reset.status).toBe(200);
    expect(reset.body.secondFactor).toBe(false);
    expect((await office.get("/api/auth/me")).status).toBe(401);
    expect((await login(new Client(t.app), "noivu.prtc", DEMO_PASSWORD)).body.user.username).toBe("noivu.prtc");
  });
});

describe("TOTP secrets at rest", () => {
  it("are stored encrypted when SECRETS_KEY is set, and still check codes", async () => {
    const app = await other();
    const admin = await app.as("admin");
    const setup = await admin.post("/api/auth/second-factor/setup");
    const [row] = await app.database.db.select().from(userTotp);
    expect(row.secret).toMatch(/^v1:/);
    expect(row.secret).not.toContain(setup.body.secret);
    const confirmed = await admin.post("/api/auth/second-factor/confirm", { code: totp(base32Decode(setup.body.secret), new Date()) });
    expect(confirmed.status).toBe(200);
  });
});

describe("login rate limit", () => {
  it("answers 429 in Vietnamese past the per-minute limit (on an app with SECURE_COOKIES=true)", async () => {
    const limited = await createTestApp({ secureCookies: true, login: { ...loadConfig({}).login, perMinute: 3 } });
    try {
      const c = new Client(limited.app);
      const signedIn = await c.post("/api/auth/login", { username: "admin", password: DEMO_PASSWORD });
      for (const cookie of cookiesOf(signedIn)) expect(cookie).toMatch(/; Secure/i);
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await new Client(limited.app).post("/api/auth/login", { username: "nobody", password: "x" })).status);
      expect(codes).toEqual([401, 401, 429, 429]);
      const res = await c.post("/api/auth/login", { username: "nobody", password: "x" });
      expect(res.body).toMatchObject({ code: "RATE_LIMITED" });
      expect(res.body.message).toContain("Vui lòng đợi");
    } finally {
      await limited.close();
    }
  });
});

describe("cli user:create", () => {
  it("creates an administrator who can sign in; a weak password is refused with the policy's words", async () => {
    // The CLI opens its own database; point it at a fresh PGlite folder.
    const dir = `/tmp/td-cli-${process.pid}-${Date.now()}`;
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    const lines: string[] = [];
    try {
      expect(
        await runCli(["user:create", "--admin", "--username", "quantri", "--password", "MatKhauManh2026", "--full-name", "Quản trị"], (s) => lines.push(s)),
      ).toBe(0);
      expect(lines.join("\n")).toContain("Đã tạo tài khoản quantri với quyền quản trị hệ thống");
      expect(await runCli(["user:create", "--username", "nguoidung", "--password", "MatKhau2026"], (s) => lines.push(s))).toBe(2);
      expect(lines.at(-1)).toContain("Mật khẩu mới chưa đủ mạnh: cần ít nhất 12 ký tự (hiện có 11)");
      const database = await openDatabase({ databaseUrl: null, dataDir: dir });
      const app = await buildApp({ database, config: loadConfig({ NODE_ENV: "test" }) });
      try {
        const c = new Client(app);
        const res = await c.post("/api/auth/login", { username: "quantri", password: "MatKhauManh2026" });
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
  }, 120_000);
});

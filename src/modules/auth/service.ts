import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { DEFAULT_SESSION_IDLE_MINUTES } from "../../config.js";
import type { Db, Executor } from "../../db/client.js";
import { loginChallenges, roleAssignments, sessions, units, users } from "../../db/schema.js";
import { capabilitiesOf, type Grant, ROLES, type Role } from "../../domain/access.js";
import type { ThrottlePolicy } from "../../domain/login-throttle.js";
import { passwordProblems } from "../../domain/password-policy.js";
import { AppError, badRequest } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { assertStrongPassword, checkAgainstDummy, checkPassword, hashPassword } from "./passwords.js";
import { hasSecondFactor, secondFactorStatus, spendSecondFactor } from "./second-factor.js";
import { forgiveAttempt, reserveAttempt } from "./throttle.js";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** What the sessions table stores for a cookie token. */
export const sessionHash = sha256;

/** What a sign-in needs besides the request: the clock, the throttle, session lifetime and the secrets key. */
export interface SignInSettings {
  now: Date;
  throttle: ThrottlePolicy;
  sessionHours: number;
  secretsKey: string | null;
}

export interface Attempt {
  ip: string;
  userAgent?: string;
  requestId?: string;
}

export type SignInResult =
  | { kind: "session"; token: string; csrfToken: string; userId: number; passwordNeedsChange: boolean }
  | { kind: "second-factor"; challenge: string; expiresAt: Date };

// Who the audit log names for a failed attempt: nobody has proved who they are.
const visitor = (requestId?: string): Actor => ({ userId: 0, username: "anonymous", fullName: "Người chưa đăng nhập", grants: [], requestId });
const asActor = (u: { id: number; username: string; fullName: string }, requestId?: string): Actor => ({
  userId: u.id,
  username: u.username,
  fullName: u.fullName,
  grants: [],
  requestId,
});

const CHALLENGE_MINUTES = 5;
const CHALLENGE_TRIES = 5;
const invalidCredentials = () => new AppError(401, "INVALID_CREDENTIALS", "Tên đăng nhập hoặc mật khẩu không đúng.");

/**
 * First step of signing in: the password. The answer is the same for an unknown name, an inactive account and a wrong
 * password, takes the same time (argon2 runs either way), and goes through the same throttle. Accounts with a second
 * factor get a short-lived challenge instead of a session.
 */
export async function login(db: Db, settings: SignInSettings, input: { username: string; password: string } & Attempt): Promise<SignInResult> {
  const { now } = settings;
  const username = input.username.trim();
  await reserveAttempt(db, username, input.ip, now, settings.throttle);
  const [user] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  const ok = user?.active ? await checkPassword(user.passwordHash, input.password) : await checkAgainstDummy(input.password);
  if (!user || !ok) {
    // Names that do not exist are not written down: people type passwords into the name field.
    const why = !user ? null : user.active ? "sai mật khẩu" : "tài khoản đã ngừng hoạt động";
    await db.transaction((tx) =>
      writeAudit(tx, visitor(input.requestId), {
        action: "auth.login_failed",
        entity: "user",
        entityId: user?.id ?? 0,
        summary: user
          ? `Đăng nhập không thành công vào tài khoản ${user.username} (${why}) từ ${input.ip}`
          : `Đăng nhập không thành công với một tên đăng nhập không có trong hệ thống, từ ${input.ip}`,
      }),
    );
    throw invalidCredentials();
  }
  await forgiveAttempt(db, username, input.ip, now, settings.throttle);
  const passwordNeedsChange = passwordProblems(input.password, { username: user.username }).length > 0;
  if (await hasSecondFactor(db, user.id)) {
    const challenge = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
    await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now));
    await db.insert(loginChallenges).values({
      id: sha256(challenge),
      userId: user.id,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      weakPassword: passwordNeedsChange,
      expiresAt,
    });
    return { kind: "second-factor", challenge, expiresAt };
  }
  return openSession(db, settings, user, input, { passwordNeedsChange, how: "mật khẩu" });
}

/** Second step: the code from the authenticator app, or a one-time recovery code. */
export async function completeSecondFactor(db: Db, settings: SignInSettings, input: { challenge: string; code: string } & Attempt): Promise<SignInResult> {
  const { now } = settings;
  const [pending] = await db
    .select()
    .from(loginChallenges)
    .where(eq(loginChallenges.id, sha256(input.challenge)));
  if (!pending || pending.expiresAt <= now) {
    throw new AppError(401, "CHALLENGE_EXPIRED", "Bước xác thực đã hết hạn. Vui lòng nhập lại tên đăng nhập và mật khẩu.");
  }
  const [user] = await db.select().from(users).where(eq(users.id, pending.userId));
  if (!user?.active) throw invalidCredentials();
  await reserveAttempt(db, user.username, input.ip, now, settings.throttle);
  const used = await spendSecondFactor(db, user.id, input.code, now, settings.secretsKey);
  if (!used) {
    const attempts = pending.attempts + 1;
    await db.transaction(async (tx) => {
      // A challenge allows a few codes; after that the password must be typed again.
      if (attempts >= CHALLENGE_TRIES) await tx.delete(loginChallenges).where(eq(loginChallenges.id, pending.id));
      else await tx.update(loginChallenges).set({ attempts }).where(eq(loginChallenges.id, pending.id));
      await writeAudit(tx, visitor(input.requestId), {
        action: "auth.login_failed",
        entity: "user",
        entityId: user.id,
        summary: `Đăng nhập không thành công vào tài khoản ${user.username} (sai mã xác thực hai bước) từ ${input.ip}`,
      });
    });
    if (attempts >= CHALLENGE_TRIES) {
      throw new AppError(401, "CHALLENGE_EXPIRED", "Mã xác thực không đúng. Bạn đã nhập sai quá nhiều lần; vui lòng nhập lại tên đăng nhập và mật khẩu.");
    }
    throw new AppError(
      401,
      "INVALID_CODE",
      "Mã xác thực không đúng hoặc đã được dùng. Vui lòng nhập mã 6 chữ số đang hiện trên ứng dụng xác thực, hoặc một mã khôi phục.",
    );
  }
  await forgiveAttempt(db, user.username, input.ip, now, settings.throttle);
  await db.delete(loginChallenges).where(eq(loginChallenges.id, pending.id));
  return openSession(db, settings, user, input, {
    passwordNeedsChange: pending.weakPassword,
    how: used === "recovery" ? "mật khẩu và mã khôi phục" : "mật khẩu và mã xác thực hai bước",
  });
}

async function openSession(
  db: Db,
  settings: SignInSettings,
  user: typeof users.$inferSelect,
  attempt: Attempt,
  opts: { passwordNeedsChange: boolean; how: string },
): Promise<SignInResult> {
  const { now } = settings;
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(lt(sessions.expiresAt, now));
    await tx.insert(sessions).values({
      id: sha256(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + settings.sessionHours * 3_600_000),
      ip: attempt.ip,
      userAgent: attempt.userAgent?.slice(0, 300) ?? null,
    });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await writeAudit(tx, asActor(user, attempt.requestId), {
      action: "auth.login",
      entity: "user",
      entityId: user.id,
      summary: `${user.username} đăng nhập bằng ${opts.how} từ ${attempt.ip}`,
    });
  });
  return { kind: "session", token, csrfToken, userId: user.id, passwordNeedsChange: opts.passwordNeedsChange };
}

/** Ends the session of this token, and says so in the audit log. */
export async function logout(db: Db, token: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [ended] = await tx
      .delete(sessions)
      .where(eq(sessions.id, sha256(token)))
      .returning({ userId: sessions.userId, ip: sessions.ip });
    if (!ended) return;
    const [user] = await tx.select().from(users).where(eq(users.id, ended.userId));
    if (!user) return;
    await writeAudit(tx, asActor(user, requestId), { action: "auth.logout", entity: "user", entityId: user.id, summary: `${user.username} đăng xuất` });
  });
}

/** Grants of a user, each with the path of the unit it covers. */
export async function loadGrants(db: Executor, userId: number): Promise<(Grant & { id: number; unitId: number | null; unitName: string | null })[]> {
  const rows = await db
    .select({ id: roleAssignments.id, role: roleAssignments.role, unitId: roleAssignments.unitId, path: units.path, unitName: units.name })
    .from(roleAssignments)
    .leftJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(roleAssignments.id);
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    unitId: r.unitId,
    unitName: r.unitName,
    scopePath: r.unitId === null ? null : (r.path ?? "/__none__/"),
  }));
}

// A session's last use is written at most this often, so reading pages does not write on every request.
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves a session token to the actor and its CSRF token, or null when absent, past its absolute lifetime, or idle
 * longer than `idleMinutes`.
 */
export async function resolveSession(
  db: Db,
  token: string,
  clock: { now: Date; idleMinutes: number } = { now: new Date(), idleMinutes: DEFAULT_SESSION_IDLE_MINUTES },
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const { now } = clock;
  const id = sha256(token);
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      fullName: users.fullName,
      active: users.active,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row?.active || row.expiresAt <= now) return null;
  const idleMs = now.getTime() - row.lastSeenAt.getTime();
  if (idleMs > clock.idleMinutes * 60_000) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  const grants = await loadGrants(db, row.userId);
  return {
    actor: { userId: row.userId, username: row.username, fullName: row.fullName, grants: grants.map(({ role, scopePath }) => ({ role, scopePath })) },
    csrfToken: row.csrfToken,
  };
}

export async function describeMe(db: Db, actor: Actor, csrfToken: string) {
  const grants = await loadGrants(db, actor.userId);
  return {
    id: actor.userId,
    username: actor.username,
    fullName: actor.fullName,
    roles: grants.map((g) => ({
      id: g.id,
      role: g.role,
      roleLabel: ROLES.find((r) => r.value === g.role)?.label ?? g.role,
      unitId: g.unitId,
      unitName: g.unitName,
    })),
    capabilities: capabilitiesOf(actor.grants),
    secondFactor: await secondFactorStatus(db, actor),
    csrfToken,
  };
}

export async function changePassword(db: Db, actor: Actor, input: { currentPassword: string; newPassword: string }, keepSessionToken: string) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await checkPassword(user.passwordHash, input.currentPassword))) {
    throw badRequest("WRONG_PASSWORD", "Mật khẩu hiện tại không đúng.");
  }
  if (input.currentPassword === input.newPassword) throw badRequest("SAME_PASSWORD", "Mật khẩu mới phải khác mật khẩu hiện tại.");
  assertStrongPassword(input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    // Other sessions of this user end: a changed password must lock out whoever knew the old one.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), sql`${sessions.id} <> ${sha256(keepSessionToken)}`));
    await tx.delete(loginChallenges).where(eq(loginChallenges.userId, user.id));
    await writeAudit(tx, actor, { action: "user.change_password", entity: "user", entityId: user.id, summary: `${user.username} đổi mật khẩu` });
  });
}

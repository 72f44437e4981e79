import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { roleAssignments, sessions, units, users } from "../../db/schema.js";
import { capabilitiesOf, type Grant, ROLES, type Role } from "../../domain/access.js";
import { AppError, badRequest } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { assertStrongPassword, checkPassword, hashPassword } from "./passwords.js";

let dummyHash: Promise<string> | undefined;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** What the sessions table stores for a cookie token. */
export const sessionHash = sha256;

export interface LoginPolicy {
  maxFailures: number;
  lockMinutes: number;
  sessionHours: number;
}

const fmtTime = (d: Date) =>
  d.toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", day: "2-digit", month: "2-digit", year: "numeric" });

/** Checks the password, counts failures, locks the account after too many, and opens a session. */
export async function login(db: Db, policy: LoginPolicy, input: { username: string; password: string; ip?: string; userAgent?: string }) {
  const invalid = new AppError(401, "INVALID_CREDENTIALS", "Tên đăng nhập hoặc mật khẩu không đúng.");
  const [user] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${input.username.trim()})`);
  if (!user?.active) {
    // Spend the same time as a real check so usernames cannot be probed by timing.
    dummyHash ??= hashPassword("không-có-tài-khoản-này");
    await checkPassword(await dummyHash, input.password);
    throw invalid;
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError(
      423,
      "ACCOUNT_LOCKED",
      `Tài khoản đang bị tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${fmtTime(user.lockedUntil)} hoặc liên hệ quản trị hệ thống.`,
    );
  }
  const ok = await checkPassword(user.passwordHash, input.password);
  if (!ok) {
    const failures = user.failedLogins + 1;
    const lock = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock })
        .where(eq(users.id, user.id));
      if (lock) {
        await writeAudit(
          tx,
          { userId: 0, username: "system", fullName: "Hệ thống", grants: [] },
          {
            action: "user.lock",
            entity: "user",
            entityId: user.id,
            summary: `Tạm khóa tài khoản ${user.username} đến ${fmtTime(lock)} sau ${failures} lần nhập sai mật khẩu`,
          },
        );
      }
    });
    if (lock) {
      throw new AppError(423, "ACCOUNT_LOCKED", `Bạn đã nhập sai mật khẩu ${failures} lần. Tài khoản bị tạm khóa đến ${fmtTime(lock)}.`);
    }
    throw invalid;
  }
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(lt(sessions.expiresAt, now));
    await tx.insert(sessions).values({
      id: sha256(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + policy.sessionHours * 3_600_000),
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
  });
  return { token, csrfToken, userId: user.id };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256(token)));
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

/** Resolves a session token to the actor and its CSRF token, or null when absent or expired. */
export async function resolveSession(db: Db, token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
  const [row] = await db
    .select({ userId: users.id, username: users.username, fullName: users.fullName, active: users.active, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date())));
  if (!row?.active) return null;
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
    csrfToken,
  };
}

export async function changePassword(db: Db, actor: Actor, input: { currentPassword: string; newPassword: string }, keepSessionToken: string) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await checkPassword(user.passwordHash, input.currentPassword))) {
    throw badRequest("WRONG_PASSWORD", "Mật khẩu hiện tại không đúng.");
  }
  if (input.currentPassword === input.newPassword) throw badRequest("SAME_PASSWORD", "Mật khẩu mới phải khác mật khẩu hiện tại.");
  assertStrongPassword(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    // Other sessions of this user end: a changed password must lock out whoever knew the old one.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), sql`${sessions.id} <> ${sha256(keepSessionToken)}`));
    await writeAudit(tx, actor, { action: "user.change_password", entity: "user", entityId: user.id, summary: `${user.username} đổi mật khẩu` });
  });
}

import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { loginChallenges, roleAssignments, sessions, units, users } from "../../db/schema.js";
import { ROLES, type Role } from "../../domain/access.js";
import { isWithin } from "../../domain/org.js";
import { vietnameseCollator } from "../../domain/vietnamese-sort.js";
import { badRequest, conflict, notFound, versionConflict } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { assertStrongPassword, hashPassword } from "../auth/passwords.js";
import { hasSecondFactor, removeSecondFactor } from "../auth/second-factor.js";
import { loadGrants } from "../auth/service.js";
import { accountWaitUntil, clearAccountThrottle } from "../auth/throttle.js";
import { assertCan } from "../scope.js";
import { findUnit } from "../units/service.js";

type UserRow = typeof users.$inferSelect;

async function presentUser(db: Executor, u: UserRow) {
  const grants = await loadGrants(db, u.id);
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    personId: u.personId,
    active: u.active,
    secondFactor: await hasSecondFactor(db, u.id),
    signInWaitUntil: (await accountWaitUntil(db, u.username, new Date()))?.toISOString() ?? null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
    roles: grants.map((g) => ({
      id: g.id,
      role: g.role,
      roleLabel: ROLES.find((r) => r.value === g.role)?.label ?? g.role,
      unitId: g.unitId,
      unitName: g.unitName,
    })),
  };
}

const snapshot = (u: UserRow) => ({ username: u.username, fullName: u.fullName, personId: u.personId, active: u.active });

async function findUser(db: Executor, id: number) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u) throw notFound(`tài khoản có mã số ${id}`);
  return u;
}

// Accounts are system-wide: "/" is inside no unit, so only a system-wide grant passes.
const manage = (actor: Actor) => assertCan(actor, "users.manage", "/", "Chỉ quản trị hệ thống được quản lý tài khoản.");

export async function listUsers(db: Executor, actor: Actor) {
  manage(actor);
  const rows = await db.select().from(users).orderBy(users.username);
  return Promise.all(rows.map((u) => presentUser(db, u)));
}

/** Creates an account (used by the API, the CLI and the demo seed). */
export async function createUser(db: Db, actor: Actor, input: { username: string; fullName: string; password: string; personId?: number | null }) {
  manage(actor);
  if (!/^[a-zA-Z0-9._-]{3,40}$/.test(input.username)) {
    throw badRequest("BAD_USERNAME", "Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.", [
      { path: "username", message: "Tên đăng nhập không hợp lệ" },
    ]);
  }
  assertStrongPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${input.username})`);
    if (taken)
      throw conflict("DUPLICATE_USERNAME", `Tên đăng nhập "${input.username}" đã có người dùng. Vui lòng chọn tên khác.`, [
        { path: "username", message: "Đã tồn tại" },
      ]);
    const [u] = await tx
      .insert(users)
      .values({ username: input.username, fullName: input.fullName, passwordHash, personId: input.personId ?? null })
      .returning();
    await writeAudit(tx, actor, {
      action: "user.create",
      entity: "user",
      entityId: u.id,
      summary: `Tạo tài khoản ${u.username} (${u.fullName})`,
      after: snapshot(u),
    });
    return presentUser(tx, u);
  });
}

export async function updateUser(db: Db, actor: Actor, id: number, input: { version: number; fullName?: string; active?: boolean }) {
  manage(actor);
  return db.transaction(async (tx) => {
    const u = await findUser(tx, id);
    if (u.version !== input.version) throw versionConflict(`Tài khoản ${u.username}`);
    if (input.active === false && u.id === actor.userId) throw badRequest("SELF_DEACTIVATE", "Bạn không thể tự khóa tài khoản của chính mình.");
    const [next] = await tx
      .update(users)
      .set({ fullName: input.fullName ?? u.fullName, active: input.active ?? u.active, updatedAt: new Date(), version: u.version + 1 })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning();
    if (!next) throw versionConflict(`Tài khoản ${u.username}`);
    if (!next.active) await tx.delete(sessions).where(eq(sessions.userId, id));
    await writeAudit(tx, actor, {
      action: "user.update",
      entity: "user",
      entityId: id,
      summary: `Cập nhật tài khoản ${u.username}`,
      before: snapshot(u),
      after: snapshot(next),
    });
    return presentUser(tx, next);
  });
}

export async function resetPassword(db: Db, actor: Actor, id: number, newPassword: string) {
  manage(actor);
  const target = await findUser(db, id);
  assertStrongPassword(newPassword, target.username);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const u = await findUser(tx, id);
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date(), version: u.version + 1 })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    // A sign-in half done with the old password (waiting for its second factor) ends too.
    await tx.delete(loginChallenges).where(eq(loginChallenges.userId, id));
    await writeAudit(tx, actor, { action: "user.reset_password", entity: "user", entityId: id, summary: `Đặt lại mật khẩu cho ${u.username}` });
  });
}

/**
 * Lifts every sign-in wait on the account, from any address (accounts are never locked; repeated wrong passwords
 * only make the next attempt from that address wait).
 */
export async function unlockUser(db: Db, actor: Actor, id: number) {
  manage(actor);
  const u = await findUser(db, id);
  await clearAccountThrottle(db, u.username);
  await db.transaction((tx) =>
    writeAudit(tx, actor, { action: "user.unlock", entity: "user", entityId: id, summary: `Xóa thời gian chờ đăng nhập của tài khoản ${u.username}` }),
  );
  return presentUser(db, u);
}

/** Turns off a user's second factor (lost phone and recovery codes); the user can enrol again after signing in. */
export async function resetSecondFactor(db: Db, actor: Actor, id: number) {
  manage(actor);
  return db.transaction(async (tx) => {
    const u = await findUser(tx, id);
    if (!(await removeSecondFactor(tx, id))) throw conflict("TOTP_NOT_ON", `Tài khoản ${u.username} chưa bật xác thực hai bước.`);
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await writeAudit(tx, actor, {
      action: "user.totp_reset",
      entity: "user",
      entityId: id,
      summary: `Tắt xác thực hai bước của tài khoản ${u.username} (mất thiết bị xác thực)`,
    });
    return presentUser(tx, u);
  });
}

export async function addRole(db: Db, actor: Actor, id: number, input: { role: Role; unitId: number | null }) {
  manage(actor);
  return db.transaction(async (tx) => {
    const u = await findUser(tx, id);
    if (input.role !== "admin" && input.unitId === null) {
      throw badRequest("UNIT_REQUIRED", "Vai trò này cần chọn đơn vị phạm vi (vai trò được áp dụng cho đơn vị đó và các đơn vị trực thuộc).", [
        { path: "unitId", message: "Chọn đơn vị" },
      ]);
    }
    if (input.role === "admin" && input.unitId !== null) {
      throw badRequest("ADMIN_IS_GLOBAL", "Vai trò Quản trị hệ thống áp dụng cho toàn hệ thống; không chọn đơn vị.", [
        { path: "unitId", message: "Bỏ chọn đơn vị" },
      ]);
    }
    const unit = input.unitId === null ? null : await findUnit(tx, input.unitId);
    const [dup] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, id),
          eq(roleAssignments.role, input.role),
          input.unitId === null ? sql`${roleAssignments.unitId} is null` : eq(roleAssignments.unitId, input.unitId),
        ),
      );
    if (dup) throw conflict("DUPLICATE_ROLE", "Tài khoản đã có vai trò này ở đơn vị này.");
    await tx.insert(roleAssignments).values({ userId: id, role: input.role, unitId: input.unitId });
    const label = ROLES.find((r) => r.value === input.role)?.label ?? input.role;
    await writeAudit(tx, actor, {
      action: "user.grant",
      entity: "user",
      entityId: id,
      unitId: unit?.id ?? null,
      summary: `Giao vai trò "${label}"${unit ? ` tại ${unit.name}` : " toàn hệ thống"} cho ${u.username}`,
      after: { role: input.role, unitId: input.unitId },
    });
    return presentUser(tx, u);
  });
}

export async function removeRole(db: Db, actor: Actor, id: number, assignmentId: number) {
  manage(actor);
  return db.transaction(async (tx) => {
    const u = await findUser(tx, id);
    const [a] = await tx
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, id)));
    if (!a) throw notFound("vai trò này của tài khoản");
    if (a.role === "admin" && a.unitId === null) {
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.role, "admin"), sql`${roleAssignments.unitId} is null`));
      if (n <= 1) throw conflict("LAST_ADMIN", "Không thể gỡ vai trò quản trị của tài khoản quản trị cuối cùng.");
    }
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId));
    const [unit] = a.unitId ? await tx.select({ name: units.name }).from(units).where(eq(units.id, a.unitId)) : [];
    const label = ROLES.find((r) => r.value === a.role)?.label ?? a.role;
    await writeAudit(tx, actor, {
      action: "user.revoke",
      entity: "user",
      entityId: id,
      unitId: a.unitId,
      summary: `Gỡ vai trò "${label}"${unit ? ` tại ${unit.name}` : ""} của ${u.username}`,
      before: { role: a.role, unitId: a.unitId },
    });
    return presentUser(tx, u);
  });
}

/**
 * Active accounts holding any of `roles` whose scope meets the unit at `unitPath` (contains it or lies inside it),
 * each with the roles it holds there, in Vietnamese name order.
 */
export async function accountsWithRolesNear(db: Executor, unitPath: string, roles: string[]) {
  const rows = await db
    .select({ id: users.id, fullName: users.fullName, username: users.username, role: roleAssignments.role, path: units.path })
    .from(roleAssignments)
    .innerJoin(users, and(eq(users.id, roleAssignments.userId), eq(users.active, true)))
    .leftJoin(units, eq(units.id, roleAssignments.unitId))
    .where(inArray(roleAssignments.role, roles));
  const seen = new Map<number, { id: number; fullName: string; username: string; roles: string[] }>();
  for (const r of rows) {
    if (r.path && !(isWithin(unitPath, r.path) || isWithin(r.path, unitPath))) continue;
    const u = seen.get(r.id) ?? { id: r.id, fullName: r.fullName, username: r.username, roles: [] };
    u.roles.push(r.role);
    seen.set(r.id, u);
  }
  return [...seen.values()].sort((a, b) => vietnameseCollator.compare(a.fullName, b.fullName));
}

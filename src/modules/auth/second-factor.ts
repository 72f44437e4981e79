// The optional TOTP second factor: enrolment (secret shown once, confirmed by a code), one-time recovery codes,
// use at sign-in, and turning it off with a code. The rules of the codes are pure: src/domain/totp.ts.
import { createHash, randomBytes, randomInt } from "node:crypto";
import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { userRecoveryCodes, userTotp } from "../../db/schema.js";
import { base32Decode, base32Encode, matchTotp, newRecoveryCode, normaliseRecoveryCode, offersSecondFactor, otpauthUri } from "../../domain/totp.js";
import { badRequest, conflict, forbidden } from "../../http/errors.js";
import type { Actor } from "../actor.js";
import { writeAudit } from "../audit/write-audit.js";
import { openSecret, sealSecret } from "./secret-box.js";

const ISSUER = "Thi Đua";
const RECOVERY_CODES = 10;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export interface SecretsSettings {
  now: Date;
  secretsKey: string | null;
}

export async function hasSecondFactor(db: Executor, userId: number): Promise<boolean> {
  const [row] = await db
    .select({ userId: userTotp.userId })
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.confirmedAt)));
  return Boolean(row);
}

/** Whether the account may enrol, has enrolled, and how many recovery codes remain. */
export async function secondFactorStatus(db: Executor, actor: Actor) {
  const enabled = await hasSecondFactor(db, actor.userId);
  const [{ left }] = await db
    .select({ left: count() })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, actor.userId), isNull(userRecoveryCodes.usedAt)));
  return { offered: offersSecondFactor(actor.grants) || enabled, enabled, recoveryCodesLeft: enabled ? left : 0 };
}

/** Starts enrolment: a fresh secret, shown this once as text and as the otpauth URI for a QR code. */
export async function startEnrolment(db: Db, actor: Actor, settings: SecretsSettings) {
  if (!offersSecondFactor(actor.grants)) {
    throw forbidden("Xác thực hai bước dành cho tài khoản quản trị hệ thống và cán bộ cơ quan thường trực.");
  }
  if (await hasSecondFactor(db, actor.userId)) {
    throw conflict("TOTP_ALREADY_ON", "Tài khoản đã bật xác thực hai bước. Muốn chuyển sang điện thoại khác, hãy tắt rồi bật lại.");
  }
  const secret = base32Encode(randomBytes(20));
  const sealed = sealSecret(secret, settings.secretsKey);
  await db
    .insert(userTotp)
    .values({ userId: actor.userId, secret: sealed, createdAt: settings.now })
    .onConflictDoUpdate({ target: userTotp.userId, set: { secret: sealed, confirmedAt: null, lastUsedStep: null, createdAt: settings.now } });
  return { secret, uri: otpauthUri({ secret, account: actor.username, issuer: ISSUER }) };
}

async function issueRecoveryCodes(tx: Executor, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, () => newRecoveryCode((n) => randomInt(n)));
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  await tx.insert(userRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: sha256(normaliseRecoveryCode(c)) })));
  return codes;
}

/** Confirms enrolment with the first code from the app; returns the recovery codes, shown this once. */
export async function confirmEnrolment(db: Db, actor: Actor, code: string, settings: SecretsSettings) {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, actor.userId));
  if (!row) throw conflict("TOTP_NOT_STARTED", "Bạn chưa bắt đầu bật xác thực hai bước. Vui lòng bấm “Bật xác thực hai bước” để nhận mã QR.");
  if (row.confirmedAt) throw conflict("TOTP_ALREADY_ON", "Tài khoản đã bật xác thực hai bước.");
  const step = matchTotp(base32Decode(openSecret(row.secret, settings.secretsKey)), code, settings.now, null);
  if (step === null) {
    throw badRequest("INVALID_CODE", "Mã xác thực không đúng. Hãy nhập mã 6 chữ số đang hiện trên ứng dụng xác thực (kiểm tra giờ của điện thoại).");
  }
  return db.transaction(async (tx) => {
    await tx.update(userTotp).set({ confirmedAt: settings.now, lastUsedStep: step }).where(eq(userTotp.userId, actor.userId));
    const recoveryCodes = await issueRecoveryCodes(tx, actor.userId);
    await writeAudit(tx, actor, { action: "user.totp_enable", entity: "user", entityId: actor.userId, summary: `${actor.username} bật xác thực hai bước` });
    return { recoveryCodes };
  });
}

/**
 * Accepts a TOTP code (each 30-second code once) or an unused recovery code (then spent) for the user; says which,
 * or null when neither matches.
 */
export async function spendSecondFactor(db: Db, userId: number, typed: string, now: Date, secretsKey: string | null): Promise<"totp" | "recovery" | null> {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  if (!row?.confirmedAt) return null;
  if (/^\s*\d{6}\s*$/.test(typed)) {
    const step = matchTotp(base32Decode(openSecret(row.secret, secretsKey)), typed, now, row.lastUsedStep);
    if (step === null) return null;
    // Conditional on the step not having moved meanwhile: two requests with the same code cannot both pass.
    const claimed = await db
      .update(userTotp)
      .set({ lastUsedStep: step })
      .where(and(eq(userTotp.userId, userId), row.lastUsedStep === null ? isNull(userTotp.lastUsedStep) : eq(userTotp.lastUsedStep, row.lastUsedStep)))
      .returning({ userId: userTotp.userId });
    return claimed.length ? "totp" : null;
  }
  const spent = await db
    .update(userRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(userRecoveryCodes.userId, userId), eq(userRecoveryCodes.codeHash, sha256(normaliseRecoveryCode(typed))), isNull(userRecoveryCodes.usedAt)))
    .returning({ id: userRecoveryCodes.id });
  return spent.length ? "recovery" : null;
}

/** Turns the second factor off; needs a current code or a recovery code, so a borrowed session alone cannot. */
export async function disableSecondFactor(db: Db, actor: Actor, code: string, settings: SecretsSettings) {
  if (!(await hasSecondFactor(db, actor.userId))) throw conflict("TOTP_NOT_ON", "Tài khoản chưa bật xác thực hai bước.");
  if (!(await spendSecondFactor(db, actor.userId, code, settings.now, settings.secretsKey))) {
    throw badRequest("INVALID_CODE", "Mã xác thực không đúng hoặc đã được dùng. Nhập mã 6 chữ số trên ứng dụng xác thực hoặc một mã khôi phục.");
  }
  await db.transaction(async (tx) => {
    await removeSecondFactor(tx, actor.userId);
    await writeAudit(tx, actor, { action: "user.totp_disable", entity: "user", entityId: actor.userId, summary: `${actor.username} tắt xác thực hai bước` });
  });
}

/** Issues a new set of recovery codes (the old ones stop working); needs a current code. */
export async function renewRecoveryCodes(db: Db, actor: Actor, code: string, settings: SecretsSettings) {
  if (!(await hasSecondFactor(db, actor.userId))) throw conflict("TOTP_NOT_ON", "Tài khoản chưa bật xác thực hai bước.");
  if ((await spendSecondFactor(db, actor.userId, code, settings.now, settings.secretsKey)) !== "totp") {
    throw badRequest("INVALID_CODE", "Mã xác thực không đúng hoặc đã được dùng. Nhập mã 6 chữ số đang hiện trên ứng dụng xác thực.");
  }
  return db.transaction(async (tx) => {
    const recoveryCodes = await issueRecoveryCodes(tx, actor.userId);
    await writeAudit(tx, actor, {
      action: "user.recovery_codes",
      entity: "user",
      entityId: actor.userId,
      summary: `${actor.username} tạo bộ mã khôi phục mới`,
    });
    return { recoveryCodes };
  });
}

/** Removes a user's second factor and recovery codes (the caller audits why). */
export async function removeSecondFactor(tx: Executor, userId: number): Promise<boolean> {
  const removed = await tx.delete(userTotp).where(eq(userTotp.userId, userId)).returning({ userId: userTotp.userId });
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  return removed.length > 0;
}

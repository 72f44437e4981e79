// Stores the sign-in throttle counters (the schedule itself is pure: src/domain/login-throttle.ts).
import { and, eq, gt, inArray, isNull, lt, max, or, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { loginThrottle } from "../../db/schema.js";
import { afterFailure, type ThrottleCounter, type ThrottlePolicy, throttleKeys, waitSeconds } from "../../domain/login-throttle.js";
import { AppError } from "../../http/errors.js";

const sayWait = (seconds: number) => (seconds < 90 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`);

/** The refusal while a wait runs: the same words whether or not the account exists. */
export function throttled(seconds: number): AppError {
  return new AppError(429, "LOGIN_THROTTLED", `Bạn đã đăng nhập sai nhiều lần. Vui lòng thử lại sau ${sayWait(seconds)}.`, { retryAfterSeconds: seconds });
}

/**
 * Counts an attempt as a failure before it is checked, so parallel guesses cannot slip past a wait; refuses with 429
 * while one runs. A successful attempt gives its count back with `forgiveAttempt`.
 */
export async function reserveAttempt(db: Db, username: string, ip: string, now: Date, policy: ThrottlePolicy): Promise<void> {
  const keys = throttleKeys(username, ip);
  const wait = await db.transaction(async (tx) => {
    await tx
      .insert(loginThrottle)
      .values([keys.account, keys.ip].map((key) => ({ key, failures: 0, lastFailureAt: now })))
      .onConflictDoNothing();
    const rows = await tx
      .select()
      .from(loginThrottle)
      .where(inArray(loginThrottle.key, [keys.account, keys.ip]))
      .orderBy(loginThrottle.key)
      .for("update");
    const byKey = new Map<string, ThrottleCounter>(rows.map((r) => [r.key, r]));
    const seconds = Math.max(waitSeconds(byKey.get(keys.account), now), waitSeconds(byKey.get(keys.ip), now));
    if (seconds > 0) return seconds;
    for (const [key, free] of [
      [keys.account, policy.freeFailures],
      [keys.ip, policy.ipFreeFailures],
    ] as const) {
      const next = afterFailure(byKey.get(key), now, free, policy);
      await tx.update(loginThrottle).set(next).where(eq(loginThrottle.key, key));
    }
    return 0;
  });
  if (wait > 0) throw throttled(wait);
}

/** After a right password: the account's count from that IP starts over and the IP's count gets this attempt back. */
export async function forgiveAttempt(db: Db, username: string, ip: string, now: Date, policy: ThrottlePolicy): Promise<void> {
  const keys = throttleKeys(username, ip);
  await db.transaction(async (tx) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, keys.account));
    await tx
      .update(loginThrottle)
      .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
      .where(eq(loginThrottle.key, keys.ip));
    // Forgotten streaks are dead weight; clearing them here keeps the table to the recent ones.
    const forgotten = new Date(now.getTime() - policy.forgetAfterHours * 3_600_000);
    await tx
      .delete(loginThrottle)
      .where(and(lt(loginThrottle.lastFailureAt, forgotten), or(isNull(loginThrottle.blockedUntil), lt(loginThrottle.blockedUntil, now))));
  });
}

/** Clears every wait on an account name (an administrator's help for a user stuck behind an attacker's address). */
export async function clearAccountThrottle(db: Db, username: string): Promise<void> {
  await db.delete(loginThrottle).where(sql`${loginThrottle.key} like ${accountPattern(username)}`);
}

// Every (account, IP) key of one account name, as a LIKE pattern (the name's own % and _ taken literally).
const accountPattern = (username: string) => `${throttleKeys(username, "").account.replace(/[\\%_]/g, "\\$&")}%`;

/** Until when the account name must wait from some address (the latest such wait), or null. Shown to administrators. */
export async function accountWaitUntil(db: Executor, username: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ until: max(loginThrottle.blockedUntil) })
    .from(loginThrottle)
    .where(and(sql`${loginThrottle.key} like ${accountPattern(username)}`, gt(loginThrottle.blockedUntil, now)));
  return row?.until ?? null;
}

// Sign-in throttling without lock-out (ASVS 2.2.1): wrong passwords make the next attempt wait, doubling each time,
// per (account name, IP) and — looser — per IP. Nobody can lock a known account from their own address, and an
// unknown name is throttled exactly like a known one, so the answers reveal nothing. Pure: the caller stores counts.

export interface ThrottlePolicy {
  /** Wrong attempts allowed for one account name from one IP before waits begin. */
  freeFailures: number;
  /** Wrong attempts allowed from one IP (all account names together) before waits begin. */
  ipFreeFailures: number;
  /** The longest wait, in seconds. */
  maxDelaySeconds: number;
  /** Failures older than this are forgotten. */
  forgetAfterHours: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { freeFailures: 5, ipFreeFailures: 30, maxDelaySeconds: 900, forgetAfterHours: 24 };

/** Seconds to wait after `failures` wrong attempts when the first `free` cost nothing: 2, 4, 8… up to `max`. */
export function delayAfter(failures: number, free: number, maxDelaySeconds: number): number {
  if (failures <= free) return 0;
  return Math.min(maxDelaySeconds, 2 ** Math.min(failures - free, 30));
}

/** A stored counter: how many failures, the last one, and until when the next attempt must wait. */
export interface ThrottleCounter {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

/** Whole seconds still to wait before another attempt, 0 when one may be made now. */
export function waitSeconds(counter: ThrottleCounter | undefined, now: Date): number {
  if (!counter?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((counter.blockedUntil.getTime() - now.getTime()) / 1000));
}

/** The counter after one more failure at `now` (forgetting an old streak first). */
export function afterFailure(counter: ThrottleCounter | undefined, now: Date, free: number, policy: ThrottlePolicy): ThrottleCounter {
  const stale = !counter || now.getTime() - counter.lastFailureAt.getTime() > policy.forgetAfterHours * 3_600_000;
  const failures = (stale ? 0 : counter.failures) + 1;
  const delay = delayAfter(failures, free, policy.maxDelaySeconds);
  return { failures, lastFailureAt: now, blockedUntil: delay ? new Date(now.getTime() + delay * 1000) : null };
}

/** The keys an attempt is counted under: the account name from that IP, and the IP alone. */
export function throttleKeys(username: string, ip: string): { account: string; ip: string } {
  return { account: `account:${username.trim().toLowerCase()}|${ip}`, ip: `ip:${ip}` };
}

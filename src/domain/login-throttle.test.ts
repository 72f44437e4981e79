import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterFailure, DEFAULT_THROTTLE, delayAfter, type ThrottleCounter, throttleKeys, waitSeconds } from "./login-throttle.js";

const policy = DEFAULT_THROTTLE;
const t0 = new Date("2026-12-01T01:00:00Z");
const later = (s: number) => new Date(t0.getTime() + s * 1000);

describe("the waiting schedule", () => {
  it("costs nothing for the first free failures, then doubles from 2 s up to the cap", () => {
    expect([0, 1, 5, 6, 7, 8, 9, 13, 14, 40].map((f) => delayAfter(f, 5, 900))).toEqual([0, 0, 0, 2, 4, 8, 16, 256, 512, 900]);
  });

  it("never shrinks as failures grow and never passes the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 86_400 }), (f, free, max) => {
        const d = delayAfter(f, free, max);
        expect(d).toBeLessThanOrEqual(max);
        expect(delayAfter(f + 1, free, max)).toBeGreaterThanOrEqual(d);
      }),
    );
  });
});

describe("a counter over time", () => {
  it("lets an attempt through once the wait is over, refusing it before", () => {
    let c: ThrottleCounter | undefined;
    for (let i = 0; i < 6; i++) c = afterFailure(c, t0, 5, policy);
    expect(c?.failures).toBe(6);
    expect(waitSeconds(c, t0)).toBe(2);
    expect(waitSeconds(c, later(1.2))).toBe(1);
    expect(waitSeconds(c, later(2))).toBe(0);
    c = afterFailure(c, later(2), 5, policy);
    expect(waitSeconds(c, later(2))).toBe(4);
  });

  it("forgets a streak a day old", () => {
    let c: ThrottleCounter | undefined;
    for (let i = 0; i < 9; i++) c = afterFailure(c, t0, 5, policy);
    expect(afterFailure(c, later(25 * 3600), 5, policy)).toEqual({ failures: 1, lastFailureAt: later(25 * 3600), blockedUntil: null });
  });

  it("keys an account name per IP (any spelling of the name) and the IP alone", () => {
    expect(throttleKeys(" NoiVu.VinhLong ", "10.0.0.7")).toEqual({ account: "account:noivu.vinhlong|10.0.0.7", ip: "ip:10.0.0.7" });
    expect(throttleKeys("noivu.vinhlong", "10.0.0.8").account).not.toBe(throttleKeys("noivu.vinhlong", "10.0.0.7").account);
  });
});

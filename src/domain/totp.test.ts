import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, newRecoveryCode, normaliseRecoveryCode, offersSecondFactor, otpauthUri, totp } from "./totp.js";

const ascii = (s: string) => Buffer.from(s, "ascii");

describe("RFC 4648 base32", () => {
  it.each([
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ])("%j ↔ %s", (plain, encoded) => {
    expect(base32Encode(ascii(plain))).toBe(encoded);
    expect(base32Decode(encoded).toString("ascii")).toBe(plain);
  });

  it("round-trips any bytes, ignoring case, spaces and padding when decoding", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const text = base32Encode(bytes);
        expect([...base32Decode(text)]).toEqual([...bytes]);
        expect([...base32Decode(`${text.toLowerCase().replace(/(.{4})/g, "$1 ")}==`)]).toEqual([...bytes]);
      }),
    );
  });

  it("refuses a character outside the alphabet", () => {
    expect(() => base32Decode("MZ1W")).toThrow(/base32/);
  });
});

describe("RFC 4226 HOTP (appendix D)", () => {
  const secret = ascii("12345678901234567890");
  const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
  it.each(expected.map((code, counter) => [counter, code] as const))("counter %i → %s", (counter, code) => {
    expect(hotp(secret, counter)).toBe(code);
  });
});

describe("RFC 6238 TOTP (appendix B, 8 digits)", () => {
  const seeds = {
    sha1: ascii("12345678901234567890"),
    sha256: ascii("12345678901234567890123456789012"),
    sha512: ascii("1234567890123456789012345678901234567890123456789012345678901234"),
  };
  const table: [number, string, string, string][] = [
    [59, "94287082", "46119246", "90693936"],
    [1111111109, "07081804", "68084774", "25091201"],
    [1111111111, "14050471", "67062674", "99943326"],
    [1234567890, "89005924", "91819424", "93441116"],
    [2000000000, "69279037", "90698825", "38618901"],
    [20000000000, "65353130", "77737706", "47863826"],
  ];
  it.each(table)("T = %i s", (seconds, sha1, sha256, sha512) => {
    const at = new Date(seconds * 1000);
    expect(totp(seeds.sha1, at, 8, "sha1")).toBe(sha1);
    expect(totp(seeds.sha256, at, 8, "sha256")).toBe(sha256);
    expect(totp(seeds.sha512, at, 8, "sha512")).toBe(sha512);
  });
});

describe("matching a typed code", () => {
  const secret = ascii("12345678901234567890");
  const at = new Date(1_234_567_890_000);
  const step = Math.floor(1_234_567_890 / 30);

  it("accepts the current code and one step of drift either way, and says which step", () => {
    expect(matchTotp(secret, totp(secret, at), at, null)).toBe(step);
    expect(matchTotp(secret, totp(secret, new Date(at.getTime() - 30_000)), at, null)).toBe(step - 1);
    expect(matchTotp(secret, totp(secret, new Date(at.getTime() + 30_000)), at, null)).toBe(step + 1);
    expect(matchTotp(secret, ` ${totp(secret, at).slice(0, 3)} ${totp(secret, at).slice(3)} `, at, null)).toBe(step);
  });

  it("refuses codes two steps away, malformed codes, and a code whose step was already used", () => {
    expect(matchTotp(secret, totp(secret, new Date(at.getTime() - 60_000)), at, null)).toBeNull();
    expect(matchTotp(secret, "12345", at, null)).toBeNull();
    expect(matchTotp(secret, "abcdef", at, null)).toBeNull();
    expect(matchTotp(secret, totp(secret, at), at, step)).toBeNull();
    expect(matchTotp(secret, totp(secret, new Date(at.getTime() - 30_000)), at, step - 1)).toBeNull();
  });
});

describe("enrolment helpers", () => {
  it("writes the otpauth URI authenticator apps read", () => {
    expect(otpauthUri({ secret: "JBSWY3DPEHPK3PXP", account: "noivu.vinhlong", issuer: "Thi Đua" })).toBe(
      "otpauth://totp/Thi%20%C4%90ua%3Anoivu.vinhlong?secret=JBSWY3DPEHPK3PXP&issuer=Thi+%C4%90ua&algorithm=SHA1&digits=6&period=30",
    );
  });

  it("makes recovery codes of 10 unambiguous characters in two groups; typing them loosely still matches", () => {
    let i = 0;
    const code = newRecoveryCode((n) => i++ % n);
    expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(code).not.toMatch(/[01ilo]/);
    expect(normaliseRecoveryCode(` ${code.toUpperCase().replace("-", " - ")} `)).toBe(code.replace("-", ""));
  });

  it("offers the second factor to administrators and office staff", () => {
    expect(offersSecondFactor([{ role: "admin" }])).toBe(true);
    expect(offersSecondFactor([{ role: "focal" }, { role: "office" }])).toBe(true);
    expect(offersSecondFactor([{ role: "focal" }, { role: "signer" }])).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box.js";

describe("TOTP secrets at rest", () => {
  it("are sealed with AES-GCM under SECRETS_KEY: unreadable without it, tamper-evident, fresh each time", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", "khoa-bi-mat-dai");
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealSecret("JBSWY3DPEHPK3PXP", "khoa-bi-mat-dai")).not.toBe(sealed);
    expect(openSecret(sealed, "khoa-bi-mat-dai")).toBe("JBSWY3DPEHPK3PXP");
    expect(() => openSecret(sealed, "khoa-khac")).toThrow();
    expect(() => openSecret(sealed, null)).toThrow(/SECRETS_KEY/);
    const [v, iv, tag, body] = sealed.split(":");
    const flipped = `${body[0] === "A" ? "B" : "A"}${body.slice(1)}`;
    expect(() => openSecret([v, iv, tag, flipped].join(":"), "khoa-bi-mat-dai")).toThrow();
  });

  it("without a key are stored marked as plain, and still read after a key is configured later", () => {
    const plain = sealSecret("JBSWY3DPEHPK3PXP", null);
    expect(plain).toBe("plain:JBSWY3DPEHPK3PXP");
    expect(openSecret(plain, null)).toBe("JBSWY3DPEHPK3PXP");
    expect(openSecret(plain, "khoa-moi")).toBe("JBSWY3DPEHPK3PXP");
  });
});

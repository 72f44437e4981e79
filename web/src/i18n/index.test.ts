import { describe, expect, it } from "vitest";
import { keysUnder, t, tMaybe } from "./index";
import vi from "./vi.json";

describe("message catalogue", () => {
  it("fills placeholders, numbers with Vietnamese separators, missing values as nothing", () => {
    expect(t("password.tooShort", { min: 12, length: 8 })).toBe("Mật khẩu cần ít nhất 12 ký tự (hiện có 8).");
    expect(t("password.tooLong", { max: 1234 })).toBe("Mật khẩu không dài quá 1.234 ký tự.");
    expect(t("password.tooLong", { max: null })).toBe("Mật khẩu không dài quá  ký tự.");
  });

  it("falls back for an optional key and lists the keys under a prefix", () => {
    expect(tMaybe("không.có.khóa.này", "mặc định")).toBe("mặc định");
    expect(keysUnder("plans.tab.")).toEqual(expect.arrayContaining(["general", "awards", "check"]));
  });

  it("holds only non-empty Vietnamese text", () => {
    for (const [key, text] of Object.entries(vi)) expect(text.trim(), key).not.toBe("");
  });
});

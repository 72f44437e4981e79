import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describePasswordProblems, PASSWORD_MIN_LENGTH, passwordProblems } from "./password-policy.js";

const codes = (pw: string, username?: string) => passwordProblems(pw, { username }).map((p) => p.code);

describe("password policy", () => {
  it("accepts long passwords and passphrases, with no rule about kinds of characters", () => {
    expect(codes("ThiDua@CCHC2026")).toEqual([]);
    expect(codes("cây tre trăm đốt ở làng")).toEqual([]);
    expect(codes("correcthorsebatterystaple")).toEqual([]);
    expect(codes("tôi-đi-làm-lúc-bảy-giờ")).toEqual([]);
  });

  it("needs 12 characters, counted as people count them (Vietnamese letters are one each)", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(passwordProblems("Abc12345678")).toEqual([{ code: "TOO_SHORT", length: 11 }]);
    expect(codes("Trường Sa 74")).toEqual([]);
    expect(codes("Trường Sa 74".normalize("NFD"))).toEqual([]);
  });

  it("refuses common and breached passwords, also with digits or symbols stuck on either end", () => {
    for (const pw of ["123456789012", "qwertyuiop123", "password1234", "Password@2026", "iloveyou1234", "!!Dragon2026!!", "matkhau123456", "ThiDua@2026!"]) {
      expect(codes(pw), pw).toContain("COMMON");
    }
  });

  it("refuses a password built on the account's name, or a few characters repeated", () => {
    expect(codes("noivu.vinhlong-2026", "noivu.vinhlong")).toEqual(["HAS_USERNAME"]);
    expect(codes("NOIVU.VINHLONG-2026", "noivu.vinhlong")).toEqual(["HAS_USERNAME"]);
    expect(codes("abababababab")).toEqual(["TOO_REPETITIVE"]);
  });

  it("says every problem in one Vietnamese sentence", () => {
    expect(describePasswordProblems(passwordProblems("qwerty1"))).toBe(
      "Mật khẩu mới chưa đủ mạnh: cần ít nhất 12 ký tự (hiện có 7); không dùng mật khẩu phổ biến hoặc đã bị lộ (kể cả khi thêm số hay ký hiệu ở đầu, cuối); hãy chọn một cụm từ riêng dễ nhớ.",
    );
    expect(describePasswordProblems([])).toBeNull();
  });

  it("any password shorter than 12 characters is refused for its length", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 11 }), (pw) => {
        expect(codes(pw)).toContain("TOO_SHORT");
      }),
    );
  });
});

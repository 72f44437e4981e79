import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../../src/domain/password-policy";
import { newPasswordRules } from "./passwordRules";

type Validator = (rule: unknown, value: string | undefined) => Promise<void>;
const validate = (value: string | undefined) => {
  const rule = newPasswordRules.find((r) => typeof r === "object" && "validator" in r) as { validator: Validator };
  return rule.validator({}, value);
};

describe("new password length as the user types", () => {
  it("accepts the server's minimum, counting letters not bytes", async () => {
    await expect(validate("đ".repeat(PASSWORD_MIN_LENGTH))).resolves.toBeUndefined();
    await expect(validate("Mật khẩu dài của tôi")).resolves.toBeUndefined();
  });

  it("says how long it is when too short", async () => {
    await expect(validate("ngắn quá")).rejects.toThrow(`ít nhất ${PASSWORD_MIN_LENGTH} ký tự (hiện có 8)`);
  });

  it("refuses more than the server allows", async () => {
    await expect(validate("a".repeat(PASSWORD_MAX_LENGTH + 1))).rejects.toThrow(String(PASSWORD_MAX_LENGTH));
  });

  it("leaves an empty field to the required rule", async () => {
    await expect(validate(undefined)).resolves.toBeUndefined();
    expect(newPasswordRules[0]).toMatchObject({ required: true });
  });
});

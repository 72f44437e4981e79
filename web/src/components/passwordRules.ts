import type { FormRule } from "antd";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../../src/domain/password-policy";
import { t } from "../i18n";

/**
 * The length part of the server's policy (src/domain/password-policy.ts), checked as the user types; the list of
 * common and breached passwords is checked by the server, which says what to fix.
 */
export const newPasswordRules: FormRule[] = [
  { required: true, message: t("password.required") },
  {
    validator: (_rule, value: string | undefined) => {
      const length = value ? [...value.normalize("NFC")].length : 0;
      if (!value || length >= PASSWORD_MIN_LENGTH) {
        return length > PASSWORD_MAX_LENGTH ? Promise.reject(new Error(t("password.tooLong", { max: PASSWORD_MAX_LENGTH }))) : Promise.resolve();
      }
      return Promise.reject(new Error(t("password.tooShort", { min: PASSWORD_MIN_LENGTH, length })));
    },
  },
];

/** Confirmation field that must equal the field `fieldName`. */
export function confirmPasswordRules(fieldName: string): FormRule[] {
  return [
    { required: true, message: t("password.confirmRequired") },
    ({ getFieldValue }) => ({
      validator: (_rule, value: string | undefined) =>
        !value || getFieldValue(fieldName) === value ? Promise.resolve() : Promise.reject(new Error(t("password.mismatch"))),
    }),
  ];
}

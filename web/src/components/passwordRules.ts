import type { FormRule } from "antd";
import { t } from "../i18n";

/** The server's rule: at least 8 characters with letters and digits. */
export const newPasswordRules: FormRule[] = [
  { required: true, message: t("password.required") },
  { min: 8, message: t("password.tooShort") },
  {
    validator: (_rule, value: string | undefined) =>
      !value || (/\p{L}/u.test(value) && /\d/.test(value)) ? Promise.resolve() : Promise.reject(new Error(t("password.needsLettersDigits"))),
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

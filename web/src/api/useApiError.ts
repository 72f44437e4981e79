// One place that turns API failures into what the user sees: inline form errors for
// VALIDATION details, a warning plus reload for VERSION_CONFLICT, otherwise the server's message.
import { useQueryClient } from "@tanstack/react-query";
import { App, type FormInstance } from "antd";
import { useCallback } from "react";
import { t } from "../i18n";
import { ApiError } from "./client";
import { setSignedOut } from "./queries";

export interface ErrorHandlingOptions {
  /** Form whose fields receive `details[].path` messages. */
  form?: FormInstance;
  /** Called after a 409 VERSION_CONFLICT, typically to reload the record. */
  onConflict?: () => void;
}

// Errors without details[] that still concern one form field.
const FIELD_OF_CODE: Record<string, string> = {
  BAD_USERNAME: "username",
  DUPLICATE_USERNAME: "username",
  UNIT_REQUIRED: "unitId",
  ADMIN_IS_GLOBAL: "unitId",
  DUPLICATE_ROLE: "role",
  WRONG_PASSWORD: "currentPassword",
  SAME_PASSWORD: "newPassword",
  WEAK_PASSWORD: "newPassword",
  SAME_UNIT: "targetId",
};

function toNamePath(path: string): (string | number)[] {
  return path
    .replace(/^body[./]/, "")
    .split(/[./]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function useApiError() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  return useCallback(
    (err: unknown, options: ErrorHandlingOptions = {}) => {
      if (err instanceof DOMException && err.name === "AbortError") return;
      if (!(err instanceof ApiError)) {
        message.error(err instanceof Error && err.message ? err.message : t("error.unexpected"));
        return;
      }
      if (err.status === 401 && err.code === "UNAUTHENTICATED") {
        // The session ended: say so, then the route guard sends the user to the login page.
        message.warning(err.message);
        setSignedOut(queryClient);
        return;
      }
      if (err.code === "VERSION_CONFLICT") {
        message.warning(`${err.message} ${t("error.reloaded")}`);
        options.onConflict?.();
        return;
      }
      const fieldErrors = err.fieldErrors;
      const registered = new Set(options.form ? Object.keys(options.form.getFieldsValue()) : []);
      const codeField = FIELD_OF_CODE[err.code];
      if (options.form && fieldErrors.length === 0 && codeField && registered.has(codeField)) {
        options.form.setFields([{ name: codeField, errors: [err.message] }]);
        return;
      }
      if (options.form && fieldErrors.length > 0) {
        const unplaced: string[] = [];
        const fields = [];
        for (const detail of fieldErrors) {
          const name = toNamePath(detail.path ?? "");
          if (name.length > 0 && registered.has(String(name[0]))) {
            fields.push({ name, errors: [detail.message] });
          } else {
            unplaced.push(detail.message);
          }
        }
        if (fields.length > 0) options.form.setFields(fields);
        message.error(unplaced.length > 0 ? `${err.message} ${unplaced.join("; ")}` : err.message);
        return;
      }
      if (fieldErrors.length > 0) {
        message.error(`${err.message} ${fieldErrors.map((d) => d.message).join("; ")}`);
        return;
      }
      message.error(err.message);
    },
    [message, queryClient],
  );
}

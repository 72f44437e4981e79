// Every user-facing string lives in vi.json; t() looks it up and fills `{name}` placeholders.
import { formatNumber } from "../format";
import vi from "./vi.json";

export type MessageKey = keyof typeof vi;

const messages: Record<string, string> = vi;

export function t(key: MessageKey, params?: Record<string, string | number | null | undefined>): string {
  const template = messages[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return "";
    return typeof value === "number" ? formatNumber(value) : value;
  });
}

/** Looks up an optional key such as `entity.unit`, falling back to the given text. */
export function tMaybe(key: string, fallback: string): string {
  return messages[key] ?? fallback;
}

/** The suffixes of every catalogue key under `prefix` ("action." → ["unit.create", …]). */
export function keysUnder(prefix: string): string[] {
  return Object.keys(messages)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));
}

// Thin fetch wrapper for the Thi Đua API: same-origin cookies, JSON bodies,
// CSRF header on state-changing requests, and typed errors.
import { type MessageKey, t } from "../i18n";

export interface ApiErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field errors of a 400 VALIDATION response, if any. */
  get fieldErrors(): ApiErrorDetail[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter((d): d is ApiErrorDetail => typeof d === "object" && d !== null && typeof (d as ApiErrorDetail).message === "string");
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const CSRF_COOKIE = "td_csrf";

// The token from the last /api/auth/me or login answer, used when the cookie cannot be read.
let csrfFallback: string | null = null;

export function rememberCsrfToken(token: string | null | undefined): void {
  csrfFallback = token ?? null;
}

export function readCookie(name: string): string | null {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(";")) {
    const item = part.trim();
    if (item.startsWith(prefix)) return decodeURIComponent(item.slice(prefix.length));
  }
  return null;
}

export function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? csrfFallback;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `/api/...?...`, dropping empty query values. */
export function apiUrl(path: string, query?: Query): string {
  const url = path.startsWith("/api") ? path : `/api${path.startsWith("/") ? "" : "/"}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

const FALLBACK_MESSAGE_KEYS: Record<number, MessageKey> = {
  0: "error.network",
  401: "error.401",
  403: "error.403",
  404: "error.404",
  409: "error.409",
  413: "error.413",
  429: "error.429",
};

function fallbackMessage(status: number): string {
  const key = FALLBACK_MESSAGE_KEYS[status];
  return key ? t(key) : t("error.generic", { status: String(status) });
}

/** Turns a non-2xx answer body (already parsed or raw text) into an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === "object") {
    const b = body as { code?: unknown; message?: unknown; details?: unknown };
    const code = typeof b.code === "string" ? b.code : `HTTP_${status}`;
    const message = typeof b.message === "string" && b.message.trim() ? b.message : fallbackMessage(status);
    return new ApiError(status, code, message, b.details);
  }
  return new ApiError(status, `HTTP_${status}`, fallbackMessage(status));
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = (options.method ?? (options.body === undefined ? "GET" : "POST")).toUpperCase();
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (UNSAFE_METHODS.has(method)) {
    const token = csrfToken();
    if (token) headers["x-csrf-token"] = token;
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "NETWORK", fallbackMessage(0));
  }

  const text = await response.text();
  const parsed = parseBody(text);
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => api<T>(path, { method: "GET", query, signal }),
  post: <T>(path: string, body: unknown = {}) => api<T>(path, { method: "POST", body }),
  patch: <T>(path: string, body: unknown) => api<T>(path, { method: "PATCH", body }),
  put: <T>(path: string, body: unknown) => api<T>(path, { method: "PUT", body }),
  delete: <T>(path: string) => api<T>(path, { method: "DELETE" }),
};

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

/**
 * Multipart upload through XMLHttpRequest, because fetch cannot report upload progress.
 * `onProgress` receives a percentage 0–100.
 */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (percent: number) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open("POST", apiUrl(path));
    xhr.withCredentials = false; // same-origin requests send cookies anyway
    xhr.setRequestHeader("Accept", "application/json");
    const token = csrfToken();
    if (token) xhr.setRequestHeader("x-csrf-token", token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(Math.round((event.loaded / event.total) * 100));
      }
    };
    xhr.onload = () => {
      const parsed = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(parsed as T);
      } else {
        reject(toApiError(xhr.status, parsed));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", fallbackMessage(0)));
    xhr.onabort = () => reject(new DOMException("Aborted", "AbortError"));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

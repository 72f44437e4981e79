import path from "node:path";

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  seedDemo: boolean;
  secureCookies: boolean;
  sessionHours: number;
  login: { maxFailures: number; lockMinutes: number; perMinute: number };
  import: { maxBytes: number; maxRows: number };
  files: { dir: string; maxBytes: number };
  logLevel: string;
}

function int(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) ? n : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? "0.0.0.0",
    dataDir: path.resolve(env.DATA_DIR ?? "./data"),
    databaseUrl: env.DATABASE_URL || null,
    seedDemo: (env.SEED_DEMO ?? "true") !== "false",
    secureCookies: env.SECURE_COOKIES === "true",
    sessionHours: int(env.SESSION_HOURS, 12),
    login: {
      maxFailures: int(env.LOGIN_MAX_FAILURES, 5),
      lockMinutes: int(env.LOGIN_LOCK_MINUTES, 15),
      perMinute: int(env.LOGIN_RATE_PER_MINUTE, 20),
    },
    import: {
      maxBytes: int(env.IMPORT_MAX_BYTES, 10 * 1024 * 1024),
      maxRows: int(env.IMPORT_MAX_ROWS, 20000),
    },
    files: {
      dir: path.resolve(env.FILES_DIR ?? path.join(env.DATA_DIR ?? "./data", "files")),
      maxBytes: int(env.FILE_MAX_BYTES, 20 * 1024 * 1024),
    },
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  };
}

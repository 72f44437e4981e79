import path from "node:path";
import { DEFAULT_THROTTLE, type ThrottlePolicy } from "./domain/login-throttle.js";
import { parseReminderDays } from "./domain/movement/monitoring.js";

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  seedDemo: boolean;
  /** Session cookies carry `Secure` (also whenever the request itself came over HTTPS). */
  secureCookies: boolean;
  /** Behind a reverse proxy: believe X-Forwarded-For/-Proto for the client's IP and scheme. */
  trustProxy: boolean;
  /** Absolute session lifetime. */
  sessionHours: number;
  /** A session unused this long ends. */
  sessionIdleMinutes: number;
  /** Sign-in throttling (growing waits, never a lock; see src/domain/login-throttle.ts) and the per-IP rate limit. */
  login: ThrottlePolicy & { perMinute: number };
  /** Key that encrypts TOTP secrets at rest (any long random string); null stores them unencrypted. */
  secretsKey: string | null;
  import: { maxBytes: number; maxRows: number };
  files: {
    dir: string;
    maxBytes: number;
    /** `local` (default) or `s3` for any S3-compatible store. */
    storage: "local" | "s3";
    s3: { endpoint?: string; region: string; bucket: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean; prefix: string };
  };
  logLevel: string;
  /**
   * The audit log's MAC key (AUDIT_KEY: 32 bytes in base64 or hex) or a file holding it (AUDIT_KEY_FILE); with neither,
   * `audit.key` in the data folder, made on first start. Checkpoints of the chain's head go to the file store every
   * `checkpointMinutes` (0: only at start and shutdown).
   */
  audit: { key: string | null; keyFile: string | null; checkpointMinutes: number };
  /**
   * The secret that seals secret-ballot urns (BALLOT_KEY, 32 bytes in base64 or hex); kept off the database so its
   * administrator cannot open an urn. Null: a key file `ballot.key` in the data folder, made on first use.
   */
  ballotKey: string | null;
  /** E-mail: `log` writes messages to the app log; `smtp` sends them with nodemailer. */
  mail: MailConfig;
  /** The reminder job: days before a deadline (0 the day itself, negative after it), how often it runs, from what hour. */
  reminders: { days: number[]; intervalMinutes: number; fromHour: number };
  /**
   * Daily backups into the file store at `hour` (Vietnam time), the newest `keep` kept. On by default (02:00) for the
   * embedded database; with DATABASE_URL only when BACKUP_HOUR is set. `hour` null: off (BACKUP_HOUR=off).
   */
  backup: { hour: number | null; keep: number };
}

export interface MailConfig {
  provider: "log" | "smtp";
  from: string;
  /** smtp(s)://user:pass@host:port — takes precedence over host/port/user/pass. */
  smtpUrl: string | null;
  smtpHost: string | null;
  smtpPort: number;
  smtpSecure: boolean;
  smtpUser: string | null;
  smtpPass: string | null;
  /** Where the web app is reached (https://thidua.example.gov.vn), to put full links in e-mails; null: paths only. */
  appUrl: string | null;
}

/** Minutes without a request after which a session ends (an office keeps a page open over a meeting, not a day). */
export const DEFAULT_SESSION_IDLE_MINUTES = 60;

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
    // Production serves HTTPS; SECURE_COOKIES=false is the escape hatch for a plain-HTTP intranet install.
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === "true" : env.NODE_ENV === "production",
    trustProxy: env.TRUST_PROXY === "true",
    sessionHours: int(env.SESSION_HOURS, 12),
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, DEFAULT_SESSION_IDLE_MINUTES),
    login: {
      freeFailures: int(env.LOGIN_FREE_FAILURES, DEFAULT_THROTTLE.freeFailures),
      ipFreeFailures: int(env.LOGIN_IP_FREE_FAILURES, DEFAULT_THROTTLE.ipFreeFailures),
      maxDelaySeconds: int(env.LOGIN_MAX_DELAY_SECONDS, DEFAULT_THROTTLE.maxDelaySeconds),
      forgetAfterHours: DEFAULT_THROTTLE.forgetAfterHours,
      perMinute: int(env.LOGIN_RATE_PER_MINUTE, 20),
    },
    secretsKey: env.SECRETS_KEY || null,
    import: {
      maxBytes: int(env.IMPORT_MAX_BYTES, 10 * 1024 * 1024),
      maxRows: int(env.IMPORT_MAX_ROWS, 20000),
    },
    files: {
      dir: path.resolve(env.FILES_DIR ?? path.join(env.DATA_DIR ?? "./data", "files")),
      maxBytes: int(env.FILE_MAX_BYTES, 20 * 1024 * 1024),
      storage: env.STORAGE === "s3" ? "s3" : "local",
      s3: {
        endpoint: env.S3_ENDPOINT || undefined,
        region: env.S3_REGION ?? "us-east-1",
        bucket: env.S3_BUCKET ?? "thidua",
        accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
        forcePathStyle: (env.S3_FORCE_PATH_STYLE ?? "true") !== "false",
        prefix: env.S3_PREFIX ?? "files/",
      },
    },
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
    audit: {
      key: env.AUDIT_KEY || null,
      keyFile: env.AUDIT_KEY_FILE ? path.resolve(env.AUDIT_KEY_FILE) : null,
      checkpointMinutes: Math.max(0, int(env.AUDIT_CHECKPOINT_MINUTES, 5)),
    },
    ballotKey: env.BALLOT_KEY || null,
    mail: {
      provider: env.MAIL_PROVIDER === "smtp" || (env.MAIL_PROVIDER !== "log" && Boolean(env.SMTP_URL || env.SMTP_HOST)) ? "smtp" : "log",
      from: env.MAIL_FROM || "Thi Đua <thidua@localhost>",
      smtpUrl: env.SMTP_URL || null,
      smtpHost: env.SMTP_HOST || null,
      smtpPort: int(env.SMTP_PORT, 587),
      smtpSecure: env.SMTP_SECURE ? env.SMTP_SECURE === "true" : int(env.SMTP_PORT, 587) === 465,
      smtpUser: env.SMTP_USER || null,
      smtpPass: env.SMTP_PASS || null,
      appUrl: env.APP_URL ? env.APP_URL.replace(/\/+$/, "") : null,
    },
    reminders: {
      days: parseReminderDays(env.REMINDER_DAYS),
      intervalMinutes: int(env.REMINDER_INTERVAL_MINUTES, 15),
      fromHour: Math.min(23, Math.max(0, int(env.REMINDER_FROM_HOUR, 7))),
    },
    backup: {
      hour: env.BACKUP_HOUR === "off" || (!env.BACKUP_HOUR && env.DATABASE_URL) ? null : Math.min(23, Math.max(0, int(env.BACKUP_HOUR, 2))),
      keep: Math.max(1, int(env.BACKUP_KEEP, 7)),
    },
  };
}

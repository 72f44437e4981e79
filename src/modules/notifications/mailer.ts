// E-mail behind one small interface: `log` (default) writes each message to the app log, `smtp` sends it with
// nodemailer. Callers never let a failed send stop their work: they log it and go on.
import type { MailConfig } from "../../config.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly provider: string;
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/** The part of a pino / Fastify logger the mailer and the jobs use. */
export interface AppLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Writes every message to `logger` instead of sending it (development, tests, installations without SMTP). */
export function logMailer(logger: AppLogger, from: string): Mailer {
  return {
    provider: "log",
    async send(message) {
      logger.info({ mail: { from, ...message } }, `E-mail (chưa gửi thật, MAIL_PROVIDER=log) tới ${message.to}: ${message.subject}`);
    },
    async close() {},
  };
}

/** Sends through an SMTP server with nodemailer (SMTP_URL, or SMTP_HOST/PORT/USER/PASS). */
export async function smtpMailer(config: MailConfig): Promise<Mailer> {
  const nodemailer = (await import("nodemailer")).default;
  if (!config.smtpUrl && !config.smtpHost) throw new Error("MAIL_PROVIDER=smtp cần SMTP_URL hoặc SMTP_HOST.");
  const transport = config.smtpUrl
    ? nodemailer.createTransport(config.smtpUrl)
    : nodemailer.createTransport({
        host: config.smtpHost as string,
        port: config.smtpPort,
        secure: config.smtpSecure,
        auth: config.smtpUser ? { user: config.smtpUser, pass: config.smtpPass ?? "" } : undefined,
      });
  return {
    provider: "smtp",
    async send(message) {
      await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
    },
    async close() {
      transport.close();
    },
  };
}

/** The mailer the configuration names. */
export async function createMailer(config: MailConfig, logger: AppLogger): Promise<Mailer> {
  return config.provider === "smtp" ? smtpMailer(config) : logMailer(logger, config.from);
}

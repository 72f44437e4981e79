import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { type AppLogger, createMailer } from "../modules/notifications/mailer.js";

/** A minimal SMTP server that accepts every message and keeps what it received. */
function fakeSmtp() {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let current = { from: "", to: [] as string[], data: "" };
    socket.write("220 fake.smtp ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: "", to: [], data: "" };
          socket.write("250 OK queued\r\n");
          continue;
        }
        const nl = buffer.indexOf("\r\n");
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250-fake.smtp\r\n250 8BITMIME\r\n");
        else if (verb === "MAIL") {
          current.from = line;
          socket.write("250 OK\r\n");
        } else if (verb === "RCPT") {
          current.to.push(line);
          socket.write("250 OK\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
          return;
        } else socket.write("250 OK\r\n");
      }
    });
  });
  return { server, received };
}

const silent: AppLogger = { info() {}, warn() {}, error() {} };
const smtp = fakeSmtp();
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.server.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

describe("mail configuration", () => {
  it("defaults to the log provider; SMTP settings switch to smtp unless MAIL_PROVIDER=log", () => {
    expect(loadConfig({}).mail).toMatchObject({ provider: "log", from: "Thi Đua <thidua@localhost>", smtpPort: 587, smtpSecure: false, appUrl: null });
    expect(loadConfig({ SMTP_HOST: "mail.vinhlong.gov.vn", SMTP_PORT: "465" }).mail).toMatchObject({ provider: "smtp", smtpPort: 465, smtpSecure: true });
    expect(loadConfig({ SMTP_URL: "smtp://u:p@h:25", MAIL_PROVIDER: "log" }).mail.provider).toBe("log");
    expect(loadConfig({ APP_URL: "https://thidua.gov.vn/" }).mail.appUrl).toBe("https://thidua.gov.vn");
  });

  it("reads the reminder schedule", () => {
    expect(loadConfig({}).reminders).toEqual({ days: [3, 1, -1], intervalMinutes: 15, fromHour: 7 });
    expect(loadConfig({ REMINDER_DAYS: "7,3,0", REMINDER_INTERVAL_MINUTES: "0", REMINDER_FROM_HOUR: "8" }).reminders).toEqual({
      days: [7, 3, 0],
      intervalMinutes: 0,
      fromHour: 8,
    });
  });
});

describe("mail providers", () => {
  it("log: writes the whole message to the logger", async () => {
    const seen: { obj: any; msg?: string }[] = [];
    const logger: AppLogger = { ...silent, info: (obj, msg) => seen.push({ obj, msg }) };
    const mailer = await createMailer(loadConfig({ MAIL_FROM: "Thi Đua <td@x.vn>" }).mail, logger);
    expect(mailer.provider).toBe("log");
    await mailer.send({ to: "a@x.vn", subject: "Nhắc hạn", text: "Nội dung" });
    expect(seen[0].obj.mail).toEqual({ from: "Thi Đua <td@x.vn>", to: "a@x.vn", subject: "Nhắc hạn", text: "Nội dung" });
    expect(seen[0].msg).toContain("a@x.vn");
  });

  it("smtp: sends through the configured server with nodemailer (SMTP_URL or SMTP_HOST/PORT)", async () => {
    for (const env of [{ SMTP_URL: `smtp://127.0.0.1:${port}` }, { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) }]) {
      const mailer = await createMailer(loadConfig({ ...env, MAIL_FROM: "Thi Đua <thidua@vinhlong.gov.vn>" }).mail, silent);
      expect(mailer.provider).toBe("smtp");
      await mailer.send({ to: "tam.ht@vinhlong.gov.vn", subject: "[Thi Đua] Nhắc hạn đăng ký", text: "Phường 1 chưa đăng ký thi đua." });
      await mailer.close();
    }
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[0].from).toContain("<thidua@vinhlong.gov.vn>");
    expect(smtp.received[0].to[0]).toContain("<tam.ht@vinhlong.gov.vn>");
    expect(smtp.received[0].data).toContain("Subject:");
  });

  it("smtp: a server that cannot be reached makes send reject (the job logs it and continues)", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const mailer = await createMailer(loadConfig({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(deadPort) }).mail, silent);
    await expect(mailer.send({ to: "a@x.vn", subject: "s", text: "t" })).rejects.toThrow();
    await mailer.close();
  });
});

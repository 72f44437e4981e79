import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessments, files, notifications, participants, people, reportSubmissions, units, users } from "../src/db/schema.js";
import { REMINDER_LOCK, runReminderPass } from "../src/jobs/reminders.js";
import { SYSTEM_ACTOR } from "../src/modules/actor.js";
import { syncParticipants } from "../src/modules/movement/participants.js";
import { type AppLogger, logMailer, type Mailer } from "../src/modules/notifications/mailer.js";
import { notify } from "../src/modules/notifications/notify.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let office: Client;
let planId: number;
/** Participant ids: the wards P1 and P2, the Home Affairs office (no focal person), and P1's head as an individual. */
const pid = { p1: 0, p2: 0, pnv: 0, p1Head: 0 };
const uid: Record<string, number> = {};

/** A Vietnam-time instant: vn("2024-04-23", 9) is 09:00 on 23/04/2024 in Hà Nội. */
const vn = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+07:00`);

function capture() {
  const entries: { level: string; obj: any; msg?: string }[] = [];
  const logger: AppLogger = {
    info: (obj, msg) => entries.push({ level: "info", obj, msg }),
    warn: (obj, msg) => entries.push({ level: "warn", obj, msg }),
    error: (obj, msg) => entries.push({ level: "error", obj, msg }),
  };
  return { entries, logger, mails: () => entries.filter((e) => e.obj?.mail).map((e) => e.obj.mail) };
}
const quiet = capture();
const quietMailer = logMailer(quiet.logger, "Thi Đua <thidua@test>");

async function mine(username: string) {
  return t.database.db.select().from(notifications).where(eq(notifications.userId, uid[username])).orderBy(notifications.id);
}

async function fileRow(): Promise<string> {
  const id = randomUUID();
  await t.database.db.insert(files).values({ id, sha256: "0".repeat(64), size: 1, mime: "application/pdf", originalName: "bao-cao.pdf", storageKey: id });
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as("noivu.vinhlong");
  const city = await t.unitId("VL-TPVL");
  const draft = (await office.post("/api/plans", { issuerUnitId: city, template: "003-vinh-long-2024.yaml" })).body;
  // A small movement: three collectives and one individual (the head of Phường 1).
  const data = structuredClone(draft.data);
  data.groups[0].membership = { unitCodes: ["VL-TPVL-P1", "VL-TPVL-P2", "VL-TPVL-PNV"] };
  data.groups[1].membership = { unitCodes: ["VL-TPVL-P1"], headsOnly: true };
  const saved = await office.request("PUT", `/api/plans/${draft.id}`, { version: draft.version, data });
  expect(saved.body.issues).toEqual([]);
  const launched = await office.post(`/api/plans/${draft.id}/launch`, { version: saved.body.version });
  expect(launched.status).toBe(200);
  planId = draft.id;
  expect(await syncParticipants(t.database.db, SYSTEM_ACTOR, planId)).toMatchObject({ total: 4 });

  const rows = await t.database.db
    .select({ id: participants.id, code: units.code, personId: participants.personId })
    .from(participants)
    .innerJoin(units, eq(units.id, participants.unitId))
    .where(eq(participants.planId, planId));
  for (const r of rows) {
    if (r.personId) pid.p1Head = r.id;
    else if (r.code === "VL-TPVL-P1") pid.p1 = r.id;
    else if (r.code === "VL-TPVL-P2") pid.p2 = r.id;
    else if (r.code === "VL-TPVL-PNV") pid.pnv = r.id;
  }
  for (const u of await t.database.db.select().from(users)) uid[u.username] = u.id;

  // Facts: P2 registered on time; Q1 report sent on time by P1 and a day late by P2.
  const db = t.database.db;
  await db
    .update(participants)
    .set({ registeredAt: vn("2024-04-20") })
    .where(eq(participants.id, pid.p2));
  await db.insert(reportSubmissions).values([
    { participantId: pid.p1, milestoneId: "bc-quy-1", fileId: await fileRow(), submittedAt: vn("2024-03-09", 16) },
    { participantId: pid.p2, milestoneId: "bc-quy-1", fileId: await fileRow(), submittedAt: vn("2024-03-11", 8) },
  ]);
});
afterAll(() => t?.close());

describe("monitoring for the standing office", () => {
  it("shows, per milestone, who has done it (on time or late), who is overdue and who is not due yet", async () => {
    t.clock.set(vn("2024-04-27", 10));
    const res = await office.get(`/api/plans/${planId}/monitoring`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ planId, issuerName: "Thành phố Vĩnh Long", today: "2024-04-27", participants: 4 });
    const m = (id: string) => res.body.milestones.find((x: { id: string }) => x.id === id);

    const reg = m("dang-ky");
    expect(reg).toMatchObject({ kind: "registration", tracked: true, due: "2024-04-26", daysLeft: -1 });
    expect(reg.counts).toEqual({ total: 4, done: 1, onTime: 1, late: 0, missing: 3, pending: 0 });
    expect(reg.overdue.map((r: { participantId: number }) => r.participantId).sort()).toEqual([pid.p1, pid.pnv, pid.p1Head].sort());
    const p2 = reg.rows.find((r: { participantId: number }) => r.participantId === pid.p2);
    expect(p2).toMatchObject({ name: "Phường 2", unitName: "Phường 2", state: "on_time", stateLabel: "Đúng hạn", date: "2024-04-20" });
    const head = reg.rows.find((r: { participantId: number }) => r.participantId === pid.p1Head);
    expect(head.name).toMatch(/\(Phường 1\)$/);
    expect(head).toMatchObject({ unitName: "Phường 1", groupId: "ca-nhan", state: "missing", date: null, daysLate: 1 });

    const q1 = m("bc-quy-1");
    expect(q1.counts).toEqual({ total: 4, done: 2, onTime: 1, late: 1, missing: 2, pending: 0 });
    expect(q1.rows.find((r: { participantId: number }) => r.participantId === pid.p2)).toMatchObject({ state: "late", date: "2024-03-11", daysLate: 1 });
    expect(m("bc-6-thang").counts).toMatchObject({ pending: 4, missing: 0 });
    expect(m("tu-cham")).toMatchObject({ kind: "self_assessment", from: "2024-12-01", due: "2024-12-31" });
    expect(m("tu-cham").counts.pending).toBe(4);
    expect(m("kh-cchc")).toMatchObject({ tracked: false, counts: null, rows: [] });
  });

  it("reports the deadline day as a whole day in Vietnam: 23:00 on the 26th is not yet overdue", async () => {
    t.clock.set(vn("2024-04-26", 23));
    const reg = (await office.get(`/api/plans/${planId}/monitoring`)).body.milestones[0];
    expect(reg.counts).toMatchObject({ missing: 0, pending: 3 });
    t.clock.set(new Date("2024-04-26T17:00:00Z"));
    expect((await office.get(`/api/plans/${planId}/monitoring`)).body.milestones[0].counts).toMatchObject({ missing: 3, pending: 0 });
  });

  it("counts a self-assessment only once submitted or confirmed", async () => {
    const db = t.database.db;
    await db.insert(assessments).values([
      { participantId: pid.p1, status: "submitted", submittedAt: vn("2024-12-20") },
      { participantId: pid.p2, status: "draft" },
      { participantId: pid.pnv, status: "confirmed", submittedAt: vn("2025-01-01"), confirmedAt: vn("2025-01-01", 15) },
    ]);
    t.clock.set(vn("2025-01-02"));
    const self = (await office.get(`/api/plans/${planId}/monitoring`)).body.milestones.find((x: { id: string }) => x.id === "tu-cham");
    expect(self.counts).toEqual({ total: 4, done: 2, onTime: 1, late: 1, missing: 2, pending: 0 });
    expect(self.overdue.map((r: { participantId: number }) => r.participantId).sort()).toEqual([pid.p2, pid.p1Head].sort());
    await db.delete(assessments);
  });

  it("filters by group", async () => {
    t.clock.set(vn("2024-04-27"));
    const res = await office.get(`/api/plans/${planId}/monitoring?groupId=ca-nhan`);
    expect(res.body.participants).toBe(1);
    expect(res.body.milestones[0].rows[0].participantId).toBe(pid.p1Head);
  });

  it("is for the standing office only: a ward's focal person gets 403, anonymous 401", async () => {
    const focal = await t.as("daumoi.phuong1");
    const res = await focal.get(`/api/plans/${planId}/monitoring`);
    expect(res.status).toBe(403);
    expect(res.body.message).toContain("không phải cơ quan thường trực");
    expect((await (await t.as()).get(`/api/plans/${planId}/monitoring`)).status).toBe(401);
    expect((await office.get("/api/plans/999999/monitoring")).status).toBe(404);
  });

  it("refuses a plan that is not launched yet", async () => {
    const draft = (await office.post("/api/plans", { issuerUnitId: await t.unitId("VL-TPVL") })).body;
    const res = await office.get(`/api/plans/${draft.id}/monitoring`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("NOT_LAUNCHED");
  });
});

describe("reminders from the scheduled job", () => {
  afterAll(() => t.clock.reset());

  it("3 days before the registration deadline: one reminder per focal person / head and participant not registered", async () => {
    const r = await runReminderPass(t.database.db, vn("2024-04-23"), quietMailer);
    expect(r).toMatchObject({ ran: true, skipped: null, plans: 1, reminders: 4 });
    const reminders = await t.database.db.select().from(notifications).where(eq(notifications.kind, "reminder"));
    const keys = reminders.map((n) => `${n.userId}|${n.dedupeKey}`).sort();
    expect(keys).toEqual(
      [
        `${uid["daumoi.phuong1"]}|reminder:${planId}:dang-ky:${pid.p1}:3`,
        `${uid["thutruong.phuong1"]}|reminder:${planId}:dang-ky:${pid.p1}:3`,
        `${uid["daumoi.phuong1"]}|reminder:${planId}:dang-ky:unit-${await t.unitId("VL-TPVL-P1")}:3`,
        `${uid["thutruong.phuong1"]}|reminder:${planId}:dang-ky:unit-${await t.unitId("VL-TPVL-P1")}:3`,
      ].sort(),
    );
    // Individuals of a unit are summed up in one reminder per unit.
    const perUnit = reminders.find((x) => x.userId === uid["daumoi.phuong1"] && x.dedupeKey?.includes(":unit-"));
    expect(perUnit?.body).toMatch(/^1 cá nhân của Phường 1 \(.+\) chưa đăng ký thi đua/);
    // P2 has registered: its focal person is not reminded. Nobody holds focal/head over the Home Affairs office.
    expect(await mine("daumoi.phuong2")).toEqual([]);
    const n = reminders.find((x) => x.userId === uid["daumoi.phuong1"] && x.dedupeKey?.endsWith(`:${pid.p1}:3`));
    expect(n).toMatchObject({ title: "Nhắc hạn: Gửi Bảng đăng ký thi đua CCHC năm 2024 về Phòng Nội vụ", link: `/phong-trao/${planId}` });
    expect(n?.body).toContain("Phường 1 chưa đăng ký thi đua");
    expect(n?.body).toContain("Hạn chót: hết ngày 26/04/2024 (còn 3 ngày).");
  });

  it("gives the plan's standing office a daily digest of what is overdue, once a day", async () => {
    const digests = await t.database.db.select().from(notifications).where(eq(notifications.kind, "overdue_digest"));
    expect(digests.map((d) => [d.userId, d.dedupeKey])).toEqual([[uid["noivu.vinhlong"], `digest:${planId}:2024-04-23`]]);
    expect(digests[0].title).toContain("Tổng hợp quá hạn ngày 23/04/2024");
    expect(digests[0].body).toContain("Báo cáo CCHC quý I (hạn 10/03/2024): 2/4 chưa gửi báo cáo; 1 thực hiện trễ hạn.");
    expect(digests[0].body).not.toContain("đăng ký");
    // Another office (Ninh Thuận) does not cover Vĩnh Long's plan.
    expect(await mine("snv.ninhthuan")).toEqual([]);
  });

  it("a second pass the same day creates nothing", async () => {
    const before = (await t.database.db.select().from(notifications)).length;
    const r = await runReminderPass(t.database.db, vn("2024-04-23", 15), quietMailer);
    expect(r).toMatchObject({ ran: true, reminders: 0, digests: 0 });
    expect((await t.database.db.select().from(notifications)).length).toBe(before);
  });

  it("two servers passing at the same moment create each reminder once", async () => {
    const before = (await t.database.db.select().from(notifications)).length;
    const [a, b] = await Promise.all([
      runReminderPass(t.database.db, vn("2024-04-25"), quietMailer),
      runReminderPass(t.database.db, vn("2024-04-25"), quietMailer),
    ]);
    // One of them may find the lock taken (PostgreSQL) or run after the other (PGlite serialises transactions).
    expect(a.reminders + b.reminders).toBe(4);
    expect(a.digests + b.digests).toBe(1);
    const all = await t.database.db.select().from(notifications);
    expect(all.length).toBe(before + 5);
    expect(all.filter((x) => x.dedupeKey?.endsWith(":1")).length).toBe(4);
    const [{ dupes }] = await t.database.db
      .select({ dupes: sql<number>`count(*) - count(distinct (${notifications.userId}, ${notifications.dedupeKey}))` })
      .from(notifications);
    expect(Number(dupes)).toBe(0);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))("while another server holds the lock, a pass does nothing (PostgreSQL)", async () => {
    let release = () => {};
    let locked = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const gotLock = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${REMINDER_LOCK})`);
      locked();
      await held;
    });
    await gotLock;
    const r = await runReminderPass(t.database.db, vn("2024-04-25", 16), quietMailer);
    release();
    await holder;
    expect(r).toMatchObject({ ran: false, skipped: "locked", reminders: 0 });
  });

  it("on the day after the deadline: an overdue reminder, and registration joins the office's digest", async () => {
    const r = await runReminderPass(t.database.db, vn("2024-04-27"), quietMailer);
    expect(r).toMatchObject({ ran: true, reminders: 4, digests: 1 });
    const overdue = (await mine("daumoi.phuong1")).filter((n) => n.dedupeKey?.endsWith(":-1"));
    expect(overdue).toHaveLength(2);
    expect(overdue[0].title).toBe("Quá hạn: Gửi Bảng đăng ký thi đua CCHC năm 2024 về Phòng Nội vụ");
    expect(overdue[0].body).toContain("(đã quá hạn 1 ngày)");
    const [digest] = (await mine("noivu.vinhlong")).filter((n) => n.dedupeKey === `digest:${planId}:2024-04-27`);
    expect(digest.body).toContain("Gửi Bảng đăng ký thi đua CCHC năm 2024 về Phòng Nội vụ (hạn 26/04/2024): 3/4 chưa đăng ký.");
    expect(digest.body).toContain("có 5 việc quá hạn");
  });

  it("a participant who has done the step is no longer reminded", async () => {
    await t.database.db
      .update(participants)
      .set({ registeredAt: vn("2024-04-27", 11) })
      .where(eq(participants.id, pid.p1));
    const r = await runReminderPass(t.database.db, vn("2024-04-28"), quietMailer);
    expect(r.reminders).toBe(0);
    await t.database.db.update(participants).set({ registeredAt: null }).where(eq(participants.id, pid.p1));
  });

  it("stays quiet outside the working day and for stale deadlines", async () => {
    expect(await runReminderPass(t.database.db, vn("2024-06-07", 6), quietMailer)).toMatchObject({ ran: false, skipped: "before_hours" });
    // Registration is three days overdue: beyond the catch-up window, so no more per-participant reminders.
    const r = await runReminderPass(t.database.db, vn("2024-04-30"), quietMailer);
    expect(r.reminders).toBe(0);
    expect(r.digests).toBe(1);
  });

  it("sends each new reminder by e-mail (log provider) to users whose person has an address, once", async () => {
    const db = t.database.db;
    const [person] = await db.select().from(people).limit(1);
    await db.update(people).set({ email: "tam.ht@vinhlong.gov.vn" }).where(eq(people.id, person.id));
    await db.update(users).set({ personId: person.id }).where(eq(users.id, uid["daumoi.phuong1"]));
    const cap = capture();
    const mailer = logMailer(cap.logger, "Thi Đua <thidua@vinhlong.gov.vn>");
    // 3 days before the Q2 report nobody has sent it: 5 reminders, but only Phường 1's focal person has an address.
    const r = await runReminderPass(db, vn("2024-06-07"), mailer, { appUrl: "https://thidua.vinhlong.gov.vn" });
    expect(r).toMatchObject({ ran: true, reminders: 5, emails: 1, mailFailures: 0 });
    expect(cap.mails()).toHaveLength(1);
    const mail = cap.mails()[0];
    expect(mail).toMatchObject({ from: "Thi Đua <thidua@vinhlong.gov.vn>", to: "tam.ht@vinhlong.gov.vn", subject: "[Thi Đua] 2 nhắc việc mới" });
    expect(mail.text).toContain("Kính gửi Huỳnh Thanh Tâm,");
    expect(mail.text).toContain('Phường 1 chưa gửi "Báo cáo CCHC 6 tháng"');
    expect(mail.text).toContain(`Xem: https://thidua.vinhlong.gov.vn/phong-trao/${planId}`);
    const again = capture();
    expect(await runReminderPass(db, vn("2024-06-07", 14), logMailer(again.logger, "x"))).toMatchObject({ reminders: 0, emails: 0 });
    expect(again.mails()).toEqual([]);
  });

  it("a failing mail server never fails the pass: the notifications stay, the failure is logged", async () => {
    const cap = capture();
    const broken: Mailer = {
      provider: "smtp",
      send: async () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:25");
      },
      close: async () => {},
    };
    const r = await runReminderPass(t.database.db, vn("2024-06-09"), broken, { logger: cap.logger });
    expect(r).toMatchObject({ ran: true, reminders: 5, emails: 0, mailFailures: 1 });
    expect(cap.entries.find((e) => e.level === "info")?.obj.reminderPass).toMatchObject({ reminders: 5, mailFailures: 1 });
    const warn = cap.entries.find((e) => e.level === "warn");
    expect(warn?.msg).toContain("Không gửi được e-mail nhắc việc");
    expect((await mine("daumoi.phuong1")).some((n) => n.dedupeKey === `reminder:${planId}:bc-6-thang:${pid.p1}:1`)).toBe(true);
  });
});

describe("in-app notifications", () => {
  it("lists my own notifications, newest first, with the unread count", async () => {
    const focal = await t.as("daumoi.phuong1");
    const res = await focal.get("/api/notifications");
    expect(res.status).toBe(200);
    const own = await mine("daumoi.phuong1");
    expect(res.body.total).toBe(own.length);
    expect(res.body.unread).toBe(own.length);
    const times = res.body.items.map((i: { createdAt: string }) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(res.body.items[0]).toMatchObject({ kind: "reminder", read: false, readAt: null, link: `/phong-trao/${planId}` });
    expect(res.body.items.every((i: { id: number }) => own.some((o) => o.id === i.id))).toBe(true);
    const paged = await focal.get("/api/notifications?page=2&pageSize=2");
    expect(paged.body.items.map((i: { id: number }) => i.id)).toEqual(res.body.items.slice(2, 4).map((i: { id: number }) => i.id));
  });

  it("marks one read; another user can neither see nor mark it", async () => {
    const focal = await t.as("daumoi.phuong1");
    const other = await t.as("daumoi.phuong2");
    const [first] = (await focal.get("/api/notifications")).body.items;
    expect((await other.get("/api/notifications")).body.items.some((i: { id: number }) => i.id === first.id)).toBe(false);
    const denied = await other.post(`/api/notifications/${first.id}/read`);
    expect([403, 404]).toContain(denied.status);
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.id, first.id));
    expect(row.readAt).toBeNull();

    t.clock.set("2024-06-10T02:00:00Z");
    const ok = await focal.post(`/api/notifications/${first.id}/read`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: first.id, read: true, readAt: "2024-06-10T02:00:00.000Z" });
    const list = await focal.get("/api/notifications");
    expect(list.body.unread).toBe(list.body.total - 1);
    expect((await focal.get("/api/notifications?unreadOnly=true")).body.items.some((i: { id: number }) => i.id === first.id)).toBe(false);
    t.clock.set("2024-06-11T02:00:00Z");
    expect((await focal.post(`/api/notifications/${first.id}/read`)).body.readAt).toBe("2024-06-10T02:00:00.000Z");
    expect((await focal.post("/api/notifications/999999/read")).status).toBe(404);
    expect((await focal.post("/api/notifications/abc/read")).status).toBe(400);
  });

  it("marks all of mine read and nobody else's", async () => {
    const focal = await t.as("daumoi.phuong1");
    const headBefore = (
      await t.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, uid["thutruong.phuong1"]), isNull(notifications.readAt)))
    ).length;
    const res = await focal.post("/api/notifications/read-all");
    expect(res.status).toBe(200);
    expect(res.body.updated).toBeGreaterThan(0);
    expect((await focal.get("/api/notifications")).body.unread).toBe(0);
    const headAfter = (
      await t.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, uid["thutruong.phuong1"]), isNull(notifications.readAt)))
    ).length;
    expect(headAfter).toBe(headBefore);
    expect(headAfter).toBeGreaterThan(0);
  });

  it("requires a session, and the CSRF token to change anything", async () => {
    expect((await (await t.as()).get("/api/notifications")).status).toBe(401);
    const focal = await t.as("daumoi.phuong1");
    const res = await focal.request("POST", "/api/notifications/read-all", {}, { headers: { "x-csrf-token": "wrong" } });
    expect(res.status).toBe(403);
  });
});

describe("e-mail for events", () => {
  it("the next pass e-mails event notifications (a returned dossier, a vote opened) once; reminders are not mailed twice", async () => {
    const db = t.database.db;
    const actor = { userId: uid["noivu.vinhlong"], username: "noivu.vinhlong", fullName: "Lê Thị Ngọc Lan", grants: [] };
    const at = vn("2024-06-10", 10);
    await notify(
      db,
      actor,
      [uid["daumoi.phuong1"], uid["daumoi.phuong2"]],
      { kind: "nomination", title: "Hồ sơ đề nghị khen thưởng bị trả lại: Phường 1", body: "Bổ sung biên bản.", link: `/phong-trao/${planId}?tab=de-nghi` },
      at,
    );
    // Old enough to be outside the catch-up window: stays in the app only.
    await notify(db, actor, [uid["daumoi.phuong1"]], { kind: "council", title: "Mời bỏ phiếu: phiên cũ", body: "…", link: null }, vn("2024-06-01"));
    const cap = capture();
    const r = await runReminderPass(db, vn("2024-06-10", 10), logMailer(cap.logger, "x"), { appUrl: "https://thidua.vinhlong.gov.vn" });
    // Phường 1's focal person has an address (set above); Phường 2's has none: one mail, two claimed.
    expect(r).toMatchObject({ ran: true, events: 2, emails: 1 });
    expect(cap.mails()).toHaveLength(1);
    expect(cap.mails()[0]).toMatchObject({ to: "tam.ht@vinhlong.gov.vn" });
    expect(cap.mails()[0].text).toContain("Hồ sơ đề nghị khen thưởng bị trả lại: Phường 1");
    expect(cap.mails()[0].text).toContain(`Xem: https://thidua.vinhlong.gov.vn/phong-trao/${planId}?tab=de-nghi`);
    expect(cap.mails()[0].text).not.toContain("phiên cũ");
    const again = capture();
    expect(await runReminderPass(db, vn("2024-06-10", 11), logMailer(again.logger, "x"))).toMatchObject({ events: 0, emails: 0 });
    expect(again.mails()).toEqual([]);
    expect((await mine("daumoi.phuong1")).filter((n) => n.kind === "council")).toHaveLength(1);
  });
});

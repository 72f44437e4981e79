// Council session with a secret ballot, then a decision with reward money and the public honour roll.
import { eq, sql } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nominations, people, users } from "../src/db/schema.js";
import { upload } from "./support/commendation.js";
import { type Client as C, Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let office: C;
let secretary: C;
let member: C;
let chair: C;
let planId: number;
const uid: Record<string, number> = {};
const nom: Record<string, number> = {};
let sessionId: number;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2024-12-20T03:00:00Z");
  office = await t.as("noivu.vinhlong");
  secretary = await t.as("thuky.vinhlong");
  member = await t.as("hoidong.vinhlong");
  chair = await t.as("chutich.vinhlong");
  const draft = (await office.post("/api/plans", { issuerUnitId: await t.unitId("VL-TPVL"), template: "003-vinh-long-2024.yaml" })).body;
  // This file is about the vote: its plan has no eligibility rules, so the accepted wards are eligible and only the
  // council decides (a decision refuses nominees not known to be eligible; see tests/decision-guards.test.ts).
  const plan = (await office.request("PUT", `/api/plans/${draft.id}`, { version: draft.version, data: { ...draft.data, eligibility: [] } })).body;
  await office.post(`/api/plans/${plan.id}/launch`, { version: plan.version });
  planId = plan.id;
  await office.post(`/api/plans/${planId}/participants/sync`);
  const parts = (await office.get(`/api/plans/${planId}/participants?group=tap-the`)).body.items;
  const users = (await (await t.as("admin")).get("/api/users")).body.items;
  for (const u of users) uid[u.username] = u.id;
  for (const [key, name] of [
    ["p1", "Phường 1"],
    ["p2", "Phường 2"],
    ["p3", "Phường 3"],
  ] as const) {
    const participantId = parts.find((p: { name: string }) => p.name === name).id;
    const [n] = await t.database.db
      .insert(nominations)
      .values({ planId, awardFormId: "giay-khen-tp", participantId, proposedByUnitId: await t.unitId("VL-TPVL"), status: "accepted" })
      .returning();
    nom[key] = n.id;
  }
});
afterAll(() => t.close());

describe("council session", () => {
  it("the office creates a session; a ward cannot; members see only their sessions", async () => {
    const body = {
      title: "Phiên họp xét khen thưởng CCHC 2024",
      heldOn: "2024-12-20",
      chairUserId: uid["chutich.vinhlong"],
      secretaryUserId: uid["thuky.vinhlong"],
      memberUserIds: [uid["hoidong.vinhlong"], uid["noivu.vinhlong"]],
    };
    expect((await (await t.as("daumoi.phuong1")).post(`/api/plans/${planId}/council-sessions`, body)).status).toBe(403);
    const res = await office.post(`/api/plans/${planId}/council-sessions`, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ballot: "secret", status: "draft", statusLabel: "Chuẩn bị" });
    expect(res.body.members).toHaveLength(4);
    sessionId = res.body.id;
    expect((await member.get(`/api/plans/${planId}/council-sessions`)).body.items).toHaveLength(1);
    expect((await (await t.as("thamdinh.vinhlong")).get(`/api/council-sessions/${sessionId}`)).status).toBe(403);
  });

  it("the secretary sets the agenda and opens voting only with a quorum", async () => {
    const s = (await secretary.request("PUT", `/api/council-sessions/${sessionId}/agenda`, { nominationIds: [nom.p1, nom.p2, nom.p3] })).body;
    expect(s.agenda.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(["Phường 1", "Phường 2", "Phường 3"]));
    const noQuorum = await secretary.post(`/api/council-sessions/${sessionId}/open`, { version: s.version, present: [uid["thuky.vinhlong"]] });
    expect(noQuorum.status).toBe(409);
    expect(noQuorum.body.message).toBe("Không đủ số thành viên dự họp: 1/4 (cần ≥ 50%); chưa biểu quyết được");
    expect((await member.post(`/api/council-sessions/${sessionId}/open`, { version: s.version, present: [] })).status).toBe(403);
    const opened = await secretary.post(`/api/council-sessions/${sessionId}/open`, {
      version: s.version,
      present: [uid["thuky.vinhlong"], uid["hoidong.vinhlong"], uid["chutich.vinhlong"]],
    });
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe("open");
    // Present members are invited to vote; the absent office and the secretary who opened it are not.
    const invite = (c: C) => c.get("/api/notifications").then((r) => r.body.items.filter((n: { kind: string }) => n.kind === "council"));
    expect(await invite(member)).toEqual([
      expect.objectContaining({ title: "Mời bỏ phiếu: Phiên họp xét khen thưởng CCHC 2024", link: `/hoi-dong/phien/${sessionId}` }),
    ]);
    expect(await invite(chair)).toHaveLength(1);
    expect(await invite(secretary)).toHaveLength(0);
    expect(await invite(office)).toHaveLength(0);
  });

  it("members vote secretly, once per nominee; an absent member cannot; results stay closed until the end", async () => {
    const vote = (c: C, p1: string, p2: string, p3: string) =>
      c.post(`/api/council-sessions/${sessionId}/ballots`, {
        choices: [
          { nominationId: nom.p1, choice: p1 },
          { nominationId: nom.p2, choice: p2 },
          { nominationId: nom.p3, choice: p3 },
        ],
      });
    expect((await vote(member, "approve", "approve", "reject")).status).toBe(204);
    expect((await vote(secretary, "approve", "reject", "reject")).status).toBe(204);
    expect((await vote(chair, "approve", "approve", "abstain")).status).toBe(204);
    const again = await vote(member, "reject", "reject", "reject");
    expect(again.status).toBe(409);
    expect(again.body.message).toContain("mỗi thành viên chỉ bỏ phiếu một lần");
    const absent = await vote(office, "approve", "approve", "approve");
    expect(absent.status).toBe(403);
    expect(absent.body.message).toContain("không có tên trong danh sách có mặt");
    const early = await secretary.get(`/api/council-sessions/${sessionId}/results`);
    expect(early.status).toBe(409);
    expect(early.body.message).toBe("Kết quả bỏ phiếu chỉ được mở sau khi kết thúc phiên họp.");
    expect((await member.get(`/api/council-sessions/${sessionId}`)).body.myVotes.sort()).toEqual([nom.p1, nom.p2, nom.p3].sort());
  });

  it("stores nothing per ballot while the vote is open: receipts say who voted, the urn is sealed", async () => {
    const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
    const tables = (await rows(sql`select table_name from information_schema.tables where table_schema = 'public'`)).map((r) => r.table_name);
    expect(tables).not.toContain("ballots");
    expect(await rows(sql`select * from ballot_counts where session_id = ${sessionId}`)).toEqual([]);
    const [urn] = await rows(sql`select * from ballot_urns where session_id = ${sessionId}`);
    expect(String(urn.sealed)).toMatch(/^v1\./);
    expect(String(urn.sealed)).not.toMatch(/approve|reject|abstain/);
    const receipts = await rows(sql`select column_name from information_schema.columns where table_name = 'ballot_receipts' order by column_name`);
    expect(receipts.map((r) => r.column_name)).toEqual(["nomination_id", "session_id", "user_id"]);
    const audit = (await (await t.as("admin")).get(`/api/audit?entity=council_session&entityId=${sessionId}&action=council.vote`)).body.items;
    expect(audit).toHaveLength(3);
    for (const a of audit) {
      expect(JSON.stringify(a)).not.toMatch(/approve|reject|abstain|đồng ý|không đồng ý/i);
      expect(a.summary).toMatch(/đã bỏ phiếu kín cho 3 hồ sơ$/);
    }
  });

  it("after closing, tallies each nominee against the rule (all members as denominator)", async () => {
    expect((await secretary.post(`/api/council-sessions/${sessionId}/close`)).body.status).toBe("closed");
    const late = await member.post(`/api/council-sessions/${sessionId}/ballots`, { choices: [{ nominationId: nom.p1, choice: "approve" }] });
    expect(late.status).toBe(409);
    // Counted at the close: counts per nominee, the urn gone.
    const stored = (await t.database.db.execute(sql`select count(*)::int as n from ballot_urns where session_id = ${sessionId}`)) as unknown as {
      rows: { n: number }[];
    };
    expect(stored.rows[0].n).toBe(0);
    const results = (await secretary.get(`/api/council-sessions/${sessionId}/results`)).body.items;
    const r = (id: number) => results.find((x: { nominationId: number }) => x.nominationId === id);
    expect(r(nom.p1)).toMatchObject({ approve: 3, passed: true, explanation: "3/4 phiếu đồng ý (75%, cần ≥ 50% tổng số thành viên) → được thông qua" });
    expect(r(nom.p2)).toMatchObject({ approve: 2, passed: true });
    expect(r(nom.p3)).toMatchObject({ approve: 0, reject: 2, abstain: 1, passed: false });
  });
});

describe("decision and honour roll", () => {
  let decisionId: number;
  it("drafts a decision only for nominees the council passed, with amounts from the legal table of the signing date", async () => {
    const body = {
      awardFormId: "giay-khen-tp",
      signedOn: "2024-12-30",
      signerTitle: "CHỦ TỊCH",
      signerName: "Đặng Văn Lượng",
      nominationIds: [nom.p1, nom.p2, nom.p3],
    };
    const refused = await office.post(`/api/plans/${planId}/decisions`, body);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain("Phường 3 chưa được Hội đồng thông qua (0/4 phiếu đồng ý");
    const upper = await office.post(`/api/plans/${planId}/decisions`, { ...body, awardFormId: "bang-khen-tinh", nominationIds: [nom.p1] });
    expect(upper.body.code).toBe("UPPER_LEVEL");
    const res = await office.post(`/api/plans/${planId}/decisions`, { ...body, nominationIds: [nom.p1, nom.p2] });
    expect(res.status).toBe(201);
    expect(res.body.recipients[0]).toMatchObject({ target: "collective", amount: 1_410_000, amountWords: "Một triệu bốn trăm mười nghìn đồng" });
    expect(res.body.recipients[0].amountExplanation).toBe(
      "Giấy khen: hệ số 0,3 × 2 (tập thể) × lương cơ sở 2.340.000 đồng = 1.404.000 đồng, làm tròn lên 1.410.000 đồng",
    );
    expect(res.body.totalAmount).toBe(2_820_000);
    expect(res.body.numberLine).toBe("Số:       /QĐ-UBND");
    decisionId = res.body.id;
    const toSign = (await chair.get("/api/notifications")).body.items.filter((n: { kind: string }) => n.kind === "decision");
    expect(toSign).toEqual([
      expect.objectContaining({ title: "Quyết định chờ ký: Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố", link: `/quyet-dinh/${decisionId}` }),
    ]);
  });

  it("only the signer issues it; then the recipients appear on the public honour roll and in the unit's history", async () => {
    const d = (await office.get(`/api/decisions/${decisionId}`)).body;
    expect((await office.post(`/api/decisions/${decisionId}/issue`, { version: d.version, number: "15" })).status).toBe(403);
    expect((await new Client(t.app).get(`/api/public/plans/${planId}/honour-roll`)).body.items).toEqual([]);
    expect((await (await t.as("daumoi.phuong1")).get(`/api/decisions/${decisionId}`)).status).toBe(403);
    const issued = await chair.post(`/api/decisions/${decisionId}/issue`, { version: d.version, number: "15" });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: "issued", numberLine: "Số: 15/QĐ-UBND" });
    const roll = (await new Client(t.app).get(`/api/public/plans/${planId}/honour-roll`)).body;
    expect(roll.items.map((i: { name: string }) => i.name).sort()).toEqual(["Phường 1", "Phường 2"]);
    expect(roll.items[0]).toMatchObject({ awardForm: "Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố", decision: "15/QĐ-UBND", signedOn: "2024-12-30" });
    const ward1 = (await (await t.as("daumoi.phuong1")).get("/api/notifications")).body.items.filter((n: { kind: string }) => n.kind === "decision");
    expect(ward1).toEqual([
      expect.objectContaining({
        title: "Được khen thưởng: Phường 1",
        body: 'Phường 1 được tặng "Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố" theo Quyết định số 15/QĐ-UBND ngày 30/12/2024 (phong trào "Phát động phong trào thi đua thực hiện cải cách hành chính năm 2024").',
      }),
    ]);
    expect((await office.get("/api/notifications")).body.items.map((n: { title: string }) => n.title)).toContain("Đã ban hành Quyết định số 15/QĐ-UBND");
    const history = (await (await t.as("daumoi.phuong1")).get(`/api/units/${await t.unitId("VL-TPVL-P1")}/commendations`)).body.items;
    expect(history).toEqual([expect.objectContaining({ name: "Phường 1", personId: null, decision: "15/QĐ-UBND", amount: 1_410_000 })]);
  });

  it("prints the decision (annex, amounts in words), the council minutes (counts only) and the certificates as Word files", async () => {
    const xml = async (res: { raw: Buffer }) => (await (await JSZip.loadAsync(res.raw)).file("word/document.xml")?.async("string")) ?? "";
    const text = (x: string) => x.replace(/<[^>]+>/g, "");
    const decision = await office.get(`/api/decisions/${decisionId}/document`);
    expect(decision.status).toBe(200);
    const d = text(await xml(decision));
    expect(d).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(d).toContain("Số: 15/QĐ-UBND");
    expect(d).toContain("Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố");
    expect(d).toContain("1.410.000");
    expect(d).toContain("Một triệu bốn trăm mười nghìn đồng");
    expect(d).toContain("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;");
    expect(d).toContain(
      "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
    );
    expect(d).toContain("Đặng Văn Lượng");
    const minutes = await secretary.get(`/api/council-sessions/${sessionId}/minutes`);
    expect(minutes.status).toBe(200);
    const m = text(await xml(minutes));
    expect(m).toContain("BIÊN BẢN");
    expect(m).toContain("Phường 1");
    expect(m).not.toContain("Ngô Thanh Sơn đồng ý");
    const certs = await chair.get(`/api/decisions/${decisionId}/certificates`);
    expect(certs.status).toBe(200);
    const c = text(await xml(certs));
    expect(c).toContain("Phường 1");
    expect(c).toContain("Phường 2");
    expect(c).toContain("15/QĐ-UBND");
  });

  it("prints the proposal memo with the lodged nominees and a pre-filled achievement report (Mẫu 02)", async () => {
    const text = async (res: { raw: Buffer }) =>
      ((await (await JSZip.loadAsync(res.raw)).file("word/document.xml")?.async("string")) ?? "").replace(/<[^>]+>/g, "");
    const memo = await office.get(`/api/plans/${planId}/award-forms/giay-khen-tp/proposal-memo`);
    expect(memo.status).toBe(200);
    const m = await text(memo);
    expect(m).toContain("TỜ TRÌNH");
    expect(m).toContain("Phường 3");
    const report = await office.get(`/api/nominations/${nom.p1}/achievement-report`);
    expect(report.status).toBe(200);
    const r = await text(report);
    expect(r).toContain("BÁO CÁO THÀNH TÍCH");
    expect(r).toContain("Phường 1");
    expect(r).toContain("Mẫu số 02");
    // Another ward's nomination is out of scope: 404, naming nothing.
    expect((await (await t.as("daumoi.phuong2")).get(`/api/nominations/${nom.p1}/achievement-report`)).status).toBe(404);
  });

  it("lists the plan's decisions (drafts only for insiders) and the people the office may seat on a council", async () => {
    expect((await office.get(`/api/plans/${planId}/decisions`)).body.items[0]).toMatchObject({
      id: decisionId,
      numberLine: "Số: 15/QĐ-UBND",
      status: "issued",
    });
    expect((await (await t.as("daumoi.phuong1")).get(`/api/plans/${planId}/decisions`)).body.items.map((d: { status: string }) => d.status)).toEqual([
      "issued",
    ]);
    const candidates = (await office.get(`/api/plans/${planId}/council-candidates`)).body.items.map((u: { username: string }) => u.username);
    expect(candidates).toEqual(expect.arrayContaining(["hoidong.vinhlong", "thuky.vinhlong", "chutich.vinhlong", "noivu.vinhlong"]));
    expect(candidates).not.toContain("noivu.mongcai");
    expect((await member.get(`/api/plans/${planId}/council-candidates`)).status).toBe(403);
  });
});

describe("open vote and the signed scan", () => {
  let openId: number;
  let draftId: number;
  it("the secretary records open-vote counts per nominee on the agenda, never more than those present; they decide the result", async () => {
    const created = await office.post(`/api/plans/${planId}/council-sessions`, {
      title: "Phiên họp bổ sung (biểu quyết công khai)",
      heldOn: "2024-12-27",
      ballot: "open",
      chairUserId: uid["chutich.vinhlong"],
      secretaryUserId: uid["thuky.vinhlong"],
      memberUserIds: [uid["hoidong.vinhlong"]],
    });
    expect(created.status).toBe(201);
    openId = created.body.id;
    const s = (await secretary.request("PUT", `/api/council-sessions/${openId}/agenda`, { nominationIds: [nom.p3] })).body;
    const present = [uid["thuky.vinhlong"], uid["hoidong.vinhlong"], uid["chutich.vinhlong"]];
    expect((await secretary.post(`/api/council-sessions/${openId}/open`, { version: s.version, present })).status).toBe(200);
    const secret = await member.post(`/api/council-sessions/${openId}/ballots`, { choices: [{ nominationId: nom.p3, choice: "approve" }] });
    expect(secret.body.code).toBe("OPEN_BALLOT");
    const vote = (c: C, body: object) =>
      c.post(`/api/council-sessions/${openId}/open-votes`, { nominationId: nom.p3, approve: 0, reject: 0, abstain: 0, ...body });
    const tooMany = await vote(secretary, { approve: 3, reject: 1 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toBe("Tổng số phiếu vượt số thành viên có mặt (3).");
    const stranger = await vote(secretary, { nominationId: nom.p1 + 100_000, approve: 1 });
    expect(stranger.status).toBe(400);
    expect(stranger.body.message).toContain("không có trong danh sách xét của phiên họp");
    expect((await vote(member, { approve: 3 })).status).toBe(403);
    expect((await vote(secretary, { approve: 1, reject: 2 })).status).toBe(204);
    expect((await vote(secretary, { approve: 3 })).status).toBe(204);
    const seen = (await member.get(`/api/council-sessions/${openId}`)).body;
    expect(seen.openVotes).toEqual([{ nominationId: nom.p3, approve: 3, reject: 0, abstain: 0 }]);
    expect((await secretary.post(`/api/council-sessions/${openId}/close`)).body.status).toBe("closed");
    const [r] = (await secretary.get(`/api/council-sessions/${openId}/results`)).body.items;
    expect(r).toMatchObject({ nominationId: nom.p3, approve: 3, members: 3, passed: true });
  });

  it("the office attaches the signed scan of an issued decision only, and only a file of the issuing unit", async () => {
    const draft = await office.post(`/api/plans/${planId}/decisions`, {
      awardFormId: "giay-khen-tp",
      signedOn: "2024-12-31",
      signerTitle: "CHỦ TỊCH",
      signerName: "Đặng Văn Lượng",
      nominationIds: [nom.p3],
    });
    expect(draft.status).toBe(201);
    draftId = draft.body.id;
    expect(draft.body.signedScan).toBeNull();
    const scan = await upload(office, await t.unitId("VL-TPVL"), "qd-16-da-ky.pdf");
    const early = await office.request("PUT", `/api/decisions/${draftId}/signed-scan`, { fileId: scan });
    expect(early.status).toBe(409);
    expect(early.body.message).toBe("Quyết định chưa được ký ban hành; hãy ký ban hành rồi mới đính kèm bản đã ký.");
    const d = (await chair.post(`/api/decisions/${draftId}/issue`, { version: draft.body.version, number: "16" })).body;
    expect(d.status).toBe("issued");
    const wardFile = await upload(await t.as("daumoi.phuong1"), await t.unitId("VL-TPVL-P1"), "khac.pdf");
    expect((await office.request("PUT", `/api/decisions/${draftId}/signed-scan`, { fileId: wardFile })).status).toBe(403);
    expect((await member.request("PUT", `/api/decisions/${draftId}/signed-scan`, { fileId: scan })).status).toBe(403);
    const attached = await office.request("PUT", `/api/decisions/${draftId}/signed-scan`, { fileId: scan });
    expect(attached.status).toBe(200);
    expect(attached.body.signedScan).toMatchObject({ id: scan, name: "qd-16-da-ky.pdf", mime: "application/pdf" });
    expect((await new Client(t.app).get(`/api/public/plans/${planId}/honour-roll`)).body.items.map((i: { name: string }) => i.name)).toContain("Phường 3");
  });
});

describe("conflicts of interest and the agenda", () => {
  let id: number;
  let p1Upper: number;
  let p5: number;
  let head: C;
  beforeAll(async () => {
    head = await t.as("thutruong.phuong1");
    const parts = (await office.get(`/api/plans/${planId}/participants?group=tap-the`)).body.items;
    const part = (name: string) => parts.find((p: { name: string }) => p.name === name).id;
    const insert = async (participantId: number, awardFormId: string) =>
      (
        await t.database.db
          .insert(nominations)
          .values({ planId, awardFormId, participantId, proposedByUnitId: await t.unitId("VL-TPVL"), status: "accepted" })
          .returning()
      )[0].id;
    p1Upper = await insert(part("Phường 1"), "bang-khen-tinh");
    p5 = await insert(part("Phường 5"), "giay-khen-tp");
    // The council member Ngô Thanh Sơn works in Phường 5.
    const [person] = await t.database.db
      .insert(people)
      .values({ unitId: await t.unitId("VL-TPVL-P5"), fullName: "Ngô Thanh Sơn", sortKey: "son ngo thanh", sex: "nam", category: "cong_chuc" })
      .returning();
    await t.database.db.update(users).set({ personId: person.id }).where(eq(users.id, uid["hoidong.vinhlong"]));
  });

  it("refuses an agenda that names a nomination twice, in Vietnamese (400, not 500)", async () => {
    const created = await office.post(`/api/plans/${planId}/council-sessions`, {
      title: "Phiên họp có thành viên phải tránh",
      heldOn: "2024-12-28",
      chairUserId: uid["chutich.vinhlong"],
      secretaryUserId: uid["thuky.vinhlong"],
      memberUserIds: [uid["hoidong.vinhlong"], uid["thutruong.phuong1"], uid["noivu.vinhlong"]],
    });
    id = created.body.id;
    const twice = await secretary.request("PUT", `/api/council-sessions/${id}/agenda`, { nominationIds: [p1Upper, p5, p1Upper] });
    expect(twice.status).toBe(400);
    expect(twice.body).toEqual({
      code: "DUPLICATE_NOMINATION",
      message: `Hồ sơ đề nghị #${p1Upper} được chọn nhiều lần; mỗi hồ sơ chỉ đưa vào danh sách xét một lần.`,
    });
    expect((await secretary.request("PUT", `/api/council-sessions/${id}/agenda`, { nominationIds: [p1Upper, p5] })).status).toBe(200);
  });

  it("shows each member the nominees they are recused from, before and after opening", async () => {
    const s = (await head.get(`/api/council-sessions/${id}`)).body;
    expect(s.myRecusals).toEqual([p1Upper]);
    expect(s.recusals).toEqual(
      expect.arrayContaining([
        { userId: uid["thutruong.phuong1"], nominationId: p1Upper, reason: "là thủ trưởng của Phường 1", name: "Bùi Minh Khánh" },
        { userId: uid["hoidong.vinhlong"], nominationId: p5, reason: "thuộc Phường 5", name: "Ngô Thanh Sơn" },
      ]),
    );
    expect(s.recusals).toHaveLength(2);
    // Present: all but the office.
    const present = [uid["chutich.vinhlong"], uid["thuky.vinhlong"], uid["hoidong.vinhlong"], uid["thutruong.phuong1"]];
    const opened = await secretary.post(`/api/council-sessions/${id}/open`, { version: s.version, present });
    expect(opened.status).toBe(200);
    expect(opened.body.recusals).toHaveLength(2);
    expect((await member.get(`/api/council-sessions/${id}`)).body.myRecusals).toEqual([p5]);
  });

  it("refuses a recused member's ballot on that nominee (409) and takes the rest", async () => {
    const vote = (c: C, choices: [number, string][]) =>
      c.post(`/api/council-sessions/${id}/ballots`, { choices: choices.map(([nominationId, choice]) => ({ nominationId, choice })) });
    const refused = await vote(head, [
      [p1Upper, "approve"],
      [p5, "approve"],
    ]);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      code: "RECUSED",
      message: "Bạn không biểu quyết hồ sơ của Phường 1 (bạn là thủ trưởng của Phường 1) vì có xung đột lợi ích; hãy bỏ hồ sơ này khỏi phiếu.",
    });
    expect((await vote(head, [[p5, "approve"]])).status).toBe(204);
    expect((await vote(member, [[p5, "reject"]])).body.code).toBe("RECUSED");
    expect((await vote(member, [[p1Upper, "approve"]])).status).toBe(204);
    expect(
      (
        await vote(secretary, [
          [p1Upper, "approve"],
          [p5, "reject"],
        ])
      ).status,
    ).toBe(204);
    expect(
      (
        await vote(chair, [
          [p1Upper, "reject"],
          [p5, "reject"],
        ])
      ).status,
    ).toBe(204);
  });

  it("counts each nominee over the members not recused from it, and the minutes name the recusals", async () => {
    expect((await secretary.post(`/api/council-sessions/${id}/close`)).status).toBe(200);
    const results = (await secretary.get(`/api/council-sessions/${id}/results`)).body.items;
    const r = (n: number) => results.find((x: { nominationId: number }) => x.nominationId === n);
    // 2 approvals: of all 5 members that would be 40 % (refused); of the 4 not recused, 50 % (passed).
    expect(r(p1Upper)).toMatchObject({ members: 4, present: 3, recused: 1, approve: 2, reject: 1, passed: true });
    expect(r(p1Upper).explanation).toBe(
      "2/4 phiếu đồng ý (50%, cần ≥ 50% tổng số thành viên không kể 1 thành viên không biểu quyết do xung đột lợi ích) → được thông qua",
    );
    expect(r(p1Upper).recusedMembers).toEqual([
      { userId: uid["thutruong.phuong1"], name: "Bùi Minh Khánh", reason: "là thủ trưởng của Phường 1", present: true },
    ]);
    expect(r(p5)).toMatchObject({ members: 4, present: 3, approve: 1, reject: 2, passed: false });
    const minutes = await secretary.get(`/api/council-sessions/${id}/minutes`);
    expect(minutes.status).toBe(200);
    const m = ((await (await JSZip.loadAsync(minutes.raw)).file("word/document.xml")?.async("string")) ?? "").replace(/<[^>]+>/g, "");
    expect(m).toContain("Thành viên không tham gia biểu quyết do có xung đột lợi ích");
    expect(m).toContain("Bùi Minh Khánh (là thủ trưởng của Phường 1): không biểu quyết đối với Phường 1");
    expect(m).toContain("Ngô Thanh Sơn (thuộc Phường 5): không biểu quyết đối với Phường 5");
  });

  it("votes sent at once are all counted, and a close racing them counts exactly the votes it accepted", async () => {
    const created = await office.post(`/api/plans/${planId}/council-sessions`, {
      title: "Phiên họp bỏ phiếu đồng thời",
      heldOn: "2024-12-29",
      chairUserId: uid["chutich.vinhlong"],
      secretaryUserId: uid["thuky.vinhlong"],
      memberUserIds: [uid["noivu.vinhlong"]],
    });
    const sid = created.body.id;
    const s = (await secretary.request("PUT", `/api/council-sessions/${sid}/agenda`, { nominationIds: [p1Upper] })).body;
    const voters = [secretary, chair, office];
    const present = [uid["thuky.vinhlong"], uid["chutich.vinhlong"], uid["noivu.vinhlong"]];
    expect((await secretary.post(`/api/council-sessions/${sid}/open`, { version: s.version, present })).status).toBe(200);
    const ballot = { choices: [{ nominationId: p1Upper, choice: "approve" }] };
    const [first, second, third] = await Promise.all(voters.map((c) => c.post(`/api/council-sessions/${sid}/ballots`, ballot)));
    expect([first.status, second.status, third.status]).toEqual([204, 204, 204]);
    // A second session on the same nominee: three votes race the close.
    const again = await office.post(`/api/plans/${planId}/council-sessions`, {
      title: "Phiên họp kết thúc giữa lúc bỏ phiếu",
      heldOn: "2024-12-29",
      chairUserId: uid["chutich.vinhlong"],
      secretaryUserId: uid["thuky.vinhlong"],
      memberUserIds: [uid["noivu.vinhlong"]],
    });
    const sid2 = again.body.id;
    const s2 = (await secretary.request("PUT", `/api/council-sessions/${sid2}/agenda`, { nominationIds: [p1Upper] })).body;
    expect((await secretary.post(`/api/council-sessions/${sid2}/open`, { version: s2.version, present })).status).toBe(200);
    const raced = await Promise.all([
      ...voters.map((c) => c.post(`/api/council-sessions/${sid2}/ballots`, ballot)),
      secretary.post(`/api/council-sessions/${sid2}/close`),
    ]);
    const accepted = raced.slice(0, 3).filter((r) => r.status === 204).length;
    for (const r of raced.slice(0, 3)) expect([204, 409]).toContain(r.status);
    expect(raced[3].status).toBe(200);
    expect((await secretary.post(`/api/council-sessions/${sid}/close`)).status).toBe(200);
    const [one] = (await secretary.get(`/api/council-sessions/${sid}/results`)).body.items;
    expect(one).toMatchObject({ approve: 3, reject: 0, abstain: 0 });
    const [two] = (await secretary.get(`/api/council-sessions/${sid2}/results`)).body.items;
    expect(two.approve).toBe(accepted);
  });
});

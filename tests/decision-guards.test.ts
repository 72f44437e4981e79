// Decisions that cannot break the plan's rules (issue 12, section 2): a nominee enters a decision only if accepted by
// the office, eligible (an undecided verdict is not) and passed by the council where it voted; one award form once
// per ward in a movement; quotas over all decisions of the form, drafts included, re-checked when issuing and safe
// when two drafts race; the proposal memo comes from the proposing body and lists only accepted nominees; the
// council secretary lists lodged dossiers for the agenda; an appraiser is never assigned to their own unit.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisionRecipients, decisions, nominations } from "../src/db/schema.js";
import { opinion, readDocx } from "./support/commendation.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

const GK = "giay-khen-tp";
const BK = "bang-khen-tinh";
const RULE = {
  id: "khong-vi-pham",
  kind: "excluding",
  check: {
    type: "fact",
    when: { input: "co_vi_pham", op: "true" },
    inputs: [{ key: "co_vi_pham", label: "Có vi phạm trong năm", type: "boolean", origin: "manual" }],
  },
  message: "Không xét khen thưởng đơn vị có vi phạm trong năm",
};

let t: TestApp;
let office: Client;
let chair: Client;
let secretary: Client;
let planId: number;
let cityId: number;
const uid: Record<string, number> = {};
/** Participants and Giấy khen nominations of six wards, by key (the sixth is Phường 8: the city has no Phường 6). */
const pid: Record<number, number> = {};
const nid: Record<number, number> = {};
const ward = (i: number) => (i === 6 ? "Phường 8" : `Phường ${i}`);

const decide = (ids: number[], signedOn = "2024-12-30") =>
  office.post(`/api/plans/${planId}/decisions`, { awardFormId: GK, signedOn, signerTitle: "CHỦ TỊCH", signerName: "Đặng Văn Lượng", nominationIds: ids });
const issue = async (id: number, number: string) => {
  const d = (await office.get(`/api/decisions/${id}`)).body;
  return chair.post(`/api/decisions/${id}/issue`, { version: d.version, number });
};
const cancel = async (id: number) => {
  const d = (await office.get(`/api/decisions/${id}`)).body;
  return office.post(`/api/decisions/${id}/cancel`, { version: d.version, reason: "Lập lại" });
};
/** The office's finding on the rule's fact: true breaks the rule, false meets it, null withdraws it (undecided). */
const finding = async (id: number, value: boolean | null) => {
  const n = (await office.get(`/api/nominations/${id}`)).body;
  const res = await office.request("PUT", `/api/nominations/${id}/eligibility-facts`, { version: n.version, facts: { co_vi_pham: value } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const quota = async () =>
  (await office.get(`/api/plans/${planId}/award-forms/${GK}/suggestions`)).body.quotas.find((q: { target: string }) => q.target === "collective");

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2024-12-20T03:00:00Z");
  office = await t.as("noivu.vinhlong");
  chair = await t.as("chutich.vinhlong");
  secretary = await t.as("thuky.vinhlong");
  cityId = await t.unitId("VL-TPVL");
  for (const u of (await (await t.as("admin")).get("/api/users")).body.items) uid[u.username] = u.id;
  // Seed 003 with one eligibility rule the office settles by its finding, and a share quota: 10 % of the collectives.
  const draft = (await office.post("/api/plans", { issuerUnitId: cityId, template: "003-vinh-long-2024.yaml" })).body;
  const data = structuredClone(draft.data);
  data.eligibility = [RULE];
  data.awardForms.find((f: { id: string }) => f.id === GK).quotas = [
    { target: "collective", quota: { kind: "share", percent: 10 }, source: "Không quá 10% số tập thể" },
  ];
  const saved = await office.request("PUT", `/api/plans/${draft.id}`, { version: draft.version, data });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect((await office.post(`/api/plans/${draft.id}/launch`, { version: saved.body.version })).status).toBe(200);
  planId = draft.id;
  await office.post(`/api/plans/${planId}/participants/sync`);
  const parts = (await office.get(`/api/plans/${planId}/participants?group=tap-the`)).body.items;
  for (const i of [1, 2, 3, 4, 5, 6]) {
    pid[i] = parts.find((p: { name: string }) => p.name === ward(i)).id;
    // Lodged dossiers (the dossier's own steps are the subject of tests/nominations.test.ts).
    const [n] = await t.database.db
      .insert(nominations)
      .values({ planId, awardFormId: GK, participantId: pid[i], proposedByUnitId: cityId, status: "submitted", submittedAt: new Date() })
      .returning();
    nid[i] = n.id;
  }
});
afterAll(() => t.close());

describe("accepting a nomination", () => {
  it("refuses a nominee whose verdict is undecided or not eligible; accepts one known to be eligible", async () => {
    const undecided = await opinion(office, nid[1], "Đạt", "accepted");
    expect(undecided.status).toBe(409);
    expect(undecided.body.code).toBe("UNDECIDED");
    expect(undecided.body.message).toBe(
      "Không đề nghị khen thưởng được. Chưa đủ thông tin để kết luận: Không xét khen thưởng đơn vị có vi phạm trong năm: chưa có dữ kiện: Có vi phạm trong năm: chưa có.",
    );
    await finding(nid[2], true);
    const ineligible = await opinion(office, nid[2], "Đạt", "accepted");
    expect(ineligible.status).toBe(409);
    expect(ineligible.body.code).toBe("NOT_ELIGIBLE");
    for (const i of [1, 3, 4, 5]) {
      await finding(nid[i], false);
      const ok = await opinion(office, nid[i], "Đủ điều kiện, không có vi phạm.", "accepted");
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    }
  });
});

describe("drafting a decision", () => {
  it("names each blocked nominee with the reason: not accepted, not eligible, undecided", async () => {
    await finding(nid[5], true); // found after acceptance
    await finding(nid[4], null); // finding withdrawn: undecided again
    const res = await decide([nid[5], nid[4], nid[6]]);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("NOMINEES_BLOCKED");
    expect(res.body.details.map((d: { nominationId: number; code: string }) => [d.nominationId, d.code])).toEqual([
      [nid[5], "NOT_ELIGIBLE"],
      [nid[4], "UNDECIDED"],
      [nid[6], "NOT_ACCEPTED"],
      [nid[6], "UNDECIDED"],
    ]);
    expect(res.body.message).toContain("Phường 5: Không đủ điều kiện: Không xét khen thưởng đơn vị có vi phạm trong năm: Có vi phạm trong năm: có.");
    expect(res.body.message).toContain("Phường 4: Chưa đủ thông tin để kết luận");
    expect(res.body.message).toContain("Hồ sơ của Phường 8 chưa được cơ quan thường trực chấp nhận.");
    await finding(nid[5], false);
    await finding(nid[4], false);
  });

  it("holds the share quota over all decisions of the form, drafts included, and awards a ward once", async () => {
    const before = await quota();
    // 10 % of the city's 28 collectives (offices, vertical agencies, wards), rounded down.
    expect(before).toMatchObject({ participants: 28, limit: 2, issued: 0, drafted: 0, remaining: 2, decided: [] });
    const a = await decide([nid[1]]);
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(await quota()).toMatchObject({ issued: 0, drafted: 1, remaining: 1, decided: [expect.objectContaining({ nominationId: nid[1], status: "draft" })] });
    const again = await decide([nid[1]]);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: "ALREADY_AWARDED",
      message: `Phường 1 đã có tên trong dự thảo quyết định mã số ${a.body.id} tặng "Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố"; mỗi tập thể, cá nhân chỉ được tặng một hình thức một lần trong phong trào.`,
    });
    const over = await decide([nid[3], nid[4]]);
    expect(over.status).toBe(409);
    expect(over.body.code).toBe("OVER_QUOTA");
    expect(over.body.message).toBe(
      'Vượt chỉ tiêu tập thể của "Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố": chỉ tiêu 2 (10% của 28 đối tượng), các quyết định của phong trào (kể cả dự thảo) đã có 1, quyết định này thêm 2; chỉ còn 1 chỗ.',
    );
    const b = await decide([nid[3]]);
    expect(b.status).toBe(201);
    // Both places are taken by drafts: a third decision is refused though nothing is issued yet.
    expect((await decide([nid[4]])).body.code).toBe("OVER_QUOTA");
    expect((await issue(a.body.id, "101")).status).toBe(200);
    expect(await quota()).toMatchObject({ issued: 1, drafted: 1, remaining: 0 });
    // The office may still record its opinion on a decided nomination (it is not "already awarded" by itself).
    expect((await opinion(office, nid[1], "Đã được khen thưởng theo Quyết định số 101.", "accepted")).status).toBe(200);
    // The same ward in two issued decisions (seen: five people awarded twice) cannot happen: the second draft is refused.
    expect((await decide([nid[1]])).body.code).toBe("ALREADY_AWARDED");
    // Cancelling a draft frees its place; the cancelled draft cannot be issued.
    const cancelled = await cancel(b.body.id);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "cancelled", statusLabel: "Đã hủy" });
    expect((await issue(b.body.id, "102")).body.code).toBe("CANCELLED");
    expect(await quota()).toMatchObject({ issued: 1, drafted: 0, remaining: 1 });
  });

  it("two drafts racing for the last place: one is drafted, the other refused", async () => {
    const [x, y] = await Promise.all([decide([nid[3]]), decide([nid[4]])]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
    expect([x, y].find((r) => r.status === 409)?.body.code).toBe("OVER_QUOTA");
    const won = [x, y].find((r) => r.status === 201)?.body;
    expect((await cancel(won.id)).status).toBe(200);
  });
});

describe("issuing a decision", () => {
  it("re-checks the nominee: one found ineligible after drafting is refused with the reason", async () => {
    const d = await decide([nid[4]]);
    expect(d.status).toBe(201);
    await finding(nid[4], true);
    const refused = await issue(d.body.id, "103");
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("NOT_ELIGIBLE");
    expect(refused.body.message).toMatch(
      /^Chưa ban hành được quyết định này\. Phường 4: Không đủ điều kiện: .+ Cơ quan thường trực cần sửa hoặc hủy dự thảo\.$/,
    );
    expect((await office.get(`/api/decisions/${d.body.id}`)).body.status).toBe("draft");
    await finding(nid[4], false);
    expect((await cancel(d.body.id)).status).toBe(200);
  });

  it("re-checks the quota: a draft made before the guard (over the quota once another is issued) is refused", async () => {
    // Written as an old draft would be: straight into the tables, with no check.
    const [old] = await t.database.db.insert(decisions).values({ planId, awardFormId: GK, signedOn: "2024-12-30", signerTitle: "CHỦ TỊCH" }).returning();
    await t.database.db.insert(decisionRecipients).values(
      [3, 4].map((i) => ({
        decisionId: old.id,
        nominationId: nid[i],
        participantId: pid[i],
        name: `Phường ${i}`,
        unitName: `Phường ${i}`,
        target: "collective",
      })),
    );
    const refused = await issue(old.id, "104");
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("OVER_QUOTA");
    expect(refused.body.message).toContain("đã có 1, quyết định này thêm 2");
    const roll = (await office.get(`/api/public/plans/${planId}/honour-roll`)).body.items;
    expect(roll.map((r: { name: string }) => r.name)).toEqual(["Phường 1"]);
    await t.database.db.update(decisions).set({ status: "cancelled" }).where(eq(decisions.id, old.id));
  });
});

describe("the council", () => {
  it("the secretary lists the lodged dossiers to set the agenda (without the office's working ranks)", async () => {
    await finding(nid[6], false);
    expect((await opinion(office, nid[6], "Đủ điều kiện.", "accepted")).status).toBe(200);
    const session = await office.post(`/api/plans/${planId}/council-sessions`, {
      title: "Phiên họp xét Giấy khen",
      heldOn: "2024-12-27",
      ballot: "open",
      chairUserId: uid["chutich.vinhlong"],
      secretaryUserId: uid["thuky.vinhlong"],
      memberUserIds: [uid["hoidong.vinhlong"]],
    });
    expect(session.status).toBe(201);
    const listed = await secretary.get(`/api/plans/${planId}/nominations`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((n: { id: number }) => n.id).sort()).toEqual(Object.values(nid).sort());
    expect(listed.body.items.every((n: { ranking: { source: string } }) => n.ranking.source === "unpublished")).toBe(true);
    const s = (await secretary.request("PUT", `/api/council-sessions/${session.body.id}/agenda`, { nominationIds: [nid[6]] })).body;
    const present = [uid["chutich.vinhlong"], uid["thuky.vinhlong"], uid["hoidong.vinhlong"]];
    expect((await secretary.post(`/api/council-sessions/${session.body.id}/open`, { version: s.version, present })).status).toBe(200);
    expect(
      (await secretary.post(`/api/council-sessions/${session.body.id}/open-votes`, { nominationId: nid[6], approve: 0, reject: 3, abstain: 0 })).status,
    ).toBe(204);
    expect((await secretary.post(`/api/council-sessions/${session.body.id}/close`)).status).toBe(200);
  });

  it("a nominee the council did not pass is refused, even when accepted and eligible", async () => {
    const res = await decide([nid[6]]);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("NOT_PASSED");
    expect(res.body.message).toMatch(/^Phường 8 chưa được Hội đồng thông qua \(0\/3 phiếu đồng ý/);
  });
});

describe("the proposal memo", () => {
  it("for the city's own Giấy khen: from its council to the city's chairman, only accepted nominees, numbered, signed for the council", async () => {
    const res = await office.get(`/api/plans/${planId}/award-forms/${GK}/proposal-memo?number=45`);
    expect(res.status).toBe(200);
    const doc = await readDocx(res.raw);
    // The letterhead: the People's Committee above, its council (the issuing body) in bold below.
    expect(doc.paragraphs.slice(0, 4).join(" ")).toMatch(/^UBND THÀNH PHỐ VĨNH LONG HỘI ĐỒNG THI ĐUA - ?KHEN THƯỞNG/);
    expect(doc.paragraphs).toContain("Số: 45/TTr-HĐTĐKT");
    expect(doc.paragraphs).toContain("Kính gửi: Chủ tịch Ủy ban nhân dân thành phố Vĩnh Long.");
    expect(doc.text).toContain("Hội đồng Thi đua - Khen thưởng thành phố Vĩnh Long kính trình Chủ tịch Ủy ban nhân dân thành phố Vĩnh Long");
    expect(doc.paragraphs).toContain("TM. HỘI ĐỒNG");
    for (const i of [1, 3, 4, 5, 6]) expect(doc.paragraphs).toContain(ward(i));
    expect(doc.paragraphs).not.toContain("Phường 2");
    const focal = await t.as("daumoi.phuong1");
    expect((await focal.get(`/api/plans/${planId}/award-forms/${GK}/proposal-memo`)).status).toBe(403);
  });

  it("for the province's Bằng khen: from the city's People's Committee to the province's chairman, signed by the city's chairman", async () => {
    const [up1, up2] = await t.database.db
      .insert(nominations)
      .values(
        [1, 2].map((i) => ({
          planId,
          awardFormId: BK,
          participantId: pid[i],
          proposedByUnitId: cityId,
          status: "submitted" as const,
          submittedAt: new Date(),
        })),
      )
      .returning();
    // Nothing accepted yet: no memo.
    const none = await office.get(`/api/plans/${planId}/award-forms/${BK}/proposal-memo`);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe("NO_NOMINEES");
    await finding(up1.id, false);
    expect((await opinion(office, up1.id, "Tiêu biểu nhất.", "accepted")).status).toBe(200);
    const doc = await readDocx((await office.get(`/api/plans/${planId}/award-forms/${BK}/proposal-memo`)).raw);
    expect(doc.paragraphs.slice(0, 3)).toEqual(["UBND TỈNH VĨNH LONG", "ỦY BAN NHÂN DÂN", "THÀNH PHỐ VĨNH LONG"]);
    expect(doc.paragraphs).toContain("Số:      /TTr-UBND");
    expect(doc.paragraphs).toContain("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long.");
    expect(doc.text).toContain("Ủy ban nhân dân thành phố Vĩnh Long kính trình Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long");
    expect(doc.text).not.toMatch(/PHƯỜNG \d kính trình|Phường \d kính trình/);
    expect(doc.paragraphs).toContain("TM. ỦY BAN NHÂN DÂN");
    expect(doc.paragraphs).toContain("CHỦ TỊCH");
    expect(doc.paragraphs).toContain("Đặng Văn Lượng");
    expect(doc.paragraphs).toContain("Phường 1");
    expect(doc.paragraphs).not.toContain("Phường 2");
    expect(up2.status).toBe("submitted");
  });
});

describe("appraiser assignment", () => {
  it("never assigns an appraiser to their own unit, and they cannot appraise it under an assignment to all", async () => {
    const admin = await t.as("admin");
    const ward1 = await t.unitId("VL-TPVL-P1");
    const person = (await office.get(`/api/people?unitId=${ward1}`)).body.items[0];
    const password = "Thẩm-định-2026-an-toàn";
    const user = await admin.post("/api/users", { username: "thamdinh.phuong1", fullName: person.fullName, password, personId: person.id });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    expect((await admin.post(`/api/users/${user.body.id}/roles`, { role: "appraiser", unitId: cityId })).status).toBe(200);
    const own = await office.post(`/api/plans/${planId}/assignments`, { userId: user.body.id, participantId: pid[1] });
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({
      code: "OWN_UNIT",
      message: `${person.fullName} công tác tại Phường 1 nên không được phân công thẩm định Phường 1; hãy phân công người khác.`,
    });
    expect((await office.post(`/api/plans/${planId}/assignments`, { userId: user.body.id, participantId: pid[2] })).status).toBe(201);
    expect((await office.post(`/api/plans/${planId}/assignments`, { userId: user.body.id })).status).toBe(201);
    const appraiser = await t.as("thamdinh.phuong1", password);
    const mine = (await appraiser.get("/api/appraisals/mine")).body.items;
    const seen = mine.flatMap((a: { participants: { id: number }[] }) => a.participants.map((p) => p.id));
    expect(seen).toContain(pid[2]);
    expect(seen).not.toContain(pid[1]);
    const plan = (await office.get(`/api/plans/${planId}`)).body;
    const criterion = plan.data.groups.find((g: { id: string }) => g.id === "tap-the").criteria[0].children?.[0]?.id ?? "i";
    const refused = await appraiser.request("PUT", `/api/participants/${pid[1]}/appraisals/${criterion}`, { points: 1, reason: "Thẩm định" });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("OWN_UNIT");
  });
});

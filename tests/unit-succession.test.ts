// Units reorganised mid-movement (seed 004: a unit that "chấm dứt hoạt động" hands its tasks to its successor). A ward
// merged into another takes its registration, reports, facts, initiatives, assessment and nominations along to the
// successor's participant, with a visible note; a merged issuing unit's movement continues under its successor.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, initiatives, nominations, participants, plans, reportSubmissions } from "../src/db/schema.js";
import { upload } from "./support/commendation.js";
import { Factories } from "./support/factories.js";
import { SEED_003_FACTS, SEED_003_SCORED_LEAVES } from "./support/seed-003.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let make: Factories;
let office: Client;
let planId: number;
const pid: Record<string, number> = {};

const rankingRows = async () =>
  (await office.get(`/api/plans/${planId}/ranking?group=tap-the`)).body.rows as { participantId: number; total: number | null; name: string }[];

async function fill(p: number, facts: Record<string, unknown>, reports: string[], initiative: string, submit = true) {
  t.clock.set("2024-04-20T03:00:00Z");
  const reg = (await office.get(`/api/participants/${p}`)).body;
  expect((await office.request("PUT", `/api/participants/${p}/registration`, { version: reg.version, registeredPoints: {} })).status).toBe(200);
  const unitId = reg.unitId as number;
  for (const m of reports) {
    t.clock.set(m === "bc-quy-1" ? "2024-03-05T03:00:00Z" : "2024-06-05T03:00:00Z");
    const file = await upload(office, unitId, `${m}.pdf`);
    expect((await office.post(`/api/participants/${p}/reports/${m}`, { fileId: file })).status).toBe(200);
  }
  t.clock.set("2024-12-05T03:00:00Z");
  expect((await office.post(`/api/participants/${p}/initiatives`, { title: initiative })).status).toBe(201);
  const a = (await office.get(`/api/participants/${p}/assessment`)).body;
  const saved = await office.request("PUT", `/api/participants/${p}/assessment`, {
    version: a.version,
    facts,
    notes: Object.fromEntries(SEED_003_SCORED_LEAVES.map((c) => [c, "Có văn bản lưu tại đơn vị"])),
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  if (submit) expect((await office.post(`/api/participants/${p}/assessment/submit`, { version: saved.body.version })).status).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp({}, { demo: false });
  make = await Factories.of(t);
  const province = await make.unit({ code: "VL", name: "Tỉnh Vĩnh Long", kind: "province" });
  const city = await make.unit({ code: "VL-TPVL", name: "Thành phố Vĩnh Long", kind: "district", parent: province });
  for (const n of [1, 2, 3]) await make.unit({ code: `VL-TPVL-P${n}`, name: `Phường ${n}`, parent: city });
  // A commune: not in the plan's groups, so it takes part in nothing until a ward is merged into it.
  await make.unit({ code: "VL-TPVL-PM", name: "Xã Mới", kind: "commune", parent: city });
  office = (await make.account({ role: "office", unit: city })).client;
  const launched = await make.launchedPlan(city, { as: office, template: "003-vinh-long-2024.yaml" });
  planId = launched.plan.id;
  for (const p of launched.participants) if (p.groupId === "tap-the") pid[p.name] = p.id;
  // Phường 1 lacks one fact Phường 2 has (so it cannot submit yet), and both declare a different on-time rate.
  const { tham_gia_cuoc_thi: _left, ...p1Facts } = SEED_003_FACTS;
  await fill(pid["Phường 1"], { ...p1Facts, ty_le_tthc_dung_han: 98 }, ["bc-quy-1"], "Một cửa số Phường 1", false);
  await fill(pid["Phường 2"], { ...SEED_003_FACTS, ty_le_tthc_dung_han: 90 }, ["bc-quy-1", "bc-6-thang"], "Một cửa số Phường 2");
  await fill(pid["Phường 3"], SEED_003_FACTS, ["bc-quy-1"], "Một cửa số Phường 3");
  const nom = await office.post(`/api/plans/${planId}/nominations`, { awardFormId: "bang-khen-tinh", participantId: pid["Phường 2"] });
  expect(nom.status, JSON.stringify(nom.body)).toBe(201);
});
afterAll(() => t.close());

const mergeInto = async (code: string | number, targetCode: string) => {
  const id = typeof code === "number" ? code : await t.unitId(code);
  const u = (await make.admin.get(`/api/units/${id}`)).body;
  return make.admin.post(`/api/units/${id}/merge`, { version: u.version, targetId: await t.unitId(targetCode), movePeople: true });
};

describe("a ward merged into another ward mid-movement", () => {
  it("folds its records into the successor's participant: nothing lost, the successor's conflicting fact kept and the other shown", async () => {
    const db = t.database.db;
    const [p1, p2] = [pid["Phường 1"], pid["Phường 2"]];
    const before = {
      reports: (await db.select().from(reportSubmissions)).length,
      initiatives: (await db.select().from(initiatives).where(eq(initiatives.planId, planId))).length,
      nominations: (await db.select().from(nominations).where(eq(nominations.planId, planId))).length,
    };
    expect((await rankingRows()).map((r) => r.participantId)).toContain(p2);

    const res = await mergeInto("VL-TPVL-P2", "VL-TPVL-P1");
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    // The emptied participant is gone; its records are on Phường 1's.
    expect((await office.get(`/api/participants/${p2}`)).status).toBe(404);
    expect(await db.select().from(participants).where(eq(participants.id, p2))).toEqual([]);
    const onP1 = await db.select().from(reportSubmissions).where(eq(reportSubmissions.participantId, p1));
    expect(onP1.map((r) => r.milestoneId).sort()).toEqual(["bc-6-thang", "bc-quy-1"]);
    // Phường 2's own report for a period Phường 1 had reported stays listed in the note (its file is kept).
    expect((await db.select().from(reportSubmissions)).length).toBe(before.reports - 1);
    const inits = await db.select().from(initiatives).where(eq(initiatives.planId, planId));
    expect(inits.length).toBe(before.initiatives);
    expect(inits.filter((i) => i.participantId === p1).map((i) => i.title)).toEqual(expect.arrayContaining(["Một cửa số Phường 1", "Một cửa số Phường 2"]));
    const noms = await db.select().from(nominations).where(eq(nominations.planId, planId));
    expect(noms.length).toBe(before.nominations);
    expect(noms[0]?.participantId).toBe(p1);

    const view = (await office.get(`/api/participants/${p1}`)).body;
    expect(view.registered).toBe(true);
    expect(view.succession).toHaveLength(1);
    expect(view.succession[0]).toMatch(
      /^Tiếp nhận từ Phường 2 \(sáp nhập ngày 05\/12\/2024\): 1 báo cáo, 1 sáng kiến, 1 số liệu tự đánh giá, 1 hồ sơ đề nghị khen thưởng\./,
    );
    expect(view.succession[0]).toContain("= 98 (Phường 2: 90)");
    expect(view.succession[0]).toContain("1 báo cáo cùng kỳ của Phường 2 được lưu kèm");

    const a = (await office.get(`/api/participants/${p1}/assessment`)).body;
    expect(a.facts.tham_gia_cuoc_thi).toBe(true); // taken over
    expect(a.facts.ty_le_tthc_dung_han).toBe(98); // the successor's kept
    expect(a.succession).toEqual(view.succession);
    expect(typeof a.selfScore.total).toBe("number");
    // With the fact taken over, Phường 1's self-assessment is now complete and can go in.
    expect((await office.post(`/api/participants/${p1}/assessment/submit`, { version: a.version })).status).toBe(200);

    const rows = await rankingRows();
    expect(rows.map((r) => r.participantId)).not.toContain(p2);
    expect(rows.find((r) => r.participantId === p1)?.total).toBeTypeOf("number");

    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "participant.succession"));
    expect(audit.map((e) => e.entityId)).toContain(String(p1));
  });

  it("passes a participant over whole when the successor does not take part, with the note", async () => {
    const p3 = pid["Phường 3"];
    const res = await mergeInto("VL-TPVL-P3", "VL-TPVL-PM");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const got = await office.get(`/api/participants/${p3}`);
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const view = got.body;
    expect(view.unitName).toBe("Xã Mới");
    expect(view.registered).toBe(true);
    expect(view.succession[0]).toMatch(/^Tiếp nhận từ Phường 3 .*: 1 báo cáo, 1 sáng kiến, 21 số liệu tự đánh giá\./);
    expect((await office.get(`/api/participants/${p3}/initiatives`)).body.items).toHaveLength(1);
    expect((await rankingRows()).find((r) => r.participantId === p3)?.total).toBeTypeOf("number");
  });

  it("refuses, and changes nothing, when both hold a proposal for the same award form", async () => {
    const pm = pid["Phường 3"]; // now Xã Mới's participant
    const p1 = pid["Phường 1"];
    const nom = await office.post(`/api/plans/${planId}/nominations`, { awardFormId: "bang-khen-tinh", participantId: pm });
    expect(nom.status, JSON.stringify(nom.body)).toBe(201);
    const res = await mergeInto("VL-TPVL-PM", "VL-TPVL-P1");
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("SUCCESSION_NOMINATION_CLASH");
    expect(res.body.message).toContain("Hãy rút hoặc hủy một trong hai hồ sơ");
    expect((await office.get(`/api/participants/${pm}`)).status).toBe(200);
    expect((await make.admin.get(`/api/units/${await t.unitId("VL-TPVL-PM")}`)).body.active).toBe(true);
    expect((await office.get(`/api/participants/${p1}`)).body.succession).toHaveLength(1);
  });
});

describe("a merged issuing unit", () => {
  it("its running movement continues under its successor's office", async () => {
    const province = await t.unitId("VL");
    const town = await make.unit({ code: "VL-BM", name: "Thị xã Bình Minh", kind: "district", parent: province });
    const ward = await make.unit({ code: "VL-BM-P1", name: "Phường Cái Vồn", parent: town });
    const townOffice = (await make.account({ role: "office", unit: town })).client;
    const { plan, participants: ps } = await make.launchedPlan(town, { as: townOffice });
    expect(ps.map((p: { name: string }) => p.name)).toEqual(["Phường Cái Vồn"]);
    const res = await mergeInto(town.id, "VL-TPVL");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [row] = await t.database.db.select().from(plans).where(eq(plans.id, plan.id));
    expect(row?.issuerUnitId).toBe(await t.unitId("VL-TPVL"));
    // The city's office now runs it; its participant (the ward, now under the city) is kept.
    const list = await office.get(`/api/plans/${plan.id}/participants`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { unitId: number }) => p.unitId)).toEqual([ward.id]);
    expect((await office.get(`/api/plans/${plan.id}/ranking?group=tap-the`)).status).toBe(200);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "plan.issuer_succession"));
    expect(audit.map((e) => e.entityId)).toContain(String(plan.id));
  });
});

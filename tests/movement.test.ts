// Seed 003's movement (Vĩnh Long 2024) run through the API from registration to a published ranking.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complaints, initiatives } from "../src/db/schema.js";
import { PDF, PNG } from "./support/sample-files.js";
import { SEED_003_FACTS, SEED_003_SCORED_LEAVES } from "./support/seed-003.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let office: Client;
let focal1: Client;
let focal2: Client;
let planId: number;
const ids: Record<string, number> = {};

async function upload(c: Client, unitId: number, name: string, data: Buffer | string) {
  const form = new FormData();
  form.append("unitId", String(unitId));
  form.append("file", new Blob([typeof data === "string" ? data : new Uint8Array(data)]), name);
  const req = new Request("http://local/", { method: "POST", body: form });
  return c.request("POST", "/api/files", Buffer.from(await req.arrayBuffer()), { headers: { "content-type": req.headers.get("content-type") as string } });
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2024-03-01T02:00:00Z");
  office = await t.as("noivu.vinhlong");
  focal1 = await t.as("daumoi.phuong1");
  focal2 = await t.as("daumoi.phuong2");
  const plan = (await office.post("/api/plans", { issuerUnitId: await t.unitId("VL-TPVL"), template: "003-vinh-long-2024.yaml" })).body;
  await office.post(`/api/plans/${plan.id}/launch`, { version: plan.version });
  planId = plan.id;
});
afterAll(() => t.close());

describe("participants", () => {
  it("the office lists the participants from the plan's groups; a focal person sees only their ward", async () => {
    expect((await focal1.post(`/api/plans/${planId}/participants/sync`)).status).toBe(403);
    const sync = await office.post(`/api/plans/${planId}/participants/sync`);
    expect(sync.status).toBe(200);
    expect(sync.body.added).toBeGreaterThan(25);
    const again = await office.post(`/api/plans/${planId}/participants/sync`);
    expect(again.body.added).toBe(0);
    const all = (await office.get(`/api/plans/${planId}/participants?group=tap-the`)).body.items;
    for (const [key, name] of [
      ["p1", "Phường 1"],
      ["p2", "Phường 2"],
      ["p3", "Phường 3"],
    ] as const)
      ids[key] = all.find((p: { name: string }) => p.name === name).id;
    expect(all.some((p: { name: string }) => p.name === "Phòng Nội vụ")).toBe(true);
    const individuals = (await office.get(`/api/plans/${planId}/participants?group=ca-nhan`)).body.items;
    expect(individuals.length).toBeGreaterThan(50);
    const mine = (await focal1.get(`/api/plans/${planId}/participants`)).body.items;
    expect(new Set(mine.map((p: { unitName: string }) => p.unitName))).toEqual(new Set(["Phường 1"]));
    expect((await focal1.get(`/api/participants/${ids.p2}`)).status).toBe(404);
  });
});

describe("registration", () => {
  it("registers until 26/04 (whole day, Vietnam time); later only if the office reopens it", async () => {
    t.clock.set("2024-04-20T03:00:00Z");
    const p1 = (await focal1.get(`/api/participants/${ids.p1}`)).body;
    expect(p1.registered).toBe(false);
    const bad = await focal1.request("PUT", `/api/participants/${ids.p1}/registration`, { version: p1.version, registeredPoints: { "i-1": 11 } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('"Hoàn thành nhiệm vụ được giao');
    expect(bad.body.message).toContain("phải từ 0 đến 10");
    const ok = await focal1.request("PUT", `/api/participants/${ids.p1}/registration`, {
      version: p1.version,
      registeredPoints: Object.fromEntries(SEED_003_SCORED_LEAVES.map((c) => [c, 5])),
      commitments: "Hoàn thành 100% nhiệm vụ CCHC",
    });
    expect(ok.status).toBe(200);
    expect((await focal2.request("PUT", `/api/participants/${ids.p1}/registration`, { version: ok.body.version, registeredPoints: {} })).status).toBe(404);
    t.clock.set("2024-04-26T16:59:00Z"); // 23:59 on 26/04 in Vietnam: still open
    const p2 = (await focal2.get(`/api/participants/${ids.p2}`)).body;
    const p2reg = await focal2.request("PUT", `/api/participants/${ids.p2}/registration`, { version: p2.version, registeredPoints: { "i-1": 10 } });
    expect(p2reg.status).toBe(200);
    t.clock.set("2024-04-26T17:00:01Z"); // 00:00:01 on 27/04
    const late = await focal2.request("PUT", `/api/participants/${ids.p2}/registration`, { version: p2reg.body.version, registeredPoints: { "i-1": 9 } });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe("Đã hết hạn đăng ký thi đua (hạn 26/04/2024). Liên hệ cơ quan thường trực nếu cần mở lại.");
    expect((await focal2.post(`/api/participants/${ids.p2}/reopen-registration`, { until: "2024-04-30" })).status).toBe(403);
    const reopened = await office.post(`/api/participants/${ids.p2}/reopen-registration`, { until: "2024-04-30" });
    expect(reopened.status).toBe(200);
    expect(
      (await focal2.request("PUT", `/api/participants/${ids.p2}/registration`, { version: reopened.body.version, registeredPoints: { "i-1": 9 } })).status,
    ).toBe(200);
    const audit = (await (await t.as("admin")).get(`/api/audit?entity=participant&entityId=${ids.p2}&action=movement.reopen_registration`)).body;
    expect(audit.items[0].summary).toContain("Mở lại đăng ký thi đua cho Phường 2 đến hết ngày 30/04/2024");
  });
});

describe("files and reports", () => {
  it("refuses uploads that are empty, too large or not what they claim, and keeps nothing", async () => {
    const ward1 = await t.unitId("VL-TPVL-P1");
    const fake = await upload(focal1, ward1, "bao-cao.pdf", "Đây là văn bản thường, không phải PDF");
    expect(fake.status).toBe(400);
    expect(fake.body.message).toContain('Tệp "bao-cao.pdf" có nội dung không nhận dạng được, không phải PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc PNG');
    expect((await upload(focal1, ward1, "rong.pdf", Buffer.alloc(0))).body.code).toBe("EMPTY_FILE");
    const big = await upload(focal1, ward1, "lon.pdf", Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect((await upload(focal1, await t.unitId("VL-TPVL-P2"), "x.pdf", PDF)).status).toBe(404);
    const png = await upload(focal1, ward1, "anh.png", PNG);
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ mime: "image/png", kind: "ảnh PNG", size: PNG.length });
    expect(png.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await focal2.get(`/api/files/${png.body.id}`)).status).toBe(404);
    const back = await office.get(`/api/files/${png.body.id}`);
    expect(back.status).toBe(200);
    expect(back.raw.equals(PNG)).toBe(true);
  });

  it("a report sent after 23:59 of its due day is late, and becomes a fact", async () => {
    const ward1 = await t.unitId("VL-TPVL-P1");
    const ward2 = await t.unitId("VL-TPVL-P2");
    const send = async (c: Client, pid: number, unit: number, milestone: string, at: string) => {
      t.clock.set(at);
      const f = await upload(c, unit, `${milestone}.pdf`, PDF);
      return c.post(`/api/participants/${pid}/reports/${milestone}`, { fileId: f.body.id });
    };
    expect((await send(focal1, ids.p1, ward1, "bc-quy-1", "2024-03-09T03:00:00Z")).body.late).toBe(false);
    expect((await send(focal1, ids.p1, ward1, "bc-6-thang", "2024-06-10T10:00:00Z")).body.late).toBe(false);
    expect((await send(focal1, ids.p1, ward1, "bc-quy-3", "2024-09-12T01:00:00Z")).body.late).toBe(true);
    expect((await send(focal1, ids.p1, ward1, "bc-nam", "2024-12-11T01:00:00Z")).body.late).toBe(false);
    for (const [m, at] of [
      ["bc-quy-1", "2024-03-08T01:00:00Z"],
      ["bc-6-thang", "2024-06-05T01:00:00Z"],
      ["bc-quy-3", "2024-09-05T01:00:00Z"],
      ["bc-nam", "2024-12-10T01:00:00Z"],
    ]) {
      expect((await send(focal2, ids.p2, ward2, m, at)).status).toBe(200);
    }
    const f = await upload(focal1, ward1, "x.pdf", PDF);
    expect((await focal1.post(`/api/participants/${ids.p2}/reports/bc-nam`, { fileId: f.body.id })).status).toBe(404);
    t.clock.set("2024-12-13T03:00:00Z");
    const p1 = (await focal1.get(`/api/participants/${ids.p1}`)).body;
    expect(p1.reports.map((r: { state: string }) => r.state)).toEqual(["on_time", "on_time", "late", "on_time"]);
    const p3 = (await office.get(`/api/participants/${ids.p3}`)).body;
    expect(p3.reports.map((r: { state: string }) => r.state)).toEqual(["missing", "missing", "missing", "missing"]);
  });
});

describe("self-assessment, appraisal and ranking", () => {
  let evidence: string;

  it("records initiatives and a complaint the system will count", async () => {
    const db = t.database.db;
    for (const title of ["Một cửa số", "Hẹn giờ trả kết quả qua Zalo", "Sổ tay TTHC"]) {
      await db
        .insert(initiatives)
        .values({ planId, participantId: ids.p1, title, status: "recognised", level: "Thành phố", recognisedOn: "2024-10-01", decisionNo: "123/QĐ-UBND" });
    }
    await db
      .insert(complaints)
      .values({ unitId: await t.unitId("VL-TPVL-P2"), planId, receivedOn: "2024-08-01", content: "Chậm trả kết quả", substantiated: true });
  });

  it("only opens in December; pre-fills what the system knows; the participant cannot overwrite it", async () => {
    t.clock.set("2024-11-20T03:00:00Z");
    const early = (await focal1.get(`/api/participants/${ids.p1}/assessment`)).body;
    expect(early.window).toEqual({ from: "2024-12-01", due: "2024-12-31", open: false });
    const closed = await focal1.request("PUT", `/api/participants/${ids.p1}/assessment`, { version: early.version, facts: SEED_003_FACTS });
    expect(closed.status).toBe(409);
    expect(closed.body.message).toBe("Chỉ tự chấm điểm trong thời gian từ 01/12/2024 đến hết ngày 31/12/2024.");
    t.clock.set("2024-12-15T03:00:00Z");
    const a = (await focal1.get(`/api/participants/${ids.p1}/assessment`)).body;
    const sys = Object.fromEntries(a.systemFacts.map((s: { key: string; value: unknown }) => [s.key, s.value]));
    expect(sys).toMatchObject({ bao_cao_tre_hoac_khong_gui: 1, sang_kien_duoc_cong_nhan: 3, pakn_to_kiem_tra: 0 });
    evidence = (await upload(focal1, await t.unitId("VL-TPVL-P1"), "ke-hoach-cchc.pdf", PDF)).body.id;
    const saved = await focal1.request("PUT", `/api/participants/${ids.p1}/assessment`, {
      version: a.version,
      facts: { ...SEED_003_FACTS, bao_cao_tre_hoac_khong_gui: 0, sang_kien_duoc_cong_nhan: 9 },
      evidence: { "i-1": [evidence] },
      notes: Object.fromEntries(SEED_003_SCORED_LEAVES.filter((c) => c !== "i-1").map((c) => [c, "Có văn bản lưu tại đơn vị"])),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.facts.bao_cao_tre_hoac_khong_gui).toBeUndefined();
    expect(saved.body.selfScore.total).toBe(95);
    const report = saved.body.selfScore.criteria[0].children.find((c: { id: string }) => c.id === "i-3");
    expect(report).toMatchObject({ points: 5, explanation: "Số báo cáo không gửi hoặc gửi trễ: 1 (1 báo cáo không gửi hoặc trễ, trừ 5 điểm) → 5 điểm" });
    const stale = await focal1.request("PUT", `/api/participants/${ids.p1}/assessment`, { version: a.version, facts: SEED_003_FACTS });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("VERSION_CONFLICT");
  });

  it("refuses to submit while a criterion has neither evidence nor a note; then submits, the head confirms, it is locked", async () => {
    const a2 = (await focal2.get(`/api/participants/${ids.p2}/assessment`)).body;
    const s2 = await focal2.request("PUT", `/api/participants/${ids.p2}/assessment`, {
      version: a2.version,
      facts: SEED_003_FACTS,
      notes: { "i-1": "Có kế hoạch" },
    });
    const refused = await focal2.post(`/api/participants/${ids.p2}/assessment/submit`, { version: s2.body.version });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain("cần tài liệu minh chứng hoặc ghi giải trình lý do tự chấm điểm");
    expect(refused.body.details).toHaveLength(10);
    const s2b = await focal2.request("PUT", `/api/participants/${ids.p2}/assessment`, {
      version: s2.body.version,
      facts: SEED_003_FACTS,
      notes: Object.fromEntries(SEED_003_SCORED_LEAVES.map((c) => [c, "Giải trình"])),
    });
    expect(s2b.body.selfScore.total).toBe(88);
    expect((await focal2.post(`/api/participants/${ids.p2}/assessment/submit`, { version: s2b.body.version })).status).toBe(200);

    const a1 = (await focal1.get(`/api/participants/${ids.p1}/assessment`)).body;
    const sub = await focal1.post(`/api/participants/${ids.p1}/assessment/submit`, { version: a1.version });
    expect(sub.status).toBe(200);
    expect(sub.body.status).toBe("submitted");
    expect((await focal1.post(`/api/participants/${ids.p1}/assessment/confirm`, { version: sub.body.version })).status).toBe(403);
    const head = await t.as("thutruong.phuong1");
    const conf = await head.post(`/api/participants/${ids.p1}/assessment/confirm`, { version: sub.body.version });
    expect(conf.status).toBe(200);
    expect(conf.body.statusLabel).toBe("Đã xác nhận");
    const locked = await focal1.request("PUT", `/api/participants/${ids.p1}/assessment`, { version: conf.body.version, facts: SEED_003_FACTS });
    expect(locked.body.code).toBe("ASSESSMENT_LOCKED");
  });

  it("an appraiser sees only the assignment and corrects one criterion with a reason", async () => {
    const appraiser = await t.as("thamdinh.vinhlong");
    const users = (await (await t.as("admin")).get("/api/users")).body.items;
    const appraiserId = users.find((u: { username: string }) => u.username === "thamdinh.vinhlong").id;
    expect((await appraiser.request("PUT", `/api/participants/${ids.p1}/appraisals/iv-2`, { facts: { truong_hop_ky_luat: 1 }, reason: "x" })).status).toBe(404);
    expect((await focal1.post(`/api/plans/${planId}/assignments`, { userId: appraiserId, participantId: ids.p1 })).status).toBe(403);
    const assigned = await office.post(`/api/plans/${planId}/assignments`, { userId: appraiserId, participantId: ids.p1, criterionId: "iv-2" });
    expect(assigned.status).toBe(201);
    const mine = (await appraiser.get("/api/appraisals/mine")).body.items;
    expect(mine).toEqual([
      expect.objectContaining({ planId, criterionId: "iv-2", participants: [{ id: ids.p1, name: "Phường 1", assessmentStatus: "confirmed" }] }),
    ]);
    expect((await appraiser.get(`/api/participants/${ids.p2}/assessment`)).status).toBe(404);
    const noReason = await appraiser.request("PUT", `/api/participants/${ids.p1}/appraisals/iv-2`, { facts: { truong_hop_ky_luat: 1 }, reason: " " });
    expect(noReason.status).toBe(400);
    expect((await appraiser.request("PUT", `/api/participants/${ids.p1}/appraisals/iii`, { points: 0, reason: "Sai" })).status).toBe(403);
    const ok = await appraiser.request("PUT", `/api/participants/${ids.p1}/appraisals/iv-2`, {
      facts: { truong_hop_ky_luat: 1 },
      reason: "Biên bản kiểm tra công vụ ngày 12/9/2024 ghi nhận 1 trường hợp đi muộn",
    });
    expect(ok.status).toBe(204);
    const a = (await appraiser.get(`/api/participants/${ids.p1}/assessment`)).body;
    expect(a.selfScore.total).toBe(95);
    expect(a.finalScore.total).toBe(90);
    const iv2 = a.finalScore.criteria.find((c: { id: string }) => c.id === "iv").children.find((c: { id: string }) => c.id === "iv-2");
    expect(iv2.explanation).toBe("1 trường hợp vi phạm: 10 trừ 5 × 1 → 5 điểm");
  });

  it("runs an explanation round, refuses to finalise before it ends, then publishes the ranking", async () => {
    expect((await focal1.post(`/api/plans/${planId}/explanation-round`, { until: "2024-12-27" })).status).toBe(403);
    expect((await office.post(`/api/plans/${planId}/explanation-round`, { until: "2024-12-27" })).status).toBe(204);
    expect(
      (
        await focal1.request("PUT", `/api/participants/${ids.p1}/appraisals/iv-2/explanation`, {
          text: "Trường hợp này đã có đơn xin phép, đề nghị xem xét lại",
        })
      ).status,
    ).toBe(204);
    expect((await focal2.request("PUT", `/api/participants/${ids.p1}/appraisals/iv-2/explanation`, { text: "x" })).status).toBe(404);
    expect((await focal1.get(`/api/plans/${planId}/ranking`)).status).toBe(403);
    const early = await office.post(`/api/plans/${planId}/finalise`);
    expect(early.status).toBe(409);
    expect(early.body.message).toContain("Vòng giải trình còn mở đến hết ngày 27/12/2024");
    t.clock.set("2024-12-28T03:00:00Z");
    const late = await focal1.request("PUT", `/api/participants/${ids.p1}/appraisals/iv-2/explanation`, { text: "Bổ sung" });
    expect(late.status).toBe(409);
    const fin = await office.post(`/api/plans/${planId}/finalise`);
    expect(fin.status).toBe(200);
    const ranking = (await focal1.get(`/api/plans/${planId}/ranking?group=tap-the`)).body;
    expect(ranking.finalised).toBe(true);
    const row = (name: string) => ranking.rows.find((r: { name: string }) => r.name === name);
    expect(row("Phường 1")).toMatchObject({ rank: 1, selfTotal: 95, total: 90, gap: -5, registered: true, assessmentStatus: "confirmed" });
    expect(row("Phường 2")).toMatchObject({ rank: 2, selfTotal: 88, total: 88, gap: 0 });
    expect(row("Phường 3")).toMatchObject({ rank: null, total: null, registered: false, assessmentStatus: "draft" });
    const wards = (await office.get(`/api/plans/${planId}/ranking?group=tap-the&unitKind=ward`)).body.rows;
    expect(wards.every((r: { unitKind: string }) => r.unitKind === "ward")).toBe(true);
    const xlsx = await office.get(`/api/plans/${planId}/ranking.xlsx?group=tap-the`);
    expect(String(xlsx.headers["content-type"])).toContain("spreadsheetml");
  });
});

describe("what the screens need from the server", () => {
  it("says by the server's clock whether registration and the explanation round are open, and lists appraisers", async () => {
    const p1 = (await focal1.get(`/api/participants/${ids.p1}`)).body;
    expect(p1).toMatchObject({ registrationOpen: false, explanationUntil: "2024-12-27", explanationOpen: false, finalised: true, isHead: false });
    expect(p1.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(p1.reports[0].fileId).toMatch(/^[0-9a-f-]{36}$/);
    const appraisers = (await office.get(`/api/plans/${planId}/appraisers`)).body.items;
    expect(appraisers.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(["thamdinh.vinhlong", "noivu.vinhlong"]));
    expect(appraisers.some((u: { username: string }) => u.username === "noivu.mongcai")).toBe(false);
    expect((await focal1.get(`/api/plans/${planId}/appraisers`)).status).toBe(403);
    const [a] = (await office.get(`/api/plans/${planId}/assignments`)).body.items;
    expect((await focal1.delete(`/api/plans/${planId}/assignments/${a.id}`)).status).toBe(403);
    expect((await office.delete(`/api/plans/${planId}/assignments/${a.id}`)).status).toBe(204);
    expect((await office.get(`/api/plans/${planId}/assignments`)).body.items).toEqual([]);
  });
});

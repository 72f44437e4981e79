// Seed 002 (Móng Cái 2024, city): three award forms at three levels. The province chairman's Bằng khen is proposed
// upward: forwarded to a launched plan of Quảng Ninh province (not to Ninh Thuận's, which is no upper level of
// Móng Cái); the city chairman's Giấy khen goes to a council (secret ballot) and a decision, for a ward and a
// reporter; the commune chairman's Giấy khen is not the city's to decide.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attach, createAccount, expectDecree30Decision, lodge, opinion, passingFacts, readDocx, selfAssess, upload } from "./support/commendation.js";
import { Client as Anonymous, type Client, createTestApp, type TestApp } from "./support/test-app.js";

const BK = "bang-khen-tinh";
const GK = "giay-khen-tp";
const GKX = "giay-khen-xa";
const COMPONENTS = ["to-trinh", "bien-ban", "bao-cao-thanh-tich"];
/** The facts the plan's award rules ask for besides the criteria (mục III.1). */
const AWARD_FACTS = { guong_mau_chap_hanh_chu_truong: true, hoan_thanh_tot_kh_cchc_2024: true, thanh_tich_xuat_sac_phong_trao: true };

let t: TestApp;
let office: Client;
let admin: Client;
let planId: number;
let city: number;
let plan: { data: { groups: { id: string; criteria: Parameters<typeof passingFacts>[0] }[]; awardForms: { id: string }[] } };
const uid: Record<string, number> = {};
const pid: Record<string, number> = {};
const nid: Record<string, number> = {};
let reporterName: string;
let fileId: string;

const criteriaOf = (group: string) => plan.data.groups.find((g) => g.id === group)?.criteria ?? [];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2024-03-01T02:00:00Z");
  office = await t.as("noivu.mongcai");
  admin = await t.as("admin");
  city = await t.unitId("QN-MC");
  const draft = (await office.post("/api/plans", { issuerUnitId: city, template: "002-mong-cai-2024.yaml" })).body;
  expect(draft.issues).toEqual([]);
  expect((await office.post(`/api/plans/${draft.id}/launch`, { version: draft.version })).status).toBe(200);
  planId = draft.id;
  plan = draft;
  uid.member = await createAccount(admin, { username: "hoidong.mongcai", fullName: "Vũ Đức Thịnh", role: "council_member", unitId: city });
  uid.secretary = await createAccount(admin, { username: "thuky.mongcai", fullName: "Hoàng Thị Minh Nguyệt", role: "council_secretary", unitId: city });
  uid.signer = await createAccount(admin, { username: "chutich.mongcai", fullName: "Hồ Quang Huy", role: "signer", unitId: city });
});
afterAll(() => t.close());

describe("seed 002: three award forms at three levels; the press takes part", () => {
  it("has the province's Bằng khen (proposed upward), the city's and the communes' Giấy khen", async () => {
    const forms = (await office.get(`/api/plans/${planId}`)).body.data.awardForms.map(
      (f: { id: string; issuerLevel: string; proposeToUpperLevel: boolean; issuerTitle: string }) => [
        f.id,
        f.issuerLevel,
        f.proposeToUpperLevel,
        f.issuerTitle,
      ],
    );
    expect(forms).toEqual([
      [BK, "province", true, "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh"],
      [GK, "district", false, "Chủ tịch Ủy ban nhân dân thành phố Móng Cái"],
      [GKX, "commune", false, "Chủ tịch Ủy ban nhân dân xã, phường"],
    ]);
  });

  it("lists the city's press and its reporters as participants", async () => {
    expect((await office.post(`/api/plans/${planId}/participants/sync`)).status).toBe(200);
    const of = async (g: string) => (await office.get(`/api/plans/${planId}/participants?group=${g}`)).body.items;
    const press = (await of("bao-chi")).map((p: { name: string }) => p.name);
    expect(press.sort()).toEqual(
      ["Trung tâm Truyền thông và Văn hóa thành phố", "Văn phòng đại diện Trung tâm Truyền thông tỉnh Quảng Ninh tại Móng Cái"].sort(),
    );
    const reporters = await of("phong-vien");
    expect(reporters.length).toBe(4);
    const reporter = reporters.find((p: { unitName: string }) => p.unitName === "Trung tâm Truyền thông và Văn hóa thành phố");
    pid.reporter = reporter.id;
    reporterName = reporter.personName;
    const wards = await of("chinh-quyen");
    pid.kaLong = wards.find((p: { name: string }) => p.name === "Phường Ka Long").id;
    pid.tranPhu = wards.find((p: { name: string }) => p.name === "Phường Trần Phú").id;
    const commune = (await of("can-bo")).find((p: { unitName: string }) => p.unitName === "Xã Hải Xuân");
    pid.communeStaff = commune.id;
  });

  it("the wards' past reform index comes from the system; each nominee assesses itself on its group's criteria", async () => {
    t.clock.set("2024-12-10T03:00:00Z");
    // "Chỉ số CCHC năm 2023 đạt từ loại Khá trở lên", kept as an indicator (1 = yes).
    for (const k of ["kaLong", "tranPhu"]) {
      const unitId = (await office.get(`/api/participants/${pid[k]}`)).body.unitId;
      expect(
        (
          await office.post("/api/indicators", {
            unitId,
            metric: "par_index_class_prev",
            period: "2024",
            value: 1,
            source: "Quyết định công bố Chỉ số CCHC 2023",
          })
        ).status,
      ).toBe(201);
    }
    for (const [k, group] of [
      ["kaLong", "chinh-quyen"],
      ["tranPhu", "chinh-quyen"],
      ["reporter", "phong-vien"],
      ["communeStaff", "can-bo"],
    ] as const) {
      const facts = passingFacts(criteriaOf(group));
      if (group === "chinh-quyen") delete facts.chi_so_cchc_2023_kha_tro_len; // the system's
      if (group === "can-bo") delete facts.sang_kien_ca_nhan; // counted by the system (none: not needed for the communes' Giấy khen)
      const a = await selfAssess(office, pid[k], { ...facts, ...AWARD_FACTS });
      if (group === "chinh-quyen") {
        expect(a.systemFacts).toContainEqual(expect.objectContaining({ key: "chi_so_cchc_2023_kha_tro_len", value: true }));
        expect(a.selfScore.criteria.map((c: { id: string; passed: boolean }) => [c.id, c.passed])).toEqual([["cq-noi-dung", true]]);
      }
      if (group === "phong-vien") expect(a.selfScore.criteria[0]).toMatchObject({ id: "pv-noi-dung", passed: true });
    }
  });
});

describe("nominations at each level", () => {
  it("the office proposes Phường Ka Long for the province's Bằng khen, Phường Trần Phú and a reporter for the city's Giấy khen, a commune civil servant for the commune's", async () => {
    t.clock.set("2024-12-16T03:00:00Z");
    fileId = await upload(office, city, "ho-so-de-nghi-khen-thuong.pdf");
    for (const [k, form] of [
      ["kaLong", BK],
      ["tranPhu", GK],
      ["reporter", GK],
      ["communeStaff", GKX],
    ] as const) {
      const r = await office.post(`/api/plans/${planId}/nominations`, { awardFormId: form, participantId: pid[k] });
      expect(r.status).toBe(201);
      nid[k] = r.body.id;
      await attach(office, nid[k], COMPONENTS, fileId);
      const lodged = await lodge(office, nid[k]);
      expect(lodged.status).toBe(200);
      expect(lodged.body.eligibility, k).toMatchObject({ eligible: true });
    }
    const ka = (await office.get(`/api/nominations/${nid.kaLong}`)).body;
    expect(ka.eligibility.reasons.map((r: { ruleId: string; ok: boolean }) => [r.ruleId, r.ok])).toEqual([
      ["bk-guong-mau", true],
      ["bk-tt-hoan-thanh-kh", true],
      ["bk-tt-noi-dung-cq", true],
      ["bk-tt-chi-so-cchc", true],
    ]);
    const reporter = (await office.get(`/api/nominations/${nid.reporter}`)).body;
    expect(reporter).toMatchObject({ target: "individual", groupId: "phong-vien", awardFormName: "Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố" });
    for (const k of ["kaLong", "tranPhu", "reporter", "communeStaff"])
      expect((await opinion(office, nid[k], "Hồ sơ đầy đủ; có thành tích xuất sắc trong phong trào thi đua CCHC năm 2024.", "accepted")).status).toBe(200);
  });
});

describe("the Bằng khen goes up to the province", () => {
  it("the city cannot decide it, and cannot send it to Ninh Thuận's plan: that province is not Móng Cái's upper level", async () => {
    const decide = await office.post(`/api/plans/${planId}/decisions`, {
      awardFormId: BK,
      signedOn: "2024-12-27",
      signerTitle: "CHỦ TỊCH",
      signerName: "Hồ Quang Huy",
      nominationIds: [nid.kaLong],
    });
    expect(decide.status).toBe(400);
    expect(decide.body.code).toBe("UPPER_LEVEL");
    // Seed 004's plan, the only province plan of the demo data, is issued by Ninh Thuận.
    const nt = await t.as("snv.ninhthuan");
    const ntPlan = (await nt.post("/api/plans", { issuerUnitId: await t.unitId("NT"), template: "004-ninh-thuan-2025.yaml" })).body;
    expect((await nt.post(`/api/plans/${ntPlan.id}/launch`, { version: ntPlan.version })).status).toBe(200);
    const wrong = await office.post(`/api/nominations/${nid.kaLong}/forward`, { upperPlanId: ntPlan.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      code: "NOT_UPPER_LEVEL",
      message: `Kế hoạch "${ntPlan.title}" do Tỉnh Ninh Thuận ban hành, không phải cấp trên của Thành phố Móng Cái.`,
    });
    const gk = await office.post(`/api/nominations/${nid.tranPhu}/forward`, { upperPlanId: ntPlan.id });
    expect(gk.body.code).toBe("NOT_UPPER_LEVEL_FORM");
  });

  it("forwards it with its dossier to the launched plan of Quảng Ninh province, where the city lodges it", async () => {
    const qn = await t.unitId("QN");
    const upper = await admin.post("/api/plans", {
      issuerUnitId: qn,
      data: {
        code: "quang-ninh-2024",
        issuer: { name: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", unitCode: "QN", level: "province" },
        title: "Phát động phong trào thi đua “Đẩy mạnh cải cách hành chính” trên địa bàn tỉnh Quảng Ninh năm 2024",
        year: 2024,
        period: { from: "2024-02-29", to: "2024-12-31" },
        groups: [
          {
            id: "tap-the",
            name: "Tập thể các huyện, thị xã, thành phố và đơn vị trực thuộc",
            type: "collective",
            membership: { withinUnitCodes: ["QN"], unitKinds: ["district", "office", "ward", "commune"] },
          },
        ],
        milestones: [{ id: "ho-so", kind: "dossier", label: "Gửi hồ sơ đề nghị Bằng khen về Sở Nội vụ", due: "2025-01-15" }],
        awardForms: [
          {
            id: BK,
            name: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
            issuerLevel: "province",
            target: "both",
            moneyKey: "bang_khen_tinh",
            quotas: [{ target: "collective", quota: { kind: "unlimited" } }],
          },
        ],
        dossier: [
          { id: "to-trinh", name: "Tờ trình đề nghị khen thưởng" },
          { id: "bien-ban", name: "Biên bản họp Hội đồng Thi đua - Khen thưởng" },
          { id: "bao-cao-thanh-tich", name: "Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng" },
        ],
        eligibility: [{ id: "dung-han", kind: "required", check: { type: "dossier_on_time" }, message: "Hồ sơ gửi đúng hạn" }],
      },
    });
    expect(upper.status).toBe(201);
    expect(upper.body.issues).toEqual([]);
    expect((await admin.post(`/api/plans/${upper.body.id}/launch`, { version: upper.body.version })).status).toBe(200);

    const fwd = await office.post(`/api/nominations/${nid.kaLong}/forward`, { upperPlanId: upper.body.id });
    expect(fwd.status).toBe(201);
    expect(fwd.body).toMatchObject({
      planId: upper.body.id,
      awardFormId: BK,
      forwardedFromId: nid.kaLong,
      name: "Phường Ka Long",
      groupId: "tap-the",
      proposedByUnitName: "Thành phố Móng Cái",
      status: "draft",
      dossier: { complete: true, missing: [], due: "2025-01-15" },
      notCarried: [],
    });
    expect(fwd.body.dossier.components.map((c: { file: { id: string } }) => c.file.id)).toEqual([fileId, fileId, fileId]);
    expect((await office.get(`/api/nominations/${nid.kaLong}`)).body.forwardedTo).toMatchObject({ id: fwd.body.id, planId: upper.body.id });
    expect((await office.post(`/api/nominations/${nid.kaLong}/forward`, { upperPlanId: upper.body.id })).body.code).toBe("ALREADY_FORWARDED");
    const lodged = await lodge(office, fwd.body.id);
    expect(lodged.status).toBe(200);
    expect(lodged.body).toMatchObject({ status: "submitted", dossier: { onTime: true }, eligibility: { eligible: true } });
    const province = (await admin.get(`/api/plans/${upper.body.id}/nominations`)).body.items;
    expect(province.map((n: { id: number }) => n.id)).toEqual([fwd.body.id]);
  });
});

describe("the city's Giấy khen goes to a decision", () => {
  let decisionId: number;

  it("the council passes the ward and the reporter by secret ballot with a quorum", async () => {
    t.clock.set("2024-12-23T02:00:00Z");
    const secretary = await t.as("thuky.mongcai");
    const created = await office.post(`/api/plans/${planId}/council-sessions`, {
      title: "Họp Hội đồng Thi đua - Khen thưởng thành phố xét tặng Giấy khen phong trào “Đẩy mạnh cải cách hành chính” năm 2024",
      heldOn: "2024-12-23",
      chairUserId: uid.signer,
      secretaryUserId: uid.secretary,
      memberUserIds: [uid.member],
    });
    expect(created.status).toBe(201);
    const agenda = [nid.tranPhu, nid.reporter];
    const s = (await secretary.request("PUT", `/api/council-sessions/${created.body.id}/agenda`, { nominationIds: agenda })).body;
    expect(s.agenda.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(["Phường Trần Phú", expect.stringContaining(reporterName)]));
    expect((await secretary.post(`/api/council-sessions/${created.body.id}/open`, { version: s.version, present: [uid.signer, uid.secretary] })).status).toBe(
      200,
    );
    for (const who of ["chutich.mongcai", "thuky.mongcai"]) {
      const vote = await (await t.as(who)).post(`/api/council-sessions/${created.body.id}/ballots`, {
        choices: agenda.map((nominationId) => ({ nominationId, choice: "approve" })),
      });
      expect(vote.status).toBe(204);
    }
    expect((await secretary.post(`/api/council-sessions/${created.body.id}/close`)).body.status).toBe("closed");
    const results = (await secretary.get(`/api/council-sessions/${created.body.id}/results`)).body.items;
    for (const r of results)
      expect(r).toMatchObject({ approve: 2, passed: true, explanation: "2/3 phiếu đồng ý (66,67%, cần ≥ 50% tổng số thành viên) → được thông qua" });
  });

  it("the commune's Giấy khen is not the city's to decide", async () => {
    const res = await office.post(`/api/plans/${planId}/decisions`, {
      awardFormId: GKX,
      signedOn: "2024-12-27",
      signerTitle: "CHỦ TỊCH",
      signerName: "Hồ Quang Huy",
      nominationIds: [nid.communeStaff],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("LOWER_LEVEL");
    expect(res.body.message).toBe(
      '"Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã" do Chủ tịch Ủy ban nhân dân xã, phường quyết định (cấp xã), không phải Thành phố Móng Cái.',
    );
  });

  it("drafts the city's Giấy khen decision with the money of the signing date", async () => {
    const res = await office.post(`/api/plans/${planId}/decisions`, {
      awardFormId: GK,
      signedOn: "2024-12-27",
      signerTitle: "CHỦ TỊCH",
      signerName: "Hồ Quang Huy",
      nominationIds: [nid.tranPhu, nid.reporter],
    });
    expect(res.status).toBe(201);
    // 27/12/2024: base salary 2,340,000 (Decree 73/2024); Giấy khen 0.3 (Decree 98/2023).
    // The reporter: 0.3 × 2,340,000 = 702,000 → 710,000. The ward: 0.3 × 2 × 2,340,000 = 1,404,000 → 1,410,000. Total 2,120,000.
    expect(res.body.recipients.map((r: { name: string; target: string; amount: number }) => [r.name, r.target, r.amount])).toEqual([
      ["Phường Trần Phú", "collective", 1_410_000],
      [reporterName, "individual", 710_000],
    ]);
    expect(res.body.totalAmount).toBe(2_120_000);
    decisionId = res.body.id;
  });

  it("the chairman issues it; the Word file follows Decree 30; the honour roll lists the ward and the reporter", async () => {
    const d = (await office.get(`/api/decisions/${decisionId}`)).body;
    expect((await office.post(`/api/decisions/${decisionId}/issue`, { version: d.version, number: "4521" })).status).toBe(403);
    const issued = await (await t.as("chutich.mongcai")).post(`/api/decisions/${decisionId}/issue`, { version: d.version, number: "4521" });
    expect(issued.status).toBe(200);
    const doc = await readDocx((await office.get(`/api/decisions/${decisionId}/document`)).raw);
    expectDecree30Decision(doc, "Số: 4521/QĐ-UBND", "Móng Cái, ngày 27 tháng 12 năm 2024");
    expect(doc.paragraphs.slice(0, 3)).toEqual(["UBND TỈNH QUẢNG NINH", "ỦY BAN NHÂN DÂN", "THÀNH PHỐ MÓNG CÁI"]);
    expect(doc.paragraphs).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI");
    expect(doc.paragraphs).toContain(
      "Điều 2. Mỗi tập thể được tặng Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố kèm theo tiền thưởng 1.410.000 đồng (Một triệu bốn trăm mười nghìn đồng); mỗi cá nhân kèm theo tiền thưởng 710.000 đồng (Bảy trăm mười nghìn đồng).",
    );
    expect(doc.paragraphs).toContain("Tổng số tiền thưởng: 2.120.000 đồng (Hai triệu một trăm hai mươi nghìn đồng).");
    const signature = doc.paragraphs.lastIndexOf("CHỦ TỊCH");
    expect(doc.paragraphs.slice(signature, signature + 2)).toEqual(["CHỦ TỊCH", "Hồ Quang Huy"]);
    expect(doc.paragraphs).toContain("Phường Trần Phú");
    expect(doc.paragraphs).toContain(reporterName);
    expect(doc.paragraphs).not.toContain("Phường Ka Long");

    const roll = (await new Anonymous(t.app).get(`/api/public/plans/${planId}/honour-roll`)).body;
    expect(roll.items.map((i: { name: string; unitName: string; target: string }) => [i.name, i.unitName, i.target])).toEqual(
      expect.arrayContaining([
        ["Phường Trần Phú", "Phường Trần Phú", "collective"],
        [reporterName, "Trung tâm Truyền thông và Văn hóa thành phố", "individual"],
      ]),
    );
    expect(roll.items).toHaveLength(2);
    for (const i of roll.items) expect(i).toMatchObject({ decision: "4521/QĐ-UBND", awardForm: "Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố" });
  });
});

// Journey through nominations (seed 003, Vĩnh Long 2024): a ward's focal person proposes the ward for the city's
// Giấy khen, fills the dossier (uploads, the self-scoring sheet drawn up by the system) and lodges it; the office
// sees the quota and the suggested list, returns the dossier with a reason; the ward replaces a file and lodges it
// again; the office accepts it, creates an open-vote council session, the secretary records the counts and closes
// it, the office drafts the decision; the signer finds and issues it; the office attaches the signed scan.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initiatives } from "../src/db/schema.js";
import { PDF, upload as uploadFile } from "../tests/support/commendation.js";
import { SEED_003_FACTS, SEED_003_SCORED_LEAVES, VINH_LONG_PROVINCE_PLAN } from "../tests/support/seed-003.js";
import { canRunBrowser, type Journey, startJourney } from "./support/harness";

const SHOTS = process.env.NOMINATIONS_E2E_SHOTS; // a folder: screenshots of each step while developing
const PLAN = "Phát động phong trào thi đua thực hiện cải cách hành chính năm 2024";
const GK = "Giấy khen của Chủ tịch Ủy ban nhân dân Thành phố";

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/nominations-${name}.png`, fullPage: true });
}

/** Chooses an option of an Ant Design select by its label; only the open dropdown is searched. */
async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByLabel(label, { exact: true }).click();
  const open = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  await open.locator(".ant-select-item-option").filter({ hasText: option }).first().click();
  await page.keyboard.press("Escape");
  await open.waitFor({ state: "detached" }).catch(() => undefined);
}

describe.skipIf(!canRunBrowser)("nominations: dossier, return, appraisal, open-vote council, decision and signed scan", () => {
  let j: Journey;

  beforeAll(async () => {
    j = await startJourney();
    const office = await j.t.as("noivu.vinhlong");
    // Seed 003 leaves the dossier deadline to a later notice; the office sets one before launching.
    const draft = (await office.post("/api/plans", { issuerUnitId: await j.t.unitId("VL-TPVL"), template: "003-vinh-long-2024.yaml" })).body;
    const data = {
      ...draft.data,
      milestones: [...draft.data.milestones, { id: "ho-so", kind: "dossier", label: "Gửi hồ sơ đề nghị khen thưởng", due: "2025-01-10" }],
    };
    const saved = await office.request("PUT", `/api/plans/${draft.id}`, { version: draft.version, data });
    expect(saved.status).toBe(200);
    expect((await office.post(`/api/plans/${draft.id}/launch`, { version: saved.body.version })).status).toBe(200);
    expect((await office.post(`/api/plans/${draft.id}/participants/sync`)).status).toBe(200);
    const p1 = ((await office.get(`/api/plans/${draft.id}/participants?group=tap-the`)).body.items as { id: number; name: string }[]).find(
      (p) => p.name === "Phường 1",
    );
    if (!p1) throw new Error("Phường 1 is not a participant");
    j.t.clock.set("2024-04-20T03:00:00Z");
    const p = (await office.get(`/api/participants/${p1.id}`)).body;
    expect((await office.request("PUT", `/api/participants/${p1.id}/registration`, { version: p.version, registeredPoints: {} })).status).toBe(200);
    // Three recognised initiatives: a standard of III.1, and priority when commending.
    for (const n of [1, 2, 3])
      await j.t.database.db.insert(initiatives).values({
        planId: draft.id,
        participantId: p1.id,
        title: `Sáng kiến ${n} của Phường 1`,
        status: "recognised",
        level: "Thành phố",
        recognisedOn: "2024-10-01",
        decisionNo: "123/QĐ-UBND",
      });
    j.t.clock.set("2024-12-15T03:00:00Z");
    const a = (await office.get(`/api/participants/${p1.id}/assessment`)).body;
    const self = await office.request("PUT", `/api/participants/${p1.id}/assessment`, {
      version: a.version,
      facts: SEED_003_FACTS,
      notes: Object.fromEntries(SEED_003_SCORED_LEAVES.map((c) => [c, "Có văn bản lưu tại đơn vị"])),
    });
    expect(self.status).toBe(200);
    expect((await office.post(`/api/participants/${p1.id}/assessment/submit`, { version: self.body.version })).status).toBe(200);
    j.t.clock.set("2024-12-20T03:00:00Z");
  });
  afterAll(async () => {
    await j?.close();
  });

  async function openMovement(page: Page, tab: string) {
    await page.getByRole("link", { name: "Phong trào", exact: true }).click();
    await page.getByTestId("movements-list").getByRole("link", { name: PLAN }).click();
    await page.getByRole("tab", { name: tab, exact: true }).click();
  }

  async function openNomination(page: Page) {
    await page.getByTestId("nominations").getByRole("button", { name: "Phường 1", exact: true }).click();
    return page.getByTestId("nomination-drawer");
  }

  async function upload(drawer: ReturnType<Page["getByTestId"]>, componentId: string, name: string) {
    await drawer.getByTestId(`dossier-upload-${componentId}`).locator('input[type="file"]').setInputFiles({ name, mimeType: "application/pdf", buffer: PDF });
    await drawer.getByTestId("dossier-checklist").getByText(name, { exact: true }).waitFor();
  }

  it("the ward's focal person proposes the ward, fills the dossier and lodges it", async () => {
    const page = await j.newPage();
    await j.login(page, "daumoi.phuong1");
    await openMovement(page, "Đề nghị khen thưởng");
    await page.getByRole("button", { name: "Đề nghị khen thưởng" }).click();
    await pick(page, "Tập thể, cá nhân được đề nghị", /^Phường 1 — /);
    await pick(page, "Hình thức khen thưởng", GK);
    await page.getByRole("button", { name: "Tạo hồ sơ đề nghị" }).click();
    const drawer = page.getByTestId("nomination-drawer");
    await drawer.getByText("Hạn nộp hồ sơ: hết ngày 10/01/2025.").waitFor();
    await shot(page, "0-created");
    // Nothing is concluded about a dossier still being prepared; the registration rule is already met.
    await drawer
      .getByTestId("eligibility-reasons")
      .getByText("Chỉ xét khen thưởng đối với cơ quan, địa phương có đăng ký thi đua: đã đăng ký thi đua")
      .waitFor();
    await upload(drawer, "van-ban-de-nghi", "to-trinh-phuong-1.pdf");
    await upload(drawer, "bien-ban", "bien-ban-phuong-1.pdf");
    await upload(drawer, "bao-cao-thanh-tich", "bao-cao-phuong-1.pdf");
    await drawer.getByRole("button", { name: "Hệ thống tự lập" }).click();
    await drawer.getByTestId("dossier-checklist").getByText("bang-tu-cham-diem-vl-tpvl-p1.docx").waitFor();
    await drawer.getByText("Đủ hồ sơ").waitFor();
    await shot(page, "1-dossier");
    await drawer.getByRole("button", { name: "Nộp hồ sơ" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "Nộp hồ sơ" }).click();
    await drawer.getByText("Đã nộp hồ sơ, chờ thẩm định").first().waitFor();
    await drawer.getByText("Nộp ngày 20/12/2024, trong hạn (hết ngày 10/01/2025).").waitFor();
    expect(await drawer.getByRole("button", { name: "Nộp hồ sơ" }).count()).toBe(0);
    await page.context().close();
  });

  it("the office sees the quota and the suggestion, and returns the dossier with a reason", async () => {
    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    await openMovement(page, "Khen thưởng");
    const suggestions = page.getByTestId("suggestions");
    await suggestions.getByLabel("Hình thức khen thưởng").click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: GK }).click();
    await suggestions.getByText("Tập thể: chỉ tiêu tối đa 5").waitFor();
    await suggestions.getByText("Căn cứ: Cơ quan, đơn vị: Xét chọn 05 cơ quan, đơn vị hoàn thành xuất sắc các chỉ tiêu đề ra.").waitFor();
    await suggestions.getByTestId("selected-collective").getByRole("link", { name: "Phường 1" }).waitFor();
    await suggestions.getByTestId("selected-collective").getByText("Ưu tiên", { exact: true }).waitFor();
    await shot(page, "2-suggestions");
    const drawer = await openNomination(page);
    await drawer.getByRole("button", { name: "Trả lại để bổ sung" }).click();
    const modal = page.locator(".ant-modal:visible");
    await modal.getByRole("button", { name: "Trả lại để bổ sung" }).click();
    await modal.getByText("Vui lòng ghi lý do trả lại hồ sơ.").waitFor();
    await modal.getByLabel("Lý do trả lại, cần bổ sung gì").fill("Biên bản họp chưa có chữ ký của Chủ tịch Hội đồng.");
    await modal.getByRole("button", { name: "Trả lại để bổ sung" }).click();
    await drawer.getByText("Bị trả lại để bổ sung").first().waitFor();
    await page.context().close();
  });

  it("the ward reads the reason, replaces the minutes and lodges the dossier again", async () => {
    const page = await j.newPage();
    await j.login(page, "daumoi.phuong1");
    await openMovement(page, "Đề nghị khen thưởng");
    const drawer = await openNomination(page);
    await drawer.getByTestId("returned-reason").getByText("Biên bản họp chưa có chữ ký của Chủ tịch Hội đồng.").waitFor();
    await upload(drawer, "bien-ban", "bien-ban-phuong-1-da-ky.pdf");
    expect(await drawer.getByText("bien-ban-phuong-1.pdf", { exact: true }).count()).toBe(0);
    await drawer.getByRole("button", { name: "Nộp lại hồ sơ" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "Nộp hồ sơ" }).click();
    await drawer.getByText("Đã nộp hồ sơ, chờ thẩm định").first().waitFor();
    await page.context().close();
  });

  it("the office accepts it with its opinion and creates an open-vote council session", async () => {
    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    await openMovement(page, "Khen thưởng");
    const drawer = await openNomination(page);
    await drawer.getByRole("button", { name: "Thẩm định" }).click();
    const modal = page.locator(".ant-modal:visible");
    await modal.getByLabel("Ý kiến thẩm định").fill("Hồ sơ đầy đủ, đúng hạn; đề nghị tặng Giấy khen.");
    await modal.getByRole("button", { name: "Lưu" }).click();
    await drawer.getByText("Đã thẩm định: đề nghị khen thưởng").first().waitFor();
    await drawer.getByText("Hồ sơ đầy đủ, đúng hạn; đề nghị tặng Giấy khen.").waitFor();
    await page.locator(".ant-drawer-close").click();
    await drawer.waitFor({ state: "hidden" });

    await page.getByRole("button", { name: "Tạo phiên họp" }).click();
    const form = page.locator(".ant-modal:visible");
    await form.getByLabel("Tên phiên họp").fill("Phiên họp xét Giấy khen CCHC 2024");
    await form.getByLabel("Ngày họp").fill("20/12/2024");
    await form.getByLabel("Ngày họp").press("Enter");
    await form.getByText("Biểu quyết công khai", { exact: true }).click();
    await pick(page, "Chủ tịch", "Hồ Quang Việt");
    await pick(page, "Thư ký", "Dương Thị Hạnh");
    await pick(page, "Các thành viên khác", "Ngô Thanh Sơn");
    await form.getByRole("button", { name: "Tạo phiên họp" }).click();
    await page.waitForURL(/\/hoi-dong\/phien\/\d+$/);
    await page.getByTestId("session-title").getByText("Phiên họp xét Giấy khen CCHC 2024").waitFor();
    await page.getByTestId("session-prepare").getByLabel("Chọn hồ sơ đề nghị đưa ra Hội đồng").click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: "Phường 1" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Lưu danh sách" }).click();
    await page.getByTestId("session-agenda").getByText("Phường 1", { exact: true }).waitFor();
    await page.context().close();
  });

  it("the secretary opens the vote, records the open-vote counts and closes it; the office drafts the decision", async () => {
    const page = await j.newPage();
    await j.login(page, "thuky.vinhlong");
    await page.getByRole("link", { name: "Hội đồng thi đua", exact: true }).click();
    await page.getByTestId("council-sessions").getByRole("link", { name: "Phiên họp xét Giấy khen CCHC 2024" }).click();
    const attendance = page.getByTestId("session-attendance");
    for (const name of ["Hồ Quang Việt", "Ngô Thanh Sơn", "Dương Thị Hạnh"]) await attendance.getByText(name).click();
    await page.getByRole("button", { name: "Mở biểu quyết" }).click();
    const votes = page.getByTestId("open-votes");
    await votes.getByLabel("Đồng ý — Phường 1", { exact: true }).fill("2");
    await votes.getByLabel("Không đồng ý — Phường 1", { exact: true }).fill("2");
    await votes.getByRole("button", { name: "Ghi" }).click();
    await page.getByText("Tổng số phiếu vượt số thành viên có mặt (3).").waitFor();
    await votes.getByLabel("Đồng ý — Phường 1", { exact: true }).fill("3");
    await votes.getByLabel("Không đồng ý — Phường 1", { exact: true }).fill("0");
    await votes.getByRole("button", { name: "Ghi" }).click();
    await votes.getByText("Đã ghi", { exact: true }).waitFor();
    await shot(page, "3-open-vote");
    await page.getByRole("button", { name: "Kết thúc biểu quyết" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "Kết thúc" }).click();
    await page
      .getByTestId("session-results")
      .getByRole("row", { name: /Phường 1/ })
      .getByText("Thông qua", { exact: true })
      .waitFor();
    await page.context().close();

    const officePage = await j.newPage();
    await j.login(officePage, "noivu.vinhlong");
    await officePage.getByRole("link", { name: "Hội đồng thi đua", exact: true }).click();
    await officePage.getByTestId("council-sessions").getByRole("link", { name: "Phiên họp xét Giấy khen CCHC 2024" }).click();
    const draft = officePage.getByTestId("decision-draft");
    await draft.getByLabel("Họ tên người ký").fill("Hồ Quang Việt");
    await draft.getByRole("button", { name: "Dự thảo quyết định" }).click();
    await officePage.waitForURL(/\/quyet-dinh\/\d+$/);
    await officePage.getByTestId("decision-total").getByText("1.410.000 đồng").waitFor();
    await officePage.context().close();
  });

  it("the signer finds the draft among the decisions and issues it; the office attaches the signed scan", async () => {
    const page = await j.newPage();
    await j.login(page, "chutich.vinhlong");
    await page.getByRole("link", { name: "Hội đồng thi đua", exact: true }).click();
    const decisions = page.getByTestId("decisions");
    await decisions
      .getByRole("row", { name: /Dự thảo/ })
      .getByRole("link", { name: GK })
      .click();
    await page.getByTestId("decision-issue").getByLabel("Số").fill("21");
    await page.getByRole("button", { name: "Ký ban hành" }).click();
    await page.getByTestId("decision-number").getByText("Số: 21/QĐ-UBND").waitFor();
    const url = new URL(page.url()).pathname;
    await page.context().close();

    const office = await j.newPage();
    await j.login(office, "noivu.vinhlong");
    await office.getByRole("link", { name: "Hội đồng thi đua", exact: true }).click();
    await office
      .getByTestId("decisions")
      .getByRole("row", { name: /21\/QĐ-UBND/ })
      .getByRole("link", { name: GK })
      .click();
    await office.waitForURL(`**${url}`);
    const scan = office.getByTestId("signed-scan");
    await scan.getByText("Chưa đính kèm bản quyết định đã ký (bản chụp hoặc bản ký số).").waitFor();
    await scan.locator('input[type="file"]').setInputFiles({ name: "qd-21-da-ky.pdf", mimeType: "application/pdf", buffer: PDF });
    await scan.getByText("qd-21-da-ky.pdf", { exact: true }).waitFor();
    await shot(office, "4-decision");
    await office.reload();
    await office.getByTestId("signed-scan").getByText("qd-21-da-ky.pdf", { exact: true }).waitFor();
    await office.context().close();
  });

  it("the office's quota view shows what is already decided and the places left", async () => {
    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    await openMovement(page, "Khen thưởng");
    const suggestions = page.getByTestId("suggestions");
    await suggestions.getByLabel("Hình thức khen thưởng").click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: GK }).click();
    const quota = suggestions.getByTestId("quota-collective");
    await quota.getByTestId("issued-collective").getByText("1", { exact: true }).waitFor();
    await quota.getByTestId("drafted-collective").getByText("0", { exact: true }).waitFor();
    await quota.getByTestId("remaining-collective").getByText("4", { exact: true }).waitFor();
    await quota.getByTestId("decided-collective").getByRole("link", { name: "Quyết định số 21/QĐ-UBND" }).waitFor();
    // Phường 1 holds its place in the decision; it is no longer suggested.
    expect(await quota.getByTestId("selected-collective").count()).toBe(0);
    await page.context().close();
  });

  it("the office forwards an accepted Bằng khen nomination to the province's movement with its dossier", async () => {
    const admin = await j.t.as("admin");
    const upper = await admin.post("/api/plans", { issuerUnitId: await j.t.unitId("VL"), data: VINH_LONG_PROVINCE_PLAN });
    expect((await admin.post(`/api/plans/${upper.body.id}/launch`, { version: upper.body.version })).status).toBe(200);
    // Phường 1 is also proposed for the province chairman's Bằng khen, lodged and accepted through the API.
    const office = await j.t.as("noivu.vinhlong");
    const planId = (await office.get("/api/plans")).body.items.find((p: { title: string }) => p.title === PLAN).id;
    const p1 = (await office.get(`/api/plans/${planId}/participants?group=tap-the`)).body.items.find((p: { name: string }) => p.name === "Phường 1");
    const bk = await office.post(`/api/plans/${planId}/nominations`, { awardFormId: "bang-khen-tinh", participantId: p1.id });
    const file = await uploadFile(office, await j.t.unitId("VL-TPVL-P1"), "ho-so-bang-khen.pdf");
    for (const c of ["van-ban-de-nghi", "bien-ban", "bao-cao-thanh-tich"])
      expect((await office.request("PUT", `/api/nominations/${bk.body.id}/dossier/${c}`, { fileId: file })).status).toBe(200);
    expect((await office.post(`/api/nominations/${bk.body.id}/dossier/bang-tu-cham/generate`)).status).toBe(200);
    const lodged = await office.post(`/api/nominations/${bk.body.id}/submit`, { version: (await office.get(`/api/nominations/${bk.body.id}`)).body.version });
    expect(lodged.status).toBe(200);
    const accepted = await office.request("PUT", `/api/nominations/${bk.body.id}/opinion`, {
      version: lodged.body.version,
      opinion: "Xuất sắc nhất",
      status: "accepted",
    });
    expect(accepted.status).toBe(200);

    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    await openMovement(page, "Khen thưởng");
    await page
      .getByTestId("nominations")
      .getByRole("row", { name: /Bằng khen/ })
      .getByRole("button", { name: "Phường 1", exact: true })
      .click();
    const drawer = page.getByTestId("nomination-drawer");
    await drawer.getByRole("button", { name: "Chuyển lên cấp trên" }).click();
    const modal = page.locator(".ant-modal:visible");
    await pick(page, "Kế hoạch của cấp trên", VINH_LONG_PROVINCE_PLAN.title);
    await modal.getByRole("button", { name: "Chuyển lên cấp trên" }).click();
    await drawer.getByText(/^Đã chuyển lên cấp trên \(hồ sơ số \d+\)\.$/).waitFor();
    expect(await drawer.getByRole("button", { name: "Chuyển lên cấp trên" }).count()).toBe(0);
    await page.context().close();
    // In the province's movement it is a draft proposed by the city, with the files the province's checklist asks for.
    const forwarded = (await admin.get(`/api/plans/${upper.body.id}/nominations`)).body.items;
    expect(forwarded).toEqual([
      expect.objectContaining({ name: "Phường 1", status: "draft", proposedByUnitName: "Thành phố Vĩnh Long", forwardedFromId: bk.body.id }),
    ]);
    expect(forwarded[0].dossier.components.filter((c: { file: unknown }) => c.file).map((c: { id: string }) => c.id)).toEqual([
      "van-ban-de-nghi",
      "bien-ban",
      "bao-cao",
    ]);
  });

  it("the ward sees the Giấy khen in its commendation history", async () => {
    const page = await j.newPage();
    await j.login(page, "daumoi.phuong1");
    await page.getByRole("link", { name: "Đơn vị", exact: true }).click();
    await page.getByRole("tree").getByText("Phường 1", { exact: true }).click();
    await page.getByRole("tab", { name: "Khen thưởng", exact: true }).click();
    const row = page.getByTestId("unit-commendations").getByRole("row", { name: /Phường 1/ });
    await row.getByText(GK, { exact: true }).waitFor();
    await row.getByText("Số 21/QĐ-UBND ngày 20/12/2024").waitFor();
    await row.getByText("1.410.000 đồng").waitFor();
    await page.context().close();
  });

  it("the province's office records what its appraisal found about a rule's fact, and the verdict follows it (seed 004)", async () => {
    const snv = await j.t.as("snv.ninhthuan");
    const created = await snv.post("/api/plans", { issuerUnitId: await j.t.unitId("NT"), template: "004-ninh-thuan-2025.yaml" });
    expect(created.status).toBe(201);
    expect((await snv.post(`/api/plans/${created.body.id}/launch`, { version: created.body.version })).status).toBe(200);
    expect((await snv.post(`/api/plans/${created.body.id}/participants/sync`)).status).toBe(200);
    const dept = ((await snv.get(`/api/plans/${created.body.id}/participants?group=so-nganh`)).body.items as { id: number; unitId: number; name: string }[])[0];
    expect((await snv.post("/api/indicators", { unitId: dept.unitId, metric: "disbursement_rate", period: "2025", value: 96 })).status).toBe(201);
    expect((await snv.post(`/api/plans/${created.body.id}/nominations`, { awardFormId: "bang-khen-tinh", participantId: dept.id })).status).toBe(201);

    const page = await j.newPage();
    await j.login(page, "snv.ninhthuan");
    await page.getByRole("link", { name: "Phong trào", exact: true }).click();
    await page.getByTestId("movements-list").getByRole("link", { name: created.body.title }).click();
    await page.getByRole("tab", { name: "Khen thưởng", exact: true }).click();
    await page.getByTestId("nominations").getByRole("button", { name: dept.name, exact: true }).click();
    const facts = page.getByTestId("appraised-facts");
    const row = facts.getByRole("row", { name: /vì lý do chủ quan/ });
    await row.getByText("Chưa có số liệu").waitFor();
    await row.getByText("Có", { exact: true }).click();
    await row.getByRole("button", { name: "Ghi nhận", exact: true }).click();
    await row.getByText("Cơ quan thường trực ghi nhận").waitFor();
    const drawer = page.getByTestId("nomination-drawer");
    await drawer.getByText("Không đủ điều kiện", { exact: true }).waitFor();
    await drawer
      .getByTestId("eligibility-reasons")
      .getByText(/Không xét khen thưởng địa phương giải ngân vốn đầu tư công chưa đạt 100% vì lý do chủ quan: .*96%/)
      .waitFor();
    await shot(page, "5-facts");
    await row.getByRole("button", { name: "Bỏ ghi nhận" }).click();
    await row.getByText("Chưa có số liệu").waitFor();
    await page.context().close();
  });
});

// Journeys through a running movement (seed 003, Vĩnh Long 2024, in its December self-assessment window):
// Phường 1's focal person fills in and submits the self-assessment with evidence and notes; an appraiser corrects
// one criterion and sees the appraised total drop; another ward's focal person cannot open Phường 1's dossier.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../src/db/schema.js";
import { PDF } from "../tests/support/sample-files.js";
import { canRunBrowser, type Journey, menuLink, startJourney } from "./support/harness";

const SHOTS = process.env.MOVEMENT_E2E_SHOTS; // a folder, e.g. /tmp: screenshots of each step while developing

const SCORED = ["i-1", "i-2-1", "i-2-2", "i-2-3", "i-3", "ii-1", "ii-2", "iii", "iv-1", "iv-2", "v"];

async function shot(page: Page, name: string, at?: Locator) {
  if (!SHOTS) return;
  if (at) await at.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/movement-${name}.png` });
}

/** The field of one fact inside one criterion of the self-assessment. */
const fact = (page: Page, criterion: string, key: string): Locator => page.getByTestId(`fact-${criterion}-${key}`);

async function number(page: Page, criterion: string, key: string, value: string) {
  const input = fact(page, criterion, key).locator("input");
  await input.fill(value);
}

const PLAN_TITLE = "Phát động phong trào thi đua thực hiện cải cách hành chính năm 2024";

/** From anywhere in the app: the menu's "Phong trào", this movement, then one of the user's own dossiers. */
async function openOwnDossier(page: Page, name: string) {
  await menuLink(page, "Phong trào").click();
  await page.getByTestId("movements-list").getByRole("link", { name: PLAN_TITLE }).click();
  await page.getByTestId("my-participants").getByRole("link", { name, exact: true }).click();
  await page.getByTestId("participant-name").getByText(name).waitFor();
}

async function yesNo(page: Page, criterion: string, key: string, yes: boolean) {
  await fact(page, criterion, key)
    .getByText(yes ? "Có" : "Không", { exact: true })
    .click();
}

describe.skipIf(!canRunBrowser)("running a movement", () => {
  let j: Journey;
  let planId = 0;
  let ward1 = 0;
  let ward2 = 0;

  beforeAll(async () => {
    j = await startJourney();
    // Mid-December 2024: inside the self-assessment window (01/12–31/12); all four 2024 reports are overdue.
    j.t.clock.set("2024-12-15T03:00:00Z");
    const office = await j.t.as("noivu.vinhlong");
    const created = await office.post("/api/plans", { issuerUnitId: await j.t.unitId("VL-TPVL"), template: "003-vinh-long-2024.yaml" });
    expect(created.status).toBe(201);
    const launched = await office.post(`/api/plans/${created.body.id}/launch`, { version: created.body.version });
    expect(launched.status).toBe(200);
    planId = created.body.id;
    expect((await office.post(`/api/plans/${planId}/participants/sync`)).status).toBe(200);
    const list = (await office.get(`/api/plans/${planId}/participants?group=tap-the`)).body.items as { id: number; name: string }[];
    ward1 = list.find((p) => p.name === "Phường 1")?.id ?? 0;
    ward2 = list.find((p) => p.name === "Phường 2")?.id ?? 0;
    expect(ward1).toBeGreaterThan(0);
    expect(ward2).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await j?.close();
  });

  it("A: Phường 1's focal person fills in every criterion, adds evidence and notes, sees the points, and submits", async () => {
    const page = await j.newPage();
    await j.login(page, "daumoi.phuong1");

    await openOwnDossier(page, "Phường 1");
    await page.getByRole("tab", { name: "Tự chấm điểm" }).click();
    await page.getByTestId("assessment-window").getByText("Thời gian tự chấm điểm: từ 01/12/2024 đến hết ngày 31/12/2024.").waitFor();
    await page.getByTestId("assessment-status").getByText("Đang tự chấm").waitFor();

    // What the system knows is pre-filled, read-only, and says where it comes from.
    await expect.poll(() => fact(page, "i-3", "bao_cao_tre_hoac_khong_gui").locator("input").inputValue()).toBe("4");
    expect(await fact(page, "i-3", "bao_cao_tre_hoac_khong_gui").locator("input").getAttribute("readonly")).not.toBeNull();
    await fact(page, "i-3", "bao_cao_tre_hoac_khong_gui").getByText("Hệ thống: 0 báo cáo gửi trễ, 4 báo cáo chưa gửi khi đã quá hạn").waitFor();
    await fact(page, "iii", "pakn_to_kiem_tra").getByText("Hệ thống: 0 phản ánh, kiến nghị được xác minh là đúng").waitFor();

    // I. Chương trình, kế hoạch CCHC
    await yesNo(page, "i-1", "khong_co_nhiem_vu", false);
    await number(page, "i-1", "nhiem_vu_khong_hoan_thanh", "0");
    await page.getByTestId("points-i-1").getByText("10 / 10").waitFor();
    await page.getByTestId("explanation-i-1").getByText("Không có nhiệm vụ không hoàn thành → 10 điểm").waitFor();
    const date = fact(page, "i-2-1", "ngay_ban_hanh_kh_cchc").locator("input");
    await date.click();
    await date.fill("20/02/2024");
    await date.press("Enter");
    await yesNo(page, "i-2-2", "kh_du_linh_vuc", true);
    await yesNo(page, "i-2-2", "kh_co_kinh_phi", true);
    await number(page, "i-2-3", "ty_le_hoan_thanh_kh", "100");
    await page.getByTestId("points-i-2-1").getByText("5 / 5").waitFor();
    // II. Tuyên truyền, kiểm tra
    await yesNo(page, "ii-1", "co_kh_tuyen_truyen", true);
    await yesNo(page, "ii-1", "co_trien_khai_tuyen_truyen", true);
    await number(page, "ii-1", "hinh_thuc_tt_khong_thuc_hien", "0");
    await yesNo(page, "ii-2", "co_kh_kiem_tra", true);
    await yesNo(page, "ii-2", "co_thuc_hien_kiem_tra", true);
    await number(page, "ii-2", "ty_le_hoan_thanh_kiem_tra", "100");
    await number(page, "ii-2", "van_de_sai_chua_xu_ly", "0");
    // IV. Văn hóa công sở, kỷ luật
    await number(page, "iv-1", "truong_hop_van_hoa", "0");
    await number(page, "iv-2", "truong_hop_ky_luat", "0");
    // Tiêu chuẩn xếp loại (đạt / không đạt)
    await number(page, "tc-chi-so-2023", "chi_so_cchc_2023", "91");
    await number(page, "tc-chi-so-2023", "hang_chi_so_cchc", "2");
    await number(page, "tc-tthc", "ty_le_tthc_dung_han", "98");
    await number(page, "tc-tthc", "ho_so_qua_han", "0");
    await yesNo(page, "tc-kh-thi-dua", "co_kh_phat_dong", true);
    await yesNo(page, "tc-cuoc-thi", "tham_gia_cuoc_thi", true);

    // 100 − 10 (four overdue reports) − 10 (no recognised initiative) = 80, scored live before saving.
    await page.getByTestId("unsaved").waitFor();
    await shot(page, "a0-typed");
    await page.getByTestId("self-total").getByText("Tổng: 80/100 điểm").waitFor();
    await page.getByTestId("points-i-3").getByText("0 / 10").waitFor();
    await page.getByTestId("points-iv-2").getByText("10 / 10").waitFor();

    // Evidence for I.1: a real (minimal) PDF, uploaded with progress.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "td-e2e-"));
    const pdf = path.join(dir, "ke-hoach-cchc-2024.pdf");
    fs.writeFileSync(pdf, PDF);
    await page.getByTestId("evidence-upload-i-1").locator('input[type="file"]').setInputFiles(pdf);
    await page.getByTestId("criterion-i-1").getByRole("link", { name: "ke-hoach-cchc-2024.pdf" }).waitFor();
    // A file that only claims to be a PDF is refused with the server's reason.
    const fake = path.join(dir, "gia-mao.pdf");
    fs.writeFileSync(fake, "Đây là văn bản thường, không phải PDF");
    await page.getByTestId("evidence-upload-i-2-1").locator('input[type="file"]').setInputFiles(fake);
    await page
      .getByTestId("evidence-upload-i-2-1")
      .getByTestId("upload-error")
      .getByText('Tệp "gia-mao.pdf" có nội dung không nhận dạng được', { exact: false })
      .waitFor();
    await shot(page, "a1-filled", page.getByTestId("criterion-i-2-1"));

    // Submitting without a note or evidence for the other criteria: the server lists them, next to each criterion.
    await page.getByRole("button", { name: "Gửi bản tự chấm" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "Gửi" }).click();
    await page.getByTestId("submit-problems").getByText("Chưa gửi được: 10 tiêu chí còn thiếu.", { exact: false }).waitFor();
    await page.getByTestId("problems-iv-2").getByText("cần tài liệu minh chứng hoặc ghi giải trình lý do tự chấm điểm", { exact: false }).waitFor();
    expect(await page.getByTestId("problems-i-1").count()).toBe(0);
    await page.getByTestId("unsaved").waitFor({ state: "detached" });
    await shot(page, "a2-missing", page.getByTestId("submit-problems"));
    await shot(page, "a2b-missing", page.getByTestId("problems-iv-2"));

    for (const id of SCORED.filter((c) => c !== "i-1")) await page.getByTestId(`note-${id}`).fill(`Hồ sơ lưu tại Văn phòng UBND phường (tiêu chí ${id})`);
    await page.getByRole("button", { name: "Gửi bản tự chấm" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "Gửi" }).click();
    await page.getByTestId("assessment-status").getByText("Đã gửi, chờ thủ trưởng xác nhận").waitFor();
    await page.getByTestId("self-total").getByText("Tổng: 80/100 điểm").waitFor();
    expect(await page.getByRole("button", { name: "Gửi bản tự chấm" }).count()).toBe(0);
    expect(await fact(page, "iv-2", "truong_hop_ky_luat").locator("input").isDisabled()).toBe(true);
    await shot(page, "a3-submitted");

    const api = await j.t.as("daumoi.phuong1");
    const saved = (await api.get(`/api/participants/${ward1}/assessment`)).body;
    expect(saved.status).toBe("submitted");
    expect(saved.selfScore.total).toBe(80);
    expect(saved.evidence["i-1"]).toHaveLength(1);
    expect(saved.evidenceFiles[0]).toMatchObject({ name: "ke-hoach-cchc-2024.pdf", mime: "application/pdf" });
    expect(saved.notes["iv-2"]).toContain("Hồ sơ lưu tại Văn phòng UBND phường");
    expect(saved.facts).toMatchObject({ khong_co_nhiem_vu: false, ngay_ban_hanh_kh_cchc: "2024-02-20", truong_hop_ky_luat: 0, chi_so_cchc_2023: 91 });
    expect(saved.facts.bao_cao_tre_hoac_khong_gui).toBeUndefined();

    // The ward's head confirms it; it is then locked.
    const head = await j.newPage();
    await j.login(head, "thutruong.phuong1");
    await openOwnDossier(head, "Phường 1");
    await head.getByRole("tab", { name: "Tự chấm điểm" }).click();
    await head.getByRole("button", { name: "Xác nhận" }).click();
    await head.locator(".ant-popconfirm").getByRole("button", { name: "Xác nhận" }).click();
    await head.getByTestId("assessment-status").getByText("Đã xác nhận").waitFor();
    expect((await api.get(`/api/participants/${ward1}/assessment`)).body.status).toBe("confirmed");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("B: an appraiser assigned to Phường 1 / IV.2 corrects it with a reason; the appraised total drops by 5", async () => {
    const admin = await j.t.as("admin");
    const users = (await admin.get("/api/users")).body.items as { id: number; username: string }[];
    const appraiserId = users.find((u) => u.username === "thamdinh.vinhlong")?.id;
    const office = await j.t.as("noivu.vinhlong");
    const assigned = await office.post(`/api/plans/${planId}/assignments`, { userId: appraiserId, participantId: ward1, criterionId: "iv-2" });
    expect(assigned.status).toBe(201);

    const page = await j.newPage();
    await j.login(page, "thamdinh.vinhlong");
    await page.getByRole("link", { name: "Việc thẩm định" }).click();
    await page.getByTestId("my-assignments").getByText("2. Chấp hành kỷ luật, kỷ cương hành chính").waitFor();
    await page.getByTestId("my-assignments").getByRole("link", { name: "Phường 1" }).click();
    await page.getByTestId("appraisal-name").getByText("Thẩm định: Phường 1").waitFor();
    await page.getByTestId("appraisal-self-total").getByText("80").waitFor();
    await page.getByTestId("appraisal-final-total").getByText("80").waitFor();
    // Evidence and notes behind the self-assessment are there to check.
    await page.getByTestId("appraise-i-1").getByRole("link", { name: "ke-hoach-cchc-2024.pdf" }).waitFor();
    // Only the assigned criterion can be appraised.
    expect(await page.getByTestId("appraise-iii").getByRole("button", { name: "Thẩm định" }).count()).toBe(0);
    await shot(page, "b1-before");

    await page.getByTestId("appraise-iv-2").getByRole("button", { name: "Thẩm định" }).click();
    const modal = page.getByRole("dialog", { name: "Thẩm định tiêu chí 2. Chấp hành kỷ luật, kỷ cương hành chính" });
    await modal.getByLabel("Số trường hợp CBCC vi phạm kỷ luật, kỷ cương hành chính").fill("1");
    await modal.getByRole("button", { name: "Lưu thẩm định" }).click();
    await modal.getByText("Vui lòng ghi lý do thẩm định khác với tự chấm.").waitFor();
    await modal.getByLabel("Lý do").fill("Biên bản kiểm tra công vụ ngày 12/9/2024 ghi nhận 1 trường hợp đi muộn");
    await modal.getByRole("button", { name: "Lưu thẩm định" }).click();
    await modal.waitFor({ state: "detached" });

    await page.getByTestId("appraisal-final-total").getByText("75").waitFor();
    await page.getByTestId("appraisal-self-total").getByText("80").waitFor();
    await page.getByTestId("appraisal-gap").getByText("-5").waitFor();
    await page.getByTestId("final-points-iv-2").getByText("5 / 10").waitFor();
    await page.getByTestId("gap-iv-2").getByText("-5").waitFor();
    await page.getByTestId("final-explanation-iv-2").getByText("1 trường hợp vi phạm: 10 trừ 5 × 1 → 5 điểm", { exact: false }).waitFor();
    await shot(page, "b2-after");

    const final = (await office.get(`/api/participants/${ward1}/assessment`)).body;
    expect(final.finalScore.total).toBe(75);
    expect(final.appraisals).toEqual([expect.objectContaining({ criterionId: "iv-2", facts: { truong_hop_ky_luat: 1 } })]);
  });

  it("Phường 2's focal person cannot open Phường 1's self-assessment, and sends their own annual report (late)", async () => {
    const page = await j.newPage();
    await j.login(page, "daumoi.phuong2");
    // A link to another ward's dossier (shared by someone, or typed): the app refuses it; no menu leads there.
    await page.goto(`/phong-trao/${planId}/ho-so/${ward1}?tab=tu-cham`);
    // Refused (403), or — once a record the caller may not read is reported as not existing — a 404 naming nothing.
    await page.getByText(/Hồ sơ thi đua này không thuộc phạm vi của bạn\.|Không tìm thấy đối tượng thi đua có mã số \d+\./).waitFor();
    expect(await page.getByTestId("self-total").count()).toBe(0);
    await shot(page, "c-forbidden");

    // Their own dossier: registration closed since 26/04; the annual report sent now is late.
    await openOwnDossier(page, "Phường 2");
    expect(new URL(page.url()).pathname).toBe(`/phong-trao/${planId}/ho-so/${ward2}`);
    await page.getByTestId("registration-expired").getByText("Đã hết hạn đăng ký thi đua (hạn 26/04/2024).", { exact: false }).waitFor();
    await page.getByRole("tab", { name: "Báo cáo định kỳ" }).click();
    const annual = page.getByTestId("reports-table").locator("tr", { hasText: "Báo cáo tổng kết CCHC năm 2024" });
    await annual.getByText("Quá hạn, chưa nộp").waitFor();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "td-e2e-"));
    const pdf = path.join(dir, "bao-cao-nam-2024.pdf");
    fs.writeFileSync(pdf, PDF);
    await page.getByTestId("report-upload-bc-nam").locator('input[type="file"]').setInputFiles(pdf);
    await annual.getByText("Trễ hạn").waitFor();
    await annual.getByText("15/12/2024", { exact: false }).waitFor();
    await shot(page, "c-reports");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the office follows the movement: participants, overdue reports, the ranking with its gap and charts; the bell", async () => {
    const admin = await j.t.as("admin");
    const officeUser = ((await admin.get("/api/users")).body.items as { id: number; username: string }[]).find((u) => u.username === "noivu.vinhlong");
    await j.t.database.db.insert(notifications).values({
      userId: officeUser?.id ?? 0,
      kind: "overdue_digest",
      title: "Tổng hợp quá hạn",
      body: "Báo cáo CCHC quý I: 25 đối tượng quá hạn",
      link: `/phong-trao/${planId}?tab=theo-doi`,
    });

    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    await menuLink(page, "Kế hoạch thi đua").click();
    await page.getByTestId("plans-table").getByRole("link", { name: PLAN_TITLE }).click();
    await page.waitForURL(`**/ke-hoach/${planId}`);
    await page.getByTestId("movement-link").click();
    await page.getByRole("searchbox", { name: "Tìm theo tên" }).fill("Phường 1");
    await page.getByTestId("participants-table").getByRole("link", { name: "Phường 1", exact: true }).waitFor();
    await shot(page, "d1-participants");

    // The bell: one unread; opening it goes to the monitoring and marks it read.
    await page.getByTestId("notification-bell").getByText("1").waitFor();
    await page.getByTestId("notification-bell").click();
    await page.getByTestId("notifications").getByText("Tổng hợp quá hạn").click();
    await page.getByTestId("milestone-bc-quy-1").getByText("Quá hạn chưa nộp:", { exact: false }).waitFor();
    await expect.poll(() => page.getByTestId("notification-bell").locator(".ant-badge-count").count()).toBe(0);
    await page.getByTestId("milestone-tu-cham").getByText("Đúng hạn: 1").waitFor();
    await shot(page, "d2-monitoring");

    await page.getByRole("tab", { name: "Xếp hạng, kết quả" }).click();
    const row = page.getByTestId("ranking-table").locator("tr", { has: page.getByRole("link", { name: "Phường 1", exact: true }) });
    await row.getByText("75 / 100").waitFor();
    expect(await row.textContent()).toContain("80");
    expect(await row.textContent()).toContain("-5");
    await page.getByTestId("chart-histogram").locator("canvas").waitFor();
    await page.getByTestId("chart-areas").locator("canvas").waitFor();
    await shot(page, "d3-ranking", page.getByTestId("chart-histogram"));

    if (SHOTS) {
      for (const tab of ["Phân công thẩm định", "Sáng kiến", "Phản ánh, kiến nghị", "Chỉ số"]) {
        await page.getByRole("tab", { name: tab }).click();
        await page.waitForTimeout(600);
        await shot(page, `d4-${tab.slice(0, 6)}`);
      }
      // Phone-sized screenshots; tabs are clicked at desktop size, where none is scrolled out of the tab bar.
      const phone = { width: 390, height: 844 };
      const desktop = page.viewportSize() ?? { width: 1366, height: 860 };
      await page.getByRole("tab", { name: "Xếp hạng, kết quả" }).click();
      await page.setViewportSize(phone);
      await page.getByTestId("ranking-table").waitFor();
      await shot(page, "e3-phone-ranking");
      await page.setViewportSize(desktop);
      await page.getByRole("tab", { name: "Đối tượng thi đua" }).click();
      await page.getByTestId("participants-table").getByRole("link", { name: "Phường 1", exact: true }).click();
      await page.getByRole("tab", { name: "Tự chấm điểm" }).click();
      await page.setViewportSize(phone);
      await page.getByTestId("self-total").waitFor();
      await shot(page, "e1-phone");
      await page.setViewportSize(desktop);
      await page.getByRole("tab", { name: "Đăng ký thi đua" }).click();
      await page.setViewportSize(phone);
      await page.getByTestId("registration-table").waitFor();
      await shot(page, "e2-phone-registration");
    }
  });
});

// Journey through commendation (seed 003, Vĩnh Long 2024): the council secretary opens the session with a quorum,
// three members vote secretly in their own browsers, the secretary closes it and sees the tally; the office drafts
// the decision for the nominees the council passed and downloads it as Word; the signer issues it; the public
// honour roll lists the recipients without signing in.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nominations } from "../src/db/schema.js";
import { canRunBrowser, type Journey, startJourney } from "./support/harness";

type Choice = "Đồng ý" | "Không đồng ý" | "Không biểu quyết";

describe.skipIf(!canRunBrowser)("commendation: council vote, decision, honour roll", () => {
  let j: Journey;
  let planId = 0;
  let sessionId = 0;
  let decisionUrl = "";
  let honourRollUrl = "";
  const uid: Record<string, number> = {};

  beforeAll(async () => {
    j = await startJourney();
    j.t.clock.set("2024-12-20T03:00:00Z");
    const office = await j.t.as("noivu.vinhlong");
    const draft = await office.post("/api/plans", { issuerUnitId: await j.t.unitId("VL-TPVL"), template: "003-vinh-long-2024.yaml" });
    expect(draft.status).toBe(201);
    planId = draft.body.id;
    // The journey is about the vote: no eligibility rules, so the accepted wards are eligible and the council decides.
    const created = await office.request("PUT", `/api/plans/${planId}`, { version: draft.body.version, data: { ...draft.body.data, eligibility: [] } });
    expect(created.status).toBe(200);
    expect((await office.post(`/api/plans/${planId}/launch`, { version: created.body.version })).status).toBe(200);
    expect((await office.post(`/api/plans/${planId}/participants/sync`)).status).toBe(200);
    const parts = (await office.get(`/api/plans/${planId}/participants?group=tap-the`)).body.items as { id: number; name: string }[];
    for (const u of (await (await j.t.as("admin")).get("/api/users")).body.items as { id: number; username: string }[]) uid[u.username] = u.id;
    const ids: number[] = [];
    for (const name of ["Phường 1", "Phường 2", "Phường 3"]) {
      const participantId = parts.find((p) => p.name === name)?.id ?? 0;
      const [n] = await j.t.database.db
        .insert(nominations)
        .values({ planId, awardFormId: "giay-khen-tp", participantId, proposedByUnitId: await j.t.unitId("VL-TPVL"), status: "accepted" })
        .returning();
      ids.push(n.id);
    }
    const session = await office.post(`/api/plans/${planId}/council-sessions`, {
      title: "Phiên họp xét khen thưởng CCHC 2024",
      heldOn: "2024-12-20",
      chairUserId: uid["chutich.vinhlong"],
      secretaryUserId: uid["thuky.vinhlong"],
      memberUserIds: [uid["hoidong.vinhlong"], uid["noivu.vinhlong"]],
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    const secretary = await j.t.as("thuky.vinhlong");
    expect((await secretary.request("PUT", `/api/council-sessions/${sessionId}/agenda`, { nominationIds: ids })).status).toBe(200);
  });
  afterAll(async () => {
    await j?.close();
  });

  async function openSession(page: Page) {
    await page.getByRole("link", { name: "Hội đồng thi đua", exact: true }).click();
    await page.getByTestId("council-sessions").getByRole("link", { name: "Phiên họp xét khen thưởng CCHC 2024" }).click();
    await page.getByTestId("session-title").getByText("Phiên họp xét khen thưởng CCHC 2024").waitFor();
  }

  async function vote(username: string, choices: [string, Choice][]) {
    const page = await j.newPage();
    await j.login(page, username);
    await openSession(page);
    const form = page.getByTestId("ballot-form");
    for (const [name, choice] of choices) {
      await form
        .getByRole("row", { name: new RegExp(name) })
        .getByText(choice, { exact: true })
        .click();
    }
    await form.getByRole("button", { name: "Gửi phiếu" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "Gửi phiếu" }).click();
    await page.getByTestId("ballot-done").getByText("Đã bỏ phiếu").waitFor();
    await page.reload();
    await page.getByTestId("ballot-done").waitFor();
    expect(await page.getByTestId("ballot-form").count()).toBe(0);
    await page.context().close();
  }

  it("the secretary sees the agenda, is refused without a quorum, then opens voting with three members present", async () => {
    const page = await j.newPage();
    await j.login(page, "thuky.vinhlong");
    await openSession(page);
    for (const name of ["Phường 1", "Phường 2", "Phường 3"]) await page.getByTestId("session-agenda").getByText(name, { exact: true }).waitFor();
    const attendance = page.getByTestId("session-attendance");
    await attendance.getByText("Dương Thị Hạnh").click();
    await page.getByRole("button", { name: "Mở biểu quyết" }).click();
    await page.getByText("Không đủ số thành viên dự họp: 1/4 (cần ≥ 50%); chưa biểu quyết được").waitFor();
    await attendance.getByText("Ngô Thanh Sơn").click();
    await attendance.getByText("Hồ Quang Việt").click();
    await attendance.getByText("Có mặt 3/4 thành viên.").waitFor();
    await page.getByRole("button", { name: "Mở biểu quyết" }).click();
    await page.getByTestId("session-status").getByText("Đang họp, bỏ phiếu").waitFor();
    await page.context().close();
  });

  it("each present member votes once in the browser", async () => {
    await vote("hoidong.vinhlong", [
      ["Phường 1", "Đồng ý"],
      ["Phường 2", "Đồng ý"],
      ["Phường 3", "Không đồng ý"],
    ]);
    await vote("thuky.vinhlong", [
      ["Phường 1", "Đồng ý"],
      ["Phường 2", "Không đồng ý"],
      ["Phường 3", "Không đồng ý"],
    ]);
    await vote("chutich.vinhlong", [
      ["Phường 1", "Đồng ý"],
      ["Phường 2", "Đồng ý"],
      ["Phường 3", "Không biểu quyết"],
    ]);
  });

  it("the secretary closes voting, sees the results and downloads the minutes", async () => {
    const page = await j.newPage();
    await j.login(page, "thuky.vinhlong");
    await openSession(page);
    await page.getByRole("button", { name: "Kết thúc biểu quyết" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "Kết thúc" }).click();
    await page.getByTestId("session-status").getByText("Đã kết thúc").waitFor();
    const results = page.getByTestId("session-results");
    await results
      .getByRole("row", { name: /Phường 1/ })
      .getByText("3/4 phiếu đồng ý (75%, cần ≥ 50% tổng số thành viên) → được thông qua")
      .waitFor();
    await results
      .getByRole("row", { name: /Phường 2/ })
      .getByText("Thông qua", { exact: true })
      .waitFor();
    await results
      .getByRole("row", { name: /Phường 3/ })
      .getByText("Không thông qua", { exact: true })
      .waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), results.getByRole("link", { name: "Biên bản" }).click()]);
    const bytes = fs.readFileSync((await download.path()) ?? "");
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    await page.context().close();
  });

  it("the office drafts the decision for the passed nominees and downloads it as Word", async () => {
    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    await page.getByRole("link", { name: "Phong trào", exact: true }).click();
    await page.getByTestId("movements-list").getByRole("link", { name: "Phát động phong trào thi đua thực hiện cải cách hành chính năm 2024" }).click();
    await page.getByRole("tab", { name: "Khen thưởng" }).click();
    await page.getByTestId("council-sessions").getByRole("link", { name: "Phiên họp xét khen thưởng CCHC 2024" }).click();
    const draft = page.getByTestId("decision-draft");
    await draft.getByText("Phường 1", { exact: true }).waitFor();
    expect(await draft.getByText("Phường 3", { exact: true }).count()).toBe(0);
    await draft.getByLabel("Họ tên người ký").fill("Hồ Quang Việt");
    await draft.getByRole("button", { name: "Dự thảo quyết định" }).click();
    await page.waitForURL(/\/quyet-dinh\/\d+$/);
    decisionUrl = new URL(page.url()).pathname;
    await page.getByTestId("decision-status").getByText("Dự thảo").waitFor();
    const recipients = page.getByTestId("decision-recipients");
    await recipients.getByText("Phường 1", { exact: true }).waitFor();
    await recipients.getByText("Phường 2", { exact: true }).waitFor();
    await page.getByTestId("decision-total").getByText("2.820.000 đồng").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Quyết định (.docx)" }).click()]);
    const bytes = fs.readFileSync((await download.path()) ?? "");
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(await page.getByRole("button", { name: "Ký ban hành" }).count()).toBe(0);
    await page.context().close();
  });

  it("the signer issues it with its number", async () => {
    const page = await j.newPage();
    await j.login(page, "chutich.vinhlong");
    await page.getByRole("link", { name: "Hội đồng thi đua", exact: true }).click();
    await page
      .getByTestId("decisions")
      .getByRole("row", { name: /Dự thảo/ })
      .getByRole("link")
      .first()
      .click();
    await page.waitForURL(`**${decisionUrl}`);
    await page.getByTestId("decision-issue").getByLabel("Số").fill("15");
    await page.getByRole("button", { name: "Ký ban hành" }).click();
    await page.getByTestId("decision-status").getByText("Đã ban hành").waitFor();
    await page.getByTestId("decision-number").getByText("Số: 15/QĐ-UBND").waitFor();
    await page.getByRole("link", { name: "In Bằng khen/Giấy khen" }).waitFor();
    // The address of the public honour roll, as the issued decision links it (to publish on the unit's website).
    honourRollUrl = (await page.getByRole("link", { name: "Bảng vàng", exact: true }).getAttribute("href")) ?? "";
    expect(honourRollUrl).toBe(`/bang-vang/${planId}`);
    await page.context().close();
  });

  it("the public honour roll shows the recipients without signing in", async () => {
    const page = await j.newPage();
    // A citizen at the front door meets the sign-in page (no public portal yet); the honour roll is the published
    // address itself, open without signing in.
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/dang-nhap");
    await page.goto(honourRollUrl);
    const roll = page.getByTestId("honour-roll");
    await roll.getByText("Phường 1", { exact: true }).waitFor();
    await roll.getByText("Phường 2", { exact: true }).waitFor();
    expect(await roll.getByText("Phường 3", { exact: true }).count()).toBe(0);
    await roll.getByText("Số 15/QĐ-UBND ngày 20/12/2024").first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/bang-vang/${planId}`);
    await page.context().close();
  });
});

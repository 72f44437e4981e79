// Journey: a council member who works in a nominated ward sees, on the session page, that they do not vote on it
// (conflict of interest): the agenda names the recusal, their ballot leaves that ward out and says why, and after
// the close the tally of that ward is taken without them.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nominations, people, users } from "../src/db/schema.js";
import { canRunBrowser, type Journey, startJourney } from "./support/harness";

const TITLE = "Phiên họp có thành viên không biểu quyết";

describe.skipIf(!canRunBrowser)("council: a member recused from a nominee", () => {
  let j: Journey;
  let sessionId = 0;
  const uid: Record<string, number> = {};

  beforeAll(async () => {
    j = await startJourney();
    j.t.clock.set("2024-12-20T03:00:00Z");
    const office = await j.t.as("noivu.vinhlong");
    const plan = (await office.post("/api/plans", { issuerUnitId: await j.t.unitId("VL-TPVL"), template: "003-vinh-long-2024.yaml" })).body;
    expect((await office.post(`/api/plans/${plan.id}/launch`, { version: plan.version })).status).toBe(200);
    await office.post(`/api/plans/${plan.id}/participants/sync`);
    const parts = (await office.get(`/api/plans/${plan.id}/participants?group=tap-the`)).body.items as { id: number; name: string }[];
    for (const u of (await (await j.t.as("admin")).get("/api/users")).body.items as { id: number; username: string }[]) uid[u.username] = u.id;
    const ids: number[] = [];
    for (const name of ["Phường 4", "Phường 5"]) {
      const [n] = await j.t.database.db
        .insert(nominations)
        .values({
          planId: plan.id,
          awardFormId: "giay-khen-tp",
          participantId: parts.find((p) => p.name === name)?.id ?? 0,
          proposedByUnitId: await j.t.unitId("VL-TPVL"),
          status: "accepted",
        })
        .returning();
      ids.push(n.id);
    }
    // Ngô Thanh Sơn (hoidong.vinhlong) works in Phường 5.
    const [person] = await j.t.database.db
      .insert(people)
      .values({ unitId: await j.t.unitId("VL-TPVL-P5"), fullName: "Ngô Thanh Sơn", sortKey: "son ngo thanh", sex: "nam", category: "cong_chuc" })
      .returning();
    await j.t.database.db.update(users).set({ personId: person.id }).where(eq(users.id, uid["hoidong.vinhlong"]));
    const session = await office.post(`/api/plans/${plan.id}/council-sessions`, {
      title: TITLE,
      heldOn: "2024-12-20",
      chairUserId: uid["chutich.vinhlong"],
      secretaryUserId: uid["thuky.vinhlong"],
      memberUserIds: [uid["hoidong.vinhlong"]],
    });
    sessionId = session.body.id;
    const secretary = await j.t.as("thuky.vinhlong");
    const s = (await secretary.request("PUT", `/api/council-sessions/${sessionId}/agenda`, { nominationIds: ids })).body;
    const present = [uid["thuky.vinhlong"], uid["hoidong.vinhlong"], uid["chutich.vinhlong"]];
    expect((await secretary.post(`/api/council-sessions/${sessionId}/open`, { version: s.version, present })).status).toBe(200);
  });
  afterAll(async () => {
    await j?.close();
  });

  it("the member sees the recusal, votes on the other ward only, and the tally leaves them out", async () => {
    const page = await j.newPage();
    await j.login(page, "hoidong.vinhlong");
    await page.getByRole("link", { name: "Hội đồng thi đua", exact: true }).click();
    await page.getByTestId("council-sessions").getByRole("link", { name: TITLE }).click();
    await page.getByTestId("session-title").getByText(TITLE).waitFor();
    await page.getByTestId("session-agenda").getByText("Ngô Thanh Sơn (thuộc Phường 5)").waitFor();
    const form = page.getByTestId("ballot-form");
    await form.getByTestId("ballot-recused").getByText("Phường 5 (bạn thuộc Phường 5)").waitFor();
    expect(await form.getByRole("radiogroup").count()).toBe(1);
    await form
      .getByRole("row", { name: /Phường 4/ })
      .getByText("Đồng ý", { exact: true })
      .click();
    await form.getByRole("button", { name: "Gửi phiếu" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "Gửi phiếu" }).click();
    await page.getByTestId("ballot-done").getByText("Đã bỏ phiếu").waitFor();
    await page.getByTestId("ballot-recused").waitFor();

    const secretary = await j.t.as("thuky.vinhlong");
    expect((await secretary.post(`/api/council-sessions/${sessionId}/close`)).status).toBe(200);
    await page.reload();
    const results = page.getByTestId("session-results");
    await results
      .getByText("0/2 phiếu đồng ý (0%, cần ≥ 50% tổng số thành viên không kể 1 thành viên không biểu quyết do xung đột lợi ích) → không được thông qua")
      .waitFor();
    await results.getByText("1/3 phiếu đồng ý (33,33%, cần ≥ 50% tổng số thành viên) → không được thông qua").waitFor();
    await page.context().close();
  });
});

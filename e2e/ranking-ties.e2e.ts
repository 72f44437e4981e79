// Issue 15 (part B): the office decides a tie the ranking chain left in a group ranked by a count alone; the ranking
// then says who was decided how; a pass/fail group shows no rank.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minimalPlanData } from "../tests/support/factories.js";
import { canRunBrowser, type Journey, menuLink, startJourney } from "./support/harness";

const countInput = { key: "so_mo_hinh", label: "Số mô hình mới", type: "count", origin: "manual" };
const passFail = (id: string) => ({
  id,
  title: "Hoàn thành nhiệm vụ được giao",
  inputs: [countInput],
  rule: { kind: "pass_fail", when: { input: "so_mo_hinh", op: "gte", value: 1 } },
});

describe.skipIf(!canRunBrowser)("ties decided by the office", () => {
  let j: Journey;
  let title = "";

  beforeAll(async () => {
    j = await startJourney();
    j.t.clock.set("2024-06-01T03:00:00Z");
    const office = await j.t.as("noivu.vinhlong");
    const issuer = { code: "VL-TPVL", name: "Ủy ban nhân dân thành phố Vĩnh Long" };
    const data = minimalPlanData(issuer);
    title = `${data.title} (xếp hạng theo số mô hình)`;
    Object.assign(data, {
      title,
      groups: [
        { ...data.groups[0], id: "phuong", name: "Các phường", criteria: [passFail("mo-hinh")], rankBy: ["input:so_mo_hinh", "decision"] },
        {
          ...data.groups[0],
          id: "nganh-doc",
          name: "Cơ quan ngành dọc",
          membership: { withinUnitCodes: ["VL-TPVL"], unitKinds: ["vertical_agency"] },
          criteria: [passFail("nd")],
        },
      ],
    });
    const created = await office.post("/api/plans", { issuerUnitId: await j.t.unitId("VL-TPVL"), data });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const planId = created.body.id;
    expect((await office.post(`/api/plans/${planId}/launch`, { version: created.body.version })).status).toBe(200);
    expect((await office.post(`/api/plans/${planId}/participants/sync`)).status).toBe(200);
    const list = (await office.get(`/api/plans/${planId}/participants`)).body.items as { id: number; name: string }[];
    for (const [name, n] of [
      ["Phường 1", 3],
      ["Phường 2", 3],
      ["Phường 3", 5],
      ["Công an thành phố", 2],
    ] as const) {
      const id = list.find((p) => p.name === name)?.id;
      const a = (await office.get(`/api/participants/${id}/assessment`)).body;
      const saved = await office.request("PUT", `/api/participants/${id}/assessment`, { version: a.version, facts: { so_mo_hinh: n } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect((await office.post(`/api/participants/${id}/assessment/submit`, { version: saved.body.version })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await j?.close();
  });

  it("the office orders the tied wards with a reason and the minutes; the ranking shows it; the pass/fail group has no rank", async () => {
    const page = await j.newPage();
    await j.login(page, "noivu.vinhlong");
    await menuLink(page, "Kế hoạch thi đua").click();
    await page.getByTestId("plans-table").getByRole("link", { name: title }).click();
    await page.getByTestId("movement-link").click();
    await page.getByRole("tab", { name: "Xếp hạng, kết quả" }).click();
    const table = page.getByTestId("ranking-table");
    const rowOf = (name: string) => table.locator("tr", { has: page.getByRole("link", { name, exact: true }) });
    await rowOf("Phường 1").getByText("Đồng hạng").waitFor();
    await rowOf("Phường 1").getByRole("button", { name: "Quyết định thứ tự" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("1. Phường 1").waitFor();
    await dialog.getByRole("button", { name: "Đưa Phường 2 lên trên" }).click();
    await dialog.getByText("1. Phường 2").waitFor();
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.getByText("Vui lòng nêu lý do quyết định.").waitFor();
    await dialog.getByLabel("Lý do quyết định").fill("Mô hình của Phường 2 được nhân rộng");
    await dialog.getByLabel("Số, ngày biên bản họp").fill("Biên bản số 12/BB-HĐTĐKT ngày 20/11/2024");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await rowOf("Phường 1")
      .getByText("Do cơ quan thường trực quyết định: Mô hình của Phường 2 được nhân rộng (Biên bản số 12/BB-HĐTĐKT ngày 20/11/2024)")
      .waitFor();
    expect(await rowOf("Phường 1").locator("td").first().textContent()).toBe("3");
    expect(await rowOf("Phường 2").locator("td").first().textContent()).toBe("2");
    expect(await rowOf("Phường 1").getByText("Đồng hạng").count()).toBe(0);

    await page.getByRole("combobox", { name: "Nhóm đối tượng" }).click();
    await page.getByTitle("Cơ quan ngành dọc").click();
    await rowOf("Công an thành phố").getByText("Nhóm đánh giá đạt/không đạt: không xếp hạng").waitFor();
    expect(await rowOf("Công an thành phố").locator("td").first().textContent()).toBe("Không xếp hạng");
  });
});

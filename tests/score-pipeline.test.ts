// One answer to "what is this participant's score?": the live preview of an unsaved self-assessment scores exactly
// as the saved one (issue 15: the preview used to count head-only criteria for individuals who head nothing), and
// the ranking shows what the assessment shows — on every seed template, for heads, non-heads and collectives.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants, people } from "../src/db/schema.js";
import type { Criterion, InputDef, Plan } from "../src/domain/plan/schema.js";
import { SYSTEM_ACTOR } from "../src/modules/actor.js";
import { syncParticipants } from "../src/modules/movement/participants.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

const SEEDS = [
  { template: "000-phan-rang-thap-cham-2024.yaml", office: "noivu.prtc", issuer: "NT-PRTC" },
  { template: "001-tam-phuoc-2023.yaml", office: "vanphong.tamphuoc", issuer: "BRVT-LD-TAMPHUOC" },
  { template: "002-mong-cai-2024.yaml", office: "noivu.mongcai", issuer: "QN-MC" },
  { template: "003-vinh-long-2024.yaml", office: "noivu.vinhlong", issuer: "VL-TPVL" },
  { template: "004-ninh-thuan-2025.yaml", office: "snv.ninhthuan", issuer: "NT" },
];

let t: TestApp;
/** Non-heads scored on a group that has head-only criteria (the case issue 15 was about). */
let nonHeadsWithHeadOnlyCriteria = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const inputsOf = (cs: Criterion[]): InputDef[] => cs.flatMap((c) => [...(c.inputs ?? []), ...inputsOf(c.children ?? [])]);
const headOnlyIds = (cs: Criterion[], inherited = false): string[] =>
  cs.flatMap((c) => [...(inherited || c.appliesTo?.heads ? [c.id] : []), ...headOnlyIds(c.children ?? [], inherited || !!c.appliesTo?.heads)]);
const ids = (rs: { id: string; children?: unknown[] }[]): string[] => rs.flatMap((r) => [r.id, ...ids((r.children ?? []) as { id: string }[])]);

/** A value of the right type for every fact the participant types in (system facts are the system's). */
function factsFor(group: Plan["groups"][number], year: number) {
  const facts: Record<string, number | string | boolean> = {};
  for (const i of inputsOf(group.criteria)) {
    if (i.origin !== "manual" || i.key in facts) continue;
    if (i.type === "boolean") facts[i.key] = true;
    else if (i.type === "count") facts[i.key] = 1;
    else if (i.type === "percent") facts[i.key] = 90;
    else if (i.type === "number") facts[i.key] = 3;
    else if (i.type === "date") facts[i.key] = `${year}-06-30`;
    else if (i.choices?.length) facts[i.key] = i.choices[0];
  }
  return facts;
}

describe.each(SEEDS)("preview and saved score agree: $template", ({ template, office: officeName, issuer }) => {
  let office: Client;
  let planId: number;
  let data: Plan;

  beforeAll(async () => {
    office = await t.as(officeName);
    const draft = (await office.post("/api/plans", { issuerUnitId: await t.unitId(issuer), template })).body;
    const launched = await office.post(`/api/plans/${draft.id}/launch`, { version: draft.version });
    expect(launched.status).toBe(200);
    planId = draft.id;
    data = draft.data as Plan;
    await syncParticipants(t.database.db, SYSTEM_ACTOR, planId);
    const window = data.milestones.find((m) => m.kind === "self_assessment");
    t.clock.set(`${window?.from ?? window?.due ?? `${data.year}-12-01`}T03:00:00Z`);
  });
  afterAll(() => t.clock.reset());

  it("for a collective, a head and an individual who heads nothing, in every group", async () => {
    let heads = 0;
    let others = 0;
    for (const group of data.groups) {
      const rows = await t.database.db
        .select({ id: participants.id, personId: participants.personId, isHead: people.isHead })
        .from(participants)
        .leftJoin(people, eq(people.id, participants.personId))
        .where(and(eq(participants.planId, planId), eq(participants.groupId, group.id)))
        .orderBy(participants.id);
      const picks =
        group.type === "collective" ? rows.slice(0, 1) : [rows.find((r) => r.isHead), rows.find((r) => r.isHead === false)].filter((r) => r !== undefined);
      const headOnly = headOnlyIds(group.criteria);
      for (const p of picks) {
        const facts = factsFor(group, data.year);
        const before = (await office.get(`/api/participants/${p.id}/assessment`)).body;
        const preview = await office.post(`/api/participants/${p.id}/assessment/preview`, { facts, evidence: {} });
        expect(preview.status).toBe(200);
        const saved = await office.request("PUT", `/api/participants/${p.id}/assessment`, { version: before.version, facts });
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
        const { factIssues, ...previewed } = preview.body;
        expect(factIssues).toEqual([]);
        expect(previewed).toEqual(saved.body.selfScore);
        const scored = ids(previewed.criteria);
        if (p.personId !== null && p.isHead) {
          heads++;
          for (const id of headOnly) expect(scored).toContain(id);
        } else {
          if (p.personId !== null) others++;
          if (p.personId !== null && headOnly.length) nonHeadsWithHeadOnlyCriteria++;
          for (const id of headOnly) expect(scored).not.toContain(id);
        }
      }
    }
    // Every template with individual groups shows both kinds of person; head-only criteria exist in four of five.
    if (data.groups.some((g) => g.type === "individual")) expect(heads > 0 && others > 0).toBe(true);
  });
});

it("the seeds include non-heads in groups with head-only criteria", () => {
  expect(nonHeadsWithHeadOnlyCriteria).toBeGreaterThan(0);
});

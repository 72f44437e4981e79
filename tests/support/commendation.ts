// Steps shared by the per-seed commendation tests: files, dossiers, accounts for a council, and reading a decision.
import JSZip from "jszip";
import { expect } from "vitest";
import { PDF } from "./sample-files.js";
import { type Client, DEMO_PASSWORD } from "./test-app.js";

/** A minimal PDF, accepted by the content and structure checks of file uploads. */
export { PDF };

/** Uploads a file of a unit through POST /api/files; returns its id. */
export async function upload(c: Client, unitId: number, name: string, data: Buffer = PDF): Promise<string> {
  const form = new FormData();
  form.append("unitId", String(unitId));
  form.append("file", new Blob([new Uint8Array(data)]), name);
  const req = new Request("http://local/", { method: "POST", body: form });
  const res = await c.request("POST", "/api/files", Buffer.from(await req.arrayBuffer()), {
    headers: { "content-type": req.headers.get("content-type") as string },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** Puts `fileId` as each of the dossier components; returns the nomination as it stands after the last one. */
export async function attach(c: Client, nominationId: number, components: string[], fileId: string) {
  let last: { status: number; body: any } = { status: 0, body: null };
  for (const comp of components) {
    last = await c.request("PUT", `/api/nominations/${nominationId}/dossier/${comp}`, { fileId });
    expect(last.status, JSON.stringify(last.body)).toBe(200);
  }
  return last.body;
}

/** Lodges a nomination's dossier with the office (at the version it has now). */
export async function lodge(c: Client, nominationId: number) {
  const n = (await c.get(`/api/nominations/${nominationId}`)).body;
  return c.post(`/api/nominations/${nominationId}/submit`, { version: n.version });
}

/** The office's appraisal opinion on a lodged nomination. */
export async function opinion(c: Client, nominationId: number, text: string, status: "accepted" | "rejected") {
  const n = (await c.get(`/api/nominations/${nominationId}`)).body;
  return c.request("PUT", `/api/nominations/${nominationId}/opinion`, { version: n.version, opinion: text, status });
}

/** Saves a participant's self-assessment facts (and notes) and submits it; returns the submitted assessment. */
export async function selfAssess(c: Client, participantId: number, facts: Record<string, unknown>, notes: Record<string, string> = {}) {
  const a = (await c.get(`/api/participants/${participantId}/assessment`)).body;
  const saved = await c.request("PUT", `/api/participants/${participantId}/assessment`, { version: a.version, facts, evidence: {}, notes });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const submitted = await c.post(`/api/participants/${participantId}/assessment/submit`, { version: saved.body.version });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body;
}

/** Creates an account with one role over a unit through the admin API (password: the demo one); returns its id. */
export async function createAccount(admin: Client, input: { username: string; fullName: string; role: string; unitId: number }) {
  const user = await admin.post("/api/users", { username: input.username, fullName: input.fullName, password: DEMO_PASSWORD });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  const role = await admin.post(`/api/users/${user.body.id}/roles`, { role: input.role, unitId: input.unitId });
  expect(role.status, JSON.stringify(role.body)).toBe(200);
  return user.body.id as number;
}

/** The parts of a .docx a test reads: the body XML, its text, the styles, and the paragraphs' texts. */
export async function readDocx(raw: Buffer) {
  expect(raw.subarray(0, 2).toString()).toBe("PK");
  const zip = await JSZip.loadAsync(raw);
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  const plain = (x: string) =>
    x
      .replace(/<w:(br|tab)\/>/g, " ")
      .replace(/<[^>]+>/g, "")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => plain(m[0])).filter((p) => p.trim());
  return { xml, styles, text: paragraphs.join("\n"), paragraphs };
}

/** Asserts what every decision must show under Decree 30/2020: font, national motto, number line, date line. */
export function expectDecree30Decision(doc: Awaited<ReturnType<typeof readDocx>>, numberLine: string, dateLine: string) {
  expect(doc.styles + doc.xml).toContain('w:ascii="Times New Roman"');
  expect(doc.xml).not.toMatch(/w:ascii="(?!Times New Roman)[^"]+"/);
  expect(doc.paragraphs).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(doc.paragraphs).toContain("Độc lập - Tự do - Hạnh phúc");
  expect(doc.paragraphs).toContain(numberLine);
  expect(doc.paragraphs).toContain(dateLine);
  expect(doc.paragraphs).toContain("QUYẾT ĐỊNH");
  expect(doc.paragraphs).toContain("Nơi nhận:");
}

type Cond = { all: Cond[] } | { any: Cond[] } | { not: Cond } | { expr: string } | { input: string; op: string; value?: unknown; values?: unknown[] };
interface CriterionData {
  inputs?: { key: string; type: string; choices?: string[] }[];
  notApplicable?: { input: string };
  rule?: { kind: string; when?: Cond };
  children?: CriterionData[];
}

/**
 * Facts that meet every pass/fail criterion of a group, read off its rules: what a unit that did everything the
 * plan asks would declare (booleans true, rates at the target, no "not applicable" claims). For long qualitative
 * groups whose single criteria are not the subject of the test.
 */
export function passingFacts(criteria: CriterionData[]): Record<string, string | number | boolean> {
  const facts: Record<string, string | number | boolean> = {};
  const meet = (c: Cond) => {
    if ("all" in c) c.all.forEach(meet);
    else if ("any" in c) meet(c.any[0]);
    else if ("input" in c) {
      const v = c.value as number;
      if (c.op === "true") facts[c.input] = true;
      else if (c.op === "false") facts[c.input] = false;
      else if (c.op === "in") facts[c.input] = c.values?.[0] as string;
      else if (c.op === "gt") facts[c.input] = v + 1;
      else if (c.op === "lt") facts[c.input] = v - 1;
      else if (["gte", "lte", "eq"].includes(c.op)) facts[c.input] = v;
    }
  };
  const walk = (cs: CriterionData[]) => {
    for (const c of cs) {
      for (const i of c.inputs ?? [])
        facts[i.key] ??= i.type === "boolean" ? true : i.type === "choice" ? (i.choices?.[0] ?? "") : i.type === "count" ? 0 : 100;
      if (c.notApplicable) facts[c.notApplicable.input] = false;
      if (c.rule?.kind === "pass_fail" && c.rule.when) meet(c.rule.when);
      walk(c.children ?? []);
    }
  };
  walk(criteria);
  return facts;
}

// Nothing leaks across scopes. Every operation of the OpenAPI document (walked, so a new route is covered without
// editing this file) is tried by each role of one city (Vĩnh Long's demo accounts) against records of another city
// (Móng Cái), created through the API by that city's office. Each must answer 403 or 404 when it targets a foreign
// record, and no answer may name the foreign city's units, people, plans or accounts. Within one city, evidence,
// complaints, indicators and personal data are for the participant, its head, its assigned appraisers and the office.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attach, lodge, opinion, passingFacts, selfAssess, upload } from "./support/commendation.js";
import { multipart } from "./support/files.js";
import { Client as Anonymous, type Client, createTestApp, type TestApp } from "./support/test-app.js";

const ROLES = ["noivu.vinhlong", "daumoi.phuong1", "thutruong.phuong1", "thamdinh.vinhlong", "hoidong.vinhlong", "thuky.vinhlong", "chutich.vinhlong"];
const GK = "giay-khen-tp";
const PASSWORD = "Cau thang gio Mong Cai 2024";
const VL_PLAN = "Phát động phong trào thi đua Riêng Tư Vĩnh Long năm 2024";
const COMPONENTS = ["to-trinh", "bien-ban", "bao-cao-thanh-tich"];
const AWARD_FACTS = { guong_mau_chap_hanh_chu_truong: true, hoan_thanh_tot_kh_cchc_2024: true, thanh_tich_xuat_sac_phong_trao: true };
// Names only the foreign city's records carry (made up, so no own record can share them).
const MARK = {
  unit: "Tổ dân phố Bí Mật Zeta",
  person: "Lục Thị Bí Mật",
  holdNote: "Hồ sơ kỷ luật Bí Mật Zeta",
  complaint: "Phản ánh Bí Mật Zeta về thái độ phục vụ",
  initiative: "Sáng kiến Bí Mật Zeta",
  session: "Phiên họp Bí Mật Zeta",
  plan: "Phát động phong trào thi đua Bí Mật Zeta năm 2024",
};

/** Ids of the foreign city's records, by the name a path, query or body field gives them. */
interface Foreign {
  city: number;
  unit: number;
  person: number;
  user: number;
  plan: number;
  participant: number;
  file: string;
  assignment: number;
  initiative: number;
  complaint: number;
  hold: number;
  nomination: number;
  session: number;
  decision: number;
  notification: number;
  importId: string;
  milestone: string;
  criterion: string;
}

let t: TestApp;
const F = {} as Foreign;
let foreignNames: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2024-03-01T02:00:00Z");
  const office = await t.as("noivu.mongcai");
  const admin = await t.as("admin");
  F.city = await t.unitId("QN-MC");
  const template = (await office.post("/api/plans", { issuerUnitId: F.city, template: "002-mong-cai-2024.yaml" })).body;
  // A title of its own: the template's title is in the public catalogue of templates.
  const saved = await office.request("PUT", `/api/plans/${template.id}`, { version: template.version, data: { ...template.data, title: MARK.plan } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const draft = saved.body;
  expect((await office.post(`/api/plans/${draft.id}/launch`, { version: draft.version })).status).toBe(200);
  F.plan = draft.id;
  F.milestone = draft.data.milestones[0].id;
  F.criterion = draft.data.groups.find((g: { id: string }) => g.id === "chinh-quyen").criteria[0].id;
  const appraiser = await createAccount(admin, { username: "thamdinh.mongcai", fullName: "Tạ Quang Bí Mật", role: "appraiser", unitId: F.city });
  const member = await createAccount(admin, { username: "hoidong.mongcai", fullName: "Vũ Đức Thịnh", role: "council_member", unitId: F.city });
  const secretaryId = await createAccount(admin, { username: "thuky.mongcai", fullName: "Hoàng Thị Minh Nguyệt", role: "council_secretary", unitId: F.city });
  const signer = await createAccount(admin, { username: "chutich.mongcai", fullName: "Hồ Quang Huy", role: "signer", unitId: F.city });
  F.user = appraiser;

  expect((await office.post(`/api/plans/${F.plan}/participants/sync`)).status).toBe(200);
  const wards = (await office.get(`/api/plans/${F.plan}/participants?group=chinh-quyen`)).body.items;
  const tranPhu = wards.find((p: { name: string }) => p.name === "Phường Trần Phú");
  F.participant = tranPhu.id;
  F.unit = tranPhu.unitId;
  const created = await office.post("/api/units", { code: "MC-BIMAT", name: MARK.unit, kind: "hamlet", parentId: F.unit });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const person = await office.post("/api/people", {
    unitId: F.unit,
    fullName: MARK.person,
    sex: "nu",
    category: "cong_chuc",
    birthDate: "1990-05-17",
    code: "MC-BM-01",
  });
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  F.person = person.body.id;

  F.file = await upload(office, F.unit, "minh-chung-bi-mat.pdf");
  t.clock.set("2024-12-10T03:00:00Z");
  const criteria = draft.data.groups.find((g: { id: string }) => g.id === "chinh-quyen").criteria;
  await selfAssess(office, F.participant, { ...passingFacts(criteria), ...AWARD_FACTS });
  const assignment = await office.post(`/api/plans/${F.plan}/assignments`, { userId: appraiser, participantId: F.participant });
  expect(assignment.status, JSON.stringify(assignment.body)).toBe(201);
  F.assignment = assignment.body.id;
  const initiative = await office.post(`/api/participants/${F.participant}/initiatives`, { title: MARK.initiative, fileIds: [F.file] });
  expect(initiative.status, JSON.stringify(initiative.body)).toBe(201);
  F.initiative = initiative.body.id;
  expect((await office.post("/api/indicators", { unitId: F.unit, metric: "par_index", period: "2024", value: 81.5 })).status).toBe(201);
  const complaint = await office.post("/api/complaints", { unitId: F.unit, planId: F.plan, receivedOn: "2024-12-01", content: MARK.complaint });
  expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
  F.complaint = complaint.body.id;
  const hold = await office.post("/api/legal-holds", {
    kind: "discipline",
    unitId: F.unit,
    personId: F.person,
    startedOn: "2024-11-01",
    note: MARK.holdNote,
  });
  expect(hold.status, JSON.stringify(hold.body)).toBe(201);
  F.hold = hold.body.id;

  t.clock.set("2024-12-16T03:00:00Z");
  const nomination = await office.post(`/api/plans/${F.plan}/nominations`, { awardFormId: GK, participantId: F.participant });
  expect(nomination.status, JSON.stringify(nomination.body)).toBe(201);
  F.nomination = nomination.body.id;
  await attach(office, F.nomination, COMPONENTS, F.file);
  expect((await lodge(office, F.nomination)).status).toBe(200);
  expect((await opinion(office, F.nomination, "Hồ sơ đầy đủ.", "accepted")).status).toBe(200);

  t.clock.set("2024-12-23T02:00:00Z");
  const secretary = await t.as("thuky.mongcai", PASSWORD);
  const session = await office.post(`/api/plans/${F.plan}/council-sessions`, {
    title: MARK.session,
    heldOn: "2024-12-23",
    chairUserId: signer,
    secretaryUserId: secretaryId,
    memberUserIds: [member],
  });
  expect(session.status, JSON.stringify(session.body)).toBe(201);
  F.session = session.body.id;
  const s = (await secretary.request("PUT", `/api/council-sessions/${F.session}/agenda`, { nominationIds: [F.nomination] })).body;
  expect((await secretary.post(`/api/council-sessions/${F.session}/open`, { version: s.version, present: [signer, secretaryId] })).status).toBe(200);
  for (const who of ["chutich.mongcai", "thuky.mongcai"]) {
    const vote = await (await t.as(who, PASSWORD)).post(`/api/council-sessions/${F.session}/ballots`, {
      choices: [{ nominationId: F.nomination, choice: "approve" }],
    });
    expect(vote.status).toBe(204);
  }
  expect((await secretary.post(`/api/council-sessions/${F.session}/close`)).status).toBe(200);
  const decision = await office.post(`/api/plans/${F.plan}/decisions`, {
    awardFormId: GK,
    signedOn: "2024-12-27",
    signerTitle: "CHỦ TỊCH",
    signerName: "Hồ Quang Huy",
    nominationIds: [F.nomination],
  });
  expect(decision.status, JSON.stringify(decision.body)).toBe(201);
  F.decision = decision.body.id;
  // The signer is told of the draft decision to sign.
  const notes = (await (await t.as("chutich.mongcai", PASSWORD)).get("/api/notifications")).body.items;
  expect(notes.length).toBeGreaterThan(0);
  F.notification = notes[0].id;
  const sheet = await multipart("people", "can-bo.csv", `Mã đơn vị,Họ và tên,Giới tính,Đối tượng\nQN-MC-P-TRANPHU,${MARK.person} Hai,Nữ,Công chức\n`);
  const imported = await office.request("POST", "/api/imports", sheet.body, { headers: { "content-type": sheet.contentType } });
  expect(imported.status, JSON.stringify(imported.body)).toBeLessThan(300);
  F.importId = imported.body.id;

  // Every name of the foreign city a caller of Vĩnh Long must never read, less those Vĩnh Long's own records share.
  const units = (await admin.get("/api/units?includeInactive=true")).body.items as { name: string; path: string }[];
  const mcPath = units.find((u) => u.path.endsWith(`/${F.city}/`))?.path as string;
  const own = units.filter((u) => !u.path.startsWith(mcPath)).map((u) => u.name);
  const ownPeople = (await admin.get("/api/people?pageSize=500&active=all")).body.items as { fullName: string; unitId: number }[];
  const foreignPeople = (await admin.get(`/api/people?unitId=${F.city}&pageSize=500&active=all`)).body.items.map((p: { fullName: string }) => p.fullName);
  const foreignPeopleSet = new Set(foreignPeople);
  const ownNames = [...own, ...ownPeople.filter((p) => !foreignPeopleSet.has(p.fullName)).map((p) => p.fullName)];
  const accounts = ["Tạ Quang Bí Mật", "Vũ Đức Thịnh", "Hoàng Thị Minh Nguyệt", "Hồ Quang Huy", "Phạm Quốc Bảo"];
  const candidates = [...units.filter((u) => u.path.startsWith(mcPath)).map((u) => u.name), ...foreignPeople, ...accounts, draft.title, ...Object.values(MARK)];
  foreignNames = [...new Set(candidates)].filter((n) => n.length >= 6 && !ownNames.some((o) => o.includes(n)));
  expect(foreignNames).toEqual(expect.arrayContaining([MARK.unit, MARK.person, draft.title, "Phường Trần Phú"]));
}, 300_000);
afterAll(() => t.close());

/** An account with one role over a unit (a password the policy accepts); returns its id. */
async function createAccount(admin: Client, input: { username: string; fullName: string; role: string; unitId: number }) {
  const user = await admin.post("/api/users", { username: input.username, fullName: input.fullName, password: PASSWORD });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  const role = await admin.post(`/api/users/${user.body.id}/roles`, { role: input.role, unitId: input.unitId });
  expect(role.status, JSON.stringify(role.body)).toBe(200);
  return user.body.id as number;
}

// ---- Walking the OpenAPI document ---------------------------------------------------------------------------

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minItems?: number;
}
interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

// Operations that act on the caller's own session, not on any record.
const SESSION_OPS = new Set(["POST /api/auth/login", "POST /api/auth/logout", "POST /api/auth/change-password"]);
// Citizens read the honour roll of issued decisions; it is public by design (nothing of a draft is on it).
const PUBLIC = (path: string) => path.startsWith("/api/public/");

const ID_BY_PREFIX: [RegExp, keyof Foreign][] = [
  [/^\/api\/units\//, "unit"],
  [/^\/api\/people\//, "person"],
  [/^\/api\/users\//, "user"],
  [/^\/api\/imports\//, "importId"],
  [/^\/api\/(public\/)?plans\//, "plan"],
  [/^\/api\/participants\//, "participant"],
  [/^\/api\/files\//, "file"],
  [/^\/api\/initiatives\//, "initiative"],
  [/^\/api\/complaints\//, "complaint"],
  [/^\/api\/notifications\//, "notification"],
  [/^\/api\/nominations\//, "nomination"],
  [/^\/api\/council-sessions\//, "session"],
  [/^\/api\/decisions\//, "decision"],
  [/^\/api\/legal-holds\//, "hold"],
];

/** A value for a field by its name: a foreign id where the name says what it refers to. */
function foreignValue(name: string): unknown {
  const byName: Record<string, unknown> = {
    unitId: T.unit,
    issuerUnitId: T.unit,
    parentId: T.unit,
    targetId: T.unit,
    planId: T.plan,
    parentPlanId: T.plan,
    upperPlanId: T.plan,
    participantId: T.participant,
    personId: T.person,
    fileId: T.file,
    fileIds: [T.file],
    nominationId: T.nomination,
    nominationIds: [T.nomination],
    userId: T.user,
    chairUserId: T.user,
    secretaryUserId: T.user,
    memberUserIds: [T.user],
    present: [T.user],
    choices: [{ nominationId: T.nomination, choice: "approve" }],
    assignmentId: T.assignment,
    milestoneId: T.milestone,
    criterionId: T.criterion,
    componentId: COMPONENTS[0],
    formId: GK,
    awardFormId: GK,
    groupId: "chinh-quyen",
    group: "chinh-quyen",
  };
  return byName[name];
}

const FOREIGN_FIELDS = new Set(["unitId", "issuerUnitId", "parentId", "targetId", "planId", "parentPlanId", "upperPlanId", "participantId", "personId"]);
const FOREIGN_FIELDS_TOO = ["fileId", "fileIds", "nominationId", "nominationIds", "userId", "chairUserId", "secretaryUserId", "memberUserIds"];

/** A value valid for `schema` (as far as a caller who means well would send), with foreign ids by field name. */
function valueFor(name: string, schema: JsonSchema | undefined): unknown {
  const foreign = foreignValue(name);
  if (foreign !== undefined) return foreign;
  const s = schema?.anyOf?.find((x) => x.type !== "null") ?? schema?.oneOf?.find((x) => x.type !== "null") ?? schema ?? {};
  if (s.enum) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  const text: Record<string, string> = {
    code: "ZZ-THU",
    username: "zz.thu",
    password: "MatKhauManh2026",
    newPassword: "MatKhauManh2026",
    metric: "par_index",
    period: "2024",
    number: "99",
    signerTitle: "CHỦ TỊCH",
    signerName: "Người Ký",
    fullName: "Người Thử",
  };
  if (type === "string") {
    if (s.format === "uuid") return T.file;
    if (s.format === "date" || /On$|until|from|to$/.test(name)) return "2024-12-01";
    return text[name] ?? "Nội dung thử";
  }
  if (type === "integer" || type === "number") return name === "version" ? 1 : ["approve", "reject", "abstain"].includes(name) ? 0 : 1;
  if (type === "boolean") return true;
  if (type === "array") return Array.from({ length: s.minItems ?? 0 }, () => valueFor(name, s.items));
  if (type === "object" || s.properties) return bodyFor(s);
  return {};
}

function bodyFor(schema: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    if (schema.required?.includes(k) || foreignValue(k) !== undefined) out[k] = valueFor(k, v);
  }
  return out;
}

interface Probe {
  method: string;
  path: string;
  url: string;
  body?: unknown;
  multipart?: { body: Buffer; contentType: string };
  targetsForeign: boolean;
}

async function probes(spec: { paths: Record<string, Record<string, Operation>> }): Promise<Probe[]> {
  const out: Probe[] = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      if (SESSION_OPS.has(`${method} ${path}`)) continue;
      let targetsForeign = false;
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (name === "id") {
          const key = ID_BY_PREFIX.find(([re]) => re.test(path))?.[1];
          // A route over records no city owns (e.g. the system's backups): still tried, its reply still read for names.
          if (!key) return "1";
          targetsForeign = true;
          return String(T[key]);
        }
        if (name === "kind") return "people";
        targetsForeign = true;
        return String(foreignValue(name) ?? 1);
      });
      const query = new URLSearchParams();
      for (const p of op.parameters ?? []) {
        if (p.in !== "query") continue;
        const v = foreignValue(p.name);
        if (v !== undefined && (FOREIGN_FIELDS.has(p.name) || p.required)) {
          query.set(p.name, String(v));
          if (FOREIGN_FIELDS.has(p.name)) targetsForeign = true;
        } else if (p.required) query.set(p.name, String(valueFor(p.name, p.schema)));
      }
      const full = query.size ? `${url}?${query}` : url;
      const schema = op.requestBody?.content?.["application/json"]?.schema;
      let body: Record<string, unknown> | undefined;
      if (schema) {
        body = bodyFor(schema);
        if (Object.keys(body).some((k) => FOREIGN_FIELDS.has(k) || FOREIGN_FIELDS_TOO.includes(k))) targetsForeign = true;
      } else if (method !== "GET" && method !== "DELETE") body = {};
      let mp: Probe["multipart"];
      if (method === "POST" && path === "/api/files") {
        const form = new FormData();
        form.append("unitId", String(T.unit));
        form.append("file", new Blob([Buffer.from("%PDF-1.4\n%%EOF\n")]), "x.pdf");
        const req = new Request("http://local/", { method: "POST", body: form });
        mp = { body: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get("content-type") as string };
        targetsForeign = true;
      }
      if (method === "POST" && path === "/api/imports") {
        mp = await multipart("indicators", "chi-so.csv", "Mã đơn vị,Mã chỉ số,Kỳ,Giá trị\nQN-MC-P-TRANPHU,par_index,2024,90\n");
      }
      out.push({ method, path, url: full, body, multipart: mp, targetsForeign });
    }
  }
  return out;
}

async function send(c: Client, p: Probe) {
  if (p.multipart) return c.request(p.method as "POST", p.url, p.multipart.body, { headers: { "content-type": p.multipart.contentType } });
  return c.request(p.method as "POST", p.url, p.body);
}

/** The foreign names a reply's body (text, JSON or the text inside a file) contains. */
function leaksIn(raw: Buffer): string[] {
  const text = raw.toString("utf8");
  return targetNames.filter((n) => text.includes(n));
}

/** The records and names the walk currently treats as foreign. */
let T = {} as Foreign;
let targetNames: string[] = [];

/** Every operation of the OpenAPI document, for each caller, against `target`'s records; what refused wrongly or named them. */
async function walk(callers: [string, Client][], target: Foreign, names: string[]) {
  T = target;
  targetNames = names;
  const spec = (await new Anonymous(t.app).get("/api/openapi.json")).body;
  const all = await probes(spec);
  const failures: string[] = [];
  let requests = 0;
  let leaks = 0;
  const statuses: Record<number, number> = {};
  for (const [username, c] of callers) {
    for (const p of all) {
      if (PUBLIC(p.path)) continue;
      const res = await send(c, p);
      requests++;
      if (p.targetsForeign) statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      const named = leaksIn(res.raw);
      if (named.length) {
        leaks++;
        failures.push(`${username} ${p.method} ${p.url} → ${res.status} names ${named.join(", ")}: ${res.raw.toString("utf8").slice(0, 200)}`);
      } else if (p.targetsForeign && res.status !== 403 && res.status !== 404) {
        failures.push(`${username} ${p.method} ${p.url} → ${res.status} (expected 403/404): ${res.raw.toString("utf8").slice(0, 200)}`);
      }
      if (res.status >= 500) failures.push(`${username} ${p.method} ${p.url} → ${res.status}`);
    }
  }
  return { operations: all.length, requests, leaks, failures, statuses: JSON.stringify(statuses) };
}

describe("every operation, every role of Vĩnh Long, against Móng Cái's records", () => {
  it("answers 403 or 404 to a foreign target, and never names a foreign unit, person, plan or account", async () => {
    const callers: [string, Client][] = [];
    for (const username of ROLES) callers.push([username, await t.as(username)]);
    const r = await walk(callers, F, foreignNames);
    expect(r.operations).toBeGreaterThan(120);
    console.info(
      `authorization matrix: ${r.operations} operations × ${callers.length} roles = ${r.requests} requests; ${r.leaks} leaking replies; ${r.failures.length} failures; statuses of foreign targets ${r.statuses}`,
    );
    expect(r.failures).toEqual([]);
  }, 600_000);
});

describe("imports name no one outside the caller's scope", () => {
  it("a staff code held in another city is refused without saying whose it is", async () => {
    const office = await t.as("noivu.vinhlong");
    const sheet = await multipart("people", "can-bo.csv", `Mã cán bộ,Họ và tên,Mã đơn vị,Giới tính,Đối tượng\nMC-BM-01,Người Thử,VL-TPVL-P1,Nữ,Công chức\n`);
    const res = await office.request("POST", "/api/imports", sheet.body, { headers: { "content-type": sheet.contentType } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.errors.map((e: { message: string }) => e.message)).toContainEqual(expect.stringContaining('mã cán bộ "MC-BM-01" đã được dùng'));
    expect(JSON.stringify(res.body)).not.toContain(MARK.person);
    const dup = await office.post("/api/people", {
      unitId: await t.unitId("VL-TPVL-P1"),
      fullName: "Người Thử",
      sex: "nu",
      category: "cong_chuc",
      code: "MC-BM-01",
    });
    expect(dup.status).toBe(409);
    expect(JSON.stringify(dup.body)).not.toContain(MARK.person);
    const unit = await office.post("/api/units", { code: "MC-BIMAT", name: "Tổ mới", kind: "hamlet", parentId: await t.unitId("VL-TPVL-P1") });
    expect(unit.status).toBe(409);
    expect(JSON.stringify(unit.body)).not.toContain(MARK.unit);
  });
});

describe("within one city: a unit's working records and its people's personal data", () => {
  let office: Client;
  let file: string;
  let ward1: number;
  let collective: number;
  let individual: { id: number; personId: number };
  let person: number;
  let complaint: number;
  let planId: number;
  let assignment: number;

  beforeAll(async () => {
    t.clock.set("2024-03-01T02:00:00Z");
    office = await t.as("noivu.vinhlong");
    const city = await t.unitId("VL-TPVL");
    ward1 = await t.unitId("VL-TPVL-P1");
    const template = (await office.post("/api/plans", { issuerUnitId: city, template: "003-vinh-long-2024.yaml" })).body;
    const plan = (await office.request("PUT", `/api/plans/${template.id}`, { version: template.version, data: { ...template.data, title: VL_PLAN } })).body;
    expect((await office.post(`/api/plans/${plan.id}/launch`, { version: plan.version })).status).toBe(200);
    planId = plan.id;
    expect((await office.post(`/api/plans/${plan.id}/participants/sync`)).status).toBe(200);
    const all = (await office.get(`/api/plans/${plan.id}/participants`)).body.items as { id: number; unitId: number; personId: number | null }[];
    collective = (all.find((p) => p.unitId === ward1 && p.personId === null) as { id: number }).id;
    const created = await office.post("/api/people", {
      unitId: ward1,
      fullName: "Trịnh Thị Riêng Tư",
      sex: "nu",
      category: "cong_chuc",
      birthDate: "1988-02-29",
      email: "rieng.tu@example.vn",
      phone: "0912 345 678",
      code: "VL-RT-01",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    person = created.body.id;
    const other = all.find((p) => p.unitId === ward1 && p.personId !== null) as { id: number; personId: number };
    individual = other;
    file = await upload(await t.as("daumoi.phuong1"), ward1, "minh-chung-phuong-1.pdf");
    const c = await office.post("/api/complaints", { unitId: ward1, planId: plan.id, receivedOn: "2024-02-20", content: "Phản ánh về Phường 1" });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    complaint = c.body.id;
    expect((await office.post("/api/indicators", { unitId: ward1, metric: "par_index", period: "2024", value: 77 })).status).toBe(201);
    // The appraiser is assigned one individual of Phường 1 (not the ward itself).
    const assigned = await office.post(`/api/plans/${plan.id}/assignments`, {
      userId: (await office.get(`/api/plans/${plan.id}/appraisers`)).body.items.find((u: { username: string }) => u.username === "thamdinh.vinhlong").id,
      participantId: individual.id,
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
    assignment = assigned.body.id;
  });

  it("evidence files: the ward, its head and the office download them; a council member, the secretary and the signer do not", async () => {
    for (const who of ["daumoi.phuong1", "thutruong.phuong1", "noivu.vinhlong"])
      expect((await (await t.as(who)).get(`/api/files/${file}`)).status, who).toBe(200);
    for (const who of ["hoidong.vinhlong", "thuky.vinhlong", "chutich.vinhlong", "daumoi.phuong2"]) {
      const res = await (await t.as(who)).get(`/api/files/${file}`);
      expect([403, 404], who).toContain(res.status);
      expect(res.raw.toString()).not.toContain("minh-chung-phuong-1");
    }
  });

  it("an appraiser reads a unit's evidence, complaints and indicators only once assigned to one of its participants", async () => {
    const appraiser = await t.as("thamdinh.vinhlong");
    const ward2 = await t.unitId("VL-TPVL-P2");
    // Assigned to an individual of Phường 1: the ward's records open to them; Phường 2's stay closed.
    expect((await appraiser.get(`/api/files/${file}`)).status).toBe(200);
    expect((await appraiser.get(`/api/complaints?unitId=${ward1}`)).body.items.map((c: { id: number }) => c.id)).toContain(complaint);
    expect((await appraiser.get(`/api/indicators?unitId=${ward1}`)).status).toBe(200);
    expect([403, 404]).toContain((await appraiser.get(`/api/complaints?unitId=${ward2}`)).status);
    expect([403, 404]).toContain((await appraiser.get(`/api/indicators?unitId=${ward2}`)).status);
    expect((await appraiser.get(`/api/participants/${individual.id}`)).status).toBe(200);
    expect((await appraiser.get(`/api/participants/${collective}`)).status).toBe(404);
    const all = (await appraiser.get("/api/complaints?pageSize=500")).body.items as { unitId: number }[];
    expect(all.every((c) => c.unitId === ward1)).toBe(true);
    // Another appraiser of the city, assigned nothing, reads none of it.
    const admin = await t.as("admin");
    const user = await admin.post("/api/users", { username: "thamdinh2.vinhlong", fullName: "Thẩm Định Hai", password: PASSWORD });
    expect((await admin.post(`/api/users/${user.body.id}/roles`, { role: "appraiser", unitId: await t.unitId("VL-TPVL") })).status).toBe(200);
    const idle = await t.as("thamdinh2.vinhlong", PASSWORD);
    expect([403, 404]).toContain((await idle.get(`/api/files/${file}`)).status);
    expect([403, 404]).toContain((await idle.get(`/api/complaints?unitId=${ward1}`)).status);
    expect((await idle.get("/api/complaints")).body.items ?? []).toEqual([]);
    expect([403, 404]).toContain((await idle.get(`/api/indicators?unitId=${ward1}`)).status);
    expect([403, 404]).toContain((await idle.get(`/api/participants/${collective}`)).status);
    expect([403, 404]).toContain((await idle.get(`/api/complaints/${complaint}/verify`)).status);
  });

  it("personal data (birth date, contact, staff code) is the unit's and the office's; the directory is everyone's in scope", async () => {
    const personal = { birthDate: "1988-02-29", email: "rieng.tu@example.vn", phone: "0912 345 678", code: "VL-RT-01", personal: true };
    for (const who of ["daumoi.phuong1", "thutruong.phuong1", "noivu.vinhlong"]) {
      expect((await (await t.as(who)).get(`/api/people/${person}`)).body, who).toMatchObject(personal);
    }
    for (const who of ["thamdinh.vinhlong", "thuky.vinhlong", "chutich.vinhlong"]) {
      const c = await t.as(who);
      const one = (await c.get(`/api/people/${person}`)).body;
      expect(one, who).toMatchObject({
        fullName: "Trịnh Thị Riêng Tư",
        unitName: "Phường 1",
        birthDate: null,
        email: null,
        phone: null,
        code: null,
        personal: false,
      });
      const list = (await c.get(`/api/people?unitId=${ward1}&pageSize=500`)).body.items as { id: number; birthDate: string | null; personal: boolean }[];
      expect(list.find((p) => p.id === person)).toMatchObject({ birthDate: null, personal: false });
      const raw = (await c.get(`/api/export/people?unitId=${ward1}&format=csv`)).raw.toString();
      expect(raw, who).not.toContain("rieng.tu@example.vn");
    }
    // The appraiser assigned to an individual reads that person's personal data, and no one else's.
    const appraiser = await t.as("thamdinh.vinhlong");
    expect((await appraiser.get(`/api/people/${individual.personId}`)).body.personal).toBe(true);
  });
  it("the other way: Móng Cái's office, appraiser, council and signer against Vĩnh Long's records, naming none of them", async () => {
    const admin = await t.as("admin");
    const held = await office.post("/api/legal-holds", { kind: "investigation", unitId: ward1, personId: person, startedOn: "2024-02-01" });
    expect(held.status, JSON.stringify(held.body)).toBe(201);
    const initiative = await office.post(`/api/participants/${collective}/initiatives`, { title: "Sáng kiến Riêng Tư" });
    expect(initiative.status, JSON.stringify(initiative.body)).toBe(201);
    const nomination = await office.post(`/api/plans/${planId}/nominations`, { awardFormId: "bang-khen-tinh", participantId: collective });
    expect(nomination.status, JSON.stringify(nomination.body)).toBe(201);
    const users = (await admin.get("/api/users")).body.items as { id: number; username: string }[];
    const uid = (u: string) => (users.find((x) => x.username === u) as { id: number }).id;
    const session = await office.post(`/api/plans/${planId}/council-sessions`, {
      title: "Phiên họp Riêng Tư",
      heldOn: "2024-12-23",
      chairUserId: uid("chutich.vinhlong"),
      secretaryUserId: uid("thuky.vinhlong"),
      memberUserIds: [uid("hoidong.vinhlong")],
    });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const sheet = await multipart("people", "can-bo.csv", "Mã đơn vị,Họ và tên,Giới tính,Đối tượng\nVL-TPVL-P1,Trịnh Văn Riêng Tư,Nam,Công chức\n");
    const imported = await office.request("POST", "/api/imports", sheet.body, { headers: { "content-type": sheet.contentType } });
    expect(imported.status, JSON.stringify(imported.body)).toBeLessThan(300);
    const notes = (await (await t.as("daumoi.phuong1")).get("/api/notifications")).body.items as { id: number }[];
    const vl: Foreign = {
      city: await t.unitId("VL-TPVL"),
      unit: ward1,
      person,
      user: uid("thamdinh.vinhlong"),
      plan: planId,
      participant: collective,
      file,
      assignment,
      initiative: initiative.body.id,
      complaint,
      hold: held.body.id,
      nomination: nomination.body.id,
      session: session.body.id,
      // No decision of Vĩnh Long's here: an id no record has stands in (the answer must be the same 404).
      decision: 999_999,
      notification: notes[0]?.id ?? 999_999,
      importId: imported.body.id,
      milestone: "bc-nam",
      criterion: "iv-2",
    };
    // Vĩnh Long's names that Móng Cái's callers never see (less those Móng Cái's own records share).
    const units = (await admin.get("/api/units?includeInactive=true")).body.items as { name: string; path: string; code: string }[];
    const vlPath = (units.find((u) => u.code === "VL") as { path: string }).path;
    const mcPath = (units.find((u) => u.code === "QN") as { path: string }).path;
    const vlPeople = (await admin.get(`/api/people?unitId=${vl.city}&pageSize=500&active=all`)).body.items.map((p: { fullName: string }) => p.fullName);
    const mcPeople = (await admin.get(`/api/people?unitId=${F.city}&pageSize=500&active=all`)).body.items.map((p: { fullName: string }) => p.fullName);
    const theirs = [
      ...units.filter((u) => u.path.startsWith(mcPath)).map((u) => u.name),
      ...mcPeople,
      "Tạ Quang Bí Mật",
      "Vũ Đức Thịnh",
      "Hoàng Thị Minh Nguyệt",
      "Hồ Quang Huy",
      "Phạm Quốc Bảo",
    ];
    const accounts = ["Lê Thị Ngọc Lan", "Huỳnh Thanh Tâm", "Bùi Minh Khánh", "Đỗ Hữu Phúc", "Ngô Thanh Sơn", "Dương Thị Hạnh", "Hồ Quang Việt"];
    const names = [...new Set([...units.filter((u) => u.path.startsWith(vlPath)).map((u) => u.name), ...vlPeople, ...accounts, VL_PLAN])].filter(
      (n) => n.length >= 6 && !theirs.some((o) => o.includes(n)),
    );
    expect(names).toEqual(expect.arrayContaining(["Phường 2", "Trịnh Thị Riêng Tư", VL_PLAN]));
    const callers: [string, Client][] = [["noivu.mongcai", await t.as("noivu.mongcai")]];
    for (const u of ["thamdinh.mongcai", "hoidong.mongcai", "thuky.mongcai", "chutich.mongcai"]) callers.push([u, await t.as(u, PASSWORD)]);
    const r = await walk(callers, vl, names);
    console.info(
      `authorization matrix (Móng Cái → Vĩnh Long): ${r.operations} operations × ${callers.length} roles = ${r.requests} requests; ${r.leaks} leaking replies; ${r.failures.length} failures; statuses of foreign targets ${r.statuses}`,
    );
    expect(r.failures).toEqual([]);
  }, 600_000);
});

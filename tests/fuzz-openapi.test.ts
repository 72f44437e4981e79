// Property-based fuzzing of every operation in the OpenAPI contract: malformed paths, queries, JSON and multipart
// bodies, sent anonymously and as a signed-in office user with a valid CSRF token. No request may answer 5xx, and
// every refusal is the Vietnamese `{code, message}` error format (never Fastify's English default).
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nominations } from "../src/db/schema.js";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

type Json = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; schema: Json }[];
  body?: Json;
}
interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  what: string;
}

const SEED = 20_261_206;
const RUNS_SIGNED_IN = 22;
const RUNS_ANONYMOUS = 2;
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

// Values that break naive code: NUL and control bytes, huge and negative numbers, odd unicode, impossible dates.
const evilString = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "",
    " ",
    "2026-02-30",
    "2026-02-29",
    "9999-99-99",
    "-1",
    "1e400",
    "NaN",
    "null",
    "../../etc/passwd",
    "'; drop table units; --",
    '=HYPERLINK("http://x")',
    "\uD800",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ❤ Đơn vị",
    "\u202Eevil",
    "__proto__",
    "x".repeat(5000),
  ),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const evilNumber = fc.oneof(
  fc.constantFrom(-1, 0, 2_147_483_648, 9_007_199_254_740_991, 1e21, -1e21, 1.5, Number.MAX_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const evilValue: fc.Arbitrary<unknown> = fc.oneof(
  evilString,
  evilNumber,
  fc.constantFrom(null, true, false, [], {}, [null], { __proto__: { x: 1 } }),
  fc.array(evilString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), evilString, { maxKeys: 3 }),
);

/** A value shaped like `schema` (so the request reaches deeper checks), with any part replaced by an evil one. */
function fromSchema(schema: Json | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 5) return evilValue;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((s: Json) => fromSchema(s, depth + 1)));
  if (schema.allOf) return fromSchema(schema.allOf[0], depth + 1);
  let shaped: fc.Arbitrary<unknown>;
  if (schema.enum) shaped = fc.constantFrom(...schema.enum);
  else if (schema.const !== undefined) shaped = fc.constant(schema.const);
  else
    switch (schema.type) {
      case "object": {
        const props = Object.entries<Json>(schema.properties ?? {});
        const record = Object.fromEntries(props.map(([k, s]) => [k, fromSchema(s, depth + 1)]));
        shaped = fc.record(record, { requiredKeys: [] });
        break;
      }
      case "array":
        shaped = fc.array(fromSchema(schema.items, depth + 1), { maxLength: 3 });
        break;
      case "integer":
        shaped = fc.oneof(fc.integer({ min: 1, max: 5 }), evilNumber);
        break;
      case "number":
        shaped = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), evilNumber);
        break;
      case "boolean":
        shaped = fc.boolean();
        break;
      case "string":
        shaped = schema.format === "uuid" ? fc.uuid() : schema.pattern?.includes("\\d{4}") ? fc.constantFrom("2026-01-15", "2026-02-30") : evilString;
        break;
      default:
        shaped = evilValue;
    }
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: evilValue });
}

/** Ids of rows that exist (a launched plan, its participants, nominations, a council session), set up before the run. */
const known: string[] = [];
const pathValue = () =>
  fc.oneof(
    fc.constantFrom(...(known.length ? known : ["1"])),
    fc.constantFrom(
      "1",
      "2",
      "-1",
      "0",
      "2147483648",
      "99999999999999999999",
      "abc",
      "1.5",
      "%00",
      "a%00b",
      "%E0%A4%A",
      "00000000-0000-0000-0000-000000000000",
    ),
    fc.constantFrom("x".repeat(150), "%C4%90%C6%A1n-v%E1%BB%8B", encodeURIComponent("Kế hoạch")),
    fc.uuid(),
    fc.integer({ min: 1, max: 400 }).map(String),
  );
/** Percent-encoded; a lone surrogate (not encodable) becomes the invalid UTF-8 bytes it would be. */
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80";
  }
};
const queryValue = fc.oneof(evilString.map(encode), fc.constantFrom("%00", "%", "%ZZ", "true", "false", "1", "-5", "99999999999", "a&b=c", "x".repeat(3000)));

function urlOf(op: Operation, pathValues: string[], query: [string, string][]): string {
  let i = 0;
  const path = op.path.replace(/\{[^}]+\}/g, () => pathValues[i++] ?? "1");
  const qs = query.map(([k, v]) => `${k}=${v}`).join("&");
  return qs ? `${path}?${qs}` : path;
}

function multipartBody(parts: { name: string; filename?: string; value: string | Buffer }[], boundary = "----fuzzBoundary7MA4YWxk"): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`, "utf8"), Buffer.from(p.value), Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const FAKE_PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from("MZ\x90\x00This program cannot be run in DOS mode.\r\n", "latin1")]);

/** A malformed or hostile request for `op`. */
function requestArb(op: Operation): fc.Arbitrary<Sent> {
  const pathParams = op.params.filter((p) => p.in === "path");
  const queryParams = op.params.filter((p) => p.in === "query");
  const pathArb = fc.tuple(...pathParams.map(() => pathValue()));
  const queryArb = fc.array(
    fc.tuple(
      queryParams.length ? fc.oneof(fc.constantFrom(...queryParams.map((p) => p.name)), fc.constantFrom("x", "%00", "a[b]")) : fc.constant("x"),
      queryValue,
    ),
    { maxLength: 4 },
  );
  const json = (what: string, payload: string | Buffer, contentType = "application/json") => ({ what, payload, contentType });
  const bodyArb: fc.Arbitrary<{ what: string; payload?: string | Buffer; contentType?: string }> = fc.oneof(
    fc.constant({ what: "no body" }),
    fromSchema(op.body).map((v) => json("body shaped like the schema, mutated", JSON.stringify(v ?? null))),
    evilValue.map((v) => json("body of a wrong type", JSON.stringify(v ?? null))),
    fc.constantFrom("{", '{"a":', "[1,2", "nul", '{"version":1,}', "\u0000", '{"a":"\\u0000"}', '{"__proto__":{"x":1}}').map((s) => json("malformed JSON", s)),
    fc.constant(json("empty JSON", "")),
    fc.constantFrom("text/plain", "application/xml", "application/x-www-form-urlencoded").map((ct) => json(`content-type ${ct}`, "a=1&b=%00", ct)),
    fc.constantFrom(
      json("multipart without boundary", "abc", "multipart/form-data"),
      json("multipart with garbage", "--x\r\nnot a header\r\n\r\n", "multipart/form-data; boundary=x"),
      json("truncated multipart", '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF', "multipart/form-data; boundary=x"),
      json(
        "multipart with a NUL in the file name",
        multipartBody([
          { name: "unitId", value: "1" },
          { name: "kind", value: "units" },
          { name: "file", filename: "a\u0000b.pdf", value: FAKE_PDF },
        ]),
        "multipart/form-data; boundary=----fuzzBoundary7MA4YWxk",
      ),
      json(
        "multipart with a fake PDF",
        multipartBody([
          { name: "unitId", value: "1" },
          { name: "file", filename: "Kế hoạch.pdf", value: FAKE_PDF },
        ]),
        "multipart/form-data; boundary=----fuzzBoundary7MA4YWxk",
      ),
      json(
        "multipart with a bad unitId and kind",
        multipartBody([
          { name: "unitId", value: "99999999999" },
          { name: "kind", value: "\u0000" },
          { name: "file", filename: "x".repeat(400), value: "a,b\n1,2" },
        ]),
        "multipart/form-data; boundary=----fuzzBoundary7MA4YWxk",
      ),
      json(
        "multipart with many fields",
        multipartBody(Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, value: "v" }))),
        "multipart/form-data; boundary=----fuzzBoundary7MA4YWxk",
      ),
    ),
  );
  return fc.tuple(pathArb, queryArb, bodyArb).map(([pv, q, b]) => {
    const headers: Record<string, string> = {};
    if (b.contentType) headers["content-type"] = b.contentType;
    return { method: op.method.toUpperCase(), url: urlOf(op, pv, q), headers, payload: b.payload, what: b.what };
  });
}

let t: TestApp;
let office: Client;
let operations: Operation[] = [];

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as("noivu.vinhlong");
  await setUpMovement();
  const spec = (await (await t.as()).get("/api/openapi.json")).body;
  for (const [path, ops] of Object.entries<Json>(spec.paths)) {
    for (const [method, op] of Object.entries<Json>(ops)) {
      operations.push({ method, path, params: op.parameters ?? [], body: op.requestBody?.content?.["application/json"]?.schema });
    }
  }
  operations = operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
});
afterAll(() => t?.close());

/** A launched plan with participants, two accepted nominations and a council session, so fuzzed ids reach handlers. */
async function setUpMovement() {
  t.clock.set("2024-12-20T03:00:00Z");
  const draft = (await office.post("/api/plans", { issuerUnitId: await t.unitId("VL-TPVL"), template: "003-vinh-long-2024.yaml" })).body;
  const launched = await office.post(`/api/plans/${draft.id}/launch`, { version: draft.version });
  expect(launched.status, JSON.stringify(launched.body)).toBeLessThan(300);
  await office.post(`/api/plans/${draft.id}/participants/sync`);
  const parts = (await office.get(`/api/plans/${draft.id}/participants?group=tap-the`)).body.items as { id: number }[];
  const users = (await (await t.as("admin")).get("/api/users")).body.items as { id: number; username: string }[];
  const uid = (name: string) => users.find((u) => u.username === name)?.id;
  const nominationIds: number[] = [];
  for (const p of parts.slice(0, 2)) {
    const [n] = await t.database.db
      .insert(nominations)
      .values({ planId: draft.id, awardFormId: "giay-khen-tp", participantId: p.id, proposedByUnitId: await t.unitId("VL-TPVL"), status: "accepted" })
      .returning();
    nominationIds.push(n.id);
  }
  const session = await office.post(`/api/plans/${draft.id}/council-sessions`, {
    title: "Phiên họp xét khen thưởng",
    heldOn: "2024-12-20",
    chairUserId: uid("chutich.vinhlong"),
    secretaryUserId: uid("thuky.vinhlong"),
    memberUserIds: [uid("hoidong.vinhlong"), uid("noivu.vinhlong")],
  });
  expect(session.status, JSON.stringify(session.body)).toBe(201);
  known.push(...new Set([draft.id, session.body.id, ...nominationIds, ...parts.slice(0, 3).map((p) => p.id), await t.unitId("VL-TPVL-P1")].map(String)));
}

interface Finding {
  who: string;
  method: string;
  url: string;
  what: string;
  status: number;
  body: string;
}

async function send(client: Client, s: Sent) {
  const extra: Partial<InjectOptions> = { headers: s.headers };
  return client.request(s.method as InjectOptions["method"], s.url, s.payload, extra);
}

/** Is this response an honest refusal in the Vietnamese error format (or a success)? */
function judge(res: { status: number; body: any; headers: Record<string, unknown> }): string | null {
  if (res.status >= 500) return "5xx";
  if (res.status < 400) {
    const disposition = res.headers["content-disposition"];
    // A download's header must parse (RFC 6266): ASCII only, the name in filename*.
    if (disposition !== undefined && !/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/.test(String(disposition))) {
      return "download header does not parse";
    }
    return null;
  }
  const body = res.body;
  if (typeof body !== "object" || body === null) return "refusal is not JSON";
  if (typeof body.code !== "string" || !body.code) return "refusal without a code";
  if (typeof body.message !== "string" || !body.message.trim()) return "refusal without a message";
  if (!VIETNAMESE.test(body.message)) return "refusal message is not Vietnamese";
  return null;
}

describe("fuzzing every OpenAPI operation", () => {
  it("answers every malformed request with a Vietnamese 4xx, never a 5xx", async () => {
    expect(operations.length).toBeGreaterThan(100);
    const findings: Finding[] = [];
    let sent = 0;
    const anonymous = await t.as();
    for (const [index, op] of operations.entries()) {
      if (op.path === "/api/auth/logout") continue; // would end the fuzzing session itself
      for (const [who, client, runs] of [
        ["anonymous", anonymous, RUNS_ANONYMOUS],
        ["office", office, RUNS_SIGNED_IN],
      ] as const) {
        const samples = fc.sample(requestArb(op), { seed: SEED + index, numRuns: runs });
        for (const s of samples) {
          const res = await send(client, s);
          sent++;
          const problem = judge(res);
          if (problem) {
            findings.push({
              who,
              method: s.method,
              url: s.url.slice(0, 200),
              what: `${problem}: ${s.what}`,
              status: res.status,
              body: JSON.stringify(res.body).slice(0, 300),
            });
          }
        }
        // A request that signed the office user out (e.g. a password change) must not blind the rest of the run.
        if (who === "office" && (await office.get("/api/auth/me")).status !== 200) office = await t.as("noivu.vinhlong");
      }
    }
    const fiveXX = findings.filter((f) => f.status >= 500).length;
    console.info(`fuzz: ${sent} requests over ${operations.length} operations; ${findings.length} findings (${fiveXX} 5xx)`);
    if (process.env.FUZZ_REPORT) (await import("node:fs")).writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(findings, null, 1));
    expect(sent).toBeGreaterThan(2500);
    expect(findings.slice(0, 40)).toEqual([]);
  }, 240_000);

  it("refuses each 5xx the fuzzing found (and those reported from the field) with a Vietnamese 4xx", async () => {
    const [planId, sessionId, nominationId] = known;
    const boundary = "----regression";
    const cases: Sent[] = [
      { method: "GET", url: "/api/people?q=a%00b", headers: {}, what: "NUL in a query string" },
      { method: "GET", url: `/api/units/2147483648`, headers: {}, what: "id past PostgreSQL's integer" },
      { method: "GET", url: `/api/plans/${"9".repeat(120)}`, headers: {}, what: "path parameter too long (Fastify's 414)" },
      { method: "GET", url: "/api/plans/%E0%A4%A", headers: {}, what: "undecodable path" },
      { method: "POST", url: "/api/imports", headers: { "content-type": "multipart/form-data" }, payload: "abc", what: "multipart without boundary" },
      {
        method: "POST",
        url: "/api/files",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF`,
        what: "multipart cut short",
      },
      {
        method: "POST",
        url: "/api/files",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        payload: multipartBody(
          [
            { name: "unitId", value: "99999999999" },
            { name: "file", filename: "a\u0000.pdf", value: FAKE_PDF },
          ],
          boundary,
        ),
        what: "NUL in a file name, unit id past the integer range",
      },
      {
        method: "PUT",
        url: `/api/council-sessions/${sessionId}/agenda`,
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ nominationIds: [Number(nominationId), Number(nominationId)] }),
        what: "duplicate ids in a council agenda",
      },
      {
        method: "POST",
        url: "/api/people",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ unitId: 1, fullName: "A\u0000B", sex: "nam", category: "cong_chuc" }),
        what: "NUL in a JSON string",
      },
      { method: "GET", url: `/api/plans/${planId}`, headers: {}, what: "the plan itself still opens" },
    ];
    const results = [];
    for (const c of cases) {
      const res = await send(office, c);
      results.push({ what: c.what, status: res.status, problem: judge(res), message: res.body?.message });
    }
    expect(results.filter((r) => r.problem !== null || (r.status >= 500 && r.status < 600))).toEqual([]);
    expect(results.slice(0, -1).every((r) => r.status >= 400 && r.status < 500)).toBe(true);
    expect(results.at(-1)?.status).toBe(200);
  });
});

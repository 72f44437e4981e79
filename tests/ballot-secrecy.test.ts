// The secret ballot is secret in fact: after a secret vote of five members on four nominees, nothing a database
// administrator can read (every table with its system columns xmin and ctid, row order, sequences, timestamps, audit
// rows, a pg_dump on PostgreSQL) nor the app's log links a member to a choice. Each attack below is one a reader of
// those could run; a test fails as soon as any of them guesses any member's choice on any nominee.
import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nominations } from "../src/db/schema.js";
import { type Client as C, createTestApp, type TestApp } from "./support/test-app.js";

type Choice = "approve" | "reject" | "abstain";
type Row = Record<string, unknown> & { __table: string; __xmin: string; __ctid: string };

const CHOICE_WORDS = /approve|reject|abstain|đồng ý|không biểu quyết|tán thành|phản đối/i;
const VOTERS = ["hoidong.vinhlong", "thuky.vinhlong", "chutich.vinhlong", "noivu.vinhlong", "thamdinh.vinhlong"] as const;
// Every member's choices differ from every other's, and no nominee is voted unanimously.
const CHOICES: Record<(typeof VOTERS)[number], Choice[]> = {
  "hoidong.vinhlong": ["approve", "approve", "reject", "abstain"],
  "thuky.vinhlong": ["approve", "reject", "reject", "approve"],
  "chutich.vinhlong": ["reject", "approve", "abstain", "approve"],
  "noivu.vinhlong": ["approve", "approve", "approve", "reject"],
  "thamdinh.vinhlong": ["abstain", "reject", "approve", "approve"],
};

let t: TestApp;
const log: string[] = [];
let planId: number;
let sessionId: number;
const uid: Record<string, number> = {};
const nom: number[] = [];
const clients: Record<string, C> = {};
const voteRequestIds: Record<string, string> = {};

const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;

/** Every row of every table in the app's schema, with the system columns an administrator can select. */
async function everyRow(): Promise<Row[]> {
  const tables = (await rows(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)).map((r) =>
    String(r.table_name),
  );
  const out: Row[] = [];
  for (const table of tables)
    for (const r of await rows(sql`select xmin::text as __xmin, ctid::text as __ctid, * from ${sql.identifier(table)} order by ctid`))
      out.push({ ...r, __table: table } as Row);
  return out;
}

async function sequences(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of await rows(sql`select sequencename, coalesce(last_value, 0)::text as v from pg_sequences where schemaname = 'public'`))
    out[String(s.sequencename)] = Number(s.v);
  return out;
}

// A row's values (not its column names: `ballot_counts.approve` is a count, not a choice).
const text = (r: Record<string, unknown>) => JSON.stringify(Object.values(r), (_k, v) => (typeof v === "bigint" ? String(v) : v));
const voterOf = (userId: unknown) => VOTERS.find((v) => uid[v] === Number(userId));

/**
 * Rows that carry a choice and name at most one nominee: a per-ballot record. Any such row at all is a linking
 * risk (by its xmin, place or time); the design has none, before or after the close.
 */
const perBallotRows = (all: Row[]) =>
  all.filter((r) => r.__table !== "plans" && r.__table !== "plan_versions" && CHOICE_WORDS.test(text(r)) && text(r).includes(`${sessionId}`));

/**
 * The linking attacks on a snapshot: each names, for some voter, a choice on some nominee it read off what it links
 * to them. The secret ballot holds when none of them names anything.
 */
function attacks(all: Row[]): { attack: string; voter: string; nominationId: number; choice: Choice }[] {
  const guesses: { attack: string; voter: string; nominationId: number; choice: Choice }[] = [];
  const receipts = all.filter((r) => r.__table === "ballot_receipts" && Number(r.session_id) === sessionId);
  const choiceOf = (r: Row): Choice | null => {
    const m = /approve|reject|abstain/.exec(text(r));
    return m ? (m[0] as Choice) : null;
  };
  const nominationOf = (r: Row) => Number(r.nomination_id ?? nom.find((n) => JSON.stringify(r).includes(`"nominationId":${n}`)) ?? 0);
  // 1. Same transaction: a row carrying a choice written by the transaction that wrote a voter's receipt.
  for (const rec of receipts.filter((r) => r.__xmin))
    for (const r of all.filter((x) => x.__xmin === rec.__xmin && x !== rec)) {
      const c = choiceOf(r);
      if (c) guesses.push({ attack: "xmin", voter: String(voterOf(rec.user_id)), nominationId: nominationOf(r), choice: c });
      // Counts written with a single voter's receipt are that voter's choices.
      if (r.__table === "ballot_counts") {
        const best = (["approve", "reject", "abstain"] as const).find((k) => Number(r[k]) > 0);
        if (best && Number(r.approve) + Number(r.reject) + Number(r.abstain) === 1)
          guesses.push({ attack: "xmin-counts", voter: String(voterOf(rec.user_id)), nominationId: Number(r.nomination_id), choice: best });
      }
    }
  // 2. Adjacent transactions: the next or previous transaction id of a receipt.
  for (const rec of receipts.filter((r) => r.__xmin))
    for (const r of all.filter((x) => x.__xmin && Math.abs(Number(x.__xmin) - Number(rec.__xmin)) === 1)) {
      const c = choiceOf(r);
      if (c && r.__table !== "audit_log") guesses.push({ attack: "xmin±1", voter: String(voterOf(rec.user_id)), nominationId: nominationOf(r), choice: c });
    }
  // 3. Row order: per-ballot rows in storage order, cut into runs as long as each voter's receipts, in receipt order.
  const ballotsInOrder = perBallotRows(all).sort((a, b) => a.__ctid.localeCompare(b.__ctid, "en", { numeric: true }));
  const voterOrder = [...new Set(receipts.map((r) => String(voterOf(r.user_id))))];
  ballotsInOrder.forEach((r, i) => {
    const voter = voterOrder[Math.floor(i / nom.length)];
    const c = choiceOf(r);
    if (voter && c) guesses.push({ attack: "order", voter, nominationId: nominationOf(r), choice: c });
  });
  // 4. Time: a row carrying a choice stamped within a second of a voter's audit entry.
  const voteAudits = all.filter((r) => r.__table === "audit_log" && r.action === "council.vote");
  for (const a of voteAudits)
    for (const r of all.filter((x) => x !== a && Object.values(x).some((v) => v instanceof Date || /^\d{4}-\d\d-\d\d[T ]\d/.test(String(v))))) {
      const stamps = Object.values(r)
        .map((v) => new Date(String(v instanceof Date ? v.toISOString() : v)).getTime())
        .filter(Number.isFinite);
      const c = choiceOf(r);
      if (c && stamps.some((s) => Math.abs(s - new Date(String(a.at)).getTime()) < 1000) && r.__table !== "audit_log")
        guesses.push({ attack: "time", voter: String(voterOf(a.actor_id)), nominationId: nominationOf(r), choice: c });
    }
  // 5. Audit rows: an entry by a voter that says what they chose.
  for (const a of voteAudits) {
    const c = choiceOf(a);
    if (c) guesses.push({ attack: "audit", voter: String(voterOf(a.actor_id)), nominationId: nominationOf(a), choice: c });
  }
  return guesses;
}

/** What the voter really chose on a nominee. */
const truth = (voter: string, nominationId: number) => CHOICES[voter as (typeof VOTERS)[number]]?.[nom.indexOf(nominationId)];
/** The attacks' guesses, each marked right or wrong (on failure, the message shows how well they did). */
const linked = (all: Row[]) => attacks(all).map((g) => ({ ...g, right: truth(g.voter, g.nominationId) === g.choice }));

beforeAll(async () => {
  t = await createTestApp({}, { logStream: { write: (line: string) => void log.push(line) } });
  t.clock.set("2024-12-20T03:00:00Z");
  const office = await t.as("noivu.vinhlong");
  const plan = (await office.post("/api/plans", { issuerUnitId: await t.unitId("VL-TPVL"), template: "003-vinh-long-2024.yaml" })).body;
  await office.post(`/api/plans/${plan.id}/launch`, { version: plan.version });
  planId = plan.id;
  await office.post(`/api/plans/${planId}/participants/sync`);
  const parts = (await office.get(`/api/plans/${planId}/participants?group=tap-the`)).body.items;
  for (const u of (await (await t.as("admin")).get("/api/users")).body.items) uid[u.username] = u.id;
  for (const name of ["Phường 1", "Phường 2", "Phường 3", "Phường 4"]) {
    const participantId = parts.find((p: { name: string }) => p.name === name).id;
    const [n] = await t.database.db
      .insert(nominations)
      .values({ planId, awardFormId: "giay-khen-tp", participantId, proposedByUnitId: await t.unitId("VL-TPVL"), status: "accepted" })
      .returning();
    nom.push(n.id);
  }
  for (const v of VOTERS) clients[v] = v === "noivu.vinhlong" ? office : await t.as(v);
  const created = await office.post(`/api/plans/${planId}/council-sessions`, {
    title: "Phiên họp kiểm chứng phiếu kín",
    heldOn: "2024-12-20",
    chairUserId: uid["chutich.vinhlong"],
    secretaryUserId: uid["thuky.vinhlong"],
    memberUserIds: VOTERS.map((v) => uid[v]),
  });
  sessionId = created.body.id;
  const s = (await office.request("PUT", `/api/council-sessions/${sessionId}/agenda`, { nominationIds: nom })).body;
  const opened = await office.post(`/api/council-sessions/${sessionId}/open`, { version: s.version, present: VOTERS.map((v) => uid[v]) });
  expect(opened.status).toBe(200);
}, 120_000);
afterAll(() => t.close());

describe("a secret vote leaves nothing that links a member to a choice", () => {
  const sealedSeen: string[] = [];
  let before: Record<string, number>;

  it("while the vote is open, each vote rewrites one sealed urn and writes a receipt; no dump in between tells what anyone chose", async () => {
    before = await sequences();
    for (const v of VOTERS) {
      const from = log.length;
      const res = await clients[v].post(`/api/council-sessions/${sessionId}/ballots`, {
        choices: nom.map((nominationId, i) => ({ nominationId, choice: CHOICES[v][i] })),
      });
      expect(res.status).toBe(204);
      const line = log
        .slice(from)
        .map((l) => JSON.parse(l))
        .find((l) => l.req?.url === `/api/council-sessions/${sessionId}/ballots`);
      voteRequestIds[v] = line.reqId;
      // A snapshot after each vote: an administrator watching the vote from one vote to the next.
      const all = await everyRow();
      expect(linked(all)).toEqual([]);
      expect(perBallotRows(all)).toEqual([]);
      expect(all.filter((r) => r.__table === "ballot_counts" && Number(r.session_id) === sessionId)).toEqual([]);
      const urns = all.filter((r) => r.__table === "ballot_urns" && Number(r.session_id) === sessionId);
      expect(urns).toHaveLength(1);
      sealedSeen.push(String(urns[0].sealed));
    }
    // Sealed afresh each time (a new random IV), always the same length: successive urns cannot be compared.
    expect(new Set(sealedSeen).size).toBe(sealedSeen.length);
    expect(new Set(sealedSeen.map((s) => s.length)).size).toBe(1);
    for (const s of sealedSeen) expect(Buffer.from(s.split(".")[3], "base64").toString("latin1")).not.toMatch(CHOICE_WORDS);
    // No sequence moved for a choice: the only ids the vote took are the audit entries' (which hold no choice).
    const after = await sequences();
    const moved = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(moved).toEqual(["audit_log_id_seq"]);
  });

  it("after the close, the counts are written at once by the closing transaction, one row per nominee, and add up", async () => {
    const closed = await clients["thuky.vinhlong"].post(`/api/council-sessions/${sessionId}/close`);
    expect(closed.body.status).toBe("closed");
    const all = await everyRow();
    expect(linked(all)).toEqual([]);
    expect(perBallotRows(all)).toEqual([]);
    expect(all.filter((r) => r.__table === "ballot_urns")).toEqual([]);
    const counts = all.filter((r) => r.__table === "ballot_counts" && Number(r.session_id) === sessionId);
    expect(counts).toHaveLength(nom.length);
    expect(Object.keys(counts[0]).sort()).toEqual(["__ctid", "__table", "__xmin", "abstain", "approve", "nomination_id", "reject", "session_id"]);
    const closeAudit = all.find((r) => r.__table === "audit_log" && r.action === "council.close");
    expect(new Set(counts.map((c) => c.__xmin))).toEqual(new Set([closeAudit?.__xmin]));
    const receiptXmins = new Set(all.filter((r) => r.__table === "ballot_receipts").map((r) => r.__xmin));
    expect(receiptXmins.has(String(closeAudit?.__xmin))).toBe(false);
    // Receipts: exactly who voted on what, five per nominee.
    expect(all.filter((r) => r.__table === "ballot_receipts" && Number(r.session_id) === sessionId)).toHaveLength(VOTERS.length * nom.length);
    for (const [i, n] of nom.entries()) {
      const c = counts.find((x) => Number(x.nomination_id) === n) as Row;
      const expected = { approve: 0, reject: 0, abstain: 0 };
      for (const v of VOTERS) expected[CHOICES[v][i]] += 1;
      expect({ approve: c.approve, reject: c.reject, abstain: c.abstain }).toEqual(expected);
    }
    const results = (await clients["thuky.vinhlong"].get(`/api/council-sessions/${sessionId}/results`)).body.items;
    expect(results.map((r: { approve: number }) => r.approve)).toEqual([3, 3, 2, 3]);
  });

  it("the app's log names the vote request, never a choice or a nominee, and every member's vote request logs alike", () => {
    const all = log.join("\n");
    expect(all).not.toMatch(CHOICE_WORDS);
    const shapes = VOTERS.map((v) =>
      log
        .map((l) => JSON.parse(l))
        .filter((l) => l.reqId === voteRequestIds[v])
        .map(({ time, reqId, responseTime, hostname, pid, req, ...rest }) => ({ ...rest, url: req?.url, method: req?.method, remotePort: undefined }))
        .map((l) => JSON.stringify(l)),
    );
    for (const s of shapes) {
      expect(s.length).toBeGreaterThan(0);
      expect(s).toEqual(shapes[0]);
      for (const line of s) {
        expect(line).not.toMatch(/nomination|choice/i);
        expect(JSON.parse(line).url ?? `/api/council-sessions/${sessionId}/ballots`).toBe(`/api/council-sessions/${sessionId}/ballots`);
      }
    }
  });

  it("the audit trail says who voted and on how many nominees, in words that hold no choice", async () => {
    const audit = (await (await t.as("admin")).get(`/api/audit?entity=council_session&entityId=${sessionId}&action=council.vote`)).body.items;
    expect(audit).toHaveLength(VOTERS.length);
    for (const a of audit) expect(a.summary).toMatch(/đã bỏ phiếu kín cho 4 hồ sơ$/);
  });

  it.runIf(!!process.env.DATABASE_URL)("a pg_dump of the database links no member to a choice", async () => {
    const [{ db }] = await rows(sql`select current_database() as db`);
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${db}`;
    const dump = execFileSync("/usr/bin/pg_dump", ["--no-owner", url.toString()], {
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
    // COPY blocks: table → rows in dump (storage) order.
    const tables = new Map<string, { columns: string[]; rows: string[][] }>();
    for (const m of dump.matchAll(/^COPY public\.(\w+) \(([^)]*)\) FROM stdin;\n([\s\S]*?)^\\\.$/gm))
      tables.set(m[1], {
        columns: m[2].split(", ").map((c) => c.replace(/"/g, "")),
        rows: m[3]
          .split("\n")
          .filter(Boolean)
          .map((l) => l.split("\t")),
      });
    expect(tables.has("ballots")).toBe(false);
    expect(tables.get("ballot_urns")?.rows ?? []).toEqual([]);
    // Nothing in the dump holds a choice word next to this session, save the plan's own text.
    for (const [name, table] of tables) {
      if (name === "plans" || name === "plan_versions") continue;
      for (const r of table.rows) if (r.some((c) => c === String(sessionId)) || name.startsWith("ballot")) expect(r.join("\t")).not.toMatch(CHOICE_WORDS);
    }
    // The same attacks on the dump, storage order standing in for ctid (the dump has no xmin).
    const dumped: Row[] = [...tables].flatMap(([name, table]) =>
      table.rows.map((r, i) => ({ ...Object.fromEntries(table.columns.map((c, k) => [c, r[k]])), __table: name, __xmin: "", __ctid: `(0,${i + 1})` }) as Row),
    );
    expect(linked(dumped)).toEqual([]);
    expect(perBallotRows(dumped)).toEqual([]);
    // The counts: one line per nominee, nothing per voter, in the agenda's order.
    const counts = tables.get("ballot_counts") as { columns: string[]; rows: string[][] };
    expect(counts.columns).toEqual(["session_id", "nomination_id", "approve", "reject", "abstain"]);
    expect(counts.rows.filter((r) => r[0] === String(sessionId)).map((r) => Number(r[1]))).toEqual(nom);
    expect((tables.get("ballot_receipts") as { rows: string[][] }).rows.filter((r) => r[0] === String(sessionId))).toHaveLength(VOTERS.length * nom.length);
  });
});

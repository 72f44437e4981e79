import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  auditHash,
  auditKeyId,
  auditMac,
  type ChainRow,
  canonicalJson,
  checkHead,
  checkpointIsAuthentic,
  GENESIS_HASH,
  parseCheckpoint,
  signCheckpoint,
  verifyChain,
} from "./audit-chain.js";

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = {
      at: new Date(Date.UTC(2026, 0, i)).toISOString(),
      actorId: i,
      actorName: `Người ${i}`,
      action: "unit.update",
      entity: "unit",
      entityId: String(i),
      unitId: i,
      summary: `Sửa ${i}`,
      before: { name: `A${i}` },
      after: { name: `B${i}`, tags: [i] },
    };
    const hash = auditHash(prev, content);
    rows.push({ id: i, ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe("canonicalJson", () => {
  it("is independent of key order, as jsonb storage reorders keys", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });
});

describe("verifyChain", () => {
  it("accepts an untouched chain", () => {
    expect(verifyChain(chain(10))).toEqual({ ok: true, checked: 10 });
  });

  it("finds any single edited field of any row", () => {
    const fields = ["actorName", "action", "entityId", "summary", "at"] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.constantFrom(...fields), (i, field) => {
        const rows = chain(8);
        (rows[i] as unknown as Record<string, unknown>)[field] = `${rows[i][field]}!`;
        const v = verifyChain(rows);
        expect(v).toMatchObject({ ok: false, brokenAt: i + 1 });
      }),
    );
  });

  it("finds a deleted row (the next one no longer links) and a reordered pair", () => {
    const rows = chain(6);
    expect(verifyChain([...rows.slice(0, 2), ...rows.slice(3)])).toMatchObject({ ok: false, brokenAt: 4 });
    const swapped = chain(6);
    [swapped[2], swapped[3]] = [swapped[3], swapped[2]];
    expect(verifyChain(swapped)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it("finds an edit hidden inside before/after values", () => {
    const rows = chain(3);
    rows[1].after = { name: "B2", tags: [99] };
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});

const KEY = Buffer.alloc(32, 7);

/** A chain as the writer stores it: each row MAC'd under KEY. */
function signedChain(n: number): ChainRow[] {
  return chain(n).map((r) => ({ ...r, mac: auditMac(KEY, r.id, r.hash) }));
}

/** What someone with database access but no key can do: change a row, then recompute its hash and all after it. */
function rewriteAndRehash(rows: ChainRow[], index: number, change: (r: ChainRow) => void): ChainRow[] {
  const out = rows.map((r) => ({ ...r }));
  change(out[index]);
  let prev = index === 0 ? GENESIS_HASH : out[index - 1].hash;
  for (let i = index; i < out.length; i++) {
    out[i].prevHash = prev;
    out[i].hash = auditHash(prev, out[i]);
    prev = out[i].hash;
  }
  return out;
}

describe("verifyChain with the MAC key", () => {
  it("accepts an untouched signed chain, and names the link's previous row when one is missing", () => {
    expect(verifyChain(signedChain(6), GENESIS_HASH, KEY)).toEqual({ ok: true, checked: 6 });
    const rows = signedChain(6);
    const v = verifyChain([...rows.slice(0, 2), ...rows.slice(3)], GENESIS_HASH, KEY);
    expect(v).toMatchObject({ ok: false, brokenAt: 4 });
    expect(!v.ok && v.reason).toContain("#2");
  });

  it("finds a rewritten row whose hash and every following hash were recomputed (the chain alone cannot)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.string({ minLength: 1, maxLength: 20 }), (i, text) => {
        const rows = rewriteAndRehash(signedChain(8), i, (r) => {
          r.summary = `${r.summary}${text}`;
        });
        expect(verifyChain(rows)).toEqual({ ok: true, checked: 8 });
        const v = verifyChain(rows, GENESIS_HASH, KEY);
        expect(v).toMatchObject({ ok: false, brokenAt: i + 1, checked: i });
        expect(!v.ok && v.reason).toContain("MAC");
      }),
    );
  });

  it("finds an appended row with no MAC, a made-up MAC, or a MAC copied from another row", () => {
    const rows = signedChain(4);
    const last = rows[3];
    const content = { ...last, id: 5, summary: "chèn thêm", prevHash: last.hash };
    const hash = auditHash(last.hash, content);
    for (const mac of [null, "ab".repeat(32), rows[0].mac, auditMac(Buffer.alloc(32, 8), 5, hash)]) {
      const v = verifyChain([...rows, { ...content, hash, mac }], GENESIS_HASH, KEY);
      expect(v).toMatchObject({ ok: false, brokenAt: 5, checked: 4 });
    }
  });

  it("binds the MAC to the row's id", () => {
    expect(auditMac(KEY, 1, "a".repeat(64))).not.toBe(auditMac(KEY, 2, "a".repeat(64)));
    expect(auditKeyId(KEY)).not.toBe(auditKeyId(Buffer.alloc(32, 8)));
    expect(auditKeyId(KEY)).not.toContain(KEY.toString("hex").slice(0, 8));
  });
});

describe("checkpoints", () => {
  const cp = { id: 10, hash: "c".repeat(64), count: 9, at: "2026-12-05T17:30:00.000Z", keyId: auditKeyId(KEY) };

  it("are signed: any changed field, or another key, fails; they survive a JSON round trip", () => {
    const signed = signCheckpoint(KEY, cp);
    const stored = parseCheckpoint(JSON.stringify(signed));
    expect(stored && checkpointIsAuthentic(KEY, stored)).toBe(true);
    expect(checkpointIsAuthentic(Buffer.alloc(32, 8), signed)).toBe(false);
    for (const change of [{ id: 11 }, { count: 8 }, { hash: "d".repeat(64) }, { at: "2026-12-06T00:00:00.000Z" }]) {
      expect(checkpointIsAuthentic(KEY, { ...signed, ...change })).toBe(false);
    }
    expect(parseCheckpoint("not json")).toBeNull();
    expect(parseCheckpoint(JSON.stringify({ ...signed, id: "10" }))).toBeNull();
  });

  it("find the head gone (the newest rows deleted), rewritten, or a different count before it", () => {
    expect(checkHead(cp, { hash: cp.hash, count: 9, lastId: 12, total: 11 })).toEqual({ ok: true, checked: 11 });
    const gone = checkHead(cp, { hash: null, count: 8, lastId: 9, total: 8 });
    expect(gone).toMatchObject({ ok: false, brokenAt: 10 });
    expect(!gone.ok && gone.reason).toContain("06/12/2026 00:30");
    expect(!gone.ok && gone.reason).toContain("mục cuối là #9");
    expect(checkHead(cp, { hash: "d".repeat(64), count: 9, lastId: 10, total: 9 })).toMatchObject({ ok: false, brokenAt: 10 });
    expect(checkHead(cp, { hash: cp.hash, count: 8, lastId: 10, total: 8 })).toMatchObject({ ok: false, brokenAt: 10 });
  });
});

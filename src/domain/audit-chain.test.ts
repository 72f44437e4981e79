import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditHash, type ChainRow, canonicalJson, GENESIS_HASH, verifyChain } from "./audit-chain.js";

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

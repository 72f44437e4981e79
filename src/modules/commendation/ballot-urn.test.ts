import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Counts } from "../../domain/commendation/ballot.js";
import { AppError } from "../../http/errors.js";
import { ballotMasterKey, openUrn, sealUrn } from "./ballot-urn.js";

const counts = new Map<number, Counts>([
  [4, { approve: 3, reject: 1, abstain: 0 }],
  [9, { approve: 0, reject: 2, abstain: 2 }],
]);

describe("the sealed urn", () => {
  const key = randomBytes(32);
  it("opens with the key it was sealed with, for its own session only", () => {
    expect(openUrn(key, 7, sealUrn(key, 7, counts))).toEqual(counts);
    expect(() => openUrn(key, 8, sealUrn(key, 7, counts))).toThrow(AppError);
    expect(() => openUrn(randomBytes(32), 7, sealUrn(key, 7, counts))).toThrow(/khóa niêm phong của máy chủ không khớp/);
  });
  it("looks different each time it is sealed, even with the same counts, and always as long", () => {
    const a = sealUrn(key, 7, counts);
    const b = sealUrn(key, 7, counts);
    const c = sealUrn(key, 7, new Map([...counts].map(([k]) => [k, { approve: 400, reject: 300, abstain: 200 }])));
    expect(a).not.toBe(b);
    expect(new Set([a.length, b.length, c.length]).size).toBe(1);
  });
  it("refuses a urn altered in the database with a 409 that loses nothing", () => {
    const [v, iv, tag, body] = sealUrn(key, 7, counts).split(".");
    const flipped = Buffer.from(body, "base64");
    flipped[0] ^= 1;
    try {
      openUrn(key, 7, [v, iv, tag, flipped.toString("base64")].join("."));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(409);
    }
  });
  it("takes BALLOT_KEY, or makes one key file in the data folder and keeps using it", () => {
    expect(ballotMasterKey({ ballotKey: key.toString("hex"), dataDir: "/nonexistent" })).toEqual(key);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "td-ballot-"));
    const first = ballotMasterKey({ ballotKey: null, dataDir: dir });
    expect(ballotMasterKey({ ballotKey: null, dataDir: dir })).toEqual(first);
    expect(fs.statSync(path.join(dir, "ballot.key")).mode & 0o077).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(() => ballotMasterKey({ ballotKey: "ngắn quá", dataDir: dir })).toThrow(/32 byte/);
  });
});

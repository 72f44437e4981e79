// Evidence files in S3-compatible storage, exercised against a real S3-protocol server on loopback.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { verifyBackupFile } from "../src/modules/backup/restore-backup.js";
import { S3FileStore } from "../src/storage/s3-file-store.js";
import { PDF } from "./support/sample-files.js";
import { createTestApp, type TestApp } from "./support/test-app.js";

// s3rver ships no type declarations.
type S3rverServer = { run(): Promise<{ port: number }>; close(): Promise<void> };
let server: S3rverServer;
let endpoint: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "td-s3-"));
const settings = () => ({
  endpoint,
  region: "us-east-1",
  bucket: "thidua",
  accessKeyId: "S3RVER",
  secretAccessKey: "S3RVER",
  forcePathStyle: true,
  prefix: "files/",
});

beforeAll(async () => {
  const { default: S3rver } = (await import("s3rver")) as unknown as { default: new (o: object) => S3rverServer };
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "thidua" }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("S3 file store", () => {
  it("puts, gets and deletes objects under its prefix", async () => {
    const store = new S3FileStore(settings());
    const data = Buffer.from("%PDF-1.4\nminh chứng\n%%EOF\n");
    await store.put("abc123", data);
    expect((await store.get("abc123")).equals(data)).toBe(true);
    expect(fs.readdirSync(path.join(dir, "thidua"), { recursive: true }).some((f) => String(f).includes("abc123"))).toBe(true);
    await store.delete("abc123");
    await expect(store.get("abc123")).rejects.toThrow();
    await expect(store.put("../escape", data)).rejects.toThrow(/bad storage key/);
  });
});

describe("uploads through the API with STORAGE=s3", () => {
  let t: TestApp;
  afterAll(() => t?.close());
  it("stores an evidence file in the bucket and serves it back to those allowed", async () => {
    const base = await createTestApp();
    const config = { ...base.config, files: { ...base.config.files, storage: "s3" as const, s3: settings() } };
    await base.close();
    t = await createTestApp({ files: config.files });
    const focal = await t.as("daumoi.phuong1");
    const pdf = PDF;
    const form = new FormData();
    form.append("unitId", String(await t.unitId("VL-TPVL-P1")));
    form.append("file", new Blob([new Uint8Array(pdf)]), "minh-chung.pdf");
    const req = new Request("http://local/", { method: "POST", body: form });
    const up = await focal.request("POST", "/api/files", Buffer.from(await req.arrayBuffer()), {
      headers: { "content-type": req.headers.get("content-type") as string },
    });
    expect(up.status).toBe(201);
    const objects = fs.readdirSync(path.join(dir, "thidua"), { recursive: true }).map(String);
    expect(objects.some((f) => f.includes(up.body.id.replace(/-/g, "")))).toBe(true);
    const back = await focal.get(`/api/files/${up.body.id}`);
    expect(back.raw.equals(pdf)).toBe(true);
    expect((await (await t.as("daumoi.phuong2")).get(`/api/files/${up.body.id}`)).status).toBe(404);
  });
});

describe("backups with STORAGE=s3", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ files: { ...loadConfig({}).files, storage: "s3", s3: settings() } });
  }, 120_000);
  afterAll(() => t?.close());

  it("keeps a backup in the bucket and serves it back to an administrator", async () => {
    const admin = await t.as("admin");
    const taken = await admin.post("/api/system/backups");
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    const objects = fs.readdirSync(path.join(dir, "thidua"), { recursive: true }).map(String);
    expect(objects.some((f) => f.includes(taken.body.fileName.replace(".tar.gz", "")))).toBe(true);
    const archive = path.join(dir, "downloaded.tar.gz");
    fs.writeFileSync(archive, (await admin.get(`/api/system/backups/${taken.body.id}/download`)).raw);
    const manifest = await verifyBackupFile(archive);
    expect(manifest.source.storage).toBe("s3");
    expect(manifest.tables.users.rows).toBe(13);
  }, 120_000);
});

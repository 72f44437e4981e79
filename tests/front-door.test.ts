// The front door: "/" and every client route of the web app answer the app shell for anyone, signed in or not
// (the app itself sends an anonymous visitor to the sign-in page); API paths keep their JSON answers and the
// built assets are served as files.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "./support/test-app.js";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const shell = path.join(root, "web", "dist", "index.html");

describe("the front door", () => {
  let t: TestApp;
  let anonymous: Client;
  let clerk: Client;
  beforeAll(async () => {
    // `npm test` builds the web app first; a lone run of this file builds it when missing.
    if (!fs.existsSync(shell)) execFileSync(process.execPath, [path.join(root, "scripts", "ensure-web-build.mjs")], { cwd: root, stdio: "inherit" });
    t = await createTestApp();
    anonymous = await t.as();
    clerk = await t.as("noivu.vinhlong");
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  const isShell = (r: { status: number; headers: Record<string, unknown>; body: unknown }) => {
    expect(r.status).toBe(200);
    expect(String(r.headers["content-type"])).toContain("text/html");
    expect(String(r.body)).toContain('<div id="root">');
  };

  it("serves the app at / to an anonymous visitor and to a signed-in one", async () => {
    isShell(await anonymous.get("/"));
    isShell(await anonymous.get("/?utm_source=email"));
    isShell(await clerk.get("/"));
    // The shell names the current hashed assets, so browsers revalidate it on every visit.
    expect((await anonymous.get("/")).headers["cache-control"]).toBe("no-cache");
  });

  it("serves the app on a reload of a client route, signed in or not", async () => {
    for (const route of ["/dang-nhap", "/ke-hoach/3", "/phong-trao/1/ho-so/2?tab=tu-cham", "/bang-vang/1", "/khong-co-trang-nay"]) {
      isShell(await anonymous.get(route));
      isShell(await clerk.get(route));
    }
    // A path that happens to name a folder of the build is a client route too, not a refusal.
    isShell(await anonymous.get("/assets/"));
  });

  it("answers HEAD / like GET / without a body", async () => {
    const r = await anonymous.request("HEAD", "/");
    expect(r.status).toBe(200);
    expect(String(r.headers["content-type"])).toContain("text/html");
  });

  it("keeps unknown API paths a JSON 404 (401 before sign-in: an anonymous caller learns nothing of the API)", async () => {
    const signedIn = await clerk.get("/api/khong-co");
    expect(signedIn.status).toBe(404);
    expect(signedIn.headers["content-type"]).toContain("application/json");
    expect(signedIn.body).toEqual({ code: "NOT_FOUND", message: "Không có địa chỉ GET /api/khong-co." });
    const bare = await clerk.get("/api");
    expect(bare.status).toBe(404);
    expect(bare.body.code).toBe("NOT_FOUND");
    const anon = await anonymous.get("/api/khong-co");
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe("UNAUTHENTICATED");
    // The public parts of the API still answer an anonymous visitor.
    expect((await anonymous.get("/api/health")).status).toBe(200);
  });

  it("serves the built assets the shell names, cacheable for good, and a missing one as a JSON 404", async () => {
    const html = String((await anonymous.get("/")).body);
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const r = await anonymous.get(asset);
      expect(r.status, asset).toBe(200);
      expect(String(r.headers["content-type"]), asset).toMatch(/javascript|css/);
      expect(r.headers["cache-control"], asset).toBe("public, max-age=31536000, immutable");
    }
    const missing = await anonymous.get("/assets/khong-co-123.js");
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("NOT_FOUND");
  });
});

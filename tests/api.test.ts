import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("API surface", () => {
  it("answers health with the database kind", async () => {
    const res = await new Client(t.app).get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", database: process.env.DATABASE_URL ? "postgres" : "pglite" });
  });

  it("publishes an OpenAPI document listing the endpoints, and a docs page", async () => {
    const c = new Client(t.app);
    const doc = await c.get("/api/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    for (const p of ["/api/units", "/api/people", "/api/users", "/api/imports", "/api/audit", "/api/auth/login"])
      expect(Object.keys(doc.body.paths)).toContain(p);
    expect(doc.body.paths["/api/units"].post.requestBody).toBeDefined();
    const page = await c.request("GET", "/api/docs/");
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain("swagger");
  });

  it("sends security headers", async () => {
    const res = await new Client(t.app).get("/api/health");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(res.headers["content-security-policy"])).toContain("default-src 'self'");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
  });

  it("answers bad JSON, wrong types and huge bodies with 4xx in Vietnamese, never 500", async () => {
    const c = await t.as("admin");
    const badJson = await c.request("POST", "/api/units", "{nope", { headers: { "content-type": "application/json" } });
    expect(badJson.status).toBe(400);
    expect(badJson.body.message).toBe("Dữ liệu gửi lên không phải JSON hợp lệ.");
    const huge = await c.request("POST", "/api/units", JSON.stringify({ name: "x".repeat(2_000_000) }), { headers: { "content-type": "application/json" } });
    expect(huge.status).toBe(413);
    expect(huge.body.message).toContain("vượt quá dung lượng");
    const wrongId = await c.get("/api/units/abc");
    expect(wrongId.status).toBe(400);
    expect(wrongId.body.message).toContain("Mã số không hợp lệ");
    const missing = await c.get("/api/units/999999");
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe("Không tìm thấy đơn vị có mã số 999999.");
    const unknown = await c.get("/api/khong-co");
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("NOT_FOUND");
  });

  it("offers the catalogues the forms need", async () => {
    const res = await new Client(t.app).get("/api/catalog");
    expect(res.body.unitKinds.map((k: { value: string }) => k.value)).toEqual(
      expect.arrayContaining(["province", "ward", "commune", "special_zone", "vertical_agency", "press", "enterprise", "hamlet"]),
    );
    expect(res.body.personCategories.map((k: { label: string }) => k.label)).toEqual(
      expect.arrayContaining(["Cán bộ", "Công chức", "Viên chức", "Người hoạt động không chuyên trách", "Phóng viên"]),
    );
    expect(res.body.roles).toHaveLength(8);
  });
});

describe("serving the web app", () => {
  const built = fs.existsSync(path.resolve("web/dist/index.html"));
  it.skipIf(!built)("serves the app shell for page routes and a 404 for a missing asset", async () => {
    const c = new Client(t.app);
    const page = await c.request("GET", "/don-vi");
    expect(page.status).toBe(200);
    expect(String(page.headers["content-type"])).toContain("text/html");
    expect(String(page.body)).toContain('<div id="root">');
    const missing = await c.request("GET", "/assets/khong-co-12345.js");
    expect(missing.status).toBe(404);
  });
});

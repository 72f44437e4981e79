import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type OpenApiSpec, operationsOf, operationsWithoutResponseSchema, renderContractFiles, renderSpec } from "../src/contract/render-contract.js";
import { OPERATION_IDS } from "../src/http/operation-ids.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Operations whose 2xx answer has no schema yet, named one by one: the list may only shrink (a route added without a
 * schema fails, and so does a route given one while still listed here).
 */
const NOT_YET_DECLARED: string[] = [
  "POST /api/plans/{id}/try",
  "POST /api/plans/{id}/participants/sync",
  "GET /api/plans/{id}/participants",
  "GET /api/participants/{id}",
  "PUT /api/participants/{id}/registration",
  "POST /api/participants/{id}/reopen-registration",
  "POST /api/files",
  "GET /api/files/{id}",
  "POST /api/participants/{id}/reports/{milestoneId}",
  "GET /api/participants/{id}/assessment",
  "PUT /api/participants/{id}/assessment",
  "POST /api/participants/{id}/assessment/preview",
  "POST /api/participants/{id}/assessment/submit",
  "POST /api/participants/{id}/assessment/confirm",
  "GET /api/plans/{id}/assignments",
  "POST /api/plans/{id}/assignments",
  "GET /api/plans/{id}/appraisers",
  "DELETE /api/plans/{id}/assignments/{assignmentId}",
  "GET /api/appraisals/mine",
  "PUT /api/participants/{id}/appraisals/{criterionId}",
  "POST /api/plans/{id}/explanation-round",
  "PUT /api/participants/{id}/appraisals/{criterionId}/explanation",
  "GET /api/plans/{id}/ranking",
  "GET /api/plans/{id}/ranking.xlsx",
  "POST /api/plans/{id}/ranking/tie-decisions",
  "POST /api/plans/{id}/finalise",
  "GET /api/participants/{id}/initiatives",
  "POST /api/participants/{id}/initiatives",
  "GET /api/plans/{id}/initiatives",
  "PATCH /api/initiatives/{id}",
  "PATCH /api/initiatives/{id}/review",
  "GET /api/indicators",
  "POST /api/indicators",
  "GET /api/complaints",
  "POST /api/complaints",
  "PATCH /api/complaints/{id}/verify",
  "GET /api/plans/{id}/monitoring",
  "GET /api/plans/{id}/nominations",
  "POST /api/plans/{id}/nominations",
  "GET /api/nominations/{id}",
  "DELETE /api/nominations/{id}",
  "PUT /api/nominations/{id}/dossier/{componentId}",
  "DELETE /api/nominations/{id}/dossier/{componentId}",
  "POST /api/nominations/{id}/dossier/{componentId}/generate",
  "POST /api/nominations/{id}/submit",
  "POST /api/nominations/{id}/return",
  "PUT /api/nominations/{id}/opinion",
  "PUT /api/nominations/{id}/eligibility-facts",
  "GET /api/plans/{id}/award-forms/{formId}/suggestions",
  "POST /api/nominations/{id}/forward",
  "GET /api/plans/{id}/council-sessions",
  "POST /api/plans/{id}/council-sessions",
  "GET /api/council-sessions/{id}",
  "PUT /api/council-sessions/{id}/agenda",
  "POST /api/council-sessions/{id}/open",
  "POST /api/council-sessions/{id}/ballots",
  "POST /api/council-sessions/{id}/open-votes",
  "POST /api/council-sessions/{id}/close",
  "GET /api/council-sessions/{id}/results",
  "GET /api/plans/{id}/decisions",
  "POST /api/plans/{id}/decisions",
  "GET /api/decisions/{id}",
  "POST /api/decisions/{id}/issue",
  "POST /api/decisions/{id}/cancel",
  "PUT /api/decisions/{id}/signed-scan",
  "GET /api/public/plans/{id}/honour-roll",
  "GET /api/units/{id}/commendations",
  "GET /api/decisions/{id}/document",
  "GET /api/decisions/{id}/certificates",
  "GET /api/council-sessions/{id}/minutes",
  "GET /api/plans/{id}/award-forms/{formId}/proposal-memo",
  "GET /api/nominations/{id}/achievement-report",
  "GET /api/plans/{id}/council-candidates",
  "GET /api/legal-holds",
  "POST /api/legal-holds",
  "GET /api/legal-holds/{id}",
  "PATCH /api/legal-holds/{id}",
  "DELETE /api/legal-holds/{id}",
];

describe("the HTTP contract", () => {
  let spec: OpenApiSpec;
  let files: Record<string, string>;
  beforeAll(async () => {
    spec = await renderSpec();
    files = await renderContractFiles();
  }, 120_000);

  it("names every operation with its stable operationId, each once", () => {
    const ops = operationsOf(spec);
    const unnamed = ops.filter(({ op }) => !op.operationId).map(({ method, path }) => `${method} ${path}`);
    expect(unnamed, "add these to src/http/operation-ids.ts").toEqual([]);
    const ids = ops.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const routes = new Set(ops.map(({ method, path }) => `${method} ${path}`));
    expect(
      Object.keys(OPERATION_IDS).filter((key) => !routes.has(key)),
      "operation ids of routes that no longer exist",
    ).toEqual([]);
  });

  it("declares the security of every operation: the session (and the CSRF header for writes), or public", () => {
    for (const { method, path, op } of operationsOf(spec)) {
      expect(op.security, `${method} ${path}`).toBeDefined();
      if (op.security?.length) expect(op.security, `${method} ${path}`).toEqual(method === "GET" ? [{ session: [] }] : [{ session: [], csrf: [] }]);
    }
    const publicOps = operationsOf(spec).filter(({ op }) => op.security?.length === 0);
    expect(publicOps.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(
      [
        "GET /api/catalog",
        "GET /api/health",
        "GET /api/public/plans/{id}/honour-roll",
        "POST /api/auth/login",
        "POST /api/auth/login/second-factor",
        "POST /api/auth/logout",
      ].sort(),
    );
  });

  it("gives every refusal the shared error body", () => {
    for (const { method, path, op } of operationsOf(spec)) {
      expect(op.responses?.["4XX"]?.content?.["application/json"]?.schema, `${method} ${path}`).toEqual({ $ref: "#/components/schemas/Error" });
    }
  });

  it("declares the response of every operation", () => {
    const missing = operationsWithoutResponseSchema(spec);
    expect(
      missing.filter((op) => !NOT_YET_DECLARED.includes(op)),
      "give these routes a response schema",
    ).toEqual([]);
    expect(
      NOT_YET_DECLARED.filter((op) => !missing.includes(op)),
      "these now declare their response: take them off NOT_YET_DECLARED",
    ).toEqual([]);
  });

  it("matches the committed generated files (run `npm run contract` after changing a route)", () => {
    for (const [file, content] of Object.entries(files)) {
      expect(fs.readFileSync(path.join(root, file), "utf8"), `${file} is stale: run npm run contract`).toBe(content);
    }
  });
});

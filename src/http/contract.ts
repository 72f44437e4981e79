import { createJsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { OpenAPIV3 } from "openapi-types";
import { z } from "zod";
import { $ZodType } from "zod/v4/core";
import { OPERATION_IDS } from "./operation-ids.js";

/** The body of every refusal (4xx) and failure (5xx): what the web shows and what a caller can branch on. */
export const errorBody = z.object({
  code: z.string().meta({ description: "Mã lỗi máy đọc được, ví dụ VALIDATION, NOT_FOUND, VERSION_CONFLICT." }),
  message: z.string().meta({ description: "Thông báo tiếng Việt nói rõ cần sửa gì." }),
  details: z.unknown().optional().meta({ description: "Chi tiết tùy mã lỗi (ví dụ danh sách trường sai)." }),
});

/** A moment as it travels in JSON (a Date is written as its ISO string). */
export const timestamp = z.string().meta({ format: "date-time" });
/** A file answered as bytes (Word, Excel, ZIP, an uploaded evidence file), in one of the given media types. */
export const fileDownload = (contentTypes: string | string[], description: string) => ({
  200: {
    description,
    content: Object.fromEntries([contentTypes].flat().map((type) => [type, { schema: z.string().meta({ format: "binary" }) }])),
  },
});
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const CSV = "text/csv";
/** An answer without a body. */
export const noContent = { 204: z.null().meta({ description: "Không có nội dung." }) };

const CHECK_DROPPED = Boolean(process.env.VITEST || process.env.CONTRACT_STRICT);

/**
 * Serialises a response through its schema. The schemas describe the JSON on the wire (a Date is its ISO string), so
 * the payload is first written as JSON, then checked. Under tests a key the schema does not name fails the request
 * (500 naming the path) instead of vanishing silently: a schema that forgets a field is caught by any test that
 * reaches the route, not by a user whose screen lost it.
 */
export const contractSerializerCompiler =
  ({ schema, method, url }: { schema: unknown; method: string; url: string }) =>
  (data: unknown) => {
    const zodSchema = schema as z.ZodType;
    if (!(zodSchema instanceof $ZodType)) return JSON.stringify(data);
    const wire = data === undefined ? null : JSON.parse(JSON.stringify(data));
    const result = zodSchema.safeParse(wire);
    if (!result.success) {
      throw new Error(`Response of ${method} ${url} does not match its schema: ${z.prettifyError(result.error)}`);
    }
    if (CHECK_DROPPED) {
      const dropped = droppedPaths(wire, result.data, "");
      if (dropped.length) throw new Error(`Response of ${method} ${url} has keys its schema does not declare: ${dropped.slice(0, 10).join(", ")}`);
    }
    return JSON.stringify(result.data);
  };

function droppedPaths(before: unknown, after: unknown, at: string): string[] {
  if (Array.isArray(before) && Array.isArray(after)) return before.flatMap((item, i) => droppedPaths(item, after[i], `${at}[${i}]`));
  if (before && typeof before === "object" && after && typeof after === "object") {
    const out: string[] = [];
    for (const [key, value] of Object.entries(before)) {
      if (!(key in after)) out.push(`${at}.${key}`);
      else out.push(...droppedPaths(value, (after as Record<string, unknown>)[key], `${at}.${key}`));
    }
    return out;
  }
  return [];
}

const zodTransform = createJsonSchemaTransform({});
type TransformInput = Parameters<typeof zodTransform>[0] & { route: { method: string | string[]; url: string } };

/**
 * Completes each operation of the OpenAPI document: its stable operationId, its security (the session cookie and,
 * for unsafe methods, the CSRF header; none for public operations) and the shared error body for 4xx and 5xx.
 */
export const createContractTransform = (isPublic: (method: string, route: string) => boolean) => (input: TransformInput) => {
  const out = zodTransform(input) as { schema: Record<string, unknown>; url: string };
  if (out.schema?.hide) return out;
  const method = ([] as string[]).concat(input.route.method)[0].toUpperCase();
  const openApiUrl = input.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
  const operationId = OPERATION_IDS[`${method} ${openApiUrl}`];
  const unsafe = method !== "GET" && method !== "HEAD";
  const security = isPublic(method, input.url) ? [] : unsafe ? [{ session: [], csrf: [] }] : [{ session: [] }];
  const hasNoContent = Boolean((out.schema.response as Record<string, unknown> | undefined)?.["204"]);
  const error = { description: "Lỗi: `{code, message, details?}`", $ref: "#/components/schemas/Error" };
  return {
    ...out,
    schema: {
      ...out.schema,
      ...(operationId ? { operationId } : {}),
      security,
      response: {
        ...(out.schema.response as object | undefined),
        ...(hasNoContent ? { 204: { description: "Không có nội dung." } } : {}),
        "4XX": error,
        "5XX": error,
      },
    },
  };
};

/** Adds the shared error body (and any schema registered with an id) to the document's components. */
export const contractTransformObject = (document: { openapiObject?: unknown } | { swaggerObject: unknown }) => {
  const withRegistry = jsonSchemaTransformObject(document as Parameters<typeof jsonSchemaTransformObject>[0]) as OpenAPIV3.Document;
  const { $schema: _ignored, ...errorSchema } = z.toJSONSchema(errorBody, { target: "openapi-3.0" }) as Record<string, unknown>;
  const components = withRegistry.components ?? {};
  return { ...withRegistry, components: { ...components, schemas: { ...components.schemas, Error: errorSchema as OpenAPIV3.SchemaObject } } };
};

// The web's view of the HTTP contract: types generated from the OpenAPI document (web/src/api/schema.d.ts, written by
// `npm run contract`), named by operationId. Never copy a response type by hand: take it from here.
import type { operations } from "./schema";

type JsonOf<R> = R extends { content: { "application/json": infer T } } ? T : never;

/** The JSON body an operation answers with the given status (200 by default). */
export type ResponseOf<Op extends keyof operations, Status extends keyof operations[Op]["responses"] = 200 & keyof operations[Op]["responses"]> = JsonOf<
  operations[Op]["responses"][Status]
>;

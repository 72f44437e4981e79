// Writes the HTTP contract from the real app: docs/openapi.json, docs/api.md and web/src/api/schema.d.ts.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderContractFiles } from "../src/contract/render-contract.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const files = await renderContractFiles();
for (const [file, content] of Object.entries(files)) {
  fs.writeFileSync(path.join(root, file), content);
  console.log(`wrote ${file}`);
}

// npm run schema: writes the JSON Schema documents generated from the zod schemas.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { jsonSchemaFiles } from "./json-schemas.js";

for (const [path, document] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(resolve(process.cwd(), path), JSON.stringify(document, null, 2) + "\n");
  process.stdout.write(`wrote ${path}\n`);
}

// Build step: writes the editor schemas for course files (src/domain/authoring/jsonSchemas.ts) to
// dist/schemas/, where package.json's yamlValidation and jsonValidation point. esbuild.mjs leaves
// that folder alone; this step replaces it whole, so a renamed schema leaves no stale file behind.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildJsonSchemas, jsonSchemaFiles } from '../src/domain/authoring/jsonSchemas';
import type { JsonSchemaName } from '../src/domain/authoring/jsonSchemas';

const dir = path.join(__dirname, '..', 'dist', 'schemas');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const written: string[] = [];
for (const [name, schema] of Object.entries(buildJsonSchemas()) as [JsonSchemaName, unknown][]) {
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  writeFileSync(path.join(dir, jsonSchemaFiles[name]), text);
  written.push(`${jsonSchemaFiles[name]} (${Math.round(Buffer.byteLength(text) / 1024)} KB)`);
}
console.log(`dist/schemas: ${written.join(', ')}`);

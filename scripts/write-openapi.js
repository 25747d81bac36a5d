// Writes the explorer API's OpenAPI document (generated from the routes' zod schemas) to a file,
// for Redocly's lint and for readers: node scripts/write-openapi.js [out.json]
import { writeFileSync } from 'node:fs';
import { API_ROUTES } from '../dist/server/app.js';
import { openApiDocument } from '../dist/server/openapi.js';

const out = process.argv[2] ?? 'schema/openapi.json';
writeFileSync(out, `${JSON.stringify(openApiDocument(API_ROUTES), null, 2)}\n`);
process.stdout.write(`wrote ${out}\n`);

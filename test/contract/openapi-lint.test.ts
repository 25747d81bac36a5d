/**
 * Redocly's recommended lint over the OpenAPI document the server serves (written from the
 * routes in this tree, not from a build), so a route or schema that breaks the document fails
 * the suite. `npm run lint:openapi` does the same from the command line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { API_ROUTES } from '../../src/server/app.js';
import { openApiDocument } from '../../src/server/openapi.js';

const redocly = join(
  createRequire(import.meta.url).resolve('@redocly/cli/package.json'),
  '..',
  'bin',
  'cli.js',
);

it('the OpenAPI document passes Redocly lint (recommended rules)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hailsham-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(openApiDocument(API_ROUTES), null, 2));
    const r = spawnSync(process.execPath, [redocly, 'lint', file, '--format=summary'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const out = `${r.stdout}${r.stderr}`;
    expect(out, out).toMatch(/Your API description is valid/);
    expect(r.status, out).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

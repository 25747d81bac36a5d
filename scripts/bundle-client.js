#!/usr/bin/env node
/**
 * Bundles the explorer's browser code (src/web/client/app.ts and everything it imports,
 * Observable Plot and the d3 modules included) into one minified ES module,
 * dist/web/client/app.js, with its source map beside it. `npm run build` runs this after `tsc`,
 * which type-checks the client but no longer emits it. The output folder is emptied first so
 * that no module of an older build is left to be served.
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/web/client');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/web/client/app.ts'],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'eof',
  logLevel: 'warning',
  metafile: true,
});
const bytes = statSync(join(out, 'app.js')).size;
const inputs = Object.keys(result.metafile.inputs).length;
console.log(
  `bundled the explorer: dist/web/client/app.js, ${Math.round(bytes / 1024)} KiB from ${inputs} modules`,
);

#!/usr/bin/env node
// The `hailsham` command: runs the compiled CLI (npm install builds it into dist/).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    'hailsham: the program is not built yet; run `npm install` (or `npm run build`) first\n',
  );
  process.exit(1);
}
// A closed pipe (`hailsham stats w.db | head`) ends the output quietly, as other tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { runCli } = await import(main.href);
process.exitCode = await runCli(process.argv.slice(2));

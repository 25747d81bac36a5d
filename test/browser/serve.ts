/**
 * What the browser tests share: `hailsham serve` (the built binary) started on worlds and
 * stopped, Chromium with the flags a container needs, and a watch on a page that records any
 * console error, uncaught exception, failed request or error status.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const haveChromium = existsSync(CHROMIUM);

/**
 * Starts `hailsham serve` with the given arguments on a free port and resolves with its address
 * once it listens.
 * @example const s = await serveExplorer([world, '--compare', other]); …; s.stop()
 */
export async function serveExplorer(args: string[]): Promise<{ base: string; stop: () => void }> {
  if (!existsSync('dist/web/client/app.js'))
    throw new Error('the explorer is not built: run `npm run build` first (npm test does)');
  const server = spawn(process.execPath, ['bin/hailsham.js', 'serve', ...args, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hailsham serve did not start: ${out}`)), 30_000);
    server.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    server.stderr.on('data', (d: Buffer) => (out += d.toString()));
    server.on('exit', (code) => reject(new Error(`hailsham serve exited with ${code}: ${out}`)));
  });
  return { base, stop: () => server.kill('SIGTERM') };
}

/** Records on `problems` everything that should fail a test. */
export function watchProblems(page: Page, problems: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  // A request the browser gave up because the reader moved on (a lazy picture) is no fault.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
}

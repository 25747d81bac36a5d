/**
 * Time to the first answer of `hailsham serve`: starts the explorer on a world, asks for
 * /api/world every 20 ms from the moment the process is spawned, and times the first answer,
 * then the first answers of the overview (the home page's figures) and of a page of people.
 * With --cold the page cache is dropped first (`sync; echo 3 > /proc/sys/vm/drop_caches`,
 * which needs root), so the file is read from disk as after a reboot.
 *
 *   node bench/serve-cold.js /tmp/england.db [--cold] [--runs N]
 *
 * Prints `name: value` lines (seconds, medians over the runs).
 */
import { spawn, execSync } from 'node:child_process';
import { createServer } from 'node:net';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: node bench/serve-cold.js WORLD.db [--cold] [--runs N]');
  process.exit(2);
}
const cold = args.includes('--cold');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Asks for `path` until it answers; resolves with the seconds since `t0` and the status. */
async function firstAnswer(port, path, t0, deadline = 300_000) {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      await res.arrayBuffer();
      return { seconds: (performance.now() - t0) / 1000, status: res.status };
    } catch {
      if (performance.now() - t0 > deadline) throw new Error(`no answer from ${path} in ${deadline} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

async function once() {
  if (cold) execSync('sync; echo 3 > /proc/sys/vm/drop_caches', { shell: '/bin/sh' });
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/hailsham.js', 'serve', file, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  let checked = null;
  child.stderr.on('data', (d) => (err += d.toString()));
  child.stdout.on('data', (d) => {
    if (/checked/i.test(d.toString()) && checked === null) checked = (performance.now() - t0) / 1000;
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const world = await firstAnswer(port, '/api/world', t0);
    const overview = await firstAnswer(port, '/api/overview', t0);
    const people = await firstAnswer(port, '/api/people?limit=50', t0);
    // Wait for the full check to finish (it prints a line), at most two minutes.
    const until = performance.now() + 120_000;
    while (checked === null && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
    return { world, overview, people, checked };
  } finally {
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0 && code !== null && err) console.error(err.trim());
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const results = [];
for (let i = 0; i < runs; i++) results.push(await once());
const label = cold ? 'cold' : 'warm';
const f = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(2));
console.log(`world: ${file}`);
console.log(`runs: ${runs}`);
console.log(`${label}_first_answer_s: ${f(median(results.map((r) => r.world.seconds)))}`);
console.log(`${label}_first_answer_status: ${results.map((r) => r.world.status).join(',')}`);
console.log(`${label}_overview_s: ${f(median(results.map((r) => r.overview.seconds)))}`);
console.log(`${label}_people_page_s: ${f(median(results.map((r) => r.people.seconds)))}`);
const checks = results.map((r) => r.checked).filter((x) => x !== null);
console.log(`${label}_integrity_checked_s: ${checks.length ? f(median(checks)) : 'n/a'}`);
console.log(`${label}_first_answer_each_s: ${results.map((r) => f(r.world.seconds)).join(' ')}`);

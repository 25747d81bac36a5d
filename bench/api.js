// @ts-check
/**
 * `node bench/api.js [world.db]`: the explorer's API latency and first page load on a world
 * (by default /tmp/england.db, the world of examples/england.yaml). Starts the built server on
 * a free loopback port in this process, sends each kind of request over HTTP with keep-alive,
 * one at a time, and prints `name: value` lines: p50 and p95 in milliseconds for a person, a
 * search (a name's first letters, with and without filters) and the overview, and for the
 * other endpoints the explorer leans on; then the time to the overview's first full render in
 * Chromium (cold, then warm). Options: --requests N per kind (default 200), --seed N.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { yearOf } from '../dist/engine/calendar.js';
import { openWorld } from '../dist/store/reader.js';
import { startServer } from '../dist/server/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { requests: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' } },
});
const file = positionals[0] ?? '/tmp/england.db';
const n = Math.max(10, Number(values.requests));
let state = Number(values.seed) >>> 0 || 1;
/** A small deterministic generator, so every run asks for the same things. */
const rand = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;

const t0 = performance.now();
const world = openWorld(file);
const server = await startServer(world, { port: 0 });
const startSeconds = (performance.now() - t0) / 1000;
const base = server.url.replace(/\/$/, '');

/** @param {number[]} xs @param {number} q */
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

/** Times each path in turn; fails loudly on anything but 200. @param {string[]} paths */
async function time(paths) {
  const out = [];
  for (const path of paths) {
    const start = performance.now();
    const res = await fetch(base + path);
    await res.arrayBuffer();
    out.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`bench/api: ${path} answered ${res.status}`);
  }
  return out;
}

const people = world.meta.people;
const maxId = world.get('SELECT max(id) AS m FROM people').m;
const ids = Array.from({ length: n }, () => Math.floor(rand() * (maxId + 1)));
const names = ids.map((id) => world.person(id)?.name ?? 'Kathy H.');
const events = world.meta.events;
const places = world.places();
const startYear = yearOf(world.meta.startDay);
const endYear = yearOf(world.meta.endDay);
const year = () => startYear + Math.floor(rand() * (endYear - startYear + 1));
const phases = ['student', 'resident', 'carer', 'donor'];
const pick = (/** @type {any[]} */ xs) => xs[Math.floor(rand() * xs.length)];

const kinds = {
  person: ids.map((id) => `/api/people/${id}`),
  search: names.map((name, i) => `/api/people?name=${encodeURIComponent(name.slice(0, 2 + (i % 3)))}`),
  search_filtered: names.map(
    (name, i) =>
      `/api/people?${i % 2 ? `name=${encodeURIComponent(name.slice(0, 3))}&` : ''}phase=${pick(phases)}&on=${year()}-07-01`,
  ),
  overview: Array.from({ length: n }, () => '/api/overview'),
  world: Array.from({ length: n }, () => '/api/world'),
  snapshot: Array.from(
    { length: n },
    () => `/api/snapshot?date=${year()}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-01`,
  ),
  event: Array.from({ length: n }, () => `/api/events/${1 + Math.floor(rand() * events)}`),
  events_by_type: Array.from(
    { length: n },
    () => `/api/events?type=${pick(['donated', 'completed', 'carer_assigned'])}&from=${year()}`,
  ),
  place: Array.from({ length: n }, () => `/api/places/${pick(places).id}`),
};

console.log(`world: ${file} (${people} people, ${events} events)`);
console.log(`server_start_s: ${startSeconds.toFixed(1)}`);
await time(kinds.person.slice(0, 10));
for (const [name, paths] of Object.entries(kinds)) {
  const ms = await time(paths);
  console.log(`${name}_p50_ms: ${quantile(ms, 0.5).toFixed(1)}`);
  console.log(`${name}_p95_ms: ${quantile(ms, 0.95).toFixed(1)}`);
}

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.log('first_page_load_ms: skipped (no /usr/bin/chromium)');
} else {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    for (const label of ['cold', 'warm']) {
      const context = label === 'cold' ? await browser.newContext() : undefined;
      const page = context ? await context.newPage() : await browser.newPage();
      if (label === 'warm')
        await page.goto(`${base}/`).then(() => page.waitForSelector('main[data-ready="1"]'));
      const start = performance.now();
      await page.goto(`${base}/`);
      await page.waitForSelector('main[data-ready="1"]', { timeout: 60_000 });
      const ms = performance.now() - start;
      console.log(`first_page_load_${label}_ms: ${ms.toFixed(0)}`);
      await page.close();
      await context?.close();
    }
  } finally {
    await browser.close();
  }
}
await server.close();
world.close();

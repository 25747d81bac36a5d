// @ts-check
/**
 * `node bench/load.js [world.db]`: the explorer under load. Starts `hailsham serve <world>
 * --port 0 --host 127.0.0.1` as a child process (loopback only), reads the address it prints,
 * and drives autocannon at full throughput (no rate limit) for 60 seconds over a mix of real API
 * addresses: the world and its overview, people searched by the first letters of a name, person
 * pages and their events, lists of events by type and year, single events, places, and the
 * snapshot of a date. People, events and places are drawn from the world itself with a seeded
 * generator, so every run asks for the same addresses. Then it stops the server and prints
 * `name: value` lines: requests, errors (non-2xx answers, socket errors and timeouts apart),
 * requests per second, and latency p50/p95/p99/max in milliseconds, overall and per kind.
 * Exits 1 if there was any error, if the server failed or if the time limit was passed.
 *
 * Options: --seconds N (default 60), --connections N (default 16), --seed N (default 1),
 * --paths N (addresses in the mix, default 20,000). The world defaults to /tmp/canon.db.
 * Run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { yearOf } from '../dist/engine/calendar.js';
import { openWorld } from '../dist/store/reader.js';

/**
 * The part of autocannon's programmatic API used here (it ships no types).
 * @typedef {{ kind?: number, path?: string }} Context
 * @typedef {{ duration: number, errors: number, timeouts: number }} Result
 * @typedef {Promise<Result> & {
 *   on(event: 'response', listener: (client: { requestIterator?: { context?: Context } }, status: number, bytes: number, ms: number) => void): void,
 *   stop(): void,
 * }} Instance
 * @typedef {{ method: string, path?: string }} Request
 * @typedef {{
 *   url: string, connections: number, pipelining: number, duration: number, timeout: number,
 *   requests: {
 *     method: string,
 *     setupRequest: (req: Request, context: Context) => Request,
 *     onResponse: (status: number, body: string, context: Context) => void,
 *   }[],
 * }} Options
 */
const autocannon = /** @type {(options: Options) => Instance} */ (
  createRequire(import.meta.url)('autocannon')
);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '16' },
    seed: { type: 'string', default: '1' },
    paths: { type: 'string', default: '20000' },
  },
});
const file = positionals[0] ?? '/tmp/canon.db';
const seconds = Math.max(1, Number(values.seconds));
const connections = Math.max(1, Number(values.connections));
const pathCount = Math.max(100, Number(values.paths));
if (!Number.isFinite(seconds) || !Number.isFinite(connections) || !Number.isFinite(pathCount)) {
  console.error('bench/load: --seconds, --connections and --paths take numbers');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`bench/load: ${file} does not exist; make it with hailsham run (see the README)`);
  process.exit(2);
}
/** Time allowed for the server to open the world (a national world takes some seconds). */
const START_LIMIT_MS = 120_000;
/** Time allowed for the server to stop once asked. */
const STOP_LIMIT_MS = 10_000;

// ---- The addresses: drawn from the world with a seeded LCG, never Math.random. ----

let state = Number(values.seed) >>> 0 || 1;
const rand = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
/** @template T @param {readonly T[]} xs @returns {T} */
const pick = (xs) => /** @type {T} */ (xs[Math.floor(rand() * xs.length)]);

const world = openWorld(file);
/** @type {number[]} */
const personIds = /** @type {number[]} */ (
  world.db.prepare('SELECT id FROM people ORDER BY id').pluck().all()
);
/** @type {number[]} */
const placeIds = world.places().map((p) => p.id);
const eventRange = /** @type {{ a: number, b: number }} */ (
  world.get('SELECT min(id) AS a, max(id) AS b FROM events')
);
const nameOf = world.db.prepare('SELECT name FROM people WHERE id = ?').pluck();
const startYear = yearOf(world.meta.startDay);
const endYear = yearOf(world.meta.endDay);
const year = () => startYear + Math.floor(rand() * (endYear - startYear + 1));
const date = () => `${year()}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-01`;
const person = () => pick(personIds);
const TYPES = ['donated', 'completed', 'carer_assigned', 'became_donor', 'became_resident'];

/** Kinds of request, each with its share of the mix and a maker of one address. */
const KINDS = /** @type {const} */ ({
  world: { weight: 1, make: () => '/api/world' },
  overview: { weight: 2, make: () => '/api/overview' },
  search: {
    weight: 4,
    make: () => {
      const name = /** @type {string} */ (nameOf.get(person()) ?? 'Kathy H.');
      return `/api/people?name=${encodeURIComponent(name.slice(0, 2 + Math.floor(rand() * 3)))}`;
    },
  },
  person: { weight: 6, make: () => `/api/people/${person()}` },
  person_events: { weight: 2, make: () => `/api/people/${person()}/events` },
  events: { weight: 3, make: () => `/api/events?type=${pick(TYPES)}&from=${date()}&limit=50` },
  event: {
    weight: 3,
    make: () => `/api/events/${eventRange.a + Math.floor(rand() * (eventRange.b - eventRange.a + 1))}`,
  },
  place: { weight: 2, make: () => `/api/places/${pick(placeIds)}` },
  snapshot: { weight: 1, make: () => `/api/snapshot?date=${date()}` },
});
const kindNames = /** @type {(keyof typeof KINDS)[]} */ (Object.keys(KINDS));
const totalWeight = kindNames.reduce((s, k) => s + KINDS[k].weight, 0);
/** @type {{ kind: number, path: string }[]} */
const mix = [];
for (let i = 0; i < pathCount; i++) {
  let r = rand() * totalWeight;
  let k = 0;
  while (r >= KINDS[/** @type {keyof typeof KINDS} */ (kindNames[k])].weight) {
    r -= KINDS[/** @type {keyof typeof KINDS} */ (kindNames[k])].weight;
    k++;
  }
  mix.push({ kind: k, path: KINDS[/** @type {keyof typeof KINDS} */ (kindNames[k])].make() });
}
const people = world.meta.people;
const events = world.meta.events;
world.close();

// ---- The server: a child process on loopback, bounded in time. ----

const bin = fileURLToPath(new URL('../bin/hailsham.js', import.meta.url));
const t0 = performance.now();
const server = spawn(process.execPath, [bin, 'serve', file, '--port', '0', '--host', '127.0.0.1'], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverErr = '';
let serverExited = false;
/** @type {number | null} */
let serverCode = null;
server.stderr.on('data', (d) => (serverErr += d.toString()));
const exited = new Promise((resolve) =>
  server.on('exit', (code, signal) => {
    serverExited = true;
    serverCode = code ?? (signal ? 128 : -1);
    resolve(undefined);
  }),
);

/** Stops the server: SIGTERM, then SIGKILL if it lingers. */
async function stopServer() {
  if (serverExited) return;
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), STOP_LIMIT_MS);
  await exited;
  clearTimeout(timer);
}

/** @param {string} message */
async function fail(message) {
  console.error(`bench/load: ${message}`);
  if (serverErr) console.error(serverErr.trim().split('\n').slice(0, 20).join('\n'));
  await stopServer();
  process.exit(1);
}

// Whatever happens, the whole run ends: startup, the load, and the stop.
const watchdog = setTimeout(
  () => {
    console.error('bench/load: time limit passed; stopping');
    server.kill('SIGKILL');
    process.exit(1);
  },
  START_LIMIT_MS + seconds * 1000 + 60_000,
);
watchdog.unref();

const url = await new Promise((resolve) => {
  let out = '';
  const timer = setTimeout(() => resolve(null), START_LIMIT_MS);
  server.stdout.on('data', (d) => {
    out += d.toString();
    const m = /http:\/\/[^\s]+/.exec(out);
    if (m) {
      clearTimeout(timer);
      resolve(m[0]);
    }
  });
  void exited.then(() => resolve(null));
});
if (!url) await fail(`the server did not start (exit code ${serverCode ?? 'none'})`);
const target = new URL(/** @type {string} */ (url));
if (target.hostname !== '127.0.0.1') await fail(`the server listens on ${target.hostname}, not loopback`);
const startSeconds = (performance.now() - t0) / 1000;

/** CPU seconds the server has used (Linux /proc; null elsewhere), to tell its cost from a busy machine. */
function serverCpuSeconds() {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
const cpuBefore = serverCpuSeconds();

// ---- The load. ----

/** Response times in milliseconds, kept whole so the quantiles are exact. */
class Samples {
  constructor() {
    /** @type {Float64Array} */
    this.values = new Float64Array(1 << 12);
    this.count = 0;
  }
  /** @param {number} ms */
  add(ms) {
    if (this.count === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.count++] = ms;
  }
  /** The q-quantile (nearest rank); sorts the samples in place. @param {number} q */
  quantile(q) {
    if (this.count === 0) return 0;
    const s = this.values.subarray(0, this.count).sort();
    return s[Math.min(this.count - 1, Math.max(0, Math.ceil(q * this.count) - 1))] ?? 0;
  }
}

let next = 0;
const all = new Samples();
const byKind = kindNames.map(() => new Samples());
/** @type {Map<number, number>} */
const statuses = new Map();
/** @type {Map<string, number>} */
const non2xxPaths = new Map();

const instance = autocannon({
  url: target.origin,
  connections,
  pipelining: 1,
  duration: seconds,
  timeout: 10,
  requests: [
    {
      method: 'GET',
      setupRequest: (req, context) => {
        const m = /** @type {{ kind: number, path: string }} */ (mix[next++ % mix.length]);
        context.kind = m.kind;
        context.path = m.path;
        return { ...req, path: m.path };
      },
      onResponse: (status, _body, context) => {
        if (status < 200 || status > 299) {
          const key = `${status} ${String(context.path)}`;
          non2xxPaths.set(key, (non2xxPaths.get(key) ?? 0) + 1);
        }
      },
    },
  ],
});
// autocannon emits 'response' after the request's own onResponse and before the client builds
// its next request, so with no pipelining the client's context still names the kind answered.
instance.on('response', (client, status, _bytes, ms) => {
  all.add(ms);
  const k = client.requestIterator?.context?.kind;
  if (k !== undefined) byKind[k]?.add(ms);
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
});
const onSignal = () => instance.stop();
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);
const result = await instance;
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
const diedDuringLoad = serverExited;
const cpuAfter = serverCpuSeconds();
await stopServer();

// ---- The report. ----

let non2xx = 0;
for (const [status, count] of statuses) if (status < 200 || status > 299) non2xx += count;
const timeouts = result.timeouts;
const socketErrors = result.errors - timeouts;
const errors = non2xx + result.errors;

console.log(`world: ${file} (${people} people, ${events} events)`);
console.log(`server: ${target.origin} (started in ${startSeconds.toFixed(1)} s)`);
console.log(`connections: ${connections}`);
console.log(`seconds: ${result.duration.toFixed(1)}`);
console.log(`mix: ${kindNames.map((k) => `${k} ${KINDS[k].weight}`).join(', ')} (${mix.length} addresses)`);
const n = all.count;
console.log(`requests: ${n}`);
console.log(`errors: ${errors}`);
console.log(`errors_non2xx: ${non2xx}`);
console.log(`errors_socket: ${socketErrors}`);
console.log(`errors_timeout: ${timeouts}`);
console.log(`requests_per_s: ${(n / result.duration).toFixed(0)}`);
console.log(`latency_p50_ms: ${all.quantile(0.5).toFixed(2)}`);
console.log(`latency_p95_ms: ${all.quantile(0.95).toFixed(2)}`);
console.log(`latency_p99_ms: ${all.quantile(0.99).toFixed(2)}`);
console.log(`latency_max_ms: ${all.quantile(1).toFixed(2)}`);
if (cpuBefore !== null && cpuAfter !== null && n > 0) {
  const cpu = cpuAfter - cpuBefore;
  console.log(`server_cpu_s: ${cpu.toFixed(1)} (${((cpu / result.duration) * 100).toFixed(0)}% of one core)`);
  console.log(`server_cpu_ms_per_request: ${((cpu * 1000) / n).toFixed(2)}`);
}
kindNames.forEach((k, i) => {
  const a = /** @type {Samples} */ (byKind[i]);
  console.log(
    `${k}: ${a.count} requests, p50 ${a.quantile(0.5).toFixed(2)} ms, p95 ${a.quantile(0.95).toFixed(2)} ms, p99 ${a.quantile(0.99).toFixed(2)} ms`,
  );
});
console.log(
  `status_codes: ${[...statuses]
    .sort((a, b) => a[0] - b[0])
    .map(([s, c]) => `${s}×${c}`)
    .join(', ')}`,
);
for (const [key, count] of [...non2xxPaths].slice(0, 10)) console.log(`non2xx_example: ${key} (${count})`);
if (serverErr.trim()) console.log(`server_stderr: ${serverErr.trim().split('\n').slice(0, 10).join(' | ')}`);
if (diedDuringLoad) console.log(`server_died: exit code ${serverCode}`);
console.log(`server_stopped: ${serverExited ? 'yes' : 'no'}`);
const ok = errors === 0 && !diedDuringLoad && n > 0;
console.log(`result: ${ok ? 'ok' : 'FAILED'}`);
process.exit(ok ? 0 : 1);

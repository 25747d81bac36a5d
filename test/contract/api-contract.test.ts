/**
 * The API's contract, tested from the document itself: requests are generated from
 * /api/openapi.json (each parameter's schema, with a fixed fast-check seed), sent in-process with
 * Hono's app.request, and checked: no 5xx; every status one the document lists for the route;
 * every request the document allows (each parameter valid by its schema, checked with ajv, and
 * the address within the documented 2,048 characters) answered 2xx or a documented 404; every
 * body valid against its documented schema (ajv). The world is the canon's, compared with a
 * what-if, so the comparison routes answer too.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/load.js';
import { createApp, startServer, type ExplorerApp } from '../../src/server/index.js';
import { MAX_URL_LENGTH } from '../../src/server/limits.js';
import { openWorld, type WorldDb } from '../../src/store/reader.js';

const RUNS_PER_ROUTE = Number(process.env.CONTRACT_RUNS ?? 200);
const SEED = 20261202;
const addFormats = addFormatsImport as unknown as (a: Ajv2020) => Ajv2020;

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}
interface Operation {
  operationId: string;
  'x-dependentRequired'?: Record<string, string[]>;
  parameters: Parameter[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface Doc {
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, Schema> };
}

const dir = mkdtempSync(join(tmpdir(), 'hailsham-contract-'));
let worlds: WorldDb[] = [];
let explorer: ExplorerApp;
let doc: Doc;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: false }));

beforeAll(async () => {
  for (const [file, out] of [
    ['examples/canon.yaml', 'canon.db'],
    ['examples/whatif/canon-deferrals-granted.yaml', 'whatif.db'],
  ] as const)
    runScenario(loadScenario(file), { out: join(dir, out) });
  worlds = [openWorld(join(dir, 'canon.db')), openWorld(join(dir, 'whatif.db'))];
  explorer = createApp(worlds[0]!, { compare: worlds[1]!, onError: () => {} });
  doc = (await (await explorer.app.request('/api/openapi.json')).json()) as Doc;
  ajv.addSchema({ $id: 'doc', components: doc.components });
}, 120_000);

afterAll(() => {
  for (const w of worlds) w.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The schema with its component references pointed at the registered document. */
function resolved(schema: Schema): Schema {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')) as Schema;
}

const validators = new Map<Schema, ValidateFunction>();
function validatorOf(schema: Schema): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    v = ajv.compile(resolved(schema));
    validators.set(schema, v);
  }
  return v;
}

/** A parameter's text as the schema sees it: integers as numbers, everything else as text. */
function asJson(schema: Schema, text: string): unknown {
  return schema.type === 'integer' && /^-?\d+$/.test(text) ? Number(text) : text;
}

/** Values a schema allows, found by the generator from the schema's own keywords. */
function validText(schema: Schema): fc.Arbitrary<string> {
  if (schema.type === 'integer') {
    const min = (schema.minimum as number | undefined) ?? 0;
    const max = (schema.maximum as number | undefined) ?? 2_147_483_647;
    return fc
      .oneof(
        fc.constantFrom(min, max),
        fc.integer({ min, max: Math.min(max, min + 600) }),
        fc.integer({ min, max }),
      )
      .map(String);
  }
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]));
  if (Array.isArray(schema.anyOf))
    return fc.oneof(
      ...(schema.anyOf as Schema[]).map((s) => validText({ ...schema, anyOf: undefined, ...s })),
    );
  if (typeof schema.pattern === 'string')
    return fc.stringMatching(new RegExp(schema.pattern)).filter((t) => validatorOf(schema)(t));
  return fc.string({
    minLength: (schema.minLength as number | undefined) ?? 0,
    maxLength: Math.min((schema.maxLength as number | undefined) ?? 40, 40),
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzKATHYRUTOM .'-éü".split('')),
  });
}

/** Text the schema may or may not allow: near misses, junk and extremes. */
function anyText(schema: Schema): fc.Arbitrary<string> {
  return fc.oneof(
    validText(schema),
    fc.constantFrom(
      '',
      '-1',
      '0000000000',
      '1e3',
      '12abc',
      '2147483648',
      '38874106277965920',
      '1958-02-30',
      'next tuesday',
      '1985-07-01T00:00:00Z',
      ',',
      'a,,b',
      '%00',
      '\u00e9',
    ),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -10, max: 3_000_000_000 }).map(String),
    fc.nat({ max: 3000 }).map((n) => 'x'.repeat(n)),
  );
}

interface Generated {
  path: string;
  url: string;
  valid: boolean;
}

function requestsFor(path: string, op: Operation): fc.Arbitrary<Generated> {
  const params = op.parameters;
  const entry = (p: Parameter) =>
    fc
      .tuple(fc.boolean(), fc.integer({ min: 0, max: 9 }), validText(p.schema), anyText(p.schema))
      .map(([present, dice, good, any]) => ({
        p,
        good,
        value: p.required || present ? (dice < 7 ? good : any) : undefined,
      }));
  return fc
    .tuple(
      fc.boolean(),
      fc.tuple(...params.map(entry)),
      fc.option(fc.constantFrom('bogus', 'LIMIT', 'id'), { freq: 8 }),
    )
    .map(([strict, entries, maybeExtra]) => {
      // Half the requests keep to the document; the rest may stray anywhere.
      const values = strict
        ? entries.map((e) => ({ ...e, value: e.value === undefined ? undefined : e.good }))
        : entries;
      const extra = strict ? null : maybeExtra;
      let url = path;
      const q = new URLSearchParams();
      let valid = true;
      for (const { p, value } of values) {
        if (value === undefined) continue;
        if (!validatorOf(p.schema)(asJson(p.schema, value))) valid = false;
        if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value));
        else q.append(p.name, value);
      }
      for (const [name, needs] of Object.entries(op['x-dependentRequired'] ?? {}))
        if (q.has(name) && needs.some((n) => !q.has(n))) valid = false;
      if (extra !== null && !params.some((p) => p.name === extra)) {
        q.append(extra, '1');
        valid = false;
      }
      const query = q.toString();
      url += query ? `?${query}` : '';
      if (url.length > MAX_URL_LENGTH) valid = false;
      return { path, url, valid };
    });
}

describe('the API answers as its OpenAPI document says', () => {
  it(`${RUNS_PER_ROUTE} generated requests a route, seed ${SEED}`, async () => {
    const statuses = new Map<number, number>();
    let requests = 0;
    let validRequests = 0;
    const failures: string[] = [];
    for (const [path, { get: op }] of Object.entries(doc.paths)) {
      await fc
        .assert(
          fc.asyncProperty(requestsFor(path, op), async (g) => {
            const res = await explorer.app.request(g.url);
            requests++;
            if (g.valid) validRequests++;
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const fail = (why: string) => {
              failures.push(`${op.operationId} ${g.url.slice(0, 160)} → ${res.status}: ${why}`);
              return false;
            };
            if (res.status >= 500) return fail('a server error');
            const documented = op.responses[String(res.status)];
            if (!documented) return fail('status not documented for this route');
            if (g.valid && !(res.status < 300 || res.status === 404))
              return fail(`a documented-valid request refused: ${(await res.text()).slice(0, 200)}`);
            const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
            const media = documented.content?.[type];
            if (!media) return fail(`content type ${type} not documented for ${res.status}`);
            if (type === 'application/json') {
              const body: unknown = await res.json();
              const check = validatorOf(media.schema);
              if (!check(body))
                return fail(`body does not match its schema: ${ajv.errorsText(check.errors)}`);
            } else {
              const text = await res.text();
              if (type === 'image/svg+xml' && !text.startsWith('<svg')) return fail('not an SVG document');
            }
            return true;
          }),
          { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        )
        .catch((e: unknown) => {
          failures.push(`${op.operationId}: ${String(e).split('\n').slice(0, 3).join(' ')}`);
        });
    }
    console.log(
      `API contract: ${requests} requests over ${Object.keys(doc.paths).length} routes (${validRequests} documented-valid); statuses ${[
        ...statuses,
      ]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(', ')}; failures ${failures.length}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(Object.keys(doc.paths).length * RUNS_PER_ROUTE);
  }, 600_000);

  it('headers too large get 431 with a JSON body, as documented (a real socket)', async () => {
    const running = await startServer(worlds[0]!, { port: 0 });
    try {
      const raw = await new Promise<string>((done, fail) => {
        const socket = connect(running.port, '127.0.0.1', () =>
          socket.write(`GET /api/world HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
        );
        let text = '';
        socket.on('data', (d: Buffer) => (text += d.toString()));
        socket.on('end', () => done(text));
        socket.on('error', fail);
      });
      const [head, body] = raw.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 431 /);
      expect(head).toMatch(/content-type: application\/json/i);
      const documented = doc.paths['/api/world']!.get.responses['431']!.content!['application/json']!.schema;
      const check = validatorOf(documented);
      expect(check(JSON.parse(body!)), ajv.errorsText(check.errors)).toBe(true);
      console.log(`431 over a socket: ${head!.split('\r\n')[0]} ${body}`);
    } finally {
      await running.close();
    }
  });
});

/**
 * The explorer's HTTP application: the JSON API under /api, the web app's own assets under
 * /app, and the app's page for every other address it knows. Built on Hono so tests can call
 * `app.request('/api/…')` without a socket. It only reads: every method but GET and HEAD is
 * refused, request bodies are refused, and long addresses are refused before any work.
 */
import { createHash } from 'node:crypto';
import { ADDRESS_PATTERN } from '../address/index.js';
import { Hono, type Context } from 'hono';
import { DatabaseError, HttpError } from '../errors.js';
import type { WorldDb } from '../store/reader.js';
import { SOFTWARE_VERSION } from '../version.js';
import { loadAssets, shellHtml, type Asset } from '../web/assets.js';
import { canonRoutes } from './api/canon.js';
import { caringRoutes } from './api/caring.js';
import { chronicleRoutes } from './api/chronicle.js';
import { compareRoutes, pairWorlds } from './api/compare.js';
import { eventRoutes } from './api/events.js';
import { peopleRoutes } from './api/people.js';
import { outlineRoutes } from './api/outline.js';
import { placeRoutes } from './api/places.js';
import { installStories, storyRoutes } from './api/stories.js';
import { relationshipRoutes } from './api/relationships.js';
import { workRoutes } from './api/works.js';
import { installOverview, overviewOf, worldRoutes } from './api/world.js';
import { SECOND_WORLD_BASE } from './compare.js';
import { ApiContext } from './context.js';
import { MAX_URL_LENGTH } from './limits.js';
import { openApiDocument } from './openapi.js';
import { registerRoutes, type AnyRoute } from './route.js';
import { warmInWorker, WorldDamage, type Warming } from './warm.js';
import { WorldIndex } from './world-index.js';

/** Every route of the API, in the order the OpenAPI document lists them. */
export const API_ROUTES: readonly AnyRoute[] = [
  ...worldRoutes,
  ...peopleRoutes,
  ...chronicleRoutes,
  ...caringRoutes,
  ...eventRoutes,
  ...placeRoutes,
  ...canonRoutes,
  ...storyRoutes,
  ...relationshipRoutes,
  ...outlineRoutes,
  ...workRoutes,
  ...compareRoutes,
];

export { MAX_URL_LENGTH } from './limits.js';

/** Addresses of the explorer's pages; anything else outside /api and /app is a 404 page. */
const PAGE_PATHS = [
  '/',
  '/people',
  '/places',
  '/events',
  '/time',
  '/canon',
  '/stories',
  '/compare',
  '/relationships',
  '/people/:id{[0-9]{1,10}}',
  '/people/:id{[0-9]{1,10}}/chronicle',
  '/places/:id{[0-9]{1,10}}',
  '/events/:id{[0-9]{1,10}}',
];

export interface AppOptions {
  /** Check every response against its schema before sending it (for tests). */
  checkResponses?: boolean;
  /** Hears unexpected errors (the 500s); by default they go to stderr. */
  onError?: (error: unknown, path: string) => void;
  /** A second world to compare with the first, opened read-only; served under /b. */
  compare?: WorldDb;
  /**
   * Read the people index, statistics and overview in a worker thread, then check every page
   * of the file there, instead of reading them before the first answer (warm.ts). Requests
   * that need them wait; damage found turns every later request into a 503.
   */
  background?: boolean;
}

export interface ExplorerApp {
  app: Hono;
  api: ApiContext;
  /** The second world's context, when comparing. */
  other?: ApiContext;
  /** Resolves when every request can be answered from memory (at once unless `background`). */
  ready: Promise<void>;
  /** Resolves with the seconds the full check took (0 unless `background`); rejects on damage. */
  checked: Promise<number>;
  /** Stops background work. */
  stop(): Promise<void>;
}

/** API paths answered from what the server reads before its first answer. */
const ANSWERED_COLD = new Set(['/api', '/api/world', '/api/openapi.json']);

function errorBody(status: number, message: string, field?: string) {
  return { error: { status, message, ...(field ? { field } : {}) } };
}

/**
 * Builds the explorer for a world opened with openWorld(): reads its people into memory and
 * computes its statistics once (a few seconds for a national world), then answers requests.
 * @example const { app } = createApp(openWorld('world.db')); await app.request('/api/world')
 */
export function createApp(world: WorldDb, options: AppOptions = {}): ExplorerApp {
  const api = new ApiContext(world);
  const other = options.compare ? new ApiContext(options.compare) : undefined;
  let damage: string | undefined;
  let warm = false;
  let ready: Promise<void>;
  let checked: Promise<number>;
  let sifted: Promise<unknown> = Promise.resolve();
  const warmings: Warming[] = [];
  if (options.background) {
    warmings.push(warmInWorker(world.file));
    if (other) warmings.push(warmInWorker(other.world.file));
    ready = Promise.all(warmings.map((w) => w.warm)).then(([a, b]) => {
      api.install(new WorldIndex(a!.columns), a!.stats);
      installOverview(api, a!.overview);
      if (other && b) {
        other.install(new WorldIndex(b.columns), b.stats);
        installOverview(other, b.overview);
        pairWorlds(api, other);
      }
      warm = true;
    });
    checked = Promise.all(warmings.map((w) => w.checked)).then((s) => Math.max(...s));
    sifted = Promise.all(warmings.map((w) => w.stories)).then(([a, b]) => {
      installStories(api, a!);
      if (other && b) installStories(other, b);
    });
    // Damage found by the worker closes the world; any other failure of the worker is reported
    // and the server reads what it needs itself, on first use, as it does without a worker.
    const hurt = (e: unknown) => {
      if (e instanceof WorldDamage) damage ??= e.message;
      else if (!warm) {
        onError(e, '(background reading)');
        warm = true;
      }
    };
    ready.catch(hurt);
    checked.catch(hurt);
    sifted = sifted.catch(hurt);
  } else {
    // The overview's series take a few passes over the people: done now, not on the first visit.
    overviewOf(api);
    if (other) {
      overviewOf(other);
      pairWorlds(api, other);
    }
    warm = true;
    ready = Promise.resolve();
    checked = Promise.resolve(0);
  }
  const app = new Hono();
  const assets = loadAssets();
  const nameOf = (a: ApiContext) => a.info.title ?? a.info.scenario;
  const shell = shellHtml(nameOf(api), { compare: other !== undefined });
  // Responses depend on the worlds, this build, and this process (code may change between runs).
  const worldTag = createHash('sha256')
    .update(
      `${world.meta.logSha256}\0${options.compare?.meta.logSha256 ?? ''}\0${SOFTWARE_VERSION}\0${process.pid}\0${performance.timeOrigin}`,
    )
    .digest('base64url')
    .slice(0, 16);
  const etag = `W/"${worldTag}"`;
  const onError =
    options.onError ?? ((e: unknown, path: string) => console.error(`hailsham serve: error on ${path}:`, e));

  app.use('*', async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') {
      c.header('Allow', 'GET, HEAD');
      return c.json(errorBody(405, `${method} is not allowed: the explorer only reads (GET, HEAD)`), 405);
    }
    const length = c.req.header('content-length');
    if ((length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined)
      return c.json(errorBody(413, 'request bodies are not accepted'), 413);
    const url = new URL(c.req.url);
    if (url.pathname.length + url.search.length > MAX_URL_LENGTH)
      return c.json(errorBody(414, `the address is longer than ${MAX_URL_LENGTH} characters`), 414);
    const started = performance.now();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    await next();
    c.header('Server-Timing', `app;dur=${(performance.now() - started).toFixed(2)}`);
  });

  // Until the worker has read the world, requests that need the people in memory wait for them;
  // once damage is found, no request is answered from the file.
  app.use('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    const apiPath =
      other && path.startsWith(`${SECOND_WORLD_BASE}/`) ? path.slice(SECOND_WORLD_BASE.length) : path;
    const isApi = apiPath === '/api' || apiPath.startsWith('/api/');
    const damaged = () =>
      c.json(
        errorBody(
          503,
          `the world database cannot be read: ${damage ?? 'unknown damage'}; run the scenario again`,
        ),
        503,
      );
    if (damage !== undefined && (isApi || apiPath.startsWith('/p/'))) return damaged();
    if (!warm && (apiPath.startsWith('/p/') || (isApi && !ANSWERED_COLD.has(apiPath)))) {
      try {
        await ready;
      } catch {
        return damaged();
      }
    }
    // The worker sifts the stories next: waiting is quicker than sifting here as well.
    if (apiPath === '/api/stories') {
      try {
        await sifted;
      } catch {
        return damaged();
      }
    }
    await next();
  });

  const revalidate = (c: { header: (name: string, value: string) => void }) => {
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', etag);
  };

  // The world never changes while served: a client holding this world's tag has the answer.
  const notModified = async (c: Context, next: () => Promise<void>) => {
    if (c.req.header('if-none-match') === etag) {
      revalidate(c);
      return c.body(null, 304);
    }
    await next();
  };
  app.use('/api/*', notModified);
  if (other) app.use(`${SECOND_WORLD_BASE}/api/*`, notModified);

  registerRoutes(app, API_ROUTES, api, {
    checkResponses: options.checkResponses ?? false,
    cacheHeaders: revalidate,
  });
  if (other)
    registerRoutes(app, API_ROUTES, other, {
      checkResponses: options.checkResponses ?? false,
      cacheHeaders: revalidate,
      prefix: SECOND_WORLD_BASE,
    });

  const openapi = openApiDocument(API_ROUTES);
  app.get('/api/openapi.json', (c) => {
    revalidate(c);
    return c.json(openapi);
  });
  app.get('/api', (c) => {
    revalidate(c);
    return c.json({
      openapi: '/api/openapi.json',
      endpoints: API_ROUTES.map((r) => ({ path: r.path, summary: r.summary })),
    });
  });

  const sendAsset = (c: Context, asset: Asset) => {
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, { ETag: asset.etag });
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', asset.etag);
    return c.body(asset.body);
  };

  // Assets come from a fixed table built at start; no part of the address reaches the file system.
  app.get('/app/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) return c.json(errorBody(404, `no asset '${c.req.param('name').slice(0, 80)}'`), 404);
    return sendAsset(c, asset);
  });

  const otherShell = other
    ? shellHtml(nameOf(other), { compare: true, base: SECOND_WORLD_BASE, first: nameOf(api) })
    : '';
  const page = (c: Context, status: 200 | 404, body = shell) => {
    c.header('Content-Type', 'text/html; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    return c.body(body, status);
  };

  // An address that lasts (src/address) opens the person's page in this world.
  const byAddress = (ctx: ApiContext, base: string, html: string) => (c: Context) => {
    const address = c.req.param('address') ?? '';
    const id = ADDRESS_PATTERN.test(address) ? ctx.findByAddress(address) : undefined;
    if (id === undefined) return page(c, 404, html);
    c.header('Cache-Control', 'no-cache');
    return c.redirect(`${base}/people/${id}${c.req.path.endsWith('/chronicle') ? '/chronicle' : ''}`, 302);
  };
  app.get('/p/:address', byAddress(api, '', shell));
  app.get('/p/:address/chronicle', byAddress(api, '', shell));
  if (other) {
    app.get(`${SECOND_WORLD_BASE}/p/:address`, byAddress(other, SECOND_WORLD_BASE, otherShell));
    app.get(`${SECOND_WORLD_BASE}/p/:address/chronicle`, byAddress(other, SECOND_WORLD_BASE, otherShell));
  }

  for (const path of PAGE_PATHS) app.get(path, (c) => page(c, 200));
  if (other) {
    app.get(SECOND_WORLD_BASE, (c) => page(c, 200, otherShell));
    for (const path of PAGE_PATHS)
      if (path !== '/compare') app.get(`${SECOND_WORLD_BASE}${path}`, (c) => page(c, 200, otherShell));
  }

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const apiPath =
      other && path.startsWith(`${SECOND_WORLD_BASE}/`) ? path.slice(SECOND_WORLD_BASE.length) : path;
    if (apiPath === '/api' || apiPath.startsWith('/api/'))
      return c.json(errorBody(404, `no endpoint at ${path.slice(0, 200)} (see /api/openapi.json)`), 404);
    return page(c, 404, other && path.startsWith(`${SECOND_WORLD_BASE}/`) ? otherShell : shell);
  });

  app.onError((e, c) => {
    const path = new URL(c.req.url).pathname;
    if (e instanceof HttpError) {
      const field = (e as HttpError & { field?: string }).field;
      return c.json(errorBody(e.status, e.message, field), e.status);
    }
    if (e instanceof DatabaseError) {
      onError(e, path);
      return c.json(errorBody(503, `the world database cannot be read: ${e.message}`), 503);
    }
    onError(e, path);
    return c.json(errorBody(500, 'unexpected error in the explorer (reported on the server)'), 500);
  });

  return {
    app,
    api,
    other,
    ready,
    checked,
    stop: async () => {
      await Promise.all(warmings.map((w) => w.stop()));
    },
  };
}

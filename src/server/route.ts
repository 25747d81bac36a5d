/**
 * A route of the API declared once: its path, its parameters and its response as zod schemas,
 * and a handler that receives the parsed parameters. The same declaration registers the route
 * with Hono, validates what arrives, and becomes an operation of the OpenAPI document, so the
 * documentation cannot drift from the code.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { HttpError } from '../errors.js';
import type { ApiContext } from './context.js';

/** A path parameter or query schema: an object of string-typed fields. */
export type ParamsSchema = z.ZodObject;

export interface RouteDef<P extends ParamsSchema, Q extends ParamsSchema, R extends z.ZodType> {
  /** OpenAPI-style path, e.g. `/api/people/{id}`. */
  path: string;
  /** Hono path when it cannot be derived from `path` (a parameter with a suffix). */
  honoPath?: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  /** What a successful response holds: a JSON schema or, for pictures, a string. */
  response: R;
  mediaType?: 'application/json' | 'image/svg+xml';
  /** Other forms the route answers in when asked (its handler then returns a RawBody). */
  alternatives?: Partial<Record<'text/html', string>>;
  /**
   * Query parameters that need others (`place` needs `year`): stated in the OpenAPI document as
   * `x-dependentRequired`, the JSON Schema keyword of the same meaning, since OpenAPI has no
   * word for it among parameters.
   */
  dependentRequired?: Record<string, readonly string[]>;
  /** Statuses besides 200 and 400 this route may answer, with what they mean. */
  errors?: Partial<Record<404, string>>;
  handler(input: {
    params: z.output<P>;
    query: z.output<Q>;
    api: ApiContext;
    url: URL;
  }): z.input<R> | RawBody;
}

/**
 * A response that is not JSON (a chronicle as an HTML page), returned by a handler in place of
 * its JSON answer; sent as it is, with its own content type and security policy.
 */
export class RawBody {
  constructor(
    readonly type: 'text/html; charset=utf-8',
    readonly text: string,
    readonly policy?: string,
  ) {}
}

/** Any route, for lists of them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any>;

/**
 * Declares a route; an identity function that lets TypeScript infer the handler's types.
 * @example defineRoute({ path: '/api/world', operationId: 'world', summary: '…', tag: 'world', response: WorldInfo, handler: ({ api }) => api.worldInfo() })
 */
export function defineRoute<P extends ParamsSchema, Q extends ParamsSchema, R extends z.ZodType>(
  def: RouteDef<P, Q, R>,
): RouteDef<P, Q, R> {
  return def;
}

/**
 * The query string of the next page: the request's own parameters with `changes` applied
 * (a null removes one).
 * @example nextPage(url, { offset: '50' }) // 'name=kat&offset=50'
 */
export function nextPage(url: URL, changes: Record<string, string | null>): string {
  const q = new URLSearchParams(url.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) q.delete(k);
    else q.set(k, v);
  }
  return q.toString();
}

/** Turns zod's complaint about a parameter into a 400 that names the parameter. */
function badParameter(where: 'query' | 'path', error: z.ZodError, raw: Record<string, string>): HttpError {
  const issue = error.issues[0]!;
  let field = typeof issue.path[0] === 'string' ? issue.path[0] : '';
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    field = issue.keys[0] ?? '';
    message = 'is not a parameter of this endpoint (see /api/openapi.json)';
  } else if (issue.code === 'invalid_type' && raw[field] === undefined) {
    message = 'is required';
  }
  const found = raw[field];
  const shown =
    found !== undefined && found.length <= 40 && issue.code !== 'unrecognized_keys'
      ? ` (found '${found}')`
      : '';
  const e = new HttpError(400, `${where} parameter '${field}': ${message}${shown}`);
  return Object.assign(e, { field });
}

function parseWith<S extends ParamsSchema>(
  schema: S | undefined,
  raw: Record<string, string>,
  where: 'query' | 'path',
): z.output<S> {
  if (!schema) {
    const extra = Object.keys(raw)[0];
    if (extra !== undefined) {
      throw Object.assign(
        new HttpError(
          400,
          `${where} parameter '${extra}': is not a parameter of this endpoint (see /api/openapi.json)`,
        ),
        { field: extra },
      );
    }
    return {} as z.output<S>;
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw badParameter(where, r.error, raw);
  return r.data;
}

/** The query string as one value per name; a repeated name's values are joined with commas. */
function queryOf(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) out[k] = out[k] === undefined ? v : `${out[k]},${v}`;
  return out;
}

/** Converts `/api/people/{id}` to Hono's `/api/people/:id`. */
export function honoPathOf(route: AnyRoute): string {
  return route.honoPath ?? route.path.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * Registers routes with a Hono app. With `checkResponses`, every response is checked against
 * its schema before it is sent (the tests turn this on); `prefix` mounts them elsewhere (the
 * second world of a comparison answers under /b).
 */
export function registerRoutes(
  app: Hono,
  routes: readonly AnyRoute[],
  api: ApiContext,
  options: { checkResponses: boolean; cacheHeaders: (c: Context) => void; prefix?: string },
): void {
  for (const route of routes) {
    app.get(`${options.prefix ?? ''}${honoPathOf(route)}`, (c) => {
      const url = new URL(c.req.url);
      const input = {
        params: parseWith(
          route.params as ParamsSchema | undefined,
          c.req.param() as Record<string, string>,
          'path',
        ) as unknown,
        query: parseWith(route.query as ParamsSchema | undefined, queryOf(url), 'query') as unknown,
        api,
        url,
      };
      // The route's own types were checked where it was declared; here every route is alike.
      const body = (route.handler as (i: typeof input) => unknown)(input);
      options.cacheHeaders(c);
      if (body instanceof RawBody) {
        c.header('Content-Type', body.type);
        if (body.policy) c.header('Content-Security-Policy', body.policy);
        return c.body(body.text);
      }
      if (route.mediaType === 'image/svg+xml') {
        c.header('Content-Type', 'image/svg+xml; charset=utf-8');
        return c.body(body as string);
      }
      if (options.checkResponses) {
        const r = (route.response as z.ZodType).safeParse(body);
        if (!r.success) {
          throw new Error(
            `response of ${route.operationId} does not match its schema: ${JSON.stringify(r.error.issues.slice(0, 3))}`,
          );
        }
      }
      return c.json(body as object);
    });
  }
}

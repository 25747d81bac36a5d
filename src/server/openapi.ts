/**
 * The OpenAPI 3.1 document of the API, generated from the routes' zod schemas (zod 4's
 * `z.toJSONSchema`), so what the server documents is what it checks and returns. Schemas with
 * an id (`.meta({ id })`) become shared components.
 */
import { z } from 'zod';
import { SOFTWARE_VERSION } from '../version.js';
import type { AnyRoute } from './route.js';
import { ApiError } from '../api/schemas.js';
import { MAX_HEADER_BYTES, MAX_URL_LENGTH } from './limits.js';

type JsonSchema = Record<string, unknown>;

/** Statuses any route may answer, whatever its parameters. */
const COMMON_ERRORS = {
  414: `the address (path and query) is longer than ${MAX_URL_LENGTH} characters`,
  431: `the request's headers are larger than ${MAX_HEADER_BYTES} bytes`,
  503: 'the world database cannot be read (damaged, or gone from under the server)',
} as const;

/** Converts a schema, moving its named parts into `components` and pointing at them there. */
function convert(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Record<string, JsonSchema>,
): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  const text = JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/');
  const out = JSON.parse(text) as JsonSchema & { $defs?: Record<string, JsonSchema>; $schema?: string };
  for (const [name, def] of Object.entries(out.$defs ?? {})) components[name] = def;
  delete out.$defs;
  delete out.$schema;
  for (const def of Object.values(components)) collapseAnything(def);
  collapseAnything(out);
  // A schema that is itself a component is referred to rather than repeated.
  const id = (schema.meta() as { id?: string } | undefined)?.id;
  if (id && !out.$ref) {
    components[id] = out;
    return { $ref: `#/components/schemas/${id}` };
  }
  return out;
}

/**
 * `anyOf` with an empty schema among its branches allows anything (zod writes `unknown` made
 * nullable so); it is said plainly as `{}` so linters and readers need not work it out.
 */
function collapseAnything(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) collapseAnything(n);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as JsonSchema;
  if (
    Array.isArray(o.anyOf) &&
    (o.anyOf as unknown[]).some((b) => b !== null && typeof b === 'object' && Object.keys(b).length === 0)
  )
    delete o.anyOf;
  for (const v of Object.values(o)) collapseAnything(v);
}

/** What each group of routes is about, for the document's tags. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  world: "the world as a whole: its scenario, overview figures and a day's snapshot",
  people: 'lives: lists with filters, one person, their events',
  events: 'the log of everything that happened, filtered and paginated',
  places: 'schools, homes, residences, recovery centres and landmarks',
  canon: "the novel's storyline as pinned in a canon scenario",
  works: "students' works of art, drawn as SVG",
  compare: 'two worlds run on the same random streams, side by side',
};

function parametersOf(
  schema: z.ZodObject | undefined,
  where: 'path' | 'query',
  components: Record<string, JsonSchema>,
): JsonSchema[] {
  if (!schema) return [];
  const json = convert(schema, 'input', components) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    // An integer parameter's digits pattern is zod's way of reading the text; the type and
    // range say it to the reader.
    if (rest.type === 'integer') delete rest.pattern;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/**
 * Builds the OpenAPI document for a list of routes.
 * @example openApiDocument(ROUTES).paths['/api/people/{id}'].get.operationId // 'getPerson'
 */
export function openApiDocument(routes: readonly AnyRoute[]): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const errorRef = convert(ApiError, 'output', components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const responses: Record<string, unknown> = {
      200: {
        description: 'OK',
        content: {
          [r.mediaType ?? 'application/json']: {
            schema: convert(r.response as z.ZodType, 'output', components),
          },
        },
      },
      400: {
        description: 'a parameter is malformed or unknown; the message and `field` name it',
        content: { 'application/json': { schema: errorRef } },
      },
    };
    for (const [type, description] of Object.entries(r.alternatives ?? {}))
      (responses[200] as { content: Record<string, unknown> }).content[type] = {
        schema: { type: 'string', description },
      };
    for (const [status, description] of Object.entries({ ...(r.errors ?? {}), ...COMMON_ERRORS }))
      responses[status] = { description, content: { 'application/json': { schema: errorRef } } };
    paths[r.path] = {
      get: {
        operationId: r.operationId,
        summary: r.summary,
        ...(r.description ? { description: r.description } : {}),
        tags: [r.tag],
        parameters: [
          ...parametersOf(r.params as z.ZodObject | undefined, 'path', components),
          ...parametersOf(r.query as z.ZodObject | undefined, 'query', components),
        ],
        ...(r.dependentRequired ? { 'x-dependentRequired': r.dependentRequired } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hailsham explorer API',
      version: SOFTWARE_VERSION,
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Read-only JSON over one simulated world: its people, places, events and figures. Days are counted from 1900-01-01; dates are YYYY-MM-DD. Lists are paginated; a malformed parameter gets 400 naming it, an unknown id 404, an address longer than 2,048 characters 414, headers larger than 16 KB 431, each with a JSON body.',
    },
    servers: [{ url: '/' }],
    // The explorer reads one world on this machine; nothing asks who is asking.
    security: [],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({
      name,
      description: TAG_DESCRIPTIONS[name] ?? `the ${name} routes`,
    })),
    paths,
    components: { schemas: components },
  };
}

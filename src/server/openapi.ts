/**
 * The OpenAPI 3.1 document of the API, generated from the routes' zod schemas (zod 4's
 * `z.toJSONSchema`), so what the server documents is what it checks and returns. Schemas with
 * an id (`.meta({ id })`) become shared components.
 */
import { z } from 'zod';
import { SOFTWARE_VERSION } from '../version.js';
import type { AnyRoute } from './route.js';
import { ApiError } from '../api/schemas.js';

type JsonSchema = Record<string, unknown>;

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
  // A schema that is itself a component is referred to rather than repeated.
  const id = (schema.meta() as { id?: string } | undefined)?.id;
  if (id && !out.$ref) {
    components[id] = out;
    return { $ref: `#/components/schemas/${id}` };
  }
  return out;
}

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
    delete rest.pattern;
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
    for (const [status, description] of Object.entries(r.errors ?? {}))
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
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hailsham explorer API',
      version: SOFTWARE_VERSION,
      description:
        'Read-only JSON over one simulated world: its people, places, events and figures. Days are counted from 1900-01-01; dates are YYYY-MM-DD. Lists are paginated; a malformed parameter gets 400 naming it, an unknown id 404.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: { schemas: components },
  };
}

/**
 * Students' works as pictures: each row of a world's `works` table drawn by the art renderer
 * (src/art), the same bytes every time for the same world.
 */
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { ART_STYLES, type ArtMedium, type ArtStyle } from '../../art/picture.js';
import { renderArtwork } from '../../art/render.js';
import type { ApiContext } from '../context.js';
import { idParam } from '../params.js';
import { defineRoute } from '../route.js';
import { num, pick, quoteIdent, str, type Row } from '../side-tables.js';

const MEDIA: readonly ArtMedium[] = ['picture', 'poem', 'sculpture'];

/** The spec of a work, from its row in the `works` table, read by column name with neutral defaults. */
function artworkSvg(api: ApiContext, id: number): string | null {
  const t = api.sideTable('works');
  if (!t || !t.columns.some((c) => c.name === 'id')) return null;
  const r = api.world.get<Row>(`SELECT * FROM ${quoteIdent(t.name)} WHERE id = ?`, id);
  if (!r) return null;
  const n = (names: string[], fallback: number) => {
    const v = pick(r, names);
    return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
  };
  const makerCol = t.columns.find((c) => c.role === 'person');
  const maker = makerCol ? num(r[makerCol.name]) : null;
  const makerRow = maker !== null ? api.world.person(maker) : undefined;
  const dayCol = t.columns.find((c) => c.role === 'day');
  const day = dayCol ? num(r[dayCol.name]) : null;
  const medium = str(r.medium);
  const style = str(r.style);
  return renderArtwork({
    id,
    seed: api.world.meta.seed,
    medium: MEDIA.includes(medium as ArtMedium) ? (medium as ArtMedium) : 'picture',
    style: ART_STYLES.includes(style as ArtStyle) ? (style as ArtStyle) : 'animals',
    skill: n(['skill'], 0.5),
    originality: n(['originality'], 0.5),
    temperament: n(['temperament'], 0.5),
    hue: n(['hue'], 30),
    makerAge:
      makerRow && day !== null
        ? Math.max(3, Math.floor((day - makerRow.born) / 365.2425))
        : n(['maker_age', 'age'], 12),
    title: str(pick(r, ['title', 'name'])) ?? `Work ${id}`,
    maker: makerRow?.name ?? '',
  });
}

/** Drawing a work takes some milliseconds; a Gallery wall asks for dozens at once, and again on return. */
const CACHE_SIZE = 256;
const caches = new WeakMap<ApiContext, Map<number, string | null>>();

/** A work's picture from a small least-recently-used cache. */
function cached(api: ApiContext, id: number): string | null {
  let cache = caches.get(api);
  if (!cache) caches.set(api, (cache = new Map<number, string | null>()));
  const hit = cache.get(id);
  if (hit !== undefined) {
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const svg = artworkSvg(api, id);
  cache.set(id, svg);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return svg;
}

export const workRoutes = [
  defineRoute({
    path: '/api/works/{id}.svg',
    honoPath: '/api/works/:id{[0-9]+\\.svg}',
    operationId: 'getWorkPicture',
    tag: 'works',
    summary: "A student's work drawn as SVG, the same every time",
    params: z.strictObject({
      id: z
        .string()
        .transform((s) => s.replace(/\.svg$/, ''))
        .pipe(idParam)
        .meta({ type: 'integer', minimum: 0, description: 'the work id' }),
    }),
    response: z.string().meta({ description: 'an SVG document' }),
    mediaType: 'image/svg+xml',
    errors: { 404: 'no work has this id, or the world records no works' },
    handler: ({ api, params }) => {
      if (!api.sideTable('works')) throw new HttpError(404, 'this world records no works of art');
      const svg = cached(api, params.id);
      if (svg === null) throw new HttpError(404, `no work has the id ${params.id}`);
      return svg;
    },
  }),
];

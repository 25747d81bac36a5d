/// <reference lib="dom" />
/**
 * The explorer's calls to the JSON API, typed by the API's response schemas in src/api/
 * (imported as types only, so no zod reaches the browser). The world's description is
 * fetched once and kept.
 */
import { within } from './base.js';
import type { PlacesList, WorldInfo } from '../../api/schemas.js';

export type {
  Canon,
  CarerRoutes,
  Cell,
  ChronicleView,
  CompareSide,
  Comparison,
  DivergedLife,
  DivergedPage,
  EventDetail,
  EventsPage,
  EventView,
  LabelPart,
  Overview,
  PeoplePage,
  PersonDetail,
  PersonSummary,
  PlaceDetail,
  PlacesList,
  PlaceSummary,
  Ref,
  Route,
  RoutesMap,
  Section,
  Snapshot,
  WorldInfo,
} from '../../api/schemas.js';

/** A response other than 200, with the API's message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * GETs an API path and returns its JSON.
 * @example const world = await get<WorldInfo>('/api/world')
 */
export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(within(path), { signal, headers: { Accept: 'application/json' } });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiFailure(res.status, message);
  }
  return (await res.json()) as T;
}

let world: Promise<WorldInfo> | undefined;
let places: Promise<PlacesList> | undefined;

/** The world's description, fetched once. */
export function worldInfo(): Promise<WorldInfo> {
  world ??= get<WorldInfo>('/api/world');
  return world;
}

/** Every place, fetched once. */
export function allPlaces(): Promise<PlacesList> {
  places ??= get<PlacesList>('/api/places');
  return places;
}

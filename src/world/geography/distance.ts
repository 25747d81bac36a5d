/**
 * Distances between places and points scattered around them. `greatCircleKm` is the haversine
 * distance on a sphere of the IUGG mean Earth radius (6371.0088 km). `roadKm` approximates the
 * distance by road as the great-circle distance times a detour factor of 1.25: studies of
 * circuity (the ratio of network to straight-line distance) in Great Britain and other
 * developed road networks put the average between about 1.2 and 1.3, and 1.25 is the figure
 * commonly used for British journeys. It is an average, not a route: short hops in hill
 * country or around estuaries are worse, long motorway runs better. The world uses it to
 * judge travel time between a carer's donors, not to plan routes. `placeAround` scatters a
 * generated institution a few kilometres from its town with draws passed in, so the module
 * holds no randomness of its own.
 */

import { ENGLAND_BOUNDS, insideEngland } from './england-outline.js';

/** A point in WGS84 degrees. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** Mean Earth radius (IUGG), in km. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Ratio of road distance to great-circle distance assumed for British journeys. */
export const ROAD_DETOUR_FACTOR = 1.25;

const RAD = Math.PI / 180;

/**
 * Great-circle (haversine) distance between two points, in km, unrounded.
 *
 * @example
 * greatCircleKm({ lat: 51.128, lon: 1.313 }, { lat: 52.931, lon: 1.302 }) // ≈ 200.5
 */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  // min() guards asin against rounding just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Approximate road distance in km: the great-circle distance times {@link ROAD_DETOUR_FACTOR},
 * rounded to 0.1 km. Symmetric, and zero for a point and itself.
 *
 * @example
 * roadKm({ lat: 51.128, lon: 1.313 }, { lat: 52.931, lon: 1.302 }) // 250.6
 */
export function roadKm(a: LatLon, b: LatLon): number {
  return Math.round(greatCircleKm(a, b) * ROAD_DETOUR_FACTOR * 10) / 10;
}

/**
 * Index of the point nearest to `target` by great-circle distance. Ties go to the lowest index,
 * so the answer never depends on anything but the order of `points`.
 *
 * @throws RangeError when `points` is empty.
 * @example
 * nearest([{ lat: 52.931, lon: 1.302 }, { lat: 51.128, lon: 1.313 }], { lat: 51.2, lon: 1.2 }) // 1
 */
export function nearest(points: readonly LatLon[], target: LatLon): number {
  if (points.length === 0) throw new RangeError('nearest: points is empty, so no point is nearest');
  let best = 0;
  let bestKm = Infinity;
  points.forEach((p, i) => {
    const km = greatCircleKm(p, target);
    if (km < bestKm) {
      best = i;
      bestKm = km;
    }
  });
  return best;
}

/** The point `km` from `from` along the initial bearing `bearingRad` (clockwise from north). */
function destination(from: LatLon, km: number, bearingRad: number): LatLon {
  const delta = km / EARTH_RADIUS_KM;
  const lat1 = from.lat * RAD;
  const lon1 = from.lon * RAD;
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(delta) + Math.cos(lat1) * Math.sin(delta) * Math.cos(bearingRad),
  );
  const lon2 =
    lon1 +
    Math.atan2(
      Math.sin(bearingRad) * Math.sin(delta) * Math.cos(lat1),
      Math.cos(delta) - Math.sin(lat1) * Math.sin(lat2),
    );
  return { lat: lat2 / RAD, lon: lon2 / RAD };
}

function clampToBounds(p: LatLon): LatLon {
  const { minLat, maxLat, minLon, maxLon } = ENGLAND_BOUNDS;
  return {
    lat: Math.min(maxLat, Math.max(minLat, p.lat)),
    lon: Math.min(maxLon, Math.max(minLon, p.lon)),
  };
}

function checkDraw(name: string, u: number): void {
  if (!(u >= 0 && u < 1))
    throw new RangeError(`placeAround: ${name} must be a uniform draw in [0, 1), got ${u}`);
}

/**
 * A point scattered around `town`, uniformly over a disc of radius `k` km, from two uniform
 * draws: `u1` picks the distance (as `k·√u1`, so the density is even over the disc's area) and
 * `u2` the bearing. If the point falls outside England's outline (into the sea off a coastal
 * town, say) the offset is halved until it lands inside, up to eight times; after that the
 * town's own position is used. The result is always clamped to {@link ENGLAND_BOUNDS}. The
 * same inputs always give the same point.
 *
 * @throws RangeError when `k` is negative or not finite, or a draw lies outside [0, 1).
 * @example
 * placeAround({ lat: 52.63, lon: 1.297 }, 5, 0.25, 0.5) // 2.5 km due south of Norwich
 */
export function placeAround(town: LatLon, k: number, u1: number, u2: number): LatLon {
  if (!(Number.isFinite(k) && k >= 0)) {
    throw new RangeError(`placeAround: radius k must be a finite number of km >= 0, got ${k}`);
  }
  checkDraw('u1', u1);
  checkDraw('u2', u2);
  const bearing = 2 * Math.PI * u2;
  let km = k * Math.sqrt(u1);
  for (let attempt = 0; attempt <= 8 && km > 0; attempt++, km /= 2) {
    const p = destination(town, km, bearing);
    if (insideEngland(p.lat, p.lon)) return clampToBounds(p);
  }
  return clampToBounds(town);
}

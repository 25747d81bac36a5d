/**
 * A simplified outline of England for the explorer's map and for keeping generated places on
 * land: the coast from the Tweed round to the Solway, the Welsh border along the Wye, Offa's
 * Dyke and the Dee, and the Scottish border over the Cheviots, as one polygon of 242 points,
 * plus the Isle of Wight (10 points). The points were traced by hand from known
 * headlands, estuary mouths and border villages, to about a kilometre or two: enough to draw a
 * recognisable country and to test whether a point is on land, not for navigation. Smaller
 * islands (Scilly, Lindisfarne, Walney, Sheppey's inlets) are left out or merged with the
 * mainland. Points are `[lon, lat]` in WGS84 degrees, the order GeoJSON and SVG's x, y use;
 * the table is exempt from the formatter so that it keeps several points to a line.
 */

/** A closed ring of `[lon, lat]` points; the last point joins back to the first. */
export type Ring = readonly (readonly [number, number])[];

/** The box every place in the world must lie in: England with Scilly, in WGS84 degrees. */
export const ENGLAND_BOUNDS = { minLat: 49.8, maxLat: 55.9, minLon: -6.5, maxLon: 1.9 } as const;

/** England's outline as a list of polygons: the mainland first, then the Isle of Wight. */
// prettier-ignore
export const ENGLAND_OUTLINE: readonly (readonly [number, number])[][] = [
  // The mainland, clockwise from the Scottish border on the east coast.
  [
    // The North Sea coast from the Scottish border to Essex.
    [-2.035, 55.811], [-1.9, 55.69], [-1.71, 55.61], [-1.62, 55.53], [-1.59, 55.46], [-1.61, 55.39],
    [-1.5, 55.18], [-1.5, 55.12], [-1.36, 54.95], [-1.365, 54.91], [-1.28, 54.76], [-1.18, 54.695],
    [-1.15, 54.64], [-0.97, 54.585], [-0.79, 54.56], [-0.61, 54.49], [-0.44, 54.36], [-0.395, 54.28],
    [-0.285, 54.21], [-0.075, 54.116], [-0.19, 54.085], [-0.21, 53.98], [-0.09, 53.83], [0.12, 53.65],
    [0.14, 53.62], [0.105, 53.575], [-0.02, 53.66], [-0.33, 53.74], [-0.44, 53.72], [-0.57, 53.725],
    [-0.7, 53.7], [-0.44, 53.69], [-0.25, 53.65], [-0.19, 53.61], [-0.07, 53.58], [0.15, 53.48],
    [0.34, 53.22], [0.345, 53.14], [0.33, 53.1], [0.25, 53.05], [0.02, 52.95], [-0.03, 52.87],
    [0.19, 52.8], [0.36, 52.8], [0.47, 52.88], [0.49, 52.94], [0.54, 52.97], [0.95, 52.97],
    [1.3, 52.935], [1.53, 52.825], [1.69, 52.72], [1.73, 52.65], [1.76, 52.48], [1.63, 52.27],
    [1.57, 52.08], [1.29, 51.94], [1.28, 51.85], [1.16, 51.79], [0.93, 51.77], [0.9, 51.73],
    [0.94, 51.68], [0.95, 51.6],
    // The Thames estuary, Kent and the Channel coast.
    [0.8, 51.53], [0.71, 51.535], [0.48, 51.5], [0.37, 51.445], [0.5, 51.47], [0.65, 51.46],
    [0.9, 51.41], [1.02, 51.36], [1.38, 51.39], [1.445, 51.375], [1.42, 51.33], [1.36, 51.31],
    [1.405, 51.22], [1.375, 51.14], [1.18, 51.075], [1.08, 51.07], [0.99, 51.025], [0.975, 50.91],
    [0.77, 50.94], [0.58, 50.855], [0.35, 50.81], [0.245, 50.735], [0.05, 50.79], [-0.27, 50.83],
    [-0.68, 50.78], [-0.79, 50.72], [-0.88, 50.79], [-1.09, 50.78], [-1.2, 50.8], [-1.4, 50.895],
    [-1.4, 50.86], [-1.31, 50.815], [-1.36, 50.785], [-1.54, 50.75], [-1.55, 50.71], [-1.73, 50.73],
    [-1.875, 50.715], [-1.95, 50.68], [-1.96, 50.61], [-2.06, 50.575], [-2.13, 50.61], [-2.25, 50.62],
    [-2.45, 50.61], [-2.455, 50.515], [-2.5, 50.58], [-2.6, 50.66], [-2.76, 50.71],
    // Lyme Bay, Devon and Cornwall, round Land's End and up the Bristol Channel.
    [-2.94, 50.72], [-3.24, 50.68], [-3.32, 50.63], [-3.41, 50.615], [-3.45, 50.68], [-3.46, 50.58],
    [-3.49, 50.545], [-3.48, 50.46], [-3.56, 50.435], [-3.48, 50.4], [-3.57, 50.34], [-3.64, 50.22],
    [-3.72, 50.2], [-3.79, 50.21], [-3.89, 50.28], [-4.13, 50.34], [-4.22, 50.31], [-4.45, 50.35],
    [-4.64, 50.33], [-4.8, 50.22], [-5.03, 50.15], [-5.21, 49.96], [-5.32, 50.08], [-5.47, 50.125],
    [-5.535, 50.115], [-5.54, 50.08], [-5.67, 50.04], [-5.715, 50.066], [-5.71, 50.127], [-5.67, 50.16],
    [-5.48, 50.215], [-5.42, 50.19], [-5.4, 50.24], [-5.29, 50.26], [-5.09, 50.42], [-5.03, 50.55],
    [-4.94, 50.55], [-4.83, 50.595], [-4.76, 50.665], [-4.7, 50.69], [-4.55, 50.83], [-4.53, 51.02],
    [-4.4, 51], [-4.2, 51.06], [-4.23, 51.12], [-4.21, 51.19], [-4.12, 51.21], [-3.83, 51.235],
    [-3.47, 51.21], [-3.33, 51.18], [-3.05, 51.21], [-3, 51.24], [-2.98, 51.345], [-2.86, 51.44],
    // The Severn estuary up to Arlingham and back down the Forest of Dean shore.
    [-2.7, 51.51], [-2.625, 51.6], [-2.48, 51.72], [-2.38, 51.77], [-2.45, 51.8], [-2.655, 51.615],
    // Welsh border north along the Wye, Monnow, Offa's Dyke and Dee.
    [-2.68, 51.79], [-2.7, 51.81], [-2.95, 51.95], [-3.05, 51.97], [-3.12, 52.075], [-3.05, 52.13],
    [-3.1, 52.2], [-3.08, 52.25], [-2.98, 52.28], [-3.18, 52.43], [-3.15, 52.5], [-3.02, 52.62],
    [-3.03, 52.7], [-3, 52.74], [-3.09, 52.78], [-3.13, 52.84], [-3.1, 52.9], [-2.9, 52.99],
    [-2.8, 52.9], [-2.72, 52.93], [-2.73, 52.99], [-2.88, 53.08],
    // Wirral, Mersey and the north-west coast.
    [-3.02, 53.26], [-3.18, 53.37], [-3.18, 53.395], [-3.04, 53.44], [-2.9, 53.29], [-2.73, 53.34],
    [-2.74, 53.36], [-2.85, 53.34], [-3, 53.4], [-3.1, 53.56], [-3.01, 53.65], [-2.96, 53.735],
    [-2.88, 53.745], [-3.03, 53.752], [-3.06, 53.82], [-3.01, 53.925], [-2.9, 53.93], [-2.88, 53.98],
    [-2.92, 54.03], [-2.8, 54.13], [-2.83, 54.2], [-2.91, 54.19], [-2.94, 54.15], [-3.02, 54.18],
    [-3.08, 54.18], [-3.2, 54.04], [-3.27, 54.12], [-3.23, 54.19], [-3.24, 54.235], [-3.31, 54.19],
    [-3.41, 54.29], [-3.41, 54.35], [-3.64, 54.515], [-3.6, 54.55], [-3.57, 54.645], [-3.39, 54.87],
    [-3.3, 54.89], [-3.21, 54.955], [-3.1, 54.93],
    // Scottish border north-east to the Tweed.
    [-3, 55.03], [-2.7, 55.18], [-2.62, 55.27], [-2.48, 55.355], [-2.2, 55.47], [-2.2, 55.53],
    [-2.32, 55.64], [-2.25, 55.65], [-2.17, 55.69], [-2.16, 55.72], [-2.08, 55.75], [-2.05, 55.8],
  ],
  // The Isle of Wight, clockwise from the Needles.
  [
    [-1.59, 50.66], [-1.5, 50.705], [-1.3, 50.765], [-1.16, 50.73], [-1.07, 50.69], [-1.15, 50.65],
    [-1.2, 50.595], [-1.3, 50.575], [-1.4, 50.63], [-1.52, 50.665],
  ],
];

function ringContains(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] ?? [0, 0];
    const [xj, yj] = ring[j] ?? [0, 0];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether a point lies inside the simplified outline (the mainland or the Isle of Wight), by
 * the even-odd ray-casting rule. Because the coast is simplified, a town right on the shore
 * may fall just outside; callers that need a tolerance should also try nearby inland points.
 *
 * @example
 * insideEngland(52.486, -1.89) // true: Birmingham
 * insideEngland(53.0, 2.5) // false: the North Sea
 */
export function insideEngland(lat: number, lon: number): boolean {
  return ENGLAND_OUTLINE.some((ring) => ringContains(ring, lon, lat));
}

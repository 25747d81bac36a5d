/**
 * England's outline as GeoJSON in longitude and latitude, for the explorer to project itself
 * (with d3-geo) rather than take a shape already flattened onto a canvas.
 */
import { MapOutline } from '../../api/outline.js';
import { ENGLAND_OUTLINE } from '../../world/geography/index.js';
import { defineRoute } from '../route.js';

let outline: MapOutline | undefined;

/** The outline as a GeoJSON MultiPolygon, built once. */
export function mapOutline(): MapOutline {
  outline ??= {
    type: 'MultiPolygon',
    coordinates: ENGLAND_OUTLINE.map((ring) => {
      const points = ring.map(([lon, lat]) => [lon, lat] as [number, number]);
      return [[...points, points[0]!]];
    }),
  };
  return outline;
}

export const outlineRoutes = [
  defineRoute({
    path: '/api/map/outline',
    operationId: 'getMapOutline',
    tag: 'world',
    summary: "England's outline as GeoJSON, in longitude and latitude, for a map to project",
    response: MapOutline,
    handler: () => mapOutline(),
  }),
];

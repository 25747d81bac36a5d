/**
 * The shape of England's outline as the API gives it (/api/map/outline): GeoJSON in longitude
 * and latitude. Part of the API's contract that server and web client share.
 */
import { z } from 'zod';

const Position = z.tuple([z.number(), z.number()]).describe('[longitude, latitude] in degrees (WGS84)');

export const MapOutline = z
  .object({
    type: z.literal('MultiPolygon'),
    coordinates: z
      .array(z.array(z.array(Position)))
      .describe('one polygon per land mass, each a single closed ring (the first point repeated last)'),
  })
  .meta({ id: 'MapOutline' });
export type MapOutline = z.infer<typeof MapOutline>;

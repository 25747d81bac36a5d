/**
 * The kinds of work students make: the medium and, for a picture, what it shows. School life
 * draws them for each student's hand; the art renderer (src/art) draws the works themselves.
 */
import type { z } from 'zod';
import { ArtStyle as ArtStyleSchema } from '../../scenario/canon-schema.js';

/** What a work is made in. */
export type ArtMedium = 'picture' | 'poem' | 'sculpture';

/** What a picture shows. Ignored for poems. */
export type ArtStyle = z.infer<typeof ArtStyleSchema>;

/** All picture styles, in a stable order (the scenario schema's, so a cast entry names one). */
export const ART_STYLES: readonly ArtStyle[] = ArtStyleSchema.options;

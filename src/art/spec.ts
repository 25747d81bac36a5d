/**
 * From a stored work (a row of the `works` table, or the API's work) to the renderer's spec.
 */
import type { ArtMedium, ArtStyle, ArtworkSpec } from './picture.js';

/**
 * The renderer's spec of a stored work.
 * @example renderArtwork(workSpec(row, seed, 'Tommy D.'))
 */
export function workSpec(
  w: {
    id: number;
    medium: string;
    style: string;
    skill: number;
    originality: number;
    temperament: number;
    hue: number;
    maker_age?: number;
    age?: number;
    title: string;
  },
  seed: number,
  maker: string,
): ArtworkSpec {
  return {
    id: w.id,
    seed,
    medium: w.medium as ArtMedium,
    style: w.style as ArtStyle,
    skill: w.skill,
    originality: w.originality,
    temperament: w.temperament,
    hue: w.hue,
    makerAge: w.maker_age ?? w.age ?? 12,
    title: w.title,
    maker,
  };
}

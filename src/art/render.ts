/**
 * The renderer's front door: lays the sheet for a work's medium, draws the picture, poem or
 * sculpture on it, captions it, and can turn the finished SVG into a PNG for the command line.
 */

import { drawAnimals } from './animals.js';
import { drawBuildings } from './buildings.js';
import {
  drawCaption,
  drawPaper,
  Sketch,
  svgDocument,
  VIEW,
  withinFrame,
  type ArtStyle,
  type ArtworkSpec,
  type PaperKind,
} from './picture.js';
import { drawAbstract, drawPattern } from './pattern.js';
import { rasterise } from './png.js';
import { drawPoem } from './poem.js';
import { drawPortrait } from './portrait.js';
import { drawLandscape, drawSeascape } from './scenes.js';
import { drawSculpture } from './sculpture.js';
import { drawStillLife } from './still-life.js';

const PICTURES: Record<ArtStyle, (sk: Sketch) => void> = {
  animals: drawAnimals,
  landscape: drawLandscape,
  portrait: drawPortrait,
  'still-life': drawStillLife,
  pattern: drawPattern,
  abstract: drawAbstract,
  seascape: drawSeascape,
  buildings: drawBuildings,
};

/**
 * A complete standalone SVG document picturing a work, `size` pixels square. Pure and
 * deterministic: the same spec gives the same bytes.
 * @example renderArtwork({ id: 7, seed: 1968, medium: 'picture', style: 'animals', skill: 0.8, originality: 0.9, temperament: 0.6, hue: 30, makerAge: 16, title: 'Creatures', maker: 'Tommy D.' })
 */
export function renderArtwork(spec: ArtworkSpec, size = VIEW): string {
  const sk = new Sketch(spec);
  const h = sk.hand;
  if (spec.medium === 'poem') {
    drawPaper(sk, 'exercise');
    drawPoem(sk);
  } else if (spec.medium === 'sculpture') {
    drawPaper(sk, 'cartridge');
    drawSculpture(sk);
  } else {
    const paper: PaperKind =
      h.naivety > 0.55 && sk.chance(0.6) ? 'sugar' : sk.chance(0.25) ? 'sketchbook' : 'cartridge';
    drawPaper(sk, paper);
    const draw = PICTURES[spec.style] ?? drawAnimals;
    if (spec.style === 'animals') draw(sk);
    else withinFrame(sk, () => draw(sk));
  }
  drawCaption(sk, spec.title, spec.maker);
  const what = spec.medium === 'picture' ? `${spec.style} picture` : spec.medium;
  return svgDocument(sk, size, `${spec.title}: a ${what} by ${spec.maker}`);
}

/**
 * Rasterises a work's SVG to PNG bytes at the given width.
 * @example writeFileSync('work.png', svgToPng(renderArtwork(spec)))
 */
export function svgToPng(svg: string, width = VIEW): Buffer {
  return rasterise(svg, { fit: { width }, family: 'serif' });
}

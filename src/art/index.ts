/**
 * Pictures of the students' works. Each work the simulation records (a picture, a poem or a
 * sculpture, with its maker's skill, originality, temperament, favourite colour and age) can be
 * drawn again, identically, as a standalone SVG: ink creatures in the manner of Tommy's imaginary
 * animals, landscapes and the sea, the school house, portraits, still lifes, patterns and
 * abstracts, a poem written out on ruled paper, a photograph of a sculpture on its plinth.
 */

export { ART_STYLES, type ArtMedium, type ArtStyle, type ArtworkSpec } from './picture.js';
export { poemLines } from './poem.js';
export { renderArtwork, svgToPng } from './render.js';
export { workSpec } from './spec.js';

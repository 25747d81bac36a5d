/**
 * The school's streams of draws: the engine's fast sfc32 stream (`FastStream`), keyed like
 * every other stream, under the name the school's rules use.
 */
export { FastStream as Draws, type Rng } from '../../engine/random.js';

/**
 * PNG from SVG for the explorer's charts, through the one rasteriser (src/art/png.ts) with the
 * system's sans-serif (DejaVu Sans where present) on white. The SVG is the deterministic
 * artefact; a PNG may differ between machines with different fonts.
 */
import { rasterise } from '../art/png.js';

/**
 * Renders an SVG document to PNG bytes at `scale` times its size (2 for sharp text on screens).
 * @example writeFileSync('chart.png', svgToPng(svg))
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  return rasterise(svg, { fit: { scale }, family: 'sans', background: '#ffffff', crisp: true });
}

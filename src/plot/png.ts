/**
 * PNG from SVG, rendered by resvg with the system's fonts (DejaVu Sans where present). The SVG
 * is the deterministic artefact; a PNG may differ between machines with different fonts.
 */
import { Resvg } from '@resvg/resvg-js';

/**
 * Renders an SVG document to PNG bytes at `scale` times its size (2 for sharp text on screens).
 * @example writeFileSync('chart.png', svgToPng(svg))
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const r = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    shapeRendering: 2,
    textRendering: 1,
  });
  return Buffer.from(r.render().asPng());
}

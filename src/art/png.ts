/**
 * SVG to PNG, the one way: resvg with the system's fonts. Both the art renderer and the
 * explorer's charts (src/plot/png.ts) rasterise here. The SVG is the deterministic artefact; a
 * PNG may differ between machines with different fonts.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

export interface PngOptions {
  /** The output's width in pixels, or its scale against the SVG's own size. */
  fit: { width: number } | { scale: number };
  /** The family every unnamed or generic font falls back to: serif for works, sans for charts. */
  family: 'serif' | 'sans';
  /** A colour to paint behind the drawing (transparent when absent). */
  background?: string;
  /** Crisp edges and legible text (for charts) rather than resvg's defaults. */
  crisp?: boolean;
}

/**
 * Rasterises an SVG document to PNG bytes.
 * @example writeFileSync('work.png', rasterise(svg, { fit: { width: 800 }, family: 'serif' }))
 */
export function rasterise(svg: string, options: PngOptions): Buffer {
  const font: ResvgRenderOptions['font'] =
    options.family === 'serif'
      ? {
          loadSystemFonts: true,
          defaultFontFamily: 'DejaVu Serif',
          cursiveFamily: 'DejaVu Serif',
          serifFamily: 'DejaVu Serif',
        }
      : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
  const fitTo: ResvgRenderOptions['fitTo'] =
    'width' in options.fit
      ? { mode: 'width', value: Math.max(1, Math.round(options.fit.width)) }
      : { mode: 'zoom', value: options.fit.scale };
  const r = new Resvg(svg, {
    fitTo,
    font,
    ...(options.background !== undefined ? { background: options.background } : {}),
    ...(options.crisp ? { shapeRendering: 2, textRendering: 1 } : {}),
  });
  return Buffer.from(r.render().asPng());
}

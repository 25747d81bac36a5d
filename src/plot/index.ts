/**
 * Charts for `hailsham plot`: histogram, box plot, curves with bands and forest plot, drawn by
 * Observable Plot in Node and returned as SVG text; the figures drawn from ensemble and
 * comparison results; and PNG rendering through resvg.
 */
export * from './svg.js';
export {
  histogram,
  boxPlot,
  bandChart,
  forestPlot,
  fmtStat,
  type HistogramOptions,
  type BoxPlotOptions,
  type BandChartOptions,
  type BandPoint,
  type BandSeries,
  type ForestOptions,
  type ForestRow,
} from './charts.js';
export {
  ensembleFigures,
  compareFigures,
  survivalFigure,
  survivalByDonation,
  bands,
  Rows,
  type Figure,
} from './figures.js';
export { svgToPng } from './png.js';

/**
 * Paired comparisons of a base scenario and a what-if: both run on the same random streams,
 * lives matched by identity, divergences found and described, statistics differenced per seed
 * with confidence intervals across seeds, and the report rendered as text, Markdown or JSON.
 */
export {
  compareScenarios,
  COMPARE_FORMAT,
  type CompareReport,
  type CompareOptions,
  type MetricComparison,
} from './compare.js';
export {
  compareWorlds,
  runForComparison,
  outcomeOf,
  divergenceLine,
  type ComparedWorld,
  type LifeDivergence,
  type SeedComparison,
  type Outcome,
} from './pair.js';
export { renderReport, fmt, signed, type ReportFormat, type RenderOptions } from './render.js';
export { pairedInterval, tQuantile, tCdf, incompleteBeta, CI_METHOD, type PairedInterval } from './stats.js';
export { ColumnarLog, LifeIndex } from './log.js';
export {
  castLives,
  compareCast,
  renderCast,
  type CastLife,
  type CastComparison,
  type CastSide,
} from './cast.js';

/** Scenario files: the schema, loading with overlays, and validation errors. */
export * from './schema.js';
export * from './load.js';

/** Where the world happens: England's towns, the novel's places, distances and the map outline. */
export * from './towns.js';
export * from './canon-places.js';
export * from './distance.js';
export * from './england-outline.js';

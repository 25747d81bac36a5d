/** The generic discrete-event engine: calendar, randomness, queue, recorder and loop. */
export * from './calendar.js';
export * from './random.js';
export * from './queue.js';
export * from './bucket-queue.js';
export * from './recorder.js';
export * from './simulation.js';
export * from './memory-sink.js';

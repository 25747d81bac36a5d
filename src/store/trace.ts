/**
 * A timeline of the write for benchmarks: with `HAILSHAM_TRACE=1` in the environment, each
 * step of the writer in either thread prints `trace <thread> <step> <seconds>` on standard error
 * (seconds since the epoch, to the millisecond, comparable across threads). Written straight to
 * the descriptor, so a worker's lines are not lost while the main thread blocks. Off otherwise.
 */
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const ON = process.env.HAILSHAM_TRACE === '1';

export function trace(step: string): void {
  if (!ON) return;
  const at = ((performance.timeOrigin + performance.now()) / 1000).toFixed(3);
  writeSync(2, `trace ${isMainThread ? 'main' : 'writer'} ${step} ${at}\n`);
}

/**
 * A timeline of the write for benchmarks: with `HAILSHAM_TRACE=1` in the environment, each
 * step of the writer in either thread prints `trace <thread> <step> <seconds>` on standard error
 * (seconds since the epoch, to the millisecond, comparable across threads). Written straight to
 * the descriptor, so a worker's lines are not lost while the main thread blocks. Off otherwise.
 */
import { readdirSync, readFileSync, writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const ON = process.env.HAILSHAM_TRACE === '1';

export function trace(step: string): void {
  if (!ON) return;
  const at = ((performance.timeOrigin + performance.now()) / 1000).toFixed(3);
  writeSync(2, `trace ${isMainThread ? 'main' : 'writer'} ${step} ${at}\n`);
}

/**
 * With the trace on, prints each of this process's threads with the CPU seconds it has used
 * (`trace cpu <step> name:seconds …`, from /proc, where the system has it): how the cores were
 * shared between the simulation (`main`), the writer's thread (`writer`, its id given as
 * `writer`) and V8's helper threads, which collect garbage and compile (`node-<id>`).
 */
export function traceThreads(step: string, writer: number | null): void {
  if (!ON) return;
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  const byName = new Map<string, number>();
  const main = String(process.pid);
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close).replace(/\s+/g, '_');
      const name =
        tid === main ? 'main' : tid === String(writer) ? 'writer' : comm === 'node' ? `node-${tid}` : comm;
      const fields = stat.slice(close + 2).split(' ');
      // utime and stime are the 14th and 15th fields, the 12th and 13th after the name, in
      // clock ticks of 1/100 s (USER_HZ on Linux).
      const ticks = Number(fields[11]) + Number(fields[12]);
      byName.set(name, (byName.get(name) ?? 0) + ticks / 100);
    } catch {
      // The thread ended meanwhile.
    }
  }
  const list = [...byName]
    .filter(([, s]) => s >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([n, s]) => `${n}:${s.toFixed(2)}`);
  writeSync(2, `trace cpu ${step} ${list.join(' ')}\n`);
}

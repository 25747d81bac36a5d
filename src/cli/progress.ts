/**
 * A progress bar on stderr, drawn only when stderr is a terminal (so logs and pipes stay clean),
 * and redrawn at most ten times a second.
 */

export class ProgressBar {
  private lastDraw = 0;
  private readonly enabled: boolean;
  private readonly started = performance.now();

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    enabled?: boolean,
  ) {
    this.enabled = enabled ?? Boolean(stream.isTTY);
  }

  /** Draws the bar at `fraction` (0..1) with a note such as the simulated date. */
  update(fraction: number, note = ''): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.lastDraw < 100 && fraction < 1) return;
    this.lastDraw = now;
    const width = 30;
    const f = Math.max(0, Math.min(1, fraction));
    const filled = Math.round(f * width);
    const secs = ((now - this.started) / 1000).toFixed(1);
    this.stream.write(
      `\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}% ${note} ${secs}s\x1b[K`,
    );
  }

  /** Clears the bar's line. */
  done(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }
}

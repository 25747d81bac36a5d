/**
 * The single channel for warnings. Each warning says what happened, its likely cause and how to
 * silence it. Tests read `warnings.count` and `warnings.list`; the CLI prints them to stderr.
 */

export interface Warning {
  code: string;
  message: string;
}

type Listener = (w: Warning) => void;

class WarningChannel {
  readonly list: Warning[] = [];
  private listener: Listener | null = null;

  get count(): number {
    return this.list.length;
  }

  /** Reports a warning; the same code and message twice is reported once. */
  warn(code: string, message: string): void {
    if (this.list.some((w) => w.code === code && w.message === message)) return;
    const w = { code, message };
    this.list.push(w);
    this.listener?.(w);
  }

  /** Where warnings go as they happen (the CLI sets stderr); null to keep them silent. */
  onWarning(listener: Listener | null): void {
    this.listener = listener;
  }

  clear(): void {
    this.list.length = 0;
  }
}

export const warnings = new WarningChannel();

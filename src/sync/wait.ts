/**
 * Waiting for the quota to reset (`sync --wait`). A laptop left to wait may sleep through the
 * reset: a single long timer would fire late or never count the sleep, so the wait is made of
 * short slices that each look at the clock again, and ends at the first slice after `until`.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** How often the clock is read again (and the countdown redrawn). */
const SLICE_MS = 1000;

export interface WaitOptions {
  /** Ctrl-C: the wait ends at once by throwing the signal's reason. */
  signal: AbortSignal;
  now?: () => Date;
  /** Called after every slice with what is left (milliseconds, > 0). */
  onTick?: (msLeft: number) => void;
}

/** Resolves once the clock reads `until` or later; rejects with `signal.reason` when aborted. */
export async function waitUntil(until: Date, options: WaitOptions): Promise<void> {
  const now = options.now ?? (() => new Date());
  for (;;) {
    options.signal.throwIfAborted();
    const left = until.getTime() - now().getTime();
    if (left <= 0) return;
    options.onTick?.(left);
    try {
      await sleep(Math.min(left, SLICE_MS), undefined, { signal: options.signal });
    } catch {
      options.signal.throwIfAborted();
    }
  }
}

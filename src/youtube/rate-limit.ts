/** `--limit-rate`: the RATE syntax of SPEC §2 and a token bucket that paces the upload stream. */
import { InputError } from '../errors.ts';
import { upload as M } from '../i18n/catalog/upload.ts';
import { sleep } from './backoff.ts';

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * Parses a RATE into bytes per second. A number, optionally followed by `k`, `M` or `G` (binary
 * multiples, as curl's `--limit-rate`: k = 1024), optionally followed by `B` or `iB`, optionally
 * `/s`; case does not matter, so `500k`, `2M`, `1.5MB`, `1.5MiB/s` and `800000` are all valid. The
 * decimal mark may be a comma, as Vietnamese writes it: `1,5MB`.
 * Anything else, zero or a rate under 1 byte/s throws an InputError naming the value.
 */
export function parseRate(text: string): number {
  const match = /^\s*(\d+(?:[.,]\d+)?|[.,]\d+)\s*([kmg]?)(i?b)?(\/s)?\s*$/i.exec(text);
  const number = match?.[1]?.replace(',', '.');
  const unit = match?.[2];
  if (number === undefined || unit === undefined) {
    throw new InputError(M.badRate({ value: text }), { hint: M.badRateHint() });
  }
  const bytes = Math.floor(Number(number) * (UNITS[unit.toLowerCase()] ?? 1));
  if (!Number.isFinite(bytes) || bytes < 1) throw new InputError(M.badRate({ value: text }), { hint: M.badRateHint() });
  return bytes;
}

/**
 * A token bucket in "debt" form: `take(n)` spends n tokens at once and, when the bucket goes
 * negative, sleeps until it is back to zero. One bucket can be shared by concurrent uploads so
 * that together they keep to one rate. Up to `burst` tokens (default: a tenth of a second) build
 * up while idle.
 */
export class TokenBucket {
  readonly bytesPerSec: number;
  readonly burst: number;
  #tokens: number;
  #last: number;

  constructor(bytesPerSec: number, burst: number = Math.max(1, Math.floor(bytesPerSec / 10))) {
    this.bytesPerSec = bytesPerSec;
    this.burst = burst;
    this.#tokens = burst;
    this.#last = performance.now();
  }

  /** Spends `n` tokens; resolves when the rate allows them (or rejects when `signal` aborts). */
  async take(n: number, signal?: AbortSignal): Promise<void> {
    const now = performance.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.bytesPerSec);
    this.#last = now;
    this.#tokens -= n;
    if (this.#tokens < 0) await sleep((-this.#tokens / this.bytesPerSec) * 1000, signal);
  }

  /** A read size that keeps the paced stream smooth: about 1/20 s of data, within [16 KiB, max]. */
  pieceSize(max: number): number {
    return Math.max(16 * 1024, Math.min(max, Math.floor(this.bytesPerSec / 20)));
  }
}

/**
 * `--limit-rate`: the RATE syntax (`500k`, `2M`, `1.5MB`), a window of the day it applies in, and a token
 * bucket that paces the upload stream.
 */
import { InputError } from '../errors.ts';
import { upload as M } from '../i18n/catalog/upload.ts';
import { sleep } from './backoff.ts';

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * A RATE in bytes per second, or undefined when it is not one. A number, optionally followed by
 * `k`, `M` or `G` (binary multiples, as curl's `--limit-rate`: k = 1024), optionally followed by
 * `B` or `iB`, optionally `/s`; case does not matter, so `500k`, `2M`, `1.5MB`, `1.5MiB/s` and
 * `800000` are all valid. The decimal mark may be a comma, as Vietnamese writes it: `1,5MB`.
 * Zero or a rate under 1 byte/s is not.
 */
export function rateBytes(text: string): number | undefined {
  const match = /^\s*(\d+(?:[.,]\d+)?|[.,]\d+)\s*([kmg]?)(i?b)?(\/s)?\s*$/i.exec(text);
  const number = match?.[1]?.replace(',', '.');
  const unit = match?.[2];
  if (number === undefined || unit === undefined) return undefined;
  const bytes = Math.floor(Number(number) * (UNITS[unit.toLowerCase()] ?? 1));
  return Number.isFinite(bytes) && bytes >= 1 ? bytes : undefined;
}

/** A window of the day, in minutes since midnight; `to` before `from` wraps past midnight. */
export interface DayWindow {
  from: number;
  to: number;
  text: string;
}

const CLOCK = '([01]?\\d|2[0-3]):([0-5]\\d)';
const WINDOW = new RegExp(`^\\s*${CLOCK}\\s*-\\s*${CLOCK}\\s*$`);

/** "07:00-16:30" → its window, or undefined when it is not "HH:MM-HH:MM" with two different times. */
export function parseWindow(text: string): DayWindow | undefined {
  const m = WINDOW.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]) * 60 + Number(m[2]);
  const to = Number(m[3]) * 60 + Number(m[4]);
  return from === to ? undefined : { from, to, text: text.trim().replace(/\s+/g, '') };
}

/** Whether `time` (the computer's clock) falls in the window: from its start, up to its end. */
export function inWindow(window: DayWindow, time: Date): boolean {
  const minute = time.getHours() * 60 + time.getMinutes();
  return window.from < window.to ? minute >= window.from && minute < window.to : minute >= window.from || minute < window.to;
}

/** A limit in bytes a second, within a window of the day (the computer's clock) or always. */
export interface RateLimit {
  bytesPerSec: number;
  between: DayWindow | undefined;
}

/**
 * Parses `--limit-rate RATE[@HH:MM-HH:MM]`: `2M` always, `2M@07:00-16:30` only during school
 * hours (full speed outside them). Throws an InputError naming the value.
 */
export function parseRateLimit(text: string): RateLimit {
  const at = text.indexOf('@');
  const bytesPerSec = rateBytes(at < 0 ? text : text.slice(0, at));
  const between = at < 0 ? undefined : parseWindow(text.slice(at + 1));
  if (bytesPerSec === undefined || (at >= 0 && between === undefined)) throw new InputError(M.badRate({ value: text }), { hint: M.badRateHint() });
  return { bytesPerSec, between };
}

/** Parses a RATE into bytes per second; an InputError naming the value when it is not one. */
export function parseRate(text: string): number {
  const bytes = rateBytes(text);
  if (bytes === undefined) throw new InputError(M.badRate({ value: text }), { hint: M.badRateHint() });
  return bytes;
}

/** The rate at a moment: bytes a second, or undefined for full speed. */
export type RateSchedule = (now: Date) => number | undefined;

/** The schedule of a limit: its rate inside its window (or always), full speed outside. */
export function rateSchedule(limit: RateLimit): RateSchedule {
  const { between, bytesPerSec } = limit;
  return between === undefined ? () => bytesPerSec : (now) => (inWindow(between, now) ? bytesPerSec : undefined);
}

/**
 * A token bucket in "debt" form: `take(n)` spends n tokens at once and, when the bucket goes
 * negative, sleeps until it is back to zero. One bucket can be shared by concurrent uploads so
 * that together they keep to one rate. Up to `burst` tokens (default: a tenth of a second) build
 * up while idle.
 *
 * With a schedule, each `take` asks it for the rate of the moment, so an upload slows down or
 * speeds up as it crosses the edge of the window; at full speed the bucket lets everything pass.
 */
export class TokenBucket {
  /** The limited rate (the schedule's, when it has one: pieces are sized for it). */
  readonly bytesPerSec: number;
  readonly burst: number;
  readonly #schedule: RateSchedule;
  readonly #clock: () => Date;
  #tokens: number;
  #last: number;

  constructor(rate: number | RateLimit, options: { burst?: number; clock?: () => Date } = {}) {
    const limit = typeof rate === 'number' ? { bytesPerSec: rate, between: undefined } : rate;
    this.bytesPerSec = limit.bytesPerSec;
    this.burst = options.burst ?? Math.max(1, Math.floor(limit.bytesPerSec / 10));
    this.#schedule = rateSchedule(limit);
    this.#clock = options.clock ?? (() => new Date());
    this.#tokens = this.burst;
    this.#last = performance.now();
  }

  /** Spends `n` tokens; resolves when the rate allows them (or rejects when `signal` aborts). */
  async take(n: number, signal?: AbortSignal): Promise<void> {
    const now = performance.now();
    const rate = this.#schedule(this.#clock());
    if (rate === undefined) {
      // Full speed: the bucket stays full for when the window begins.
      this.#tokens = this.burst;
      this.#last = now;
      return;
    }
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * rate);
    this.#last = now;
    this.#tokens -= n;
    if (this.#tokens < 0) await sleep((-this.#tokens / rate) * 1000, signal);
  }

  /** A read size that keeps the paced stream smooth: about 1/20 s of data, within [16 KiB, max]. */
  pieceSize(max: number): number {
    return Math.max(16 * 1024, Math.min(max, Math.floor(this.bytesPerSec / 20)));
  }
}

/**
 * The one table of YouTube's costs and limits (docs/youtube.md), the Pacific quota day, and a
 * budget that tells whether an action still fits in what is left of today's quota.
 *
 * Every number the project relies on lives here, so that a change by Google is one edit.
 */
import { pacificClock } from '../util/pacific-time.ts';
import { testQuotaDay, testQuotaDayMs, testQuotaReset } from '../util/quota-day.ts';
import { instantOf } from '../util/time-zone.ts';

/**
 * A quota bucket. Since June 2026 `videos.insert` has its own bucket counted in calls (`uploads`);
 * every other method the tool uses shares the daily `units`.
 */
export type QuotaBucket = 'units' | 'uploads';

/** What one API call costs, and from which bucket. */
export interface QuotaCost {
  readonly bucket: QuotaBucket;
  readonly amount: number;
}

/** One number per bucket: daily limits, or what was spent, or what is left. */
export interface QuotaAmounts {
  units: number;
  uploads: number;
}

/**
 * Google's YouTube API audit form: more quota, and lifting the private lock of uploads from an
 * unverified project, both go through it.
 */
export const API_AUDIT_FORM = 'https://support.google.com/youtube/contact/yt_api_form';

/** The daily limits of a Google project that has not asked for more (`quota:` in happytube.yaml overrides). */
export const DEFAULT_QUOTA_LIMITS: Readonly<QuotaAmounts> = Object.freeze({ units: 10_000, uploads: 100 });

const units = (amount: number): QuotaCost => Object.freeze({ bucket: 'units', amount });

/**
 * Cost of each Data API method the tool calls. A `list` costs 1 per page (ask `costOf` for N
 * pages); even an invalid request costs at least 1.
 */
export const QUOTA_COSTS = Object.freeze({
  'channels.list': units(1),
  'playlists.list': units(1),
  'playlistItems.list': units(1),
  'videos.list': units(1),
  // Google's cost table charges 50 for captions.list, not 1 like the other lists.
  'captions.list': units(50),
  'videoCategories.list': units(1),
  'videos.insert': Object.freeze({ bucket: 'uploads', amount: 1 }) as QuotaCost,
  'videos.update': units(50),
  'videos.delete': units(50),
  'playlists.insert': units(50),
  'playlists.update': units(50),
  'playlists.delete': units(50),
  'playlistItems.insert': units(50),
  'playlistItems.update': units(50),
  'playlistItems.delete': units(50),
  'thumbnails.set': units(50),
  'captions.insert': units(400),
} satisfies Record<string, QuotaCost>);

/** A Data API method with a known cost, e.g. `'videos.update'`. */
export type ApiMethod = keyof typeof QUOTA_COSTS;

/** The cost of calling `method`; for a `list`, `pages` pages of it. */
export function costOf(method: ApiMethod, pages = 1): QuotaCost {
  const cost = QUOTA_COSTS[method];
  return method.endsWith('.list') ? { bucket: cost.bucket, amount: cost.amount * pages } : cost;
}

/** Adds costs up per bucket. */
export function totalCost(costs: Iterable<QuotaCost>): QuotaAmounts {
  const total: QuotaAmounts = { units: 0, uploads: 0 };
  for (const cost of costs) total[cost.bucket] += cost.amount;
  return total;
}

const MIB = 1024 * 1024;

/**
 * Limits on what YouTube accepts (developers.google.com/youtube/v3/docs/videos and the media
 * upload limits of thumbnails.set and captions.insert). Text is measured after NFC normalisation.
 */
export const LIMITS = Object.freeze({
  /** video title, in characters; no `<` or `>` */
  titleChars: 100,
  /** video description, in UTF-8 bytes (Vietnamese letters take 2–3); no `<` or `>` */
  descriptionBytes: 5000,
  /** all tags together, in characters: commas count, a tag with a space counts as if quoted */
  tagsChars: 500,
  /** characters YouTube refuses in titles and descriptions */
  forbiddenChars: Object.freeze(['<', '>']),
  /** thumbnail file, JPEG or PNG: the long-standing limit */
  thumbnailBytes: 2 * MIB,
  /** thumbnail file for projects on the limit raised in September 2026 */
  thumbnailBytesRaised: 50 * MIB,
  /** one captions file */
  captionBytes: 100 * MIB,
  /** one video file */
  videoBytes: 256 * 1024 * MIB,
  /** playlist title, in characters */
  playlistTitleChars: 150,
  /** playlist description, in UTF-8 bytes */
  playlistDescriptionBytes: 5000,
  /** `videos.list` and `playlistItems.list` return at most this many items per call or page */
  pageSize: 50,
});

/** The quota day `date` falls in: the calendar date in Pacific time, `'YYYY-MM-DD'`. */
export function pacificDay(date: Date): string {
  const testDay = testQuotaDayMs();
  if (testDay !== undefined) return testQuotaDay(date.getTime(), testDay);
  const { year, month, day } = pacificClock(date.getTime());
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * When the quota next resets after `date`: the next midnight in Los Angeles, daylight saving
 * included (midnight is never skipped or repeated there: the clocks change at 02:00).
 */
export function nextQuotaReset(date: Date): Date {
  const testDay = testQuotaDayMs();
  if (testDay !== undefined) return testQuotaReset(date.getTime(), testDay);
  const { year, month, day } = pacificClock(date.getTime());
  return new Date(instantOf(Date.UTC(year, month - 1, day + 1), pacificClock).instant);
}

/**
 * How long after a reset a run that waited for it goes on (`sync --wait`): YouTube's counters and
 * this computer's clock may disagree by a little, and a call refused one second early would stop
 * the run again for a whole day. Five minutes of a real day; the same share of a shortened test day.
 */
export function quotaResetMargin(): number {
  const testDay = testQuotaDayMs();
  const margin = 5 * 60_000;
  return testDay === undefined ? margin : Math.round((testDay * margin) / 86_400_000);
}

/**
 * What is left of one day's quota. A pure value: build it from the limits and what was already
 * spent today (see `QuotaUsage` in src/state), ask `canAfford`, record with `spend`.
 */
export class QuotaBudget {
  readonly limits: Readonly<QuotaAmounts>;
  readonly #spent: QuotaAmounts;

  constructor(limits: Readonly<QuotaAmounts>, spent: Readonly<QuotaAmounts> = { units: 0, uploads: 0 }) {
    this.limits = Object.freeze({ units: limits.units, uploads: limits.uploads });
    this.#spent = { units: spent.units, uploads: spent.uploads };
  }

  /** What was spent so far, per bucket. */
  get spent(): QuotaAmounts {
    return { ...this.#spent };
  }

  /** What is left, per bucket (never below 0). */
  remaining(): QuotaAmounts {
    return {
      units: Math.max(0, this.limits.units - this.#spent.units),
      uploads: Math.max(0, this.limits.uploads - this.#spent.uploads),
    };
  }

  /** Whether one cost, or all of several together, fit in what is left. */
  canAfford(cost: QuotaCost | readonly QuotaCost[]): boolean {
    const need = totalCost(isCostList(cost) ? cost : [cost]);
    const left = this.remaining();
    return need.units <= left.units && need.uploads <= left.uploads;
  }

  /** Records a call YouTube accepted (counted even beyond the limit: it was spent). */
  spend(cost: QuotaCost | readonly QuotaCost[]): void {
    for (const c of isCostList(cost) ? cost : [cost]) this.#spent[c.bucket] += c.amount;
  }

  /**
   * YouTube refused a call of this bucket (`quotaExceeded`, each bucket on its own; for uploads
   * also the channel's `uploadLimitExceeded`): the bucket is empty for today whatever our count
   * says (another tool may share the Google project). The other bucket is untouched.
   */
  exhaust(bucket: QuotaBucket): void {
    this.#spent[bucket] = Math.max(this.#spent[bucket], this.limits[bucket]);
  }
}

function isCostList(cost: QuotaCost | readonly QuotaCost[]): cost is readonly QuotaCost[] {
  return Array.isArray(cost);
}

/**
 * YouTube's two quota buckets (developers.google.com/youtube/v3/determine_quota_cost): since June
 * 2026 `videos.insert` counts calls against its own daily bucket; every other method spends units
 * from the shared daily pool. Both reset at midnight Pacific time, and each answers
 * `403 quotaExceeded` on its own when empty, the other one still serving. A project still on the
 * older single-bucket model (`uploadUnits`) pays each upload from the shared pool instead. The
 * channel's own upload cap (`400 uploadLimitExceeded`, fault `channel-upload-limit`) is a different
 * thing: the channel, not the project, may upload no more for a day. The cost table is here and
 * only here.
 */
import { testQuotaDay, testQuotaDayMs } from '../util/quota-day.ts';
import { ApiError } from './http.ts';

/** Units per call of the shared pool. `videos.insert` spends from the uploads bucket instead. */
export const COSTS = {
  'channels.list': 1,
  'playlists.list': 1,
  'playlists.insert': 50,
  'playlists.update': 50,
  'playlists.delete': 50,
  'playlistItems.list': 1,
  'playlistItems.insert': 50,
  'playlistItems.update': 50,
  'playlistItems.delete': 50,
  'videos.list': 1,
  'videos.insert': 0,
  'videos.update': 50,
  'videos.delete': 50,
  'thumbnails.set': 50,
  'videoCategories.list': 1,
  'captions.list': 50,
  'captions.insert': 400,
} as const satisfies Record<string, number>;

export type Method = keyof typeof COSTS;

/** What an invalid request still costs (Google: "at least one point"). */
export const INVALID_REQUEST_COST = 1;

export const DEFAULT_UNITS_PER_DAY = 10_000;
export const DEFAULT_UPLOADS_PER_DAY = 100;

/** The quota day: the calendar date in America/Los_Angeles. */
export function pacificDay(now: Date = new Date()): string {
  const testDay = testQuotaDayMs();
  if (testDay !== undefined) return testQuotaDay(now.getTime(), testDay);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export interface QuotaSnapshot {
  day: string;
  units: { used: number; limit: number };
  uploads: { used: number; limit: number };
}

const quotaExceeded = (): ApiError =>
  new ApiError(
    403,
    'quotaExceeded',
    'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
    { domain: 'youtube.quota' },
  );

export class Quota {
  unitLimit: number;
  uploadLimit: number;
  /** Units an upload costs from the shared pool on the single-bucket model; undefined: its own bucket. */
  readonly uploadUnits: number | undefined;
  /** The channel may upload no more today (fault `channel-upload-limit`), whatever the quota. */
  channelCapped = false;
  private day = pacificDay();
  private unitsUsed = 0;
  private uploadsUsed = 0;

  constructor(unitLimit: number, uploadLimit: number, uploadUnits?: number) {
    this.unitLimit = unitLimit;
    this.uploadLimit = uploadLimit;
    this.uploadUnits = uploadUnits;
  }

  private roll(): void {
    const today = pacificDay();
    if (today !== this.day) {
      this.day = today;
      this.unitsUsed = 0;
      this.uploadsUsed = 0;
      this.channelCapped = false;
    }
  }

  /**
   * Charges a valid call of `method`, or throws 403 quotaExceeded (its bucket is empty) or, for an
   * upload on a capped channel, 400 uploadLimitExceeded.
   */
  charge(method: Method): void {
    this.roll();
    if (method === 'videos.insert') {
      if (this.channelCapped) {
        throw new ApiError(400, 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.', { domain: 'youtube.video' });
      }
      if (this.uploadUnits !== undefined) {
        this.spend(this.uploadUnits);
        this.uploadsUsed += 1;
        return;
      }
      if (this.uploadsUsed >= this.uploadLimit) throw quotaExceeded();
      this.uploadsUsed += 1;
      return;
    }
    this.spend(COSTS[method]);
  }

  /** Charges what an invalid request costs; never throws. */
  chargeInvalid(): void {
    this.roll();
    this.unitsUsed = Math.min(this.unitLimit, this.unitsUsed + INVALID_REQUEST_COST);
  }

  /** Refuses the call when the pool cannot pay `units`. */
  private spend(units: number): void {
    if (this.unitsUsed + units > this.unitLimit) throw quotaExceeded();
    this.unitsUsed += units;
  }

  /** The pool is empty at once (fault `quota-exhausted`). */
  exhaustUnits(): void {
    this.roll();
    this.unitsUsed = this.unitLimit;
  }

  exhaustUploads(): void {
    this.roll();
    this.uploadsUsed = this.uploadLimit;
  }

  /** The channel's own upload cap is reached for today (fault `channel-upload-limit`). */
  capChannel(): void {
    this.roll();
    this.channelCapped = true;
  }

  reset(): void {
    this.day = pacificDay();
    this.unitsUsed = 0;
    this.uploadsUsed = 0;
    this.channelCapped = false;
  }

  snapshot(): QuotaSnapshot {
    this.roll();
    return {
      day: this.day,
      units: { used: this.unitsUsed, limit: this.unitLimit },
      uploads: { used: this.uploadsUsed, limit: this.uploadLimit },
    };
  }
}

/** True when the pool (or, for `videos.insert`, the uploads bucket) has nothing left at all. */
export function isSpent(quota: QuotaSnapshot, method: Method): boolean {
  return method === 'videos.insert' ? false : quota.units.used >= quota.units.limit;
}

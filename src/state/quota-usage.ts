/**
 * Quota spent today (`.happytube/quota.json`), per bucket, for the current Pacific quota day. It
 * survives restarts, so a run later the same day knows what is left; a new day starts from zero.
 */
import * as v from 'valibot';
import { M } from '../i18n/messages.ts';
import { pacificDay, QuotaBudget } from '../youtube/quota.ts';
import type { QuotaAmounts, QuotaBucket, QuotaCost } from '../youtube/quota.ts';
import { finiteNumber } from '../util/schema.ts';
import { StoredFile } from './files.ts';
import type { StateFileSpec } from './files.ts';

const quotaSchema = v.object({
  /** the Pacific day the counts belong to, `YYYY-MM-DD` (empty: nothing spent yet) */
  day: v.pipe(v.string(), v.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'expected YYYY-MM-DD')),
  units: v.pipe(finiteNumber(), v.minValue(0)),
  uploads: v.pipe(finiteNumber(), v.minValue(0)),
});

export type QuotaData = v.InferOutput<typeof quotaSchema>;

export const QUOTA_FILE: StateFileSpec<QuotaData> = {
  name: 'quota.json',
  version: 1,
  schema: quotaSchema,
  empty: () => ({ day: '', units: 0, uploads: 0 }),
  corruptHint: (file) => M.state.corruptQuotaHint({ file }),
};

export class QuotaUsage {
  readonly #store: StoredFile<QuotaData>;

  private constructor(store: StoredFile<QuotaData>) {
    this.#store = store;
  }

  /** Reads `quota.json` from a `.happytube/` folder (nothing spent when it does not exist). */
  static async load(dir: string): Promise<QuotaUsage> {
    return new QuotaUsage(await StoredFile.load(dir, QUOTA_FILE));
  }

  /** What was spent in the quota day of `now` (zero if the counts belong to another day). */
  spent(now: Date): QuotaAmounts {
    const data = this.#store.data;
    return data.day === pacificDay(now) ? { units: data.units, uploads: data.uploads } : { units: 0, uploads: 0 };
  }

  /** What is left of the day of `now`, given the project's daily limits. */
  budget(limits: Readonly<QuotaAmounts>, now: Date): QuotaBudget {
    return new QuotaBudget(limits, this.spent(now));
  }

  /** Records calls YouTube accepted at `now`; resolves once on disk. */
  spend(cost: QuotaCost | readonly QuotaCost[], now: Date): Promise<void> {
    const today = this.#today(now);
    for (const c of Array.isArray(cost) ? (cost as readonly QuotaCost[]) : [cost as QuotaCost]) today[c.bucket] += c.amount;
    return this.#store.save();
  }

  /**
   * YouTube refused a call of this bucket (`quotaExceeded`, `uploadLimitExceeded`): count that
   * bucket, and only that one, as used up to `limit` for the rest of the day; resolves once on disk.
   */
  exhaust(bucket: QuotaBucket, limit: number, now: Date): Promise<void> {
    const today = this.#today(now);
    today[bucket] = Math.max(today[bucket], limit);
    return this.#store.save();
  }

  /** The counts of the day of `now`, reset first if they belong to another day. */
  #today(now: Date): QuotaData {
    const data = this.#store.data;
    const day = pacificDay(now);
    if (data.day !== day) Object.assign(data, { day, units: 0, uploads: 0 });
    return data;
  }
}

/**
 * The quota of one run: what is left of today's (QuotaBudget, from the project's limits and what
 * `.happytube/quota.json` says was spent today), what this run spent, and the state's record of
 * it — written after every call, without holding up the next one (writes coalesce; `flush` waits).
 * Without `record` (a dry run) nothing is written.
 *
 * A run may outlive its quota day: a laptop that sleeps in the middle of a run wakes after Pacific
 * midnight. The budget is then read again from the record for the new day (`day` changes, which
 * the executor takes as "every bucket may serve again").
 */
import type { QuotaUsage } from '../state/index.ts';
import { pacificDay } from '../youtube/quota.ts';
import type { QuotaAmounts, QuotaBucket, QuotaBudget, QuotaCost } from '../youtube/quota.ts';

export class QuotaMeter {
  /** Spent by this run, whatever the day. */
  readonly spent: QuotaAmounts = { units: 0, uploads: 0 };
  readonly #limits: Readonly<QuotaAmounts>;
  readonly #usage: QuotaUsage;
  readonly #record: boolean;
  readonly #now: () => Date;
  #day: string;
  #budget: QuotaBudget;
  #writes: Promise<unknown> = Promise.resolve();
  #error: Error | undefined;

  constructor(limits: Readonly<QuotaAmounts>, usage: QuotaUsage, now: () => Date, options: { record: boolean }) {
    this.#limits = limits;
    this.#usage = usage;
    this.#record = options.record;
    this.#now = now;
    const at = now();
    this.#day = pacificDay(at);
    this.#budget = usage.budget(limits, at);
  }

  /** The quota day the budget belongs to (`YYYY-MM-DD`); it moves on when the run crosses midnight. */
  get day(): string {
    this.#roll();
    return this.#day;
  }

  /** What is left of the current quota day. */
  get budget(): QuotaBudget {
    this.#roll();
    return this.#budget;
  }

  /** A call YouTube accepted. */
  record(cost: QuotaCost): void {
    this.budget.spend(cost);
    this.spent[cost.bucket] += cost.amount;
    if (this.#record) this.#track(this.#usage.spend(cost, this.#now()));
  }

  /** YouTube said the bucket is empty for today. */
  exhaust(bucket: QuotaBucket): void {
    this.budget.exhaust(bucket);
    if (this.#record) this.#track(this.#usage.exhaust(bucket, this.#limits[bucket], this.#now()));
  }

  /** Resolves once every record is on disk; rethrows a failed write. */
  async flush(): Promise<void> {
    await this.#writes;
    if (this.#error !== undefined) throw this.#error;
  }

  /** A new quota day: what its record says was spent (nothing, unless another run used it). */
  #roll(): void {
    const at = this.#now();
    const day = pacificDay(at);
    if (day === this.#day) return;
    this.#day = day;
    this.#budget = this.#usage.budget(this.#limits, at);
  }

  #track(write: Promise<void>): void {
    this.#writes = Promise.all([this.#writes, write.catch((error: unknown) => (this.#error ??= error instanceof Error ? error : new Error(String(error))))]);
  }
}

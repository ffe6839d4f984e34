/**
 * The quota of one run: what is left of today's (QuotaBudget, from the project's limits and what
 * `.happytube/quota.json` says was spent today), what this run spent, and the state's record of
 * it — written after every call, without holding up the next one (writes coalesce; `flush` waits).
 * Without `usage` (a dry run) nothing is written.
 */
import type { QuotaUsage } from '../state/index.ts';
import type { QuotaAmounts, QuotaBucket, QuotaBudget, QuotaCost } from '../youtube/quota.ts';

export class QuotaMeter {
  readonly budget: QuotaBudget;
  /** Spent by this run. */
  readonly spent: QuotaAmounts = { units: 0, uploads: 0 };
  readonly #usage: QuotaUsage | undefined;
  readonly #now: () => Date;
  #writes: Promise<unknown> = Promise.resolve();
  #error: Error | undefined;

  constructor(budget: QuotaBudget, usage: QuotaUsage | undefined, now: () => Date) {
    this.budget = budget;
    this.#usage = usage;
    this.#now = now;
  }

  /** A call YouTube accepted. */
  record(cost: QuotaCost): void {
    this.budget.spend(cost);
    this.spent[cost.bucket] += cost.amount;
    if (this.#usage) this.#track(this.#usage.spend(cost, this.#now()));
  }

  /** YouTube said the bucket is empty for today. */
  exhaust(bucket: QuotaBucket): void {
    this.budget.exhaust(bucket);
    if (this.#usage) this.#track(this.#usage.exhaust(bucket, this.budget.limits[bucket], this.#now()));
  }

  /** Resolves once every record is on disk; rethrows a failed write. */
  async flush(): Promise<void> {
    await this.#writes;
    if (this.#error !== undefined) throw this.#error;
  }

  #track(write: Promise<void>): void {
    this.#writes = Promise.all([this.#writes, write.catch((error: unknown) => (this.#error ??= error instanceof Error ? error : new Error(String(error))))]);
  }
}

import { describe, expect, it } from 'vitest';
import { QuotaUsage, stateDir } from '../../src/state/index.ts';
import {
  costOf,
  DEFAULT_QUOTA_LIMITS,
  LIMITS,
  nextQuotaReset,
  pacificDay,
  QUOTA_COSTS,
  QuotaBudget,
  totalCost,
} from '../../src/youtube/quota.ts';
import { tempLibrary } from './helpers.ts';

const at = (iso: string): Date => new Date(iso);

describe('the quota table', () => {
  it('holds the costs of docs/youtube.md', () => {
    expect(DEFAULT_QUOTA_LIMITS).toEqual({ units: 10_000, uploads: 100 });
    expect(costOf('videos.insert')).toEqual({ bucket: 'uploads', amount: 1 });
    expect(costOf('videos.list')).toEqual({ bucket: 'units', amount: 1 });
    expect(costOf('playlistItems.list', 3)).toEqual({ bucket: 'units', amount: 3 });
    expect(costOf('videos.update', 3)).toEqual({ bucket: 'units', amount: 50 });
    for (const method of ['videos.update', 'videos.delete', 'playlists.insert', 'playlists.update', 'playlistItems.insert', 'playlistItems.delete'] as const) {
      expect(QUOTA_COSTS[method]).toEqual({ bucket: 'units', amount: 50 });
    }
    expect(costOf('thumbnails.set').amount).toBe(50);
    expect(costOf('captions.insert').amount).toBe(400);
    expect(totalCost([costOf('videos.insert'), costOf('thumbnails.set'), costOf('captions.insert')])).toEqual({ units: 450, uploads: 1 });
    expect(LIMITS.titleChars).toBe(100);
    expect(LIMITS.descriptionBytes).toBe(5000);
    expect(LIMITS.thumbnailBytes).toBe(2 * 1024 * 1024);
  });
});

describe('the Pacific quota day', () => {
  it('names the Pacific date, which is behind Vietnam', () => {
    expect(pacificDay(at('2025-01-15T07:59:59.999Z'))).toBe('2025-01-14'); // 23:59:59 PST
    expect(pacificDay(at('2025-01-15T08:00:00.000Z'))).toBe('2025-01-15'); // midnight PST = 15:00 in Hanoi
    expect(pacificDay(at('2025-07-15T06:59:59.000Z'))).toBe('2025-07-14'); // 23:59:59 PDT
    expect(pacificDay(at('2025-07-15T07:00:00.000Z'))).toBe('2025-07-15');
  });

  it('resets at the next Pacific midnight, in winter and in summer time', () => {
    expect(nextQuotaReset(at('2025-01-15T12:00:00Z')).toISOString()).toBe('2025-01-16T08:00:00.000Z');
    expect(nextQuotaReset(at('2025-07-15T12:00:00Z')).toISOString()).toBe('2025-07-16T07:00:00.000Z');
    expect(nextQuotaReset(at('2025-12-31T20:00:00Z')).toISOString()).toBe('2026-01-01T08:00:00.000Z');
    // exactly at midnight the quota has just reset: the next reset is a day later
    expect(nextQuotaReset(at('2025-01-16T08:00:00Z')).toISOString()).toBe('2025-01-17T08:00:00.000Z');
    expect(nextQuotaReset(at('2025-01-16T07:59:59.999Z')).toISOString()).toBe('2025-01-16T08:00:00.000Z');
  });

  it('is right across the daylight saving changes', () => {
    // 9 March 2025: clocks go forward at 02:00; the day is 23 hours long
    expect(pacificDay(at('2025-03-09T07:59:59Z'))).toBe('2025-03-08');
    expect(nextQuotaReset(at('2025-03-08T20:00:00Z')).toISOString()).toBe('2025-03-09T08:00:00.000Z');
    expect(nextQuotaReset(at('2025-03-09T08:00:00Z')).toISOString()).toBe('2025-03-10T07:00:00.000Z');
    expect(nextQuotaReset(at('2025-03-09T10:30:00Z')).toISOString()).toBe('2025-03-10T07:00:00.000Z'); // 03:30 PDT
    expect(pacificDay(at('2025-03-10T06:59:59Z'))).toBe('2025-03-09');
    // 2 November 2025: clocks go back at 02:00; the day is 25 hours long
    expect(nextQuotaReset(at('2025-11-01T19:00:00Z')).toISOString()).toBe('2025-11-02T07:00:00.000Z');
    expect(nextQuotaReset(at('2025-11-02T08:30:00Z')).toISOString()).toBe('2025-11-03T08:00:00.000Z'); // 01:30 PST (second time)
    expect(nextQuotaReset(at('2025-11-02T09:30:00Z')).toISOString()).toBe('2025-11-03T08:00:00.000Z');
    expect(pacificDay(at('2025-11-03T07:59:59Z'))).toBe('2025-11-02');
  });
});

describe('QuotaBudget', () => {
  it('tells what fits in each bucket and counts what was spent', () => {
    const budget = new QuotaBudget({ units: 500, uploads: 2 }, { units: 50, uploads: 1 });
    expect(budget.remaining()).toEqual({ units: 450, uploads: 1 });
    expect(budget.canAfford(costOf('captions.insert'))).toBe(true);
    expect(budget.canAfford([costOf('captions.insert'), costOf('thumbnails.set')])).toBe(true);
    expect(budget.canAfford([costOf('captions.insert'), costOf('thumbnails.set'), costOf('videos.list')])).toBe(false);
    budget.spend(costOf('videos.insert'));
    expect(budget.canAfford(costOf('videos.insert'))).toBe(false);
    expect(budget.canAfford(costOf('videos.update'))).toBe(true);
    budget.spend([costOf('captions.insert'), costOf('videos.update')]);
    expect(budget.remaining()).toEqual({ units: 0, uploads: 0 });
    expect(budget.spent).toEqual({ units: 500, uploads: 2 });
    budget.spend(costOf('videos.list'));
    expect(budget.remaining().units).toBe(0);
    expect(budget.spent.units).toBe(501);
  });

  it('empties a bucket when YouTube says so', () => {
    const budget = new QuotaBudget(DEFAULT_QUOTA_LIMITS);
    budget.exhaust('units');
    expect(budget.canAfford(costOf('videos.list'))).toBe(false);
    expect(budget.canAfford(costOf('videos.insert'))).toBe(true);
  });
});

describe('quota spent per Pacific day', () => {
  it('survives a restart within the day and starts from zero the next day', async () => {
    const lib = await tempLibrary();
    const morning = at('2025-03-09T16:00:00Z'); // 09:00 PDT, first day of summer time
    const usage = await QuotaUsage.load(stateDir(lib));
    await usage.spend(costOf('videos.insert'), morning);
    await usage.spend([costOf('thumbnails.set'), costOf('playlistItems.insert')], morning);

    const again = await QuotaUsage.load(stateDir(lib));
    const beforeMidnight = at('2025-03-10T06:59:00Z'); // 23:59 PDT the same day
    expect(again.spent(beforeMidnight)).toEqual({ units: 100, uploads: 1 });
    expect(again.budget({ units: 150, uploads: 1 }, beforeMidnight).remaining()).toEqual({ units: 50, uploads: 0 });
    const afterMidnight = at('2025-03-10T07:00:00Z');
    expect(again.spent(afterMidnight)).toEqual({ units: 0, uploads: 0 });

    await again.spend(costOf('videos.list'), afterMidnight);
    const next = await QuotaUsage.load(stateDir(lib));
    expect(next.spent(afterMidnight)).toEqual({ units: 1, uploads: 0 });
    expect(next.spent(beforeMidnight)).toEqual({ units: 0, uploads: 0 });
  });

  it('remembers a bucket YouTube declared empty until the reset', async () => {
    const lib = await tempLibrary();
    const now = at('2025-01-15T03:00:00Z');
    const usage = await QuotaUsage.load(stateDir(lib));
    await usage.spend(costOf('videos.insert'), now);
    await usage.exhaust('uploads', 100, now);
    const again = await QuotaUsage.load(stateDir(lib));
    expect(again.budget(DEFAULT_QUOTA_LIMITS, now).canAfford(costOf('videos.insert'))).toBe(false);
    expect(again.budget(DEFAULT_QUOTA_LIMITS, nextQuotaReset(now)).canAfford(costOf('videos.insert'))).toBe(true);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { pacificDay as emulatorDay } from '../../src/emulator/quota.ts';
import { nextQuotaReset, pacificDay } from '../../src/youtube/quota.ts';

describe('a quota day shortened for tests (HAPPYTUBE_TEST_QUOTA_DAY_SECONDS)', () => {
  afterEach(() => {
    delete process.env.HAPPYTUBE_TEST_QUOTA_DAY_SECONDS;
  });

  it('is the Pacific calendar day when unset', () => {
    const noon = new Date('2026-12-06T20:00:00Z'); // 12:00 in Los Angeles
    expect(pacificDay(noon)).toBe('2026-12-06');
    expect(nextQuotaReset(noon).toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('counts days of N seconds in the CLI and the emulator alike, named as dates', () => {
    process.env.HAPPYTUBE_TEST_QUOTA_DAY_SECONDS = '10';
    const start = new Date(1_800_000_000_000); // a multiple of 10 s
    const later = new Date(start.getTime() + 9_999);
    const next = new Date(start.getTime() + 10_000);
    expect(pacificDay(start)).toBe(pacificDay(later));
    expect(pacificDay(next)).not.toBe(pacificDay(start));
    expect(pacificDay(start)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(emulatorDay(start)).toBe(pacificDay(start));
    expect(emulatorDay(next)).toBe(pacificDay(next));
    expect(nextQuotaReset(later).getTime()).toBe(next.getTime());
  });
});

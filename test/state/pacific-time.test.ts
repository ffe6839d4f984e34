/**
 * The computed Pacific clock of the quota day (src/util/pacific-time.ts) against Intl's
 * America/Los_Angeles: every 15 minutes from 3 hours before to 3 hours after each daylight-time
 * change from 2007 to 2040, and noon of every day of two years. A change of the US rule shows
 * here once Node's time zone data has it.
 */
import { describe, expect, it } from 'vitest';
import { pacificClock } from '../../src/util/pacific-time.ts';
import { wallClockIn } from '../../src/util/time-zone.ts';
import { nextQuotaReset, pacificDay } from '../../src/youtube/quota.ts';

const intl = wallClockIn('America/Los_Angeles');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The instants where Intl's offset changes in `year` (found by the hour, then to the minute). */
function changes(year: number): number[] {
  const out: number[] = [];
  const offset = (t: number): number => intl(t).wallMs - Math.floor(t / 1000) * 1000;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += HOUR) {
    if (offset(t) !== offset(t + HOUR)) {
      let at = t;
      while (offset(at) === offset(t)) at += 60_000;
      out.push(at);
    }
  }
  return out;
}

describe('the Pacific clock of the quota day', () => {
  it('shows what Intl shows around every daylight-time change, 2007 to 2040', () => {
    let compared = 0;
    for (let year = 2007; year <= 2040; year++) {
      const found = changes(year);
      expect(found).toHaveLength(2);
      for (const change of found) {
        for (let t = change - 3 * HOUR; t <= change + 3 * HOUR; t += 15 * 60_000) {
          expect(pacificClock(t + 1234)).toEqual(intl(t + 1234));
          compared += 1;
        }
      }
    }
    expect(compared).toBe(34 * 2 * 25);
  });

  it('shows what Intl shows at noon UTC every day of 2026 and 2027', () => {
    for (let t = Date.UTC(2026, 0, 1, 12); t < Date.UTC(2028, 0, 1); t += DAY) expect(pacificClock(t)).toEqual(intl(t));
  });

  it('gives the quota day and its end across a change', () => {
    // 2026-03-08 02:00 PST the clocks go to 03:00 PDT (10:00 UTC).
    expect(pacificDay(new Date('2026-03-08T07:59:59Z'))).toBe('2026-03-07');
    expect(pacificDay(new Date('2026-03-08T08:00:00Z'))).toBe('2026-03-08');
    expect(nextQuotaReset(new Date('2026-03-08T12:00:00Z')).toISOString()).toBe('2026-03-09T07:00:00.000Z');
    // 2026-11-01 02:00 PDT the clocks go back to 01:00 PST (09:00 UTC).
    expect(nextQuotaReset(new Date('2026-10-31T12:00:00Z')).toISOString()).toBe('2026-11-01T07:00:00.000Z');
    expect(nextQuotaReset(new Date('2026-11-01T12:00:00Z')).toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });
});

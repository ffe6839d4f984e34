/**
 * The wall clock of Los Angeles, where YouTube's quota day begins and ends, by the United States
 * rule in force since 2007: Pacific Standard Time (UTC−8), and Pacific Daylight Time (UTC−7) from
 * 02:00 on the second Sunday of March to 02:00 on the first Sunday of November.
 *
 * Computed rather than asked of Intl: the first Intl object of a process initialises ICU, ~20 ms
 * that nothing else in a sync or an upload needs. test/state/pacific-time.test.ts compares it with
 * Intl hour by hour around every change from 2007 to 2040, so if the rule changes, that test fails
 * as soon as Node's time zone data knows it.
 */
import type { WallClock } from './time-zone.ts';

const HOUR = 3_600_000;

/** The day of the month of the `nth` Sunday of `month` (0-based) in `year`. */
function nthSunday(year: number, month: number, nth: number): number {
  const firstWeekday = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - firstWeekday) % 7) + 7 * (nth - 1);
}

/** Whether daylight time is in force at `instantMs` (the changes happen at 10:00 and 09:00 UTC). */
function isDaylightTime(instantMs: number): boolean {
  const year = new Date(instantMs).getUTCFullYear();
  const starts = Date.UTC(year, 2, nthSunday(year, 2, 2), 10);
  const ends = Date.UTC(year, 10, nthSunday(year, 10, 1), 9);
  return instantMs >= starts && instantMs < ends;
}

/** What the clocks of Los Angeles show at `instantMs` (milliseconds dropped), as `wallClockIn` gives it. */
export function pacificClock(instantMs: number): WallClock {
  const wallMs = Math.floor(instantMs / 1000) * 1000 + (isDaylightTime(instantMs) ? -7 : -8) * HOUR;
  const wall = new Date(wallMs);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), wallMs };
}

/**
 * Wall-clock time in an IANA time zone, with Intl only (no time zone library): what the clock on
 * the wall shows at an instant, and the instant at which it shows a given time.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  /** The wall-clock time at that instant, as if it were UTC (milliseconds dropped). */
  wallMs: number;
}

/** A function giving the wall clock of `timeZone` at an instant (epoch milliseconds). */
export function wallClockIn(timeZone: string): (instantMs: number) => WallClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (instantMs) => {
    // "MM/DD/YYYY, HH:MM:SS": format() is several times faster than formatToParts().
    const m = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/.exec(format.format(new Date(Math.floor(instantMs / 1000) * 1000)));
    if (!m) throw new Error(`unexpected date format in ${timeZone}`);
    const [month, day, year, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    return { year, month, day, wallMs: Date.UTC(year, month - 1, day, hour, minute, second) };
  };
}

/**
 * The instant at which `clock` shows `wallMs` (a wall-clock time as if UTC); a time skipped by
 * daylight saving moves forward. `hint` is an offset that is usually right (a neighbour's): one
 * look-up then.
 */
export function instantOf(wallMs: number, clock: (instantMs: number) => WallClock, hint?: number): { instant: number; offset: number } {
  if (hint !== undefined && clock(wallMs - hint).wallMs === wallMs) return { instant: wallMs - hint, offset: hint };
  const offset1 = clock(wallMs).wallMs - wallMs;
  const guess = wallMs - offset1;
  const offset = clock(guess).wallMs - guess;
  return { instant: wallMs - offset, offset };
}

/**
 * Publishing slots of `schedule:` (SPEC §4): "MON 19:00" in the schedule's time zone → the next
 * instants, in order. Pure.
 */
import type { ScheduleSlot } from '../library/types.ts';

const DAY_MS = 86_400_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  /** The wall-clock time at that instant, as if it were UTC. */
  wallMs: number;
}

function wallClockIn(timezone: string): (instantMs: number) => WallClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
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
    if (!m) throw new Error(`schedule: unexpected date format in ${timezone}`);
    const [month, day, year, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    return { year, month, day, wallMs: Date.UTC(year, month - 1, day, hour, minute, second) };
  };
}

/**
 * The UTC instant of a wall-clock time (as if UTC) in the zone; a time skipped by DST moves
 * forward. `hint` is an offset that is usually right (the previous slot's): one look-up then.
 */
function instantOf(wallMs: number, clock: (instantMs: number) => WallClock, hint: number | undefined): { instant: number; offset: number } {
  if (hint !== undefined && clock(wallMs - hint).wallMs === wallMs) return { instant: wallMs - hint, offset: hint };
  const offset1 = clock(wallMs).wallMs - wallMs;
  const guess = wallMs - offset1;
  const offset = clock(guess).wallMs - guess;
  return { instant: wallMs - offset, offset };
}

/**
 * The first `count` slot instants strictly after `now`, in time order, skipping any in `taken`
 * (epoch milliseconds already used by scheduled videos). ISO 8601 UTC strings.
 */
export function nextSlots(
  schedule: { timezone: string; slots: readonly ScheduleSlot[] },
  now: Date,
  count: number,
  taken: ReadonlySet<number> = new Set(),
): string[] {
  const out: string[] = [];
  if (count <= 0 || schedule.slots.length === 0) return out;
  const clock = wallClockIn(schedule.timezone);
  const today = clock(now.getTime());
  const startDay = Date.UTC(today.year, today.month - 1, today.day);
  const slots = [...schedule.slots].sort((a, b) => a.hour * 60 + a.minute - (b.hour * 60 + b.minute));
  // Enough days for `count` free slots even if every slot of the past years is taken.
  const maxDays = 7 * (Math.ceil((count + taken.size) / slots.length) + 2);
  let offset: number | undefined;
  for (let d = 0; d < maxDays && out.length < count; d++) {
    const dayMs = startDay + d * DAY_MS;
    const weekday = new Date(dayMs).getUTCDay();
    for (const slot of slots) {
      if (slot.weekday !== weekday) continue;
      const found = instantOf(dayMs + (slot.hour * 60 + slot.minute) * 60_000, clock, offset);
      offset = found.offset;
      const instant = found.instant;
      if (instant <= now.getTime() || taken.has(instant)) continue;
      out.push(new Date(instant).toISOString());
      if (out.length === count) break;
    }
  }
  return out;
}

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
    const part: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(Math.floor(instantMs / 1000) * 1000))) if (p.type !== 'literal') part[p.type] = Number(p.value);
    const year = part.year!;
    const month = part.month!;
    const day = part.day!;
    return { year, month, day, wallMs: Date.UTC(year, month - 1, day, part.hour, part.minute, part.second) };
  };
}

/** The UTC instant of a wall-clock time (as if UTC) in the zone; a time skipped by DST moves forward. */
function instantOf(wallMs: number, clock: (instantMs: number) => WallClock): number {
  const offset1 = clock(wallMs).wallMs - wallMs;
  const guess = wallMs - offset1;
  const offset2 = clock(guess).wallMs - guess;
  return wallMs - offset2;
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
  for (let d = 0; d < maxDays && out.length < count; d++) {
    const dayMs = startDay + d * DAY_MS;
    const weekday = new Date(dayMs).getUTCDay();
    for (const slot of slots) {
      if (slot.weekday !== weekday) continue;
      const instant = instantOf(dayMs + (slot.hour * 60 + slot.minute) * 60_000, clock);
      if (instant <= now.getTime() || taken.has(instant)) continue;
      out.push(new Date(instant).toISOString());
      if (out.length === count) break;
    }
  }
  return out;
}

/**
 * Publishing slots of `schedule:` (docs/library.md): "MON 19:00" in the schedule's time zone → the next
 * instants, in order. Pure.
 */
import type { ScheduleSlot } from '../library/types.ts';
import { instantOf, wallClockIn } from '../util/time-zone.ts';

const DAY_MS = 86_400_000;

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

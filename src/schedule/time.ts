/** The time of day of a daily run: `--at HH:MM`, and its default. */
import { InputError } from '../errors.ts';
import { M } from '../i18n/messages.ts';

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** `--at HH:MM` → hour and minute; a clear error otherwise (exit 2). */
export function parseAt(value: string): TimeOfDay {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!match) throw new InputError(M.schedule.badAt({ value }), { hint: M.schedule.badAtHint() });
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * Five minutes after the quota resets, in this computer's time: midnight in Los Angeles is 08:00
 * UTC in winter and 07:00 in summer; 08:05 UTC is after the reset all year round.
 */
export function defaultAt(now: Date = new Date()): TimeOfDay {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8, 5));
  return { hour: at.getHours(), minute: at.getMinutes() };
}

/** "HH:MM". */
export function clock(t: TimeOfDay): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

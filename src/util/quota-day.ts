/**
 * The length of a quota day when a test shortens it. YouTube's quota day is the calendar day of
 * Los Angeles; a test of what happens across several days (`sync --wait`, a daily run that uploads
 * what the day allows) cannot wait for real midnights. With `HAPPYTUBE_TEST_QUOTA_DAY_SECONDS=N`
 * in the process environment, the CLI and the emulator both count days of N seconds from the Unix
 * epoch instead. It is read from the process environment only (the run's, src/util/run-scope.ts):
 * a library's `.env` never sets it.
 */
import { currentRun } from './run-scope.ts';

const DAY_MS = 86_400_000;

/** The shortened day in milliseconds, or undefined for the real Pacific day. */
export function testQuotaDayMs(): number | undefined {
  const raw = currentRun().env.HAPPYTUBE_TEST_QUOTA_DAY_SECONDS;
  if (raw === undefined || raw === '') return undefined;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/**
 * The shortened day that `instantMs` falls in, named as a date (`YYYY-MM-DD`, the day's number
 * counted from 1970-01-01 modulo a million days) so state files keep their format.
 */
export function testQuotaDay(instantMs: number, dayMs: number): string {
  return new Date((Math.floor(instantMs / dayMs) % 1_000_000) * DAY_MS).toISOString().slice(0, 10);
}

/** When the shortened day of `instantMs` ends. */
export function testQuotaReset(instantMs: number, dayMs: number): Date {
  return new Date((Math.floor(instantMs / dayMs) + 1) * dayMs);
}

/**
 * How a run of `sync` or `upload` ends, written once so that the two commands cannot drift apart:
 * the library's errors when it does not validate, the summary inside their --json documents, and
 * the exit code the finished run amounts to. Only these commands load it (with their
 * implementation), so `--help` and main.ts never do.
 */
import { useLibraryLang } from '../i18n/index.ts';
import { checkJson, checkLines } from '../library/check.ts';
import type { SyncSummary } from '../sync/events.ts';
import type { LibraryInvalidError } from '../sync/run.ts';
import { runOutcome } from './outcome.ts';
import type { Ui } from './ui.ts';

/**
 * Nothing was sent because the library does not validate: its errors, as `check` words them, in
 * the library's language — the JSON document of `check --json` with --json, else notes on stderr.
 */
export function showLibraryErrors(ui: Ui, error: LibraryInvalidError, json: boolean): void {
  useLibraryLang(error.library.config.language);
  if (json) ui.json(checkJson(error.library));
  else for (const line of checkLines(error.library)) ui.note(line.text);
}

/** The run's summary as the --json documents give it: the quota's reset time as an ISO string, or null. */
export function summaryJson(summary: SyncSummary): Omit<SyncSummary, 'quotaResetAt'> & { quotaResetAt: string | null } {
  return { ...summary, quotaResetAt: summary.quotaResetAt?.toISOString() ?? null };
}

/** Returns when the run did all its work (exit 0); otherwise throws what it amounts to (runOutcome: exit 1 or 3). */
export function endRun(result: Parameters<typeof runOutcome>[0]): void {
  const outcome = runOutcome(result);
  if (outcome) throw outcome;
}

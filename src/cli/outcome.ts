/**
 * How a command ends, in one place: the error a finished run amounts to (`runOutcome`), and how any
 * error is told to the user with its fix and turned into an exit code (`reportError`). Commands and
 * the entry (main.ts) both use it; it imports neither, so no cycle can form.
 */
import { ExitCode, HappyError, WorkLeftError } from '../errors.ts';
import { M } from '../i18n/messages.ts';
import type { SyncResult } from '../sync/run.ts';
import type { Ui } from './ui.ts';

/**
 * How a finished run ends, the same for sync and upload: a quota stop (exit 3, with the local
 * time the quota resets), an interruption (exit 3), clips that failed for good (exit 1), clips
 * left for another reason, a file still being copied say (exit 3), or nothing to throw (exit 0).
 */
export function runOutcome(result: Pick<SyncResult, 'stop' | 'summary' | 'failures'>): HappyError | undefined {
  const { stop, summary } = result;
  if (stop?.kind === 'quota') {
    return new WorkLeftError(M.sync.quotaLeft({ left: summary.left, resetAt: summary.quotaResetAt ?? new Date() }), { hint: M.sync.quotaLeftHint() });
  }
  if (stop?.kind === 'interrupted') return stop.error;
  if (result.failures.size > 0) return new HappyError(ExitCode.failure, M.sync.someFailed({ count: result.failures.size }), { hint: M.sync.someFailedHint() });
  // Clips left without a stop: a file still being copied, say (its warning said why).
  if (summary.left > 0) return new WorkLeftError(M.sync.clipsLeft({ left: summary.left }), { hint: M.sync.clipsLeftHint() });
  return undefined;
}

export function reportError(error: unknown, ui: Ui): number {
  if (error instanceof HappyError) {
    ui.error(error.text, error.hint);
    if (error.detail !== undefined) ui.debug(error.detail);
    if (ui.verbose && error.cause instanceof Error) ui.debug(error.cause.stack ?? error.cause.message);
    return error.exitCode;
  }
  const detail = error instanceof Error ? error.message : String(error);
  ui.error(M.cli.unexpected({ detail }), M.cli.unexpectedHint());
  if (ui.verbose && error instanceof Error && error.stack) ui.debug(error.stack);
  return ExitCode.failure;
}

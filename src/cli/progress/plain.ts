/**
 * Plain lines, for stderr that is not a terminal (CI, pipes, log files): one line per action
 * started, done or failed; an upload's progress at most every 10 % or every 5 seconds; retries and
 * resumes as lines. No cursor movement, no colour unless the Ui allows it. With --quiet only
 * failures and warnings are written.
 */
import type { Ui } from '../ui.ts';
import { percentOf } from './format.ts';
import type { Handlers } from './lines.ts';
import { apiRetryLine, busyLine, doneLine, failedLine, resumedLine, retryLine, startedLine, uploadLine, warningLines } from './lines.ts';
import { M } from '../../i18n/messages.ts';

/** Progress of one upload is written when it crosses a multiple of this many percent… */
export const PLAIN_STEP_PERCENT = 10;
/** …or when this long has passed since its last line. */
export const PLAIN_INTERVAL_MS = 5000;

export function plainHandlers(ui: Ui, now: () => number): Handlers {
  const err = ui.streams.stderr;
  const last = new Map<string, { step: number; at: number }>();
  const always = (line: string): void => void err.write(`${ui.safe(line)}\n`);

  return {
    'action:start': (e) => {
      ui.note(startedLine(e));
      if (e.action.kind === 'video.upload') last.set(e.action.id, { step: 0, at: now() });
    },
    'upload:resumed': (e) => {
      ui.note(resumedLine(e));
      last.set(e.action.id, { step: Math.floor(percentOf(e.offset, e.total) / PLAIN_STEP_PERCENT), at: now() });
    },
    'upload:progress': (e) => {
      const at = now();
      const step = Math.floor(percentOf(e.sent, e.total) / PLAIN_STEP_PERCENT);
      const seen = last.get(e.action.id) ?? { step: 0, at };
      if (step > seen.step || at - seen.at >= PLAIN_INTERVAL_MS) {
        ui.note(uploadLine(e));
        last.set(e.action.id, { step: Math.max(step, seen.step), at });
      } else {
        last.set(e.action.id, seen);
      }
    },
    'upload:retry': (e) => ui.note(retryLine(ui, e)),
    'api:retry': (e) => ui.note(apiRetryLine(ui, e)),
    'upload:busy': (e) => ui.note(busyLine(ui, e)),
    'action:done': (e) => {
      last.delete(e.action.id);
      ui.note(doneLine(ui, e));
    },
    'action:failed': (e) => {
      last.delete(e.action.id);
      always(failedLine(ui, e));
    },
    warning: (e) => {
      for (const line of warningLines(ui, e)) always(line);
    },
    'quota:stop': (e) => ui.note(M.progress.quotaStop({ bucket: e.bucket })),
    stop: () => last.clear(),
  };
}

/** `--json`: nothing while the run goes on (the command prints one document at the end), except warnings on stderr. */
export function jsonHandlers(ui: Ui): Handlers {
  return {
    warning: (e) => {
      for (const line of warningLines(ui, e)) ui.streams.stderr.write(`${ui.safe(line)}\n`);
    },
    'api:retry': (e) => ui.note(apiRetryLine(ui, e)),
    stop: () => undefined,
  };
}

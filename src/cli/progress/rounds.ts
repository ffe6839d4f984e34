/**
 * What `sync --wait` and `sync --watch` show between rounds: on a terminal one status line,
 * redrawn in place (the countdown to the quota's reset, what the watch is waiting for); otherwise
 * a plain line when the state changes, never one a second.
 */
import type { EventEmitter } from 'node:events';
import { basename } from 'node:path';
import { tr } from '../../i18n/index.ts';
import type { Text } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { RoundsEventMap } from '../../sync/rounds.ts';
import type { ProgressMode } from '../progress.ts';
import type { Ui } from '../ui.ts';
import { formatDuration } from './format.ts';

/** Names shown on the watch's line before "…". */
const NAMES_SHOWN = 3;

/** Listens to a run's rounds; the returned function stops listening and clears the status line. */
export function roundsHandlers(rounds: EventEmitter<RoundsEventMap>, ui: Ui, mode: ProgressMode, root: string, settleMs: number): () => void {
  const err = ui.streams.stderr;
  const tty = mode === 'tty';
  let status = false;
  const clear = (): void => {
    if (status) err.write('\r\u001b[2K');
    status = false;
  };
  /** The status line on a terminal; a plain line otherwise (unless `once` is false). */
  const line = (text: Text, plain = true): void => {
    if (ui.quiet) return;
    if (tty) {
      // A pseudo-terminal may report no width at all (0).
      const columns = err.columns !== undefined && err.columns > 0 ? err.columns : 80;
      const shown = [...tr(text)];
      err.write(`\r\u001b[2K${shown.length < columns ? shown.join('') : `${shown.slice(0, columns - 2).join('')}…`}`);
      status = true;
    } else if (plain) ui.note(text);
  };
  const handlers: { [K in keyof RoundsEventMap]?: (...args: RoundsEventMap[K]) => void } = {
    'round:start': (e) => {
      clear();
      if (e.reason === 'changes') ui.note(M.sync.roundChanges({ n: e.changes.length }));
    },
    'wait:start': (e) => {
      clear();
      ui.note(M.sync.waitStart({ left: e.left, resetAt: e.resetAt, resumeAt: e.resumeAt }));
    },
    'wait:tick': (e) => {
      if (tty) line(M.sync.waitTick({ resumeAt: e.resumeAt, duration: formatDuration(e.msLeft / 1000) }), false);
    },
    'wait:end': () => {
      clear();
      ui.note(M.sync.waitEnd());
    },
    'watch:state': (e) => {
      if (e.changing.length === 0) {
        line(M.sync.watchIdle({ dir: root }));
        return;
      }
      const names = e.changing.slice(0, NAMES_SHOWN).map((rel) => basename(rel));
      if (e.changing.length > NAMES_SHOWN) names.push('…');
      line(M.sync.watchChanging({ n: e.changing.length, names: names.join(', '), seconds: Math.round(settleMs / 1000) }));
    },
  };
  const off: (() => void)[] = [];
  for (const name of Object.keys(handlers) as (keyof RoundsEventMap)[]) {
    const handler = handlers[name] as ((...args: unknown[]) => void) | undefined;
    if (!handler) continue;
    rounds.on(name, handler);
    off.push(() => rounds.off(name, handler));
  }
  return () => {
    for (const remove of off) remove();
    clear();
  };
}

/**
 * A plain-line listener of the sync events: one line per finished or failed action, retries and
 * resumed uploads, warnings. It prints nothing itself: it hands texts to `note` and `warn`.
 * (The CLI's richer listeners — bars on a TTY — live in src/cli/progress.ts.)
 */
import type { EventEmitter } from 'node:events';
import type { Text } from '../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import { sync as S } from '../i18n/catalog/sync.ts';
import type { SyncEventMap } from './events.ts';

/** Attaches the listener; returns the function that detaches it. With `quiet`, warnings only. */
export function attachPlainProgress(
  events: EventEmitter<SyncEventMap>,
  note: (text: Text) => void,
  warn: (text: Text, hint?: Text) => void,
  quiet: boolean,
): () => void {
  const handlers: { [K in keyof SyncEventMap]?: (...args: SyncEventMap[K]) => void } = {
    warning: ({ text, hint }) => warn(text, hint),
  };
  if (!quiet) {
    handlers['action:done'] = ({ action, url }) => note(S.done({ label: tr(action.label), url: url ?? '' }));
    handlers['action:failed'] = ({ action, error }) => note(S.failed({ label: tr(action.label), error: tr(error) }));
    handlers['upload:retry'] = ({ action, attempt, delayMs, reason }) =>
      note(S.retry({ label: tr(action.label), attempt, seconds: (delayMs / 1000).toFixed(1), reason }));
    handlers['upload:resumed'] = ({ action, offset, total }) => note(S.resumed({ label: tr(action.label), offset, total }));
  }
  const off: (() => void)[] = [];
  const on = <K extends keyof SyncEventMap>(name: K, fn: ((...args: SyncEventMap[K]) => void) | undefined): void => {
    if (!fn) return;
    const listener = fn as (...args: unknown[]) => void;
    (events as unknown as EventEmitter).on(name, listener);
    off.push(() => (events as unknown as EventEmitter).off(name, listener));
  };
  on('warning', handlers.warning);
  on('action:done', handlers['action:done']);
  on('action:failed', handlers['action:failed']);
  on('upload:retry', handlers['upload:retry']);
  on('upload:resumed', handlers['upload:resumed']);
  return () => {
    for (const f of off) f();
  };
}

/**
 * The text of each event, shared by the plain and the TTY listeners, so that a line reads the same
 * in CI logs and on a terminal.
 */
import type { Text } from '../../i18n/index.ts';
import { tr } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { SyncEventMap } from '../../sync/events.ts';
import type { Ui } from '../ui.ts';
import { formatBytes, formatDuration, formatSpeed, formatTimeLeft, percentOf } from './format.ts';

type Payload<K extends keyof SyncEventMap> = SyncEventMap[K][0];

/** The listeners of one output mode; `stop` clears whatever it drew. */
export type Handlers = { [K in keyof SyncEventMap]?: (payload: Payload<K>) => void } & { stop: () => void };

export function startedLine(e: Payload<'action:start'>): Text {
  return M.progress.started({ label: e.action.label });
}

export function doneLine(ui: Ui, e: Payload<'action:done'>): string {
  const text = e.url === undefined ? M.progress.done({ label: e.action.label }) : M.progress.doneUrl({ label: e.action.label, url: e.url });
  return ui.style('green', tr(text));
}

export function failedLine(ui: Ui, e: Payload<'action:failed'>): string {
  const text = e.reason === undefined ? M.progress.failed({ label: e.action.label, error: e.error }) : M.progress.failedWithReason({ label: e.action.label, error: e.error, reason: e.reason });
  return ui.style('red', tr(text));
}

export function uploadLine(e: Payload<'upload:progress'>): Text {
  return M.progress.uploadLine({
    label: e.action.label,
    percent: percentOf(e.sent, e.total),
    sent: formatBytes(e.sent),
    total: formatBytes(e.total),
    speed: formatSpeed(e.bytesPerSec),
    left: formatTimeLeft(e.total - e.sent, e.bytesPerSec),
  });
}

export function retryLine(ui: Ui, e: Payload<'upload:retry'>): string {
  const text = M.progress.retry({ label: e.action.label, attempt: e.attempt, delay: formatDuration(e.delayMs / 1000), reason: e.reason });
  return ui.style('yellow', tr(text));
}

export function apiRetryLine(ui: Ui, e: Payload<'api:retry'>): string {
  return ui.style('yellow', tr(e.text));
}

export function busyLine(ui: Ui, e: Payload<'upload:busy'>): string {
  const text = M.progress.busy({ label: e.action.label, attempt: e.attempt, delay: formatDuration(e.delayMs / 1000), reason: e.reason });
  return ui.style('yellow', tr(text));
}

export function resumedLine(e: Payload<'upload:resumed'>): Text {
  return M.progress.resumed({
    label: e.action.label,
    percent: percentOf(e.offset, e.total),
    sent: formatBytes(e.offset),
    total: formatBytes(e.total),
  });
}

/** The lines of a warning, as Ui.warn writes them (for a listener that must write them itself). */
export function warningLines(ui: Ui, e: Payload<'warning'>): string[] {
  const lines = [`${ui.style('yellow', tr(M.cli.warningPrefix()))} ${tr(e.text)}`];
  if (e.hint) lines.push(`  ${tr(M.cli.fixPrefix())} ${tr(e.hint)}`);
  return lines;
}

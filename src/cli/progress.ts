/**
 * The listeners that draw a sync or upload run (STYLE 3: the executor emits SyncEventMap events,
 * the CLI draws them). Three modes, chosen by the command:
 * - `tty`: per-file and total bars on stderr (cli-progress), a line per finished action;
 * - `plain`: stderr is not a terminal (CI, pipes): plain lines, upload progress every 10 % or 5 s;
 * - `json`: nothing during the run (the command prints one document at the end); warnings on stderr.
 * Then `printSummary` prints what the run did, on stdout.
 */
import type { EventEmitter } from 'node:events';
import type { Text } from '../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import type { SyncEventMap, SyncSummary } from '../sync/events.ts';
import { findingText } from '../sync/verdict.ts';
import { barHandlers } from './progress/bars.ts';
import type { PlannedUploads } from './progress/bars.ts';
import type { Handlers } from './progress/lines.ts';
import { jsonHandlers, plainHandlers } from './progress/plain.ts';
import type { Ui } from './ui.ts';

export type { PlannedUploads } from './progress/bars.ts';
export { formatBytes, formatSpeed, formatTimeLeft } from './progress/format.ts';

export type ProgressMode = 'tty' | 'plain' | 'json';

/** `json` with --json; bars when stderr is a terminal (and not --quiet); plain lines otherwise. */
export function chooseProgressMode(ui: Ui, json: boolean): ProgressMode {
  if (json) return 'json';
  return ui.interactive && !ui.quiet ? 'tty' : 'plain';
}

export interface ProgressOptions {
  /** The uploads the run plans, when known: the total bar shows them from the start. */
  planned?: PlannedUploads;
  /** The clock of the plain mode's "every 5 s" (milliseconds); `performance.now` by default. */
  now?: () => number;
}

/** Stops drawing: removes the listeners and clears the bars. Call it before printing the result. */
export type StopProgress = () => void;

export function attachProgress(
  events: EventEmitter<SyncEventMap>,
  ui: Ui,
  mode: ProgressMode,
  options: ProgressOptions = {},
): StopProgress {
  const handlers: Handlers =
    mode === 'json' ? jsonHandlers(ui) : mode === 'tty' ? barHandlers(ui, options.planned) : plainHandlers(ui, options.now ?? (() => performance.now()));
  const off: (() => void)[] = [];
  function on<K extends keyof SyncEventMap>(name: K): void {
    // TypeScript cannot relate a generic key's handler to Node's conditional listener type: the
    // handler of `name` takes exactly the payload of `name` (Handlers is a mapped type of SyncEventMap).
    const handler = handlers[name] as Parameters<typeof events.on<K>>[1] | undefined;
    if (handler === undefined) return;
    events.on(name, handler);
    off.push(() => events.off(name, handler));
  }
  on('action:start');
  on('upload:progress');
  on('upload:retry');
  on('api:retry');
  on('upload:busy');
  on('upload:resumed');
  on('action:done');
  on('action:failed');
  on('warning');
  on('quota:stop');
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    for (const remove of off) remove();
    handlers.stop();
  };
}

/** The lines of the summary (docs/library.md, What sync does, step 5), in order; counts that are zero and rare are left out. */
export function summaryLines(summary: SyncSummary): Text[] {
  const lines: Text[] = [M.progress.summaryUploaded({ n: summary.uploaded })];
  if (summary.adopted > 0) lines.push(M.progress.summaryAdopted({ n: summary.adopted }));
  lines.push(M.progress.summaryUpdated({ n: summary.updated }));
  lines.push(M.progress.summaryAdded({ n: summary.addedToPlaylists }));
  if (summary.removedFromPlaylists > 0) lines.push(M.progress.summaryRemoved({ n: summary.removedFromPlaylists }));
  if (summary.playlistsCreated + summary.playlistsUpdated > 0) {
    lines.push(M.progress.summaryPlaylists({ created: summary.playlistsCreated, updated: summary.playlistsUpdated }));
  }
  if (summary.thumbnails > 0) lines.push(M.progress.summaryThumbnails({ n: summary.thumbnails }));
  if (summary.captions > 0) lines.push(M.progress.summaryCaptions({ n: summary.captions }));
  lines.push(M.progress.summarySkipped({ n: summary.skipped }));
  lines.push(M.progress.summaryFailed({ n: summary.failed }));
  lines.push(M.progress.summarySpent({ units: summary.spent.units, uploads: summary.spent.uploads }));
  return lines;
}

/**
 * Prints the summary: on stdout as the result (sync), or on stderr as a note (`where: 'note'`,
 * for upload, whose result on stdout is the videos' addresses). When work is left: how much and,
 * after a quota stop, when the quota resets, in local time.
 */
export function printSummary(ui: Ui, summary: SyncSummary, where: 'result' | 'note' = 'result'): void {
  const out = (line: string): void => (where === 'result' ? ui.print(line) : ui.note(line));
  out(ui.style('bold', tr(M.progress.summaryTitle())));
  for (const line of summaryLines(summary)) out(`  ${tr(line)}`);
  if (summary.left > 0) {
    const left =
      summary.quotaResetAt === undefined
        ? M.progress.summaryLeftNoQuota({ n: summary.left })
        : M.progress.summaryLeft({ n: summary.left, resetAt: summary.quotaResetAt });
    out(ui.style('yellow', tr(left)));
  }
  if (summary.findings.length > 0) {
    out(ui.style('yellow', tr(M.settings.findingsTitle())));
    for (const f of summary.findings) out(`  ${tr(M.settings.findingLine({ file: f.relPath, videoId: f.videoId, finding: findingText(f.finding) }))}`);
    out(`  ${tr(M.settings.findingsHint())}`);
  }
  if (summary.processing > 0) out(tr(M.settings.processingTitle({ n: summary.processing })));
}


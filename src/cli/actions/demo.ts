/**
 * What `happytube demo` does (src/cli/commands/demo.ts): the whole tool on examples/happy-school
 * against an in-process emulator (src/demo/): copy, sign in, sync with progress, status, HTML
 * report. Only the report file stays.
 */
import { EventEmitter } from 'node:events';
import { exampleLanguage, runDemo } from '../../demo/index.ts';
import { demo as D } from '../../i18n/catalog/demo.ts';
import { getLang, tr, useLibraryLang } from '../../i18n/index.ts';
import { formatCalendarDate, privacyLabel, statusLabel } from '../../report/format.ts';
import type { SyncEventMap } from '../../sync/events.ts';
import type { CliContext } from '../context.ts';
import { attachProgress, chooseProgressMode, printSummary } from '../progress.ts';

/** `started`: performance.now() when the command began, before this module loaded (the time said at the end is the whole demo's). */
export async function runDemoCommand(ctx: CliContext, started: number): Promise<void> {
  // The example library's language from the first line (unless --lang or HAPPYTUBE_LANG chose).
  useLibraryLang(exampleLanguage());
  const ui = ctx.ui;
  const events = new EventEmitter<SyncEventMap>();
  ui.print(ui.style('bold', tr(D.intro())));
  let stopProgress: (() => void) | undefined;
  let result;
  try {
    result = await runDemo({
      events,
      signal: ctx.signal,
      language: getLang,
      log: ui.verbose ? (line) => ui.debug(line) : undefined,
      onStep: (step) => {
        if (step.kind === 'copied') ui.print(D.copied({ dir: step.dir }));
        else if (step.kind === 'emulator') ui.print(D.emulator({ url: step.url }));
        else if (step.kind === 'signedIn') ui.print(D.signedIn({ channel: step.channel }));
        else {
          ui.print(D.syncing());
          stopProgress = attachProgress(events, ui, chooseProgressMode(ui, false));
        }
      },
    });
  } finally {
    stopProgress?.();
  }
  printSummary(ui, result.summary);
  const lang = getLang();
  ui.print(ui.style('bold', tr(D.statusTitle())));
  for (const playlist of result.model.playlists) {
    ui.print(`  ${tr(D.playlistLine({ title: playlist.title, count: playlist.videos.length }))}`);
    for (const video of playlist.videos) {
      const facts = [privacyLabel(video.privacy, lang), ...(video.processingStatus ? [statusLabel(video.processingStatus, lang)] : [])].join(', ');
      ui.print(`    ${video.date ? `${formatCalendarDate(video.date, lang)}  ` : ''}${video.title}  ${video.url}  (${facts})`);
    }
  }
  ui.print(ui.style('green', tr(D.reportWritten({ file: result.reportFile }))));
  ui.print(D.reportKept());
  ui.print(D.done({ seconds: (performance.now() - started) / 1000 }));
}

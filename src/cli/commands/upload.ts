/**
 * `happytube upload FILE... [--dir DIR] [--playlist KEY] [--title T] [--privacy P]
 * [--limit-rate RATE] [--json] [--yes]`: one clip (or a few) now. The same rendering, validation,
 * state and executor as sync (runSync restricted to the given files, with the overrides), then
 * each video's address on stdout. A file already published prints its existing address and is
 * not uploaded again (the content hash decides, as in sync).
 *
 * The files must be clips of the library (inside its folder). A clip outside the playlist folders
 * needs `--playlist KEY` (else exit 2, naming the keys and folders): a video that lands in no
 * playlist is seldom what was meant. For a clip in a playlist folder, `--playlist` adds one more.
 *
 * Exit codes as sync: 0 done · 1 some file failed for good · 2 bad input, nothing sent · 3 quota,
 * upload limit or interruption (run again: the upload resumes) · 4 sign-in.
 */
import { dirname, relative, resolve } from 'node:path';
import { ExitCode, HappyError, InputError, WorkLeftError } from '../../errors.ts';
import { tr, useLibraryLang } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { Library, Privacy } from '../../library/index.ts';
import type { SyncEventMap } from '../../sync/events.ts';
import type { CliContext } from '../context.ts';
import type { CommandRegistrar } from '../program.ts';

interface UploadFlags {
  dir?: string;
  playlist?: string;
  title?: string;
  privacy?: string;
  limitRate?: string;
  json?: boolean;
  yes?: boolean;
}

export const uploadCommand: CommandRegistrar = (program, ctx) => {
  program
    .command('upload')
    .description(tr(M.progress.uploadDescription()))
    .argument('<file...>', tr(M.progress.argFiles()))
    .option('--dir <dir>', tr(M.progress.optDir()))
    .option('--playlist <key>', tr(M.progress.optPlaylist()))
    .option('--title <title>', tr(M.progress.optTitle()))
    .option('--privacy <privacy>', tr(M.progress.optPrivacy()))
    .option('--limit-rate <rate>', tr(M.progress.optLimitRate()))
    .option('--json', tr(M.cli.optJson()))
    .option('--yes', tr(M.progress.optYes()))
    .action(async (files: string[], flags: UploadFlags) => {
      await runUploadCommand(ctx, files, flags);
    });
};

const PRIVACIES: readonly string[] = ['public', 'unlisted', 'private'] satisfies Privacy[];

function isPrivacy(value: string): value is Privacy {
  return PRIVACIES.includes(value);
}

/** What the user asked to change, checked before anything is read or sent. */
async function parseOverrides(flags: UploadFlags): Promise<{ playlist?: string; title?: string; privacy?: Privacy }> {
  const out: { playlist?: string; title?: string; privacy?: Privacy } = {};
  if (flags.playlist !== undefined) out.playlist = flags.playlist;
  if (flags.privacy !== undefined) {
    if (!isPrivacy(flags.privacy)) throw new InputError(M.progress.badPrivacy({ value: flags.privacy }), { hint: M.progress.badPrivacyHint() });
    out.privacy = flags.privacy;
  }
  if (flags.title !== undefined) {
    const { LIMITS, measure } = await import('../../library/index.ts');
    const title = flags.title.normalize('NFC');
    const { chars } = measure(title);
    if (title.trim() === '' || chars > LIMITS.titleChars || /[<>]/.test(title)) {
      throw new InputError(M.progress.badTitle({ chars, max: LIMITS.titleChars }), { hint: M.progress.badTitleHint() });
    }
    out.title = title;
  }
  return out;
}

/**
 * Every file must be a clip of the library, and have a playlist: its folder's, or `--playlist`
 * for a clip outside the playlist folders (see the module comment).
 */
function checkFilesAreClips(library: Library, given: readonly { shown: string; relPath: string }[], playlist: string | undefined): void {
  const clips = new Map(library.clips.map((c) => [c.relPath, c]));
  const folders = library.playlists.map((p) => `${p.folder}/`).join(', ');
  for (const file of given) {
    const clip = clips.get(file.relPath);
    if (clip === undefined) throw new InputError(M.progress.notAClip({ file: file.shown, root: library.root }), { hint: M.progress.notAClipHint({ folders }) });
    if (clip.playlists.length === 0 && playlist === undefined) {
      throw new InputError(M.progress.needsPlaylist({ file: file.shown }), {
        hint: M.progress.needsPlaylistHint({ keys: library.playlists.map((p) => p.key).join(', '), folders }),
      });
    }
  }
}

async function runUploadCommand(ctx: CliContext, files: readonly string[], flags: UploadFlags): Promise<void> {
  const { stat } = await import('node:fs/promises');
  const { EventEmitter } = await import('node:events');
  const { findLibraryRoot } = await import('../../library/index.ts');
  const { pathKey } = await import('../../state/index.ts');
  const { runSync, LibraryInvalidError } = await import('../../sync/run.ts');
  const { planLines } = await import('../../sync/report.ts');
  const { parseRate } = await import('../../youtube/rate-limit.ts');
  const { attachProgress, chooseProgressMode, formatClock, printSummary } = await import('../progress.ts');
  const ui = ctx.ui;

  const limitRate = flags.limitRate === undefined ? undefined : parseRate(flags.limitRate);
  const overrides = await parseOverrides(flags);
  const absolute = files.map((f) => resolve(ctx.cwd, f));
  for (const [i, path] of absolute.entries()) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) throw new InputError(M.progress.fileMissing({ file: files[i]! }), { hint: M.progress.fileMissingHint() });
  }
  const root = flags.dir === undefined ? findLibraryRoot(dirname(absolute[0]!)) : resolve(ctx.cwd, flags.dir);
  if (root === undefined) throw new InputError(M.progress.noLibrary({ file: files[0]! }), { hint: M.progress.noLibraryHint() });
  const given = absolute.map((path, i) => ({ shown: files[i]!, path, relPath: pathKey(relative(root, path)) }));

  const json = flags.json === true;
  const events = new EventEmitter<SyncEventMap>();
  const stopProgress = attachProgress(events, ui, chooseProgressMode(ui, json));
  const canAsk = !json && flags.yes !== true && ui.interactive && process.stdin.isTTY === true;

  let result;
  try {
    result = await runSync({
      dir: root,
      only: absolute,
      overrides,
      ...(limitRate === undefined ? {} : { limitRate }),
      events,
      environment: ctx.environment([root]),
      signal: ctx.signal,
      cwd: ctx.cwd,
      onLibrary: (library) => {
        useLibraryLang(library.config.language);
        checkFilesAreClips(library, given, overrides.playlist);
      },
      log: ui.verbose ? (line: string) => ui.debug(line) : undefined,
      confirm: async (plan, budget) => {
        if (!canAsk) return true;
        for (const line of planLines(plan, budget.remaining())) ui.note(line);
        const { confirm } = await import('@inquirer/prompts');
        const yes = await confirm({ message: tr(M.sync.confirm({ units: plan.cost.units, uploads: plan.cost.uploads })), default: true }, { signal: ctx.signal });
        if (!yes) ui.note(M.sync.cancelled());
        return yes;
      },
    });
  } catch (error) {
    stopProgress();
    if (error instanceof LibraryInvalidError) {
      const { checkJson, checkLines } = await import('../../library/check.ts');
      if (json) ui.json(checkJson(error.library));
      else for (const line of checkLines(error.library)) ui.note(line.text);
    }
    throw error;
  }
  stopProgress();

  const uploadedNow = new Set(result.plan.clips.filter((w) => w.steps.some((s) => s.kind === 'video.upload')).map((w) => w.relPath));
  const skipped = new Set(result.library.clips.filter((c) => c.skip).map((c) => c.relPath));
  const outcomes = given.map((file) => {
    const videoId = result.videos.get(file.relPath);
    const url = videoId === undefined ? undefined : `https://www.youtube.com/watch?v=${videoId}`;
    const status =
      url === undefined
        ? skipped.has(file.relPath)
          ? 'skipped'
          : 'not-uploaded'
        : uploadedNow.has(file.relPath)
          ? 'uploaded'
          : 'already-published';
    return { file: file.shown, relPath: file.relPath, videoId: videoId ?? null, url: url ?? null, status, failure: result.failures.get(file.relPath) ?? null };
  });

  if (json) {
    ui.json({
      cancelled: result.cancelled,
      files: outcomes,
      summary: { ...result.summary, quotaResetAt: result.summary.quotaResetAt?.toISOString() ?? null },
    });
  } else if (!result.cancelled) {
    for (const o of outcomes) {
      if (o.url === null) ui.note(o.status === 'skipped' ? M.progress.skippedClip({ file: o.file }) : M.progress.notUploaded({ file: o.file }));
      else if (o.status === 'already-published') ui.print(tr(M.progress.alreadyPublished({ file: o.file, url: o.url })));
      else ui.print(tr(M.progress.uploadedUrl({ file: o.file, url: o.url })));
    }
    printSummary(ui, result.summary, 'note');
  }

  const { stop, summary } = result;
  if (stop?.kind === 'quota') {
    throw new WorkLeftError(M.sync.quotaLeft({ left: summary.left, time: formatClock(summary.quotaResetAt ?? new Date()) }), { hint: M.sync.quotaLeftHint() });
  }
  if (stop?.kind === 'interrupted') throw stop.error;
  if (result.failures.size > 0) throw new HappyError(ExitCode.failure, M.sync.someFailed({ count: result.failures.size }), { hint: M.sync.someFailedHint() });
}

/**
 * What `happytube upload FILE...` does (its options: src/cli/commands/upload.ts): one clip (or a
 * few) now. The same rendering, validation, state and executor as sync (runSync restricted to the
 * given files), then each video's address on stdout. A file already published prints its existing address and is not uploaded again (the
 * content hash decides, as in sync).
 *
 * The folder is the single truth: what the options ask for is saved in each clip's sidecar
 * (`--title` → `title`, `--privacy` → `privacy`, `--template` → `template`, `--playlist` → one more
 * key of `playlists` unless the clip is in that playlist already) before anything is sent, so the
 * next sync keeps it instead of undoing it. The library is read and validated first, and the
 * options against it (a known playlist key and template); only then are the sidecars written, and
 * they are put back as they were if the library, read again with them, does not validate (e.g. a
 * template that needs variables the clip lacks): bad input leaves nothing behind.
 *
 * The files must be clips of the library (inside its folder). A clip outside the playlist folders
 * needs `--playlist KEY` (else exit 2, naming the keys and folders): a video that lands in no
 * playlist is seldom what was meant. For a clip in a playlist folder, `--playlist` adds one more.
 *
 * Exit codes as sync: 0 done · 1 some file failed for good · 2 bad input, nothing sent · 3 quota,
 * upload limit or interruption (run again: the upload resumes) · 4 sign-in.
 */
import { EventEmitter } from 'node:events';
import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Environment } from '../../config/env.ts';
import { InputError } from '../../errors.ts';
import { tr, useLibraryLang } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import { cachedHasher, countDiagnostics } from '../../library/check.ts';
import { findLibraryRoot, LIMITS, loadLibrary, measure, TEMPLATES_DIR } from '../../library/index.ts';
import type { Library, Privacy } from '../../library/index.ts';
import { restoreSidecar, sidecarPathFor, writeSidecar } from '../../library/sidecar-write.ts';
import type { SidecarChanges, SidecarWrite } from '../../library/sidecar-write.ts';
import { pathKey } from '../../state/index.ts';
import type { SyncEventMap } from '../../sync/events.ts';
import { awakeWhileUploading } from '../../util/keep-awake.ts';
import { planLines } from '../../sync/plan-text.ts';
import { LibraryInvalidError, runSync, startClient } from '../../sync/run.ts';
import type { SyncResult } from '../../sync/run.ts';
import type { LogSink, YouTubeClient } from '../../youtube/client.ts';
import { videoUrl } from '../../youtube/links.ts';
import { parseRateLimit } from '../../youtube/rate-limit.ts';
import type { RateLimit } from '../../youtube/rate-limit.ts';
import { confirmSpending, mayAsk } from '../confirm.ts';
import type { CliContext } from '../context.ts';
import { endRun, showLibraryErrors, summaryJson } from '../ending.ts';
import { attachProgress, chooseProgressMode, printSummary } from '../progress.ts';
import type { Ui } from '../ui.ts';

export interface UploadFlags {
  dir?: string;
  playlist?: string;
  title?: string;
  privacy?: string;
  template?: string;
  limitRate?: string;
  json?: boolean;
  yes?: boolean;
}

/**
 * The upload, in the order that keeps bad input harmless: the request and the files checked, the
 * library read and validated, the request checked against it — and only then the sidecars
 * written and the sync of these files run. The sign-in goes on meanwhile.
 */
export async function runUploadCommand(ctx: CliContext, files: readonly string[], flags: UploadFlags): Promise<void> {
  const json = flags.json === true;
  const limitRate = flags.limitRate === undefined ? undefined : parseRateLimit(flags.limitRate);
  const request = parseRequest(flags);
  const { root, given } = await findGivenFiles(ctx, files, flags.dir);
  // The client loads and signs in meanwhile (nothing goes to YouTube before runSync has checked).
  const environment = ctx.environment([root]);
  const log = ctx.ui.verbose ? (line: string) => ctx.ui.debug(line) : undefined;
  const client = startClient(environment, root, log);
  client.catch(() => undefined); // awaited by runSync, after the library is found valid

  const before = await validLibrary(ctx.ui, root, json);
  checkRequest(before, given, request);
  const writes = await saveInSidecars(before, given, request);
  const result = await syncGiven(ctx, flags, { root, given, before, writes, client, environment, log, limitRate });
  showOutcomes(ctx.ui, result, fileOutcomes(result, root, given, writes), json);
  endRun(result);
}

const PRIVACIES: readonly string[] = ['public', 'unlisted', 'private'] satisfies Privacy[];

function isPrivacy(value: string): value is Privacy {
  return PRIVACIES.includes(value);
}

/** What the user asked to save, checked as far as it can be before the library is read. */
function parseRequest(flags: UploadFlags): SidecarChanges {
  const out: SidecarChanges = {};
  if (flags.playlist !== undefined) out.playlist = flags.playlist.normalize('NFC');
  if (flags.template !== undefined) out.template = flags.template.normalize('NFC');
  if (flags.privacy !== undefined) {
    if (!isPrivacy(flags.privacy)) throw new InputError(M.progress.badPrivacy({ value: flags.privacy }), { hint: M.progress.badPrivacyHint() });
    out.privacy = flags.privacy;
  }
  if (flags.title !== undefined) {
    const title = flags.title.normalize('NFC');
    const { chars } = measure(title);
    if (title.trim() === '' || chars > LIMITS.titleChars || /[<>]/.test(title)) {
      throw new InputError(M.progress.badTitle({ chars, max: LIMITS.titleChars }), { hint: M.progress.badTitleHint() });
    }
    out.title = title;
  }
  return out;
}

interface GivenFile {
  /** As typed. */
  shown: string;
  path: string;
  relPath: string;
}

/** The files as typed: each an existing file; the library they belong to (`--dir`, or the one around the first file). */
async function findGivenFiles(ctx: CliContext, files: readonly string[], dir: string | undefined): Promise<{ root: string; given: GivenFile[] }> {
  const absolute = files.map((f) => resolve(ctx.cwd, f));
  for (const [i, path] of absolute.entries()) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) throw new InputError(M.progress.fileMissing({ file: files[i]! }), { hint: M.progress.fileMissingHint() });
  }
  const root = dir === undefined ? findLibraryRoot(dirname(absolute[0]!)) : resolve(ctx.cwd, dir);
  if (root === undefined) throw new InputError(M.progress.noLibrary({ file: files[0]! }), { hint: M.progress.noLibraryHint() });
  return { root, given: absolute.map((path, i) => ({ shown: files[i]!, path, relPath: pathKey(relative(root, path)) })) };
}

/** The library as it is, in its language; its errors shown and thrown (exit 2) when it does not validate — before anything is written or sent. */
async function validLibrary(ui: Ui, root: string, json: boolean): Promise<Library> {
  const hasher = await cachedHasher(root);
  const library = await loadLibrary(root, { hashFile: hasher.hashFile });
  await hasher.save();
  useLibraryLang(library.config.language);
  const counts = countDiagnostics(library);
  if (counts.errors > 0) {
    const invalid = new LibraryInvalidError(library, counts.errors, counts.filesWithErrors);
    showLibraryErrors(ui, invalid, json);
    throw invalid;
  }
  return library;
}

/**
 * The request against the library: a known playlist key and template; every file a clip of the
 * library with a playlist — its folder's, or `--playlist` for a clip outside the playlist folders.
 */
function checkRequest(library: Library, given: readonly GivenFile[], request: SidecarChanges): void {
  const { playlist, template } = request;
  if (playlist !== undefined && !library.playlists.some((p) => p.key === playlist)) {
    throw new InputError(M.sync.unknownPlaylist({ key: playlist }), { hint: M.sync.unknownPlaylistHint({ known: library.playlists.map((p) => p.key).join(', ') }) });
  }
  if (template !== undefined) {
    if (!library.templates.includes(template)) {
      throw new InputError(M.progress.unknownTemplate({ name: template, dir: join(library.root, TEMPLATES_DIR) }), { hint: M.progress.unknownTemplateHint({ known: library.templates.join(', ') }) });
    }
  }
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

/** Saves the request in the sidecar of each given clip (once per clip); returns what was written, by relPath. */
async function saveInSidecars(library: Library, given: readonly GivenFile[], request: SidecarChanges): Promise<Map<string, SidecarWrite>> {
  const writes = new Map<string, SidecarWrite>();
  for (const clip of library.clips) {
    if (!given.some((g) => g.relPath === clip.relPath)) continue;
    const changes: SidecarChanges = { ...request };
    if (request.playlist !== undefined && clip.playlists.includes(request.playlist)) delete changes.playlist;
    const write = await writeSidecar(clip, changes, pathKey(relative(library.root, sidecarPathFor(clip))));
    if (write.keys.length > 0) writes.set(clip.relPath, write);
  }
  return writes;
}

/** A sidecar's path as the library names it (relative to its folder, with `/`). */
function sidecarOf(root: string, write: SidecarWrite): string {
  return pathKey(relative(root, write.path));
}

/** What the sync of the given files needs from the stages before it. */
interface GivenSync {
  root: string;
  given: readonly GivenFile[];
  /** The library before the sidecars were written. */
  before: Library;
  /** What was saved in sidecars, by relPath. */
  writes: ReadonlyMap<string, SidecarWrite>;
  client: Promise<YouTubeClient>;
  environment: Environment;
  log: LogSink | undefined;
  limitRate: RateLimit | undefined;
}

/**
 * runSync restricted to the given files, with progress and the question before spending. When the
 * library, read again with the saved sidecars, does not validate, nothing was sent: its errors are
 * shown and the sidecars put back as they were.
 */
async function syncGiven(ctx: CliContext, flags: UploadFlags, run: GivenSync): Promise<SyncResult> {
  const { ui } = ctx;
  const { root, writes } = run;
  const events = new EventEmitter<SyncEventMap>();
  const hideProgress = attachProgress(events, ui, chooseProgressMode(ui, flags.json === true));
  const letSleep = awakeWhileUploading(events);
  const stopProgress = (): void => {
    hideProgress();
    letSleep();
  };
  const canAsk = mayAsk(ctx, flags);
  let result: SyncResult;
  try {
    result = await runSync(
      {
        dir: root,
        // Read again only when a sidecar changed: it must validate with the rest of the library.
        ...(writes.size === 0 ? { library: run.before } : {}),
        only: run.given.map((g) => g.path),
        cwd: ctx.cwd,
        ...(run.limitRate === undefined ? {} : { limitRate: run.limitRate }),
      },
      {
        environment: run.environment,
        client: run.client,
        events,
        signal: ctx.signal,
        onLibrary: (library) => {
          useLibraryLang(library.config.language);
          for (const w of writes.values()) ui.note(M.progress.savedInSidecar({ sidecar: sidecarOf(root, w), keys: w.keys.join(', ') }));
        },
        log: run.log,
        confirm: async (plan, budget) => {
          if (!canAsk) return true;
          for (const line of planLines(plan, budget.remaining())) ui.note(line);
          return confirmSpending(ctx, plan.cost);
        },
      },
    );
  } catch (error) {
    stopProgress();
    if (error instanceof LibraryInvalidError) {
      showLibraryErrors(ui, error, flags.json === true);
      for (const w of writes.values()) {
        await restoreSidecar(w);
        ui.note(M.progress.sidecarRestored({ sidecar: sidecarOf(root, w) }));
      }
    }
    throw error;
  }
  stopProgress();
  return result;
}

/** What became of one given file, as --json gives it. */
interface FileOutcome {
  file: string;
  relPath: string;
  videoId: string | null;
  url: string | null;
  status: 'uploaded' | 'already-published' | 'skipped' | 'not-uploaded';
  /** The sidecar the options were saved in, if any. */
  sidecar: string | null;
  failure: string | null;
}

function fileOutcomes(result: SyncResult, root: string, given: readonly GivenFile[], writes: ReadonlyMap<string, SidecarWrite>): FileOutcome[] {
  const uploadedNow = new Set(result.plan.clips.filter((w) => w.steps.some((s) => s.kind === 'video.upload')).map((w) => w.relPath));
  const skipped = new Set(result.library.clips.filter((c) => c.skip).map((c) => c.relPath));
  return given.map((file) => {
    const videoId = result.videos.get(file.relPath);
    const url = videoId === undefined ? undefined : videoUrl(videoId);
    const status =
      url === undefined
        ? skipped.has(file.relPath)
          ? 'skipped'
          : 'not-uploaded'
        : uploadedNow.has(file.relPath)
          ? 'uploaded'
          : 'already-published';
    const write = writes.get(file.relPath);
    return {
      file: file.shown,
      relPath: file.relPath,
      videoId: videoId ?? null,
      url: url ?? null,
      status,
      sidecar: write === undefined ? null : sidecarOf(root, write),
      failure: result.failures.get(file.relPath) ?? null,
    };
  });
}

/** Each file's address on stdout (what else is said goes to stderr), then the summary; or the one JSON document. */
function showOutcomes(ui: Ui, result: SyncResult, outcomes: readonly FileOutcome[], json: boolean): void {
  if (json) {
    ui.json({
      cancelled: result.cancelled,
      files: outcomes,
      summary: summaryJson(result.summary),
    });
  } else if (!result.cancelled) {
    for (const o of outcomes) {
      if (o.url === null) ui.note(o.status === 'skipped' ? M.progress.skippedClip({ file: o.file }) : M.progress.notUploaded({ file: o.file }));
      else if (o.status === 'already-published') ui.print(tr(M.progress.alreadyPublished({ file: o.file, url: o.url })));
      else ui.print(tr(M.progress.uploadedUrl({ file: o.file, url: o.url })));
    }
    printSummary(ui, result.summary, 'note');
  }
}

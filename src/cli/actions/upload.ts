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
import { planLines } from '../../sync/report.ts';
import { LibraryInvalidError, runSync, startClient } from '../../sync/run.ts';
import { videoUrl } from '../../youtube/links.ts';
import { parseRateLimit } from '../../youtube/rate-limit.ts';
import { confirmSpending, mayAsk } from '../confirm.ts';
import type { CliContext } from '../context.ts';
import { endRun, showLibraryErrors, summaryJson } from '../ending.ts';
import { attachProgress, chooseProgressMode, printSummary } from '../progress.ts';

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

/** Saves the request in the sidecar of each given clip (once per clip); returns what was written. */
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

export async function runUploadCommand(ctx: CliContext, files: readonly string[], flags: UploadFlags): Promise<void> {
  const ui = ctx.ui;
  const json = flags.json === true;

  const limitRate = flags.limitRate === undefined ? undefined : parseRateLimit(flags.limitRate);
  const request = parseRequest(flags);
  const absolute = files.map((f) => resolve(ctx.cwd, f));
  for (const [i, path] of absolute.entries()) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) throw new InputError(M.progress.fileMissing({ file: files[i]! }), { hint: M.progress.fileMissingHint() });
  }
  const root = flags.dir === undefined ? findLibraryRoot(dirname(absolute[0]!)) : resolve(ctx.cwd, flags.dir);
  if (root === undefined) throw new InputError(M.progress.noLibrary({ file: files[0]! }), { hint: M.progress.noLibraryHint() });
  const given: GivenFile[] = absolute.map((path, i) => ({ shown: files[i]!, path, relPath: pathKey(relative(root, path)) }));

  // The client loads and signs in meanwhile (nothing goes to YouTube before runSync has checked).
  const environment = ctx.environment([root]);
  const log = ui.verbose ? (line: string) => ui.debug(line) : undefined;
  const client = startClient(environment, root, log);
  client.catch(() => undefined); // awaited by runSync, after the library is found valid

  // The library as it is, valid, and the request against it — before anything is written or sent.
  const hasher = await cachedHasher(root);
  const before = await loadLibrary(root, { hashFile: hasher.hashFile });
  await hasher.save();
  useLibraryLang(before.config.language);
  const counts = countDiagnostics(before);
  if (counts.errors > 0) {
    const invalid = new LibraryInvalidError(before, counts.errors, counts.filesWithErrors);
    showLibraryErrors(ui, invalid, json);
    throw invalid;
  }
  checkRequest(before, given, request);
  const writes = await saveInSidecars(before, given, request);
  const sidecarOf = (w: SidecarWrite): string => pathKey(relative(root, w.path));

  const events = new EventEmitter<SyncEventMap>();
  const stopProgress = attachProgress(events, ui, chooseProgressMode(ui, json));
  const canAsk = mayAsk(ctx, flags);

  let result;
  try {
    result = await runSync(
      {
        dir: root,
        // Read again only when a sidecar changed: it must validate with the rest of the library.
        ...(writes.size === 0 ? { library: before } : {}),
        only: absolute,
        cwd: ctx.cwd,
        ...(limitRate === undefined ? {} : { limitRate }),
      },
      {
        environment,
        client,
        events,
        signal: ctx.signal,
        onLibrary: (library) => {
          useLibraryLang(library.config.language);
          for (const w of writes.values()) ui.note(M.progress.savedInSidecar({ sidecar: sidecarOf(w), keys: w.keys.join(', ') }));
        },
        log,
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
      // The saved values do not validate with the rest of the library: nothing was sent; put the sidecars back.
      showLibraryErrors(ui, error, json);
      for (const w of writes.values()) {
        await restoreSidecar(w);
        ui.note(M.progress.sidecarRestored({ sidecar: sidecarOf(w) }));
      }
    }
    throw error;
  }
  stopProgress();

  const uploadedNow = new Set(result.plan.clips.filter((w) => w.steps.some((s) => s.kind === 'video.upload')).map((w) => w.relPath));
  const skipped = new Set(result.library.clips.filter((c) => c.skip).map((c) => c.relPath));
  const outcomes = given.map((file) => {
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
      sidecar: write === undefined ? null : sidecarOf(write),
      failure: result.failures.get(file.relPath) ?? null,
    };
  });

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

  endRun(result);
}

/**
 * The report of `happytube check`: what each clip would become on YouTube, then every error and
 * warning grouped by file. Pure: it returns lines and a JSON document; the command prints them.
 */
import { existsSync } from 'node:fs';
import { VIETNAM_TIME_ZONE } from '../i18n/format.ts';
import type { Text } from '../i18n/index.ts';
import { joinText, same, tr } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { HashCache, stateDir } from '../state/index.ts';
import type { FileStamp } from '../state/hash-cache.ts';
import { sha256File } from '../util/sha256.ts';
import type { Clip, Diagnostic, Library, LoadOptions } from './types.ts';

/**
 * Content hashes for duplicate detection from the library's hash cache (.happytube/hashes.json),
 * when the library has state already: only new or changed files are read. `save` records the
 * hashes computed. Without state, check creates none and hashes directly.
 */
export async function cachedHasher(root: string): Promise<{ hashFile: NonNullable<LoadOptions['hashFile']>; save: () => Promise<void> }> {
  const dir = stateDir(root);
  if (!existsSync(dir)) return { hashFile: (c) => sha256File(c.path), save: () => Promise.resolve() };
  const cache = await HashCache.load(dir);
  const computed: { stamp: FileStamp; sha256: string }[] = [];
  return {
    hashFile: (c) => cache.sha256(c, (stamp, sha256) => void computed.push({ stamp, sha256 })),
    // The cache coalesces concurrent saves: one or two writes however many hashes are new.
    save: async () => {
      await Promise.all(computed.map(({ stamp, sha256 }) => cache.remember(stamp, sha256)));
    },
  };
}

export interface CheckCounts {
  clips: number;
  errors: number;
  warnings: number;
  /** Files with at least one error. */
  filesWithErrors: number;
}

export function countDiagnostics(library: Library): CheckCounts {
  const errors = library.diagnostics.filter((d) => d.severity === 'error');
  return {
    clips: library.clips.length,
    errors: errors.length,
    warnings: library.diagnostics.length - errors.length,
    filesWithErrors: new Set(errors.map((d) => d.file)).size,
  };
}

function timezoneOf(library: Library): string {
  return library.config.schedule?.timezone ?? VIETNAM_TIME_ZONE;
}

/** Where a diagnostic points: "line 12, defaults.privacy". */
function place(d: Diagnostic): Text | undefined {
  const parts: Text[] = [];
  if (d.line !== undefined) parts.push(M.check.line({ line: d.line }));
  if (d.field !== undefined) parts.push(M.check.field({ field: d.field }));
  return parts.length > 0 ? joinText(parts, ', ') : undefined;
}

export interface CheckLine {
  text: Text;
  style?: 'bold' | 'red' | 'yellow' | 'dim' | 'green';
}

/** The human report, line by line. */
export function checkLines(library: Library): CheckLine[] {
  const out: CheckLine[] = [];
  const tz = timezoneOf(library);
  if (library.clips.length === 0) {
    out.push({ text: M.check.noClips() });
  } else {
    out.push({ text: M.check.clipsTitle({ count: library.clips.length }), style: 'bold' });
    for (const clip of library.clips) {
      const m = clip.metadata;
      out.push({ text: same(clip.relPath), style: clip.hasErrors ? 'red' : 'bold' });
      out.push({ text: joinText([same('  '), M.check.title(), same(`: ${m.title}`)], '') });
      const playlists = clip.playlists.length > 0 ? same(clip.playlists.join(', ')) : M.check.noPlaylist();
      const publish = m.publishAt ? M.check.publishAt({ iso: m.publishAt, timeZone: tz }) : M.check.publishNow();
      out.push({
        text: joinText([
          joinText([same('  '), M.check.playlists(), same(': '), playlists], ''),
          joinText([M.check.privacy(), same(': '), M.check.privacyValue({ privacy: m.privacy })], ''),
          joinText([M.check.publish(), same(': '), publish], ''),
        ], ' · '),
      });
      const settings = settingsText(clip);
      if (settings.length > 0) out.push({ text: joinText([same('  '), joinText(settings, ' · ')], '') });
      if (clip.skip) out.push({ text: joinText([same('  '), M.check.skipped()], ''), style: 'dim' });
      if (clip.duplicateOf) out.push({ text: joinText([same('  '), M.check.duplicateOf({ original: clip.duplicateOf })], ''), style: 'dim' });
    }
  }
  if (library.diagnostics.length > 0) {
    out.push({ text: same('') });
    out.push({ text: M.check.problemsTitle(), style: 'bold' });
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of library.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
    for (const [file, list] of byFile) {
      out.push({ text: same(file), style: 'bold' });
      for (const d of list) {
        const where = place(d);
        const prefix = d.severity === 'error' ? M.cli.errorPrefix() : M.cli.warningPrefix();
        out.push({
          text: joinText([same('  '), prefix, same(' '), where ? joinText([where, same(': ')], '') : same(''), d.message], ''),
          style: d.severity === 'error' ? 'red' : 'yellow',
        });
        if (d.fix) out.push({ text: joinText([same('    '), M.cli.fixPrefix(), same(' '), d.fix], '') });
      }
    }
  }
  const counts = countDiagnostics(library);
  out.push({ text: same('') });
  out.push({ text: M.check.summary(counts), style: 'bold' });
  if (counts.errors === 0) out.push({ text: M.check.allGood(), style: 'green' });
  return out;
}

/** What a clip sets apart from YouTube's defaults, and whether it will be a Short. */
export function settingsText(clip: Clip): Text[] {
  const m = clip.metadata;
  const out: Text[] = [];
  if (clip.short && clip.media) out.push(M.settings.short({ width: clip.media.width, height: clip.media.height, seconds: Math.round(clip.media.durationSec) }));
  if (!clip.notifySubscribers) out.push(M.settings.noNotification());
  if (m.license === 'creativeCommon') out.push(M.settings.creativeCommon());
  if (m.embeddable === false) out.push(M.settings.notEmbeddable());
  if (m.publicStatsViewable === false) out.push(M.settings.statsHidden());
  const langs = Object.keys(m.localizations ?? {});
  if (langs.length > 0) out.push(M.settings.localizations({ langs }));
  return out;
}

/** The one JSON document of `check --json`; messages in the current language. */
export function checkJson(library: Library): unknown {
  const counts = countDiagnostics(library);
  return {
    root: library.root,
    ok: counts.errors === 0,
    counts,
    playlists: library.playlists,
    clips: library.clips.map((c) => ({
      relPath: c.relPath,
      size: c.size,
      playlists: c.playlists,
      skip: c.skip,
      duplicateOf: c.duplicateOf ?? null,
      hasErrors: c.hasErrors,
      template: c.template,
      thumbnail: c.thumbnailPath ?? null,
      captions: c.captions.map((x) => ({ lang: x.lang, format: x.format, path: x.path })),
      metadata: c.metadata,
      metadataHash: c.metadataHash,
      notifySubscribers: c.notifySubscribers,
      media: c.media ?? null,
      short: c.short,
    })),
    diagnostics: library.diagnostics.map((d) => ({
      severity: d.severity,
      file: d.file,
      line: d.line ?? null,
      field: d.field ?? null,
      message: tr(d.message),
      fix: d.fix ? tr(d.fix) : null,
    })),
  };
}

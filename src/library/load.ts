/**
 * The library folder → validated clips and playlists (docs/library.md). Reads happytube.yaml, the
 * templates (each parsed once), sidecars, thumbnails and captions; of the clips themselves only
 * their size and the first bytes (the container sniff). Every file is read through files.ts
 * (inside the library, regular, bounded, UTF-8). Problems become diagnostics; only a missing or
 * unreadable happytube.yaml throws.
 */
import { closeSync, existsSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import type { Liquid } from 'liquidjs';
import { digestOf } from '../state/digest.ts';
import { readUpTo } from '../util/regular-file.ts';
import { mapLimit } from '../util/pool.ts';
import { sha256File } from '../util/sha256.ts';
import { M } from '../i18n/messages.ts';
import { checkCaptions } from './captions.ts';
import { CONFIG_FILE, LANGUAGE_TAG, readConfig, readConfigFile } from './config.ts';
import type { FileProblem } from './files.ts';
import { YAML_MAX_BYTES, libraryRealRoot, openLibraryFile, readLibraryText } from './files.ts';
import { CAPTION_EXTENSIONS, DEFAULT_CATEGORY, LIMITS, SIDECAR_EXTENSIONS, THUMBNAIL_EXTENSIONS, VIDEO_EXTENSIONS } from './limits.ts';
import { checkMetadata, isCalendarDate, parsePublishAt } from './rules.ts';
import type { Sidecar } from './sidecar.ts';
import { readSidecar } from './sidecar.ts';
import { SNIFF_BYTES, imageType, videoContainer } from './sniff.ts';
import { mergeSettings } from './settings.ts';
import { channelUrl } from '../youtube/links.ts';
import { channelLinkStandIn, playlistLinkStandIn } from './links.ts';
import { isShort, mediaInfoOf } from './media.ts';
import type { CompiledTemplate, TemplateVariables } from './templates.ts';
import { BUILT_IN_TEMPLATE, builtInTemplate, compileTemplate, makeEngine, renderTemplate, splitTags } from './templates.ts';
import type { Caption, Clip, ClipMetadata, Diagnostic, Library, LibraryConfig, LoadOptions, MediaInfo, PlaylistSpec } from './types.ts';
import type { YamlSource } from './yaml.ts';
import { fieldName, lineOf } from './yaml.ts';

export const TEMPLATES_DIR = 'templates';

/** Containers whose header gives the picture size and length (src/library/media.ts). */
const HEADER_CONTAINERS: ReadonlySet<string> = new Set(['mp4', 'quicktime', 'matroska']);

/** The nearest folder, from `start` upwards, that holds happytube.yaml (as git finds .git). */
export function findLibraryRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A folder's files, by NFC name, with their on-disk names. */
interface Folder {
  /** Relative to the root, '/' separators, NFC; '' for the root. */
  rel: string;
  abs: string;
  /** NFC name → on-disk name. */
  files: Map<string, string>;
}

async function walk(root: string): Promise<Folder[]> {
  const out: Folder[] = [];
  const visit = async (abs: string, rel: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch {
      return;
    }
    const folder: Folder = { rel, abs, files: new Map() };
    out.push(folder);
    const subdirs: Promise<void>[] = [];
    for (const entry of entries) {
      const name = entry.name.normalize('NFC');
      if (name.startsWith('.')) continue; // hidden files and .happytube/
      if (entry.isDirectory()) {
        if (rel === '' && name === TEMPLATES_DIR) continue;
        subdirs.push(visit(join(abs, entry.name), rel === '' ? name : `${rel}/${name}`));
      } else {
        folder.files.set(name, entry.name);
      }
    }
    await Promise.all(subdirs);
  };
  await visit(root, '');
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

const lower = (name: string): string => name.toLowerCase();

function hasExt(name: string, exts: readonly string[]): boolean {
  return exts.includes(lower(extname(name)));
}

function stripExt(name: string): string {
  return name.slice(0, name.length - extname(name).length);
}

function emptyConfig(text: string): LibraryConfig {
  const language = /^language:\s*["']?(vi|en)["']?\s*(#.*)?$/m.exec(text)?.[1] as 'vi' | 'en' | undefined;
  return {
    language,
    school: { name: '', website: undefined },
    channel: { id: undefined },
    defaults: { template: undefined, privacy: undefined, madeForKids: undefined, category: undefined, language: undefined },
    limitRate: undefined,
    quota: { units: undefined, uploads: undefined },
    schedule: undefined,
    playlists: [],
    report: { departmentEmail: undefined },
  };
}

/** Everything one clip needs from its folder: the video, its sidecar, thumbnail and captions. */
interface ClipFiles {
  folder: Folder;
  name: string;
  stem: string;
  sidecar: string | undefined;
  thumbnail: string | undefined;
  captions: { lang: string; name: string; format: 'srt' | 'vtt' }[];
}

class Loader {
  readonly root: string;
  /** The root after symbolic links: every file the library names must resolve inside it. */
  readonly realRoot: string;
  readonly now: Date;
  readonly diagnostics: Diagnostic[] = [];
  #engine: Liquid | undefined;
  readonly templates = new Map<string, CompiledTemplate | undefined>();
  defaultTemplate = BUILT_IN_TEMPLATE;
  config!: LibraryConfig;
  configSource!: YamlSource;
  /** Template problems reported once per template, field and detail. */
  readonly reportedTemplateProblems = new Set<string>();

  constructor(root: string, now: Date) {
    this.root = root;
    this.realRoot = libraryRealRoot(root);
    this.now = now;
  }

  /** Made once the configuration is read: its dates speak the library's language. */
  get engine(): Liquid {
    this.#engine ??= makeEngine(this.config.language ?? 'vi');
    return this.#engine;
  }

  diag(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  async loadTemplates(): Promise<void> {
    this.templates.set(BUILT_IN_TEMPLATE, builtInTemplate(this.engine));
    let names: string[];
    try {
      names = (await readdir(join(this.root, TEMPLATES_DIR))).filter((n) => !n.startsWith('.') && hasExt(n, SIDECAR_EXTENSIONS));
    } catch {
      names = [];
    }
    for (const onDisk of names.sort()) {
      const name = stripExt(onDisk.normalize('NFC'));
      const file = `${TEMPLATES_DIR}/${onDisk.normalize('NFC')}`;
      const read = readLibraryText(join(this.root, TEMPLATES_DIR, onDisk), file, { maxBytes: YAML_MAX_BYTES, realRoot: this.realRoot });
      if (!read.ok) {
        this.diag(problemAt(file, read));
        this.templates.set(name, undefined);
        continue;
      }
      this.templates.set(name, compileTemplate(this.engine, name, file, read.text, this.diagnostics));
    }
    const wanted = this.config.defaults.template;
    if (wanted !== undefined) {
      if (!this.templates.has(wanted)) {
        this.diag({
          severity: 'error',
          file: CONFIG_FILE,
          line: lineOf(this.configSource, ['defaults', 'template']),
          field: 'defaults.template',
          message: M.library.unknownTemplate({ name: wanted }),
          fix: M.library.unknownTemplateFix({ known: this.knownTemplates() }),
        });
      }
      this.defaultTemplate = wanted;
    } else if (this.templates.has('default')) {
      this.defaultTemplate = 'default';
    }
  }

  knownTemplates(): string[] {
    return [...this.templates.keys()].filter((n) => n !== BUILT_IN_TEMPLATE);
  }

  checkPlaylistFolders(folders: Folder[]): void {
    const present = new Set(folders.map((f) => f.rel));
    this.config.playlists.forEach((p, i) => {
      if (!present.has(p.folder)) {
        this.diag({
          severity: 'warning',
          file: CONFIG_FILE,
          line: lineOf(this.configSource, ['playlists', i, 'folder']),
          field: `playlists[${i}].folder`,
          message: M.library.playlistFolderMissing({ folder: p.folder }),
          fix: M.library.playlistFolderMissingFix({ folder: p.folder }),
        });
      }
    });
  }

  /** Groups a folder's files into clips with their sidecar, thumbnail and captions. */
  clipFiles(folder: Folder): ClipFiles[] {
    const out: ClipFiles[] = [];
    // One pass over the folder: companions (sidecar, thumbnail, captions) by lower-case stem.
    const sidecars = new Map<string, string>();
    const thumbnails = new Map<string, string>();
    const captions = new Map<string, ClipFiles['captions']>();
    const videos: string[] = [];
    for (const name of folder.files.keys()) {
      const ext = lower(extname(name));
      if (VIDEO_EXTENSIONS.has(ext)) videos.push(name);
      else if ((SIDECAR_EXTENSIONS as readonly string[]).includes(ext)) {
        if (!(folder.rel === '' && name === CONFIG_FILE)) sidecars.set(lower(stripExt(name)), name);
      } else if ((THUMBNAIL_EXTENSIONS as readonly string[]).includes(ext)) thumbnails.set(lower(stripExt(name)), name);
      else if ((CAPTION_EXTENSIONS as readonly string[]).includes(ext)) {
        const m = /^(.*)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.(srt|vtt)$/i.exec(name);
        if (!m) continue;
        const key = lower(m[1]!);
        captions.set(key, [...(captions.get(key) ?? []), { lang: m[2]!, name, format: lower(m[3]!) as 'srt' | 'vtt' }]);
      }
    }
    const used = new Set<string>();
    for (const name of videos.sort()) {
      const stem = stripExt(name);
      const key = lower(stem);
      const sidecar = sidecars.get(key);
      if (sidecar) used.add(sidecar);
      out.push({ folder, name, stem, sidecar, thumbnail: thumbnails.get(key), captions: captions.get(key) ?? [] });
    }
    for (const name of sidecars.values()) {
      if (used.has(name)) continue;
      this.diag({
        severity: 'warning',
        file: folder.rel === '' ? name : `${folder.rel}/${name}`,
        message: M.library.orphanSidecar(),
        fix: M.library.orphanSidecarFix({ stem: stripExt(name) }),
      });
    }
    return out;
  }

  playlistOf(folderRel: string): PlaylistSpec | undefined {
    let best: PlaylistSpec | undefined;
    for (const p of this.config.playlists) {
      if ((folderRel === p.folder || folderRel.startsWith(`${p.folder}/`)) && (!best || p.folder.length > best.folder.length)) best = p;
    }
    return best;
  }

  loadClip(files: ClipFiles): Clip | undefined {
    const { folder, name, stem } = files;
    const rel = (n: string): string => (folder.rel === '' ? n : `${folder.rel}/${n}`);
    const relPath = rel(name);
    const abs = join(folder.abs, folder.files.get(name)!);
    /** This clip's findings (clips load concurrently): added to the library's at the end. */
    const own: Diagnostic[] = [];
    const diag = (d: Diagnostic): void => {
      own.push(d);
    };
    const clipError = (message: Diagnostic['message'], fix: Diagnostic['fix']): void => {
      const d: Diagnostic = { severity: 'error', file: relPath, message };
      if (fix) d.fix = fix;
      diag(d);
    };

    // The video file: what it is, then the first bytes.
    let size = 0;
    let mtimeMs = 0;
    let media: MediaInfo | undefined;
    const opened = openLibraryFile(abs, relPath, this.realRoot);
    if (!opened.ok) {
      clipError(opened.message, opened.fix);
    } else {
      try {
        size = opened.stats.size;
        mtimeMs = opened.stats.mtimeMs;
        const container = size === 0 ? undefined : videoContainer(readUpTo(opened.fd, SNIFF_BYTES));
        if (size === 0) clipError(M.library.clipEmpty(), M.library.clipEmptyFix());
        else if (container === undefined) clipError(M.library.clipNotVideo(), M.library.clipNotVideoFix());
        else if (HEADER_CONTAINERS.has(container)) media = mediaInfoOf(opened.fd, size);
      } catch (error) {
        clipError(M.library.clipUnreadable({ detail: (error as NodeJS.ErrnoException).code ?? String(error) }), M.library.clipUnreadableFix());
      } finally {
        closeSync(opened.fd);
      }
    }

    // The sidecar.
    let sidecar: Sidecar = {};
    let source: YamlSource | undefined;
    const sidecarRel = files.sidecar ? rel(files.sidecar) : undefined;
    const sidecarPath = files.sidecar ? join(folder.abs, folder.files.get(files.sidecar)!) : undefined;
    if (sidecarPath && sidecarRel) {
      const text = readLibraryText(sidecarPath, sidecarRel, { maxBytes: YAML_MAX_BYTES, realRoot: this.realRoot });
      if (!text.ok) {
        diag(problemAt(sidecarRel, text));
      } else {
        const read = readSidecar(text.text, sidecarRel);
        own.push(...read.diagnostics);
        source = read.source;
        if (read.sidecar) sidecar = read.sidecar;
      }
    }
    /** A finding about a sidecar key: in the sidecar at its line when it is written there. */
    const fieldError = (path: PropertyKey[], message: Diagnostic['message'], fix: Diagnostic['fix'], severity: Diagnostic['severity'] = 'error'): void => {
      const inSidecar = source !== undefined && sidecarRel !== undefined && source.doc.hasIn(path);
      const d: Diagnostic = { severity, file: inSidecar ? sidecarRel : relPath, field: fieldName(path), message };
      if (inSidecar) d.line = lineOf(source!, path);
      if (fix) d.fix = fix;
      diag(d);
    };

    // Playlists: the folder's, then the sidecar's extras.
    const home = this.playlistOf(folder.rel);
    const playlists: string[] = home ? [home.key] : [];
    if (!home) {
      diag({ severity: 'warning', file: relPath, message: M.library.outsidePlaylists(), fix: M.library.outsidePlaylistsFix({ folders: this.config.playlists.map((p) => p.folder) }) });
    }
    (sidecar.playlists ?? []).forEach((key, i) => {
      if (!this.config.playlists.some((p) => p.key === key)) {
        fieldError(['playlists', i], M.library.unknownPlaylistKey({ key }), M.library.unknownPlaylistKeyFix({ known: this.config.playlists.map((p) => p.key) }));
      } else if (!playlists.includes(key)) {
        playlists.push(key);
      }
    });

    // The date: the sidecar's, else the file name's leading date.
    const nameDate = /^(\d{4}-\d{2}-\d{2})(?:[ _-]+(.*))?$/.exec(stem);
    let date: string | undefined;
    if (sidecar.date !== undefined) {
      if (isCalendarDate(sidecar.date)) date = sidecar.date;
      else fieldError(['date'], M.library.badDate({ value: sidecar.date }), M.library.badDateFix());
    } else if (nameDate && isCalendarDate(nameDate[1]!)) {
      date = nameDate[1];
    }

    // The thumbnail: the sidecar's, else the same base name .jpg/.png.
    let thumbnailPath: string | undefined;
    if (sidecar.thumbnail !== undefined) {
      thumbnailPath = resolve(folder.abs, sidecar.thumbnail);
    } else if (files.thumbnail) {
      thumbnailPath = join(folder.abs, folder.files.get(files.thumbnail)!);
    }
    if (thumbnailPath) {
      const problem = checkThumbnail(thumbnailPath, sidecar.thumbnail ?? rel(files.thumbnail!), this.realRoot);
      const short = media && isShort(media) ? { severity: 'warning' as const, message: M.settings.shortThumbnail({ width: media.width, height: media.height, seconds: Math.round(media.durationSec) }), fix: M.settings.shortThumbnailFix() } : undefined;
      for (const p of [problem, short]) {
        if (!p) continue;
        if (sidecar.thumbnail !== undefined) fieldError(['thumbnail'], p.message, p.fix, p.severity);
        else diag({ severity: p.severity, file: rel(files.thumbnail!), field: 'thumbnail', message: p.message, fix: p.fix });
      }
    }

    // Captions: found by name (STEM.LANG.srt), and the sidecar's {LANG: FILE}, which wins.
    const captionList = new Map<string, Caption & { where: PropertyKey[] | string; shown: string }>();
    for (const c of files.captions) captionList.set(c.lang, { lang: c.lang, path: join(folder.abs, folder.files.get(c.name)!), format: c.format, where: rel(c.name), shown: rel(c.name) });
    for (const [lang, file] of Object.entries(sidecar.captions ?? {})) {
      const format = lower(extname(file)).slice(1);
      if (!LANGUAGE_TAG.test(lang)) {
        fieldError(['captions', lang], M.library.badCaptionLang({ lang }), M.library.badCaptionLangFix());
      } else if (format !== 'srt' && format !== 'vtt') {
        fieldError(['captions', lang], M.library.captionFormat({ file }), M.library.captionFormatFix());
      } else {
        captionList.set(lang, { lang, path: resolve(folder.abs, file), format, where: ['captions', lang], shown: file });
      }
    }
    const captions: Caption[] = [];
    for (const c of captionList.values()) {
      const problem = checkCaptionFile(c.path, c.format, c.shown, this.realRoot);
      if (problem) {
        const fix = problem.fix ?? M.library.captionFix();
        if (typeof c.where === 'string') {
          const d: Diagnostic = { severity: 'error', file: c.where, field: 'captions', message: problem.message, fix };
          if (problem.line !== undefined) d.line = problem.line;
          diag(d);
        } else {
          fieldError(c.where, problem.message, fix);
        }
      }
      captions.push({ lang: c.lang, path: c.path, format: c.format });
    }

    // Rendering.
    const templateName = sidecar.template ?? this.defaultTemplate;
    let template = this.templates.get(templateName);
    if (!this.templates.has(templateName)) {
      fieldError(['template'], M.library.unknownTemplate({ name: templateName }), M.library.unknownTemplateFix({ known: this.knownTemplates() }));
    } else if (template === undefined) {
      diag({ severity: 'error', file: relPath, field: 'template', message: M.library.brokenTemplate({ name: templateName }), fix: M.library.brokenTemplateFix() });
    }
    template ??= this.templates.get(BUILT_IN_TEMPLATE)!;
    const ext = extname(name);
    const variables: TemplateVariables = {
      title: sidecar.title !== undefined ? String(sidecar.title).normalize('NFC') : (nameDate?.[2] ?? stem).trim() || stem,
      date: date ?? null,
      description: (sidecar.description ?? '').normalize('NFC'),
      school: { name: this.config.school.name, website: this.config.school.website ?? '' },
      playlist: home ? { key: home.key, title: home.title, description: home.description, url: playlistLinkStandIn(home.key) } : { key: '', title: '', description: '', url: '' },
      channel: { url: this.config.channel.id === undefined ? channelLinkStandIn() : channelUrl(this.config.channel.id) },
      file: { name, stem, ext: lower(ext).slice(1), folder: folder.rel, size },
      vars: sidecar.vars ?? {},
    };
    const { rendered, problems } = renderTemplate(this.engine, template, variables);
    for (const p of problems) {
      const key = `${p.file}\u0000${p.field}\u0000${p.detail}`;
      if (this.reportedTemplateProblems.has(key) && !p.detail.includes('vars.')) continue;
      this.reportedTemplateProblems.add(key);
      diag({ severity: 'error', file: p.file, line: p.line, field: p.field, message: M.library.templateRenderError({ problem: p.message, clip: relPath }), fix: p.fix ?? M.library.templateFix() });
    }
    const sidecarTags = typeof sidecar.tags === 'string' ? splitTags(sidecar.tags) : (sidecar.tags ?? []).flatMap((t) => splitTags(String(t)));
    const tags = [...new Set([...rendered.tags, ...sidecarTags])];

    let publishAt: string | undefined;
    if (sidecar.publishAt !== undefined) {
      publishAt = parsePublishAt(sidecar.publishAt);
      if (publishAt === undefined) fieldError(['publishAt'], M.library.badPublishAt({ value: sidecar.publishAt }), M.library.badPublishAtFix());
    }
    const madeForKids = sidecar.madeForKids ?? this.config.defaults.madeForKids;
    if (madeForKids === undefined) {
      diag({ severity: 'error', file: sidecarRel ?? relPath, field: 'madeForKids', message: M.library.madeForKidsMissing(), fix: M.library.madeForKidsMissingFix() });
    }
    const metadata: ClipMetadata = {
      title: rendered.title,
      description: rendered.description,
      tags,
      categoryId: this.config.defaults.category ?? DEFAULT_CATEGORY,
      privacy: sidecar.privacy ?? this.config.defaults.privacy ?? 'private',
      madeForKids: madeForKids ?? false,
      defaultLanguage: this.config.defaults.language ?? this.config.language ?? 'vi',
    };
    if (publishAt !== undefined) metadata.publishAt = publishAt;
    if (date !== undefined) metadata.recordingDate = `${date}T00:00:00Z`;
    const settings = mergeSettings(this.config.defaults, home?.videos ?? {}, sidecar);
    if (settings.license !== undefined) metadata.license = settings.license;
    if (settings.embeddable !== undefined) metadata.embeddable = settings.embeddable;
    if (settings.publicStatsViewable !== undefined) metadata.publicStatsViewable = settings.publicStatsViewable;
    if (rendered.localizations !== undefined) metadata.localizations = rendered.localizations;
    if (problems.length === 0) {
      for (const f of checkMetadata(metadata, this.now)) {
        if (f.field === 'category') continue; // reported once, on happytube.yaml
        fieldError([f.field], f.message, f.fix, f.severity);
      }
    }

    this.diagnostics.push(...own);
    return {
      path: abs,
      relPath,
      size,
      mtimeMs,
      playlists,
      sidecarPath,
      thumbnailPath,
      captions,
      skip: sidecar.skip ?? false,
      date,
      template: templateName,
      metadata,
      notifySubscribers: settings.notifySubscribers ?? true,
      media,
      short: media !== undefined && isShort(media),
      metadataHash: digestOf(metadata),
      contentHash: undefined,
      duplicateOf: undefined,
      hasErrors: problems.length > 0 || own.some((d) => d.severity === 'error'),
    };
  }

  async markDuplicates(clips: Clip[], hashFile: NonNullable<LoadOptions['hashFile']>): Promise<void> {
    const bySize = new Map<number, Clip[]>();
    for (const c of clips) if (c.size > 0 && !c.skip) bySize.set(c.size, [...(bySize.get(c.size) ?? []), c]);
    const candidates = [...bySize.values()].filter((g) => g.length > 1).flat();
    await mapLimit(candidates, 8, async (c) => {
      try {
        c.contentHash = await hashFile(c);
      } catch {
        c.contentHash = undefined;
      }
    });
    const first = new Map<string, Clip>();
    for (const c of candidates) {
      if (c.contentHash === undefined) continue;
      const original = first.get(c.contentHash);
      if (!original) {
        first.set(c.contentHash, c);
        continue;
      }
      c.duplicateOf = original.relPath;
      this.diag({ severity: 'warning', file: c.relPath, message: M.library.duplicateClip({ original: original.relPath }), fix: M.library.duplicateClipFix() });
    }
  }
}

/** A file problem as a diagnostic of that file. */
function problemAt(file: string, problem: FileProblem): Diagnostic {
  const d: Diagnostic = { severity: 'error', file, message: problem.message, fix: problem.fix };
  if (problem.line !== undefined) d.line = problem.line;
  return d;
}

/**
 * A thumbnail over the raised limit (50 MB since September 2026) is an error; one over the old
 * 2 MB limit only a warning, since a Google project may still be on it. `shown` names it.
 */
function checkThumbnail(
  path: string,
  shown: string,
  realRoot: string,
): { severity: Diagnostic['severity']; message: Diagnostic['message']; fix: Diagnostic['fix'] } | undefined {
  const opened = openLibraryFile(path, shown, realRoot);
  if (!opened.ok) return { severity: 'error', message: opened.message, fix: opened.fix };
  try {
    const { size } = opened.stats;
    if (imageType(readUpTo(opened.fd, 16)) === undefined) return { severity: 'error', message: M.library.thumbnailNotImage(), fix: M.library.thumbnailNotImageFix() };
    if (size > LIMITS.thumbnailBytesRaised) {
      return { severity: 'error', message: M.library.thumbnailTooBig({ bytes: size, max: LIMITS.thumbnailBytesRaised }), fix: M.library.thumbnailTooBigFix() };
    }
    if (size > LIMITS.thumbnailBytes) {
      return { severity: 'warning', message: M.library.thumbnailOverOldLimit({ bytes: size, max: LIMITS.thumbnailBytes }), fix: M.library.thumbnailTooBigFix() };
    }
    return undefined;
  } catch {
    return { severity: 'error', message: M.library.thumbnailMissing({ file: shown }), fix: M.library.thumbnailMissingFix() };
  } finally {
    closeSync(opened.fd);
  }
}

function checkCaptionFile(path: string, format: 'srt' | 'vtt', shown: string, realRoot: string): { line?: number; message: Diagnostic['message']; fix?: Diagnostic['fix'] } | undefined {
  const opened = openLibraryFile(path, shown, realRoot);
  if (!opened.ok) return opened;
  const { size } = opened.stats;
  closeSync(opened.fd);
  if (size > LIMITS.captionBytes) return { message: M.library.captionTooBig({ bytes: size, max: LIMITS.captionBytes }) };
  const read = readLibraryText(path, shown, { maxBytes: LIMITS.captionBytes, realRoot });
  return read.ok ? checkCaptions(read.text, format) : read;
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file === CONFIG_FILE ? -1 : b.file === CONFIG_FILE ? 1 : a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}

/**
 * Reads and validates the library in `dir`. Throws InputError only when `dir` holds no
 * happytube.yaml, or one that cannot be read as a regular UTF-8 file of at most 1 MB; every other
 * problem is a diagnostic of the returned library.
 */
export async function loadLibrary(dir: string, options: LoadOptions = {}): Promise<Library> {
  const root = resolve(dir);
  const { configPath, text } = readConfigFile(root);
  const loader = new Loader(root, options.now ?? new Date());
  const { source, config, diagnostics } = readConfig(text);
  loader.diagnostics.push(...diagnostics);
  if (!config) {
    return { root, configPath, config: emptyConfig(text), playlists: [], templates: [], clips: [], diagnostics: loader.diagnostics };
  }
  loader.config = config;
  loader.configSource = source;
  await loader.loadTemplates();
  const folders = await walk(root);
  loader.checkPlaylistFolders(folders);
  const all = folders.flatMap((f) => loader.clipFiles(f));
  // Synchronous reads: for thousands of small files several times faster than the promise API.
  const clips = all.map((files) => loader.loadClip(files)).filter((c): c is Clip => c !== undefined);
  clips.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  await loader.markDuplicates(clips, options.hashFile ?? ((c) => sha256File(c.path)));
  loader.diagnostics.sort(compareDiagnostics);
  return { root, configPath, config, playlists: config.playlists, templates: loader.knownTemplates().sort(), clips, diagnostics: loader.diagnostics };
}

/**
 * One clip of the library, loaded in steps: its video file, its sidecar, then what they decide
 * together (playlists, date, thumbnail, captions), the template's rendering and the metadata sent
 * to YouTube. Every step reports into the clip's own findings (ClipFindings), which join the
 * library's once the clip is loaded.
 */
import { closeSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Liquid } from 'liquidjs';
import { digestOf } from '../state/digest.ts';
import { readUpTo } from '../util/regular-file.ts';
import { M } from '../i18n/messages.ts';
import { checkCaptions } from './captions.ts';
import { LANGUAGE_TAG } from './config.ts';
import type { FileProblem } from './files.ts';
import { YAML_MAX_BYTES, openLibraryFile, readLibraryText } from './files.ts';
import { DEFAULT_CATEGORY, LIMITS } from './limits.ts';
import { checkMetadata, isCalendarDate, parsePublishAt } from './rules.ts';
import type { Sidecar } from './sidecar.ts';
import { readSidecar } from './sidecar.ts';
import { SNIFF_BYTES, imageType, videoContainer } from './sniff.ts';
import { mergeSettings } from './settings.ts';
import { channelUrl } from '../youtube/links.ts';
import { channelLinkStandIn, playlistLinkStandIn } from './links.ts';
import { isShort, mediaInfoOf } from './media.ts';
import type { CompiledTemplate, RenderedTemplate, TemplateVariables } from './templates.ts';
import { BUILT_IN_TEMPLATE, renderTemplate, splitTags } from './templates.ts';
import type { Caption, Clip, ClipMetadata, Diagnostic, LibraryConfig, MediaInfo, PlaylistSpec, VideoSettings } from './types.ts';
import type { YamlSource } from './yaml.ts';
import { fieldName, lineOf } from './yaml.ts';

/** Containers whose header gives the picture size and length (src/library/media.ts). */
const HEADER_CONTAINERS: ReadonlySet<string> = new Set(['mp4', 'quicktime', 'matroska']);

/** A folder's files, by NFC name, with their on-disk names. */
export interface Folder {
  /** Relative to the root, '/' separators, NFC; '' for the root. */
  rel: string;
  abs: string;
  /** NFC name → on-disk name. */
  files: Map<string, string>;
}

/** Everything one clip needs from its folder: the video, its sidecar, thumbnail and captions. */
export interface ClipFiles {
  folder: Folder;
  name: string;
  stem: string;
  sidecar: string | undefined;
  thumbnail: string | undefined;
  captions: { lang: string; name: string; format: 'srt' | 'vtt' }[];
}

/** A file of `folder` as the library names it: relative to the root, '/' separators, NFC. */
export function relativeTo(folder: Folder, name: string): string {
  return folder.rel === '' ? name : `${folder.rel}/${name}`;
}

/** A file of `folder` by its on-disk name (which may be NFD on macOS). */
function onDisk(folder: Folder, name: string): string {
  return join(folder.abs, folder.files.get(name)!);
}

/** What every clip takes from the library, prepared once by the loader. */
export interface LibraryContext {
  /** The root after symbolic links: every file the library names must resolve inside it. */
  readonly realRoot: string;
  readonly now: Date;
  readonly config: LibraryConfig;
  readonly engine: Liquid;
  /** By name; undefined for a template file that could not be read or compiled. */
  readonly templates: ReadonlyMap<string, CompiledTemplate | undefined>;
  readonly defaultTemplate: string;
  /** Template problems reported once per template, field and detail, whichever clip meets them. */
  readonly reportedTemplateProblems: Set<string>;
  readonly diagnostics: Diagnostic[];
  knownTemplates(): string[];
  playlistOf(folderRel: string): PlaylistSpec | undefined;
}

/** Reads, checks and renders one clip; its findings are added to the library's. */
export function loadClip(lib: LibraryContext, files: ClipFiles): Clip {
  const findings = new ClipFindings(relativeTo(files.folder, files.name));
  const video = readVideo(files, lib.realRoot, findings);
  const { sidecar, sidecarPath } = readClipSidecar(files, lib.realRoot, findings);
  const home = lib.playlistOf(files.folder.rel);
  const playlists = playlistsOf(lib.config, home, sidecar, findings);
  const fromName = parseName(files.stem);
  const date = dateOf(sidecar, fromName.date, findings);
  const thumbnailPath = thumbnailOf(files, sidecar, video.media, lib.realRoot, findings);
  const captions = captionsOf(files, sidecar, lib.realRoot, findings);
  const template = templateOf(lib, sidecar, findings);
  const variables = variablesOf(lib.config, files, home, sidecar, { title: fromName.title, date, size: video.size });
  const { rendered, renderFailed } = render(lib, template.compiled, variables, findings);
  const { metadata, settings } = metadataOf(lib.config, home, sidecar, rendered, date, findings);
  if (!renderFailed) checkRules(metadata, lib.now, findings);

  lib.diagnostics.push(...findings.list);
  return {
    path: video.path,
    relPath: findings.relPath,
    size: video.size,
    mtimeMs: video.mtimeMs,
    playlists,
    sidecarPath,
    thumbnailPath,
    captions,
    skip: sidecar.skip ?? false,
    date,
    template: template.name,
    metadata,
    notifySubscribers: settings.notifySubscribers ?? true,
    media: video.media,
    short: video.media !== undefined && isShort(video.media),
    metadataHash: digestOf(metadata),
    contentHash: undefined,
    duplicateOf: undefined,
    hasErrors: renderFailed || findings.hasErrors(),
  };
}

/** One clip's findings: kept apart until the clip is loaded, then added to the library's. */
class ClipFindings {
  readonly relPath: string;
  readonly list: Diagnostic[] = [];
  /** The clip's sidecar, if it has one; once parsed, a finding about one of its keys points at that key's line. */
  sidecar: { rel: string; source: YamlSource | undefined } | undefined;

  constructor(relPath: string) {
    this.relPath = relPath;
  }

  add(...diagnostics: Diagnostic[]): void {
    this.list.push(...diagnostics);
  }

  /** A finding about the video file itself. */
  ofClip(message: Diagnostic['message'], fix: Diagnostic['fix']): void {
    const d: Diagnostic = { severity: 'error', file: this.relPath, message };
    if (fix) d.fix = fix;
    this.add(d);
  }

  /** A finding about a sidecar key: in the sidecar at its line when it is written there, else on the clip. */
  ofField(path: PropertyKey[], message: Diagnostic['message'], fix: Diagnostic['fix'], severity: Diagnostic['severity'] = 'error'): void {
    const source = this.sidecar?.source;
    const inSidecar = source !== undefined && source.doc.hasIn(path);
    const d: Diagnostic = { severity, file: inSidecar ? this.sidecar!.rel : this.relPath, field: fieldName(path), message };
    if (inSidecar) d.line = lineOf(source, path);
    if (fix) d.fix = fix;
    this.add(d);
  }

  hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
}

interface VideoFile {
  path: string;
  size: number;
  mtimeMs: number;
  /** Picture size and length, from the header of the containers that have one. */
  media: MediaInfo | undefined;
}

/** The video file: its size, and what its first bytes say it is. */
function readVideo(files: ClipFiles, realRoot: string, findings: ClipFindings): VideoFile {
  const video: VideoFile = { path: onDisk(files.folder, files.name), size: 0, mtimeMs: 0, media: undefined };
  const opened = openLibraryFile(video.path, findings.relPath, realRoot);
  if (!opened.ok) {
    findings.ofClip(opened.message, opened.fix);
    return video;
  }
  try {
    video.size = opened.stats.size;
    video.mtimeMs = opened.stats.mtimeMs;
    const container = video.size === 0 ? undefined : videoContainer(readUpTo(opened.fd, SNIFF_BYTES));
    if (video.size === 0) findings.ofClip(M.library.clipEmpty(), M.library.clipEmptyFix());
    else if (container === undefined) findings.ofClip(M.library.clipNotVideo(), M.library.clipNotVideoFix());
    else if (HEADER_CONTAINERS.has(container)) video.media = mediaInfoOf(opened.fd, video.size);
  } catch (error) {
    findings.ofClip(M.library.clipUnreadable({ detail: (error as NodeJS.ErrnoException).code ?? String(error) }), M.library.clipUnreadableFix());
  } finally {
    closeSync(opened.fd);
  }
  return video;
}

/** The clip's sidecar, when it has one; an unreadable or invalid one counts as empty. */
function readClipSidecar(
  files: ClipFiles,
  realRoot: string,
  findings: ClipFindings,
): { sidecar: Sidecar; sidecarPath: string | undefined } {
  if (!files.sidecar) return { sidecar: {}, sidecarPath: undefined };
  const rel = relativeTo(files.folder, files.sidecar);
  const sidecarPath = onDisk(files.folder, files.sidecar);
  findings.sidecar = { rel, source: undefined };
  const text = readLibraryText(sidecarPath, rel, { maxBytes: YAML_MAX_BYTES, realRoot });
  if (!text.ok) {
    findings.add(problemAt(rel, text));
    return { sidecar: {}, sidecarPath };
  }
  const read = readSidecar(text.text, rel);
  findings.add(...read.diagnostics);
  findings.sidecar.source = read.source;
  return { sidecar: read.sidecar ?? {}, sidecarPath };
}

/** Playlists: the folder's, then the sidecar's extras. */
function playlistsOf(config: LibraryConfig, home: PlaylistSpec | undefined, sidecar: Sidecar, findings: ClipFindings): string[] {
  const playlists: string[] = home ? [home.key] : [];
  if (!home) {
    findings.add({
      severity: 'warning',
      file: findings.relPath,
      message: M.library.outsidePlaylists(),
      fix: M.library.outsidePlaylistsFix({ folders: config.playlists.map((p) => p.folder) }),
    });
  }
  (sidecar.playlists ?? []).forEach((key, i) => {
    if (!config.playlists.some((p) => p.key === key)) {
      findings.ofField(['playlists', i], M.library.unknownPlaylistKey({ key }), M.library.unknownPlaylistKeyFix({ known: config.playlists.map((p) => p.key) }));
    } else if (!playlists.includes(key)) {
      playlists.push(key);
    }
  });
  return playlists;
}

/** A file name's leading date and what follows it, the title: "2024-05-01 Hội thi bé khỏe". */
function parseName(stem: string): { date: string | undefined; title: string } {
  const named = /^(\d{4}-\d{2}-\d{2})(?:[ _-]+(.*))?$/.exec(stem);
  return { date: named?.[1], title: (named?.[2] ?? stem).trim() || stem };
}

/** The date: the sidecar's, else the file name's leading date. */
function dateOf(sidecar: Sidecar, nameDate: string | undefined, findings: ClipFindings): string | undefined {
  if (sidecar.date !== undefined) {
    if (isCalendarDate(sidecar.date)) return sidecar.date;
    findings.ofField(['date'], M.library.badDate({ value: sidecar.date }), M.library.badDateFix());
    return undefined;
  }
  return nameDate !== undefined && isCalendarDate(nameDate) ? nameDate : undefined;
}

/** The thumbnail: the sidecar's, else the same base name .jpg/.png; a Short's is only a warning. */
function thumbnailOf(files: ClipFiles, sidecar: Sidecar, media: MediaInfo | undefined, realRoot: string, findings: ClipFindings): string | undefined {
  const named = sidecar.thumbnail !== undefined;
  let thumbnailPath: string | undefined;
  if (named) thumbnailPath = resolve(files.folder.abs, sidecar.thumbnail!);
  else if (files.thumbnail) thumbnailPath = onDisk(files.folder, files.thumbnail);
  if (!thumbnailPath) return undefined;
  const shown = named ? sidecar.thumbnail! : relativeTo(files.folder, files.thumbnail!);
  const problem = checkThumbnail(thumbnailPath, shown, realRoot);
  const short =
    media && isShort(media)
      ? { severity: 'warning' as const, message: M.settings.shortThumbnail({ width: media.width, height: media.height, seconds: Math.round(media.durationSec) }), fix: M.settings.shortThumbnailFix() }
      : undefined;
  for (const p of [problem, short]) {
    if (!p) continue;
    if (named) findings.ofField(['thumbnail'], p.message, p.fix, p.severity);
    else findings.add({ severity: p.severity, file: shown, field: 'thumbnail', message: p.message, fix: p.fix });
  }
  return thumbnailPath;
}

/** A caption file to check: `where` is the file found by name, or the sidecar key that names it. */
type CaptionCandidate = Caption & { where: PropertyKey[] | string; shown: string };

/** Captions: found by name (STEM.LANG.srt), and the sidecar's {LANG: FILE}, which wins. */
function captionsOf(files: ClipFiles, sidecar: Sidecar, realRoot: string, findings: ClipFindings): Caption[] {
  const candidates = new Map<string, CaptionCandidate>();
  for (const c of files.captions) {
    const shown = relativeTo(files.folder, c.name);
    candidates.set(c.lang, { lang: c.lang, path: onDisk(files.folder, c.name), format: c.format, where: shown, shown });
  }
  for (const [lang, file] of Object.entries(sidecar.captions ?? {})) {
    const format = extname(file).toLowerCase().slice(1);
    if (!LANGUAGE_TAG.test(lang)) {
      findings.ofField(['captions', lang], M.library.badCaptionLang({ lang }), M.library.badCaptionLangFix());
    } else if (format !== 'srt' && format !== 'vtt') {
      findings.ofField(['captions', lang], M.library.captionFormat({ file }), M.library.captionFormatFix());
    } else {
      candidates.set(lang, { lang, path: resolve(files.folder.abs, file), format, where: ['captions', lang], shown: file });
    }
  }
  const captions: Caption[] = [];
  for (const c of candidates.values()) {
    const problem = checkCaptionFile(c.path, c.format, c.shown, realRoot);
    if (problem) {
      const fix = problem.fix ?? M.library.captionFix();
      if (typeof c.where === 'string') {
        const d: Diagnostic = { severity: 'error', file: c.where, field: 'captions', message: problem.message, fix };
        if (problem.line !== undefined) d.line = problem.line;
        findings.add(d);
      } else {
        findings.ofField(c.where, problem.message, fix);
      }
    }
    captions.push({ lang: c.lang, path: c.path, format: c.format });
  }
  return captions;
}

/** The sidecar's template, else the library's default; an unknown or broken one renders as the built-in. */
function templateOf(lib: LibraryContext, sidecar: Sidecar, findings: ClipFindings): { name: string; compiled: CompiledTemplate } {
  const name = sidecar.template ?? lib.defaultTemplate;
  const compiled = lib.templates.get(name);
  if (!lib.templates.has(name)) {
    findings.ofField(['template'], M.library.unknownTemplate({ name }), M.library.unknownTemplateFix({ known: lib.knownTemplates() }));
  } else if (compiled === undefined) {
    findings.add({ severity: 'error', file: findings.relPath, field: 'template', message: M.library.brokenTemplate({ name }), fix: M.library.brokenTemplateFix() });
  }
  return { name, compiled: compiled ?? lib.templates.get(BUILT_IN_TEMPLATE)! };
}

/** What a template can use: the clip's title, date and description, its school, playlist, channel and file. */
function variablesOf(
  config: LibraryConfig,
  files: ClipFiles,
  home: PlaylistSpec | undefined,
  sidecar: Sidecar,
  clip: { title: string; date: string | undefined; size: number },
): TemplateVariables {
  const { folder, name, stem } = files;
  return {
    title: sidecar.title !== undefined ? String(sidecar.title).normalize('NFC') : clip.title,
    date: clip.date ?? null,
    description: (sidecar.description ?? '').normalize('NFC'),
    school: { name: config.school.name, website: config.school.website ?? '' },
    playlist: home ? { key: home.key, title: home.title, description: home.description, url: playlistLinkStandIn(home.key) } : { key: '', title: '', description: '', url: '' },
    channel: { url: config.channel.id === undefined ? channelLinkStandIn() : channelUrl(config.channel.id) },
    file: { name, stem, ext: extname(name).toLowerCase().slice(1), folder: folder.rel, size: clip.size },
    vars: sidecar.vars ?? {},
  };
}

/**
 * Renders the clip's template. A problem every clip meets is reported once (unless it names one
 * of the clip's own `vars`), but each clip it hits fails.
 */
function render(
  lib: LibraryContext,
  template: CompiledTemplate,
  variables: TemplateVariables,
  findings: ClipFindings,
): { rendered: RenderedTemplate; renderFailed: boolean } {
  const { rendered, problems } = renderTemplate(lib.engine, template, variables);
  for (const p of problems) {
    const key = `${p.file}\u0000${p.field}\u0000${p.detail}`;
    if (lib.reportedTemplateProblems.has(key) && !p.detail.includes('vars.')) continue;
    lib.reportedTemplateProblems.add(key);
    findings.add({
      severity: 'error',
      file: p.file,
      line: p.line,
      field: p.field,
      message: M.library.templateRenderError({ problem: p.message, clip: findings.relPath }),
      fix: p.fix ?? M.library.templateFix(),
    });
  }
  return { rendered, renderFailed: problems.length > 0 };
}

/**
 * The metadata sent to YouTube: the rendered texts, the template's and the sidecar's tags, and the
 * settings of the library, the playlist and the sidecar (the nearest wins).
 */
function metadataOf(
  config: LibraryConfig,
  home: PlaylistSpec | undefined,
  sidecar: Sidecar,
  rendered: RenderedTemplate,
  date: string | undefined,
  findings: ClipFindings,
): { metadata: ClipMetadata; settings: VideoSettings } {
  const sidecarTags = typeof sidecar.tags === 'string' ? splitTags(sidecar.tags) : (sidecar.tags ?? []).flatMap((t) => splitTags(String(t)));
  let publishAt: string | undefined;
  if (sidecar.publishAt !== undefined) {
    publishAt = parsePublishAt(sidecar.publishAt);
    if (publishAt === undefined) findings.ofField(['publishAt'], M.library.badPublishAt({ value: sidecar.publishAt }), M.library.badPublishAtFix());
  }
  const madeForKids = sidecar.madeForKids ?? config.defaults.madeForKids;
  if (madeForKids === undefined) {
    findings.add({ severity: 'error', file: findings.sidecar?.rel ?? findings.relPath, field: 'madeForKids', message: M.library.madeForKidsMissing(), fix: M.library.madeForKidsMissingFix() });
  }
  const metadata: ClipMetadata = {
    title: rendered.title,
    description: rendered.description,
    tags: [...new Set([...rendered.tags, ...sidecarTags])],
    categoryId: config.defaults.category ?? DEFAULT_CATEGORY,
    privacy: sidecar.privacy ?? config.defaults.privacy ?? 'private',
    madeForKids: madeForKids ?? false,
    defaultLanguage: config.defaults.language ?? config.language ?? 'vi',
  };
  if (publishAt !== undefined) metadata.publishAt = publishAt;
  if (date !== undefined) metadata.recordingDate = `${date}T00:00:00Z`;
  const settings = mergeSettings(config.defaults, home?.videos ?? {}, sidecar);
  if (settings.license !== undefined) metadata.license = settings.license;
  if (settings.embeddable !== undefined) metadata.embeddable = settings.embeddable;
  if (settings.publicStatsViewable !== undefined) metadata.publicStatsViewable = settings.publicStatsViewable;
  if (rendered.localizations !== undefined) metadata.localizations = rendered.localizations;
  return { metadata, settings };
}

/** YouTube's rules for the metadata (lengths, characters, dates), checked on what was rendered. */
function checkRules(metadata: ClipMetadata, now: Date, findings: ClipFindings): void {
  for (const f of checkMetadata(metadata, now)) {
    if (f.field === 'category') continue; // reported once, on happytube.yaml
    findings.ofField([f.field], f.message, f.fix, f.severity);
  }
}

/** A file problem as a diagnostic of that file. */
export function problemAt(file: string, problem: FileProblem): Diagnostic {
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

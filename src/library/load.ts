/**
 * The library folder → validated clips and playlists (docs/library.md). Reads happytube.yaml and
 * the templates (each parsed once), finds each clip's files, and has clip.ts load every clip (its
 * sidecar, thumbnail and captions; of the video only its size and first bytes, the container
 * sniff). Every file is read through files.ts (inside the library, regular, bounded, UTF-8).
 * Problems become diagnostics; only a missing or unreadable happytube.yaml throws.
 */
import { existsSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import type { Liquid } from 'liquidjs';
import { mapLimit } from '../util/pool.ts';
import { sha256File } from '../util/sha256.ts';
import { M } from '../i18n/messages.ts';
import type { ClipFiles, Folder, LibraryContext } from './clip.ts';
import { loadClip, problemAt, relativeTo } from './clip.ts';
import { CONFIG_FILE, readConfig, readConfigFile } from './config.ts';
import { YAML_MAX_BYTES, libraryRealRoot, readLibraryText } from './files.ts';
import { CAPTION_EXTENSIONS, SIDECAR_EXTENSIONS, THUMBNAIL_EXTENSIONS, VIDEO_EXTENSIONS } from './limits.ts';
import type { CompiledTemplate } from './templates.ts';
import { BUILT_IN_TEMPLATE, builtInTemplate, compileTemplate, makeEngine } from './templates.ts';
import type { Clip, Diagnostic, Library, LibraryConfig, LoadOptions, PlaylistSpec } from './types.ts';
import type { YamlSource } from './yaml.ts';
import { lineOf } from './yaml.ts';

export const TEMPLATES_DIR = 'templates';

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
        subdirs.push(visit(join(abs, entry.name), relativeTo(folder, name)));
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

class Loader implements LibraryContext {
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
        file: relativeTo(folder, name),
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
  const clips = all.map((files) => loadClip(loader, files));
  clips.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  await loader.markDuplicates(clips, options.hashFile ?? ((c) => sha256File(c.path)));
  loader.diagnostics.sort(compareDiagnostics);
  return { root, configPath, config, playlists: config.playlists, templates: loader.knownTemplates().sort(), clips, diagnostics: loader.diagnostics };
}

/**
 * `happytube init` (docs/library.md): writes a ready library from the project's `templates/` folder, the
 * skeleton — happytube.yaml with the school's answers put in (its comments kept byte for byte), the
 * metadata template, `.env.example`, `.gitignore` and the four Happy School playlist folders.
 * Never overwrites: an existing happytube.yaml stops everything, and any other file already there
 * is kept as it is.
 */
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Scalar, isScalar, parseDocument } from 'yaml';
import { InputError } from '../errors.ts';
import type { Lang } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { shippedFolder } from '../util/package-root.ts';
import type { Privacy } from '../library/types.ts';

/** The project's `templates/` folder: the library skeleton. */
export const SKELETON_DIR = shippedFolder('templates');

export const CONFIG_FILE = 'happytube.yaml';

/**
 * Skeleton names written under another name. npm leaves `.gitignore` out of published packages,
 * so the skeleton keeps it as `gitignore` (as create-react-app and others do).
 */
const RENAMES: Readonly<Record<string, string>> = { gitignore: '.gitignore' };

export interface InitAnswers {
  /** The school's name (school.name). */
  school: string;
  /** The library's language of messages (language). */
  language: Lang;
  /** defaults.privacy */
  privacy: Privacy;
  /** defaults.madeForKids: the audience declaration YouTube requires. */
  madeForKids: boolean;
  /** defaults.notifySubscribers: videos.insert's notifySubscribers (YouTube's default: true). */
  notifySubscribers: boolean;
}

/** What `--yes` takes (and the prompts offer first); `--yes` declares not made for kids. */
export type InitDefaults = Readonly<InitAnswers>;
export const INIT_DEFAULTS: InitDefaults = {
  school: 'Trường Mầm non Thiên Đức',
  language: 'vi',
  privacy: 'unlisted',
  madeForKids: false,
  notifySubscribers: true,
};

export interface InitResult {
  /** Absolute path of the library folder. */
  root: string;
  /** Files written, relative to root with '/' separators, happytube.yaml last. */
  created: string[];
  /** Files of the skeleton that were already there and were left untouched. */
  kept: string[];
  /** The playlist folders of the new happytube.yaml, in order. */
  folders: string[];
  answers: InitAnswers;
}

export interface InitOptions {
  /** The skeleton to copy (default: the project's templates/). */
  skeleton?: string;
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}

/** Every file of the skeleton, relative, '/' separators, sorted. */
async function skeletonFiles(skeleton: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(skeleton, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new InputError(M.init.skeletonMissing({ path: skeleton }), { hint: M.init.skeletonMissingFix(), cause: error });
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(skeleton, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * The YAML text of `value`, in the style of the value it replaces: a plain word stays plain,
 * anything else is double-quoted (a JSON string is a valid YAML double-quoted scalar).
 */
function yamlScalar(value: string | boolean, plain: boolean): string {
  if (typeof value === 'boolean' || (plain && /^[a-z]+$/.test(value))) return String(value);
  return JSON.stringify(value);
}

/**
 * Puts the answers into the skeleton's happytube.yaml by replacing only the text of the five
 * values, so that every comment, blank line and alignment stays as written.
 */
export function fillConfig(text: string, answers: InitAnswers): string {
  const doc = parseDocument(text);
  const edits: { path: string[]; value: string | boolean }[] = [
    { path: ['language'], value: answers.language },
    { path: ['school', 'name'], value: answers.school },
    { path: ['defaults', 'privacy'], value: answers.privacy },
    { path: ['defaults', 'madeForKids'], value: answers.madeForKids },
    { path: ['defaults', 'notifySubscribers'], value: answers.notifySubscribers },
  ];
  const spans = edits.map(({ path, value }) => {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || !node.range) throw new Error(`skeleton ${CONFIG_FILE} has no scalar at ${path.join('.')}`);
    return { start: node.range[0], end: node.range[1], text: yamlScalar(value, node.type === Scalar.PLAIN) };
  });
  spans.sort((a, b) => b.start - a.start);
  let out = text;
  for (const span of spans) out = out.slice(0, span.start) + span.text + out.slice(span.end);
  return out;
}

/** The playlist folders named in a happytube.yaml text. */
function playlistFolders(text: string): string[] {
  const value: unknown = parseDocument(text).toJS();
  const playlists = (value as { playlists?: { folder?: unknown }[] } | null)?.playlists ?? [];
  return playlists.map((p) => p.folder).filter((f): f is string => typeof f === 'string');
}

/**
 * Writes a new library into `dir` (created if missing) and returns what it wrote. Throws
 * InputError when `dir` already holds a happytube.yaml or is a file.
 */
export async function initLibrary(dir: string, answers: InitAnswers, options: InitOptions = {}): Promise<InitResult> {
  const root = resolve(dir);
  const school = answers.school.normalize('NFC').trim();
  if (school === '') throw new InputError(M.init.badSchool(), { hint: M.init.badSchoolFix() });
  const filled: InitAnswers = { ...answers, school };
  const configPath = join(root, CONFIG_FILE);
  if (await exists(root)) {
    if (!(await stat(root)).isDirectory()) throw new InputError(M.init.notFolder({ path: root }), { hint: M.init.notFolderFix() });
    if (await exists(configPath)) throw new InputError(M.init.exists({ path: configPath }), { hint: M.init.existsFix() });
  }
  const skeleton = options.skeleton ?? SKELETON_DIR;
  const files = await skeletonFiles(skeleton);
  if (!files.includes(CONFIG_FILE)) {
    throw new InputError(M.init.skeletonMissing({ path: join(skeleton, CONFIG_FILE) }), { hint: M.init.skeletonMissingFix() });
  }
  const config = fillConfig(await readFile(join(skeleton, CONFIG_FILE), 'utf8'), filled);
  const folders = playlistFolders(config);

  const created: string[] = [];
  const kept: string[] = [];
  const write = async (target: string, content: string | Buffer): Promise<void> => {
    const path = join(root, ...target.split('/'));
    await mkdir(dirname(path), { recursive: true });
    try {
      await writeFile(path, content, { flag: 'wx' });
      created.push(target);
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
      if (target === CONFIG_FILE) throw new InputError(M.init.exists({ path }), { hint: M.init.existsFix() });
      kept.push(target);
    }
  };
  await mkdir(root, { recursive: true });
  for (const file of files) {
    if (file === CONFIG_FILE) continue;
    const parts = file.split('/');
    const base = parts.pop()!;
    await write([...parts, RENAMES[base] ?? base].join('/'), await readFile(join(skeleton, ...file.split('/'))));
  }
  for (const folder of folders) await mkdir(join(root, ...folder.split('/')), { recursive: true });
  // Last: a library exists only once everything it refers to is in place.
  await write(CONFIG_FILE, config);
  return { root, created, kept, folders, answers: filled };
}

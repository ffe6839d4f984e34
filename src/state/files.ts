/**
 * The files of `<library>/.happytube/`: JSON with a format version, written atomically (temporary
 * file, fsync, rename, fsync of the folder: a reader sees the old content or the new, never a torn
 * one), read tolerantly (a missing file is empty state) but never silently discarded (a damaged
 * file or a newer format stops with an error naming the file and the fix).
 */
import { open, readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as v from 'valibot';
import { ExitCode, HappyError, InputError } from '../errors.ts';
import type { Text } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { issueText } from '../util/schema.ts';

/** The state folder's name inside a library. */
export const STATE_DIR = '.happytube';

/** `<library>/.happytube`. */
export function stateDir(libraryDir: string): string {
  return path.join(libraryDir, STATE_DIR);
}

/** How one state file is named, versioned, validated and explained. */
export interface StateFileSpec<T extends object> {
  /** file name inside `.happytube/`, e.g. `ledger.json` */
  readonly name: string;
  /** the format version this code writes and understands */
  readonly version: number;
  /** the content, without the `version` field */
  readonly schema: v.GenericSchema<unknown, T>;
  /**
   * A fast check of the parsed content (see ./check.ts): true only when `schema` accepts it as it
   * is. When it says false, `schema` decides, and names what is wrong.
   */
  readonly check?: (content: object) => content is T;
  /** the content of a file that does not exist yet */
  empty(): T;
  /** what the user should do when the file is damaged */
  corruptHint(file: string): Text;
}

/** Access tokens (Google's start with `ya29.`) or a token in a URL never reach the library folder. */
const SECRET = /\bya29\.[\w-]{8,}|[?&](?:access_token|refresh_token|client_secret)=/;

/**
 * Reads a state file. A missing file (or folder) gives `spec.empty()`; a newer format is an
 * `InputError`; anything unreadable as this format is an `InputError` naming the file, the field
 * and the fix. Nothing is ever discarded or rewritten here.
 */
export async function readStateFile<T extends object>(dir: string, spec: StateFileSpec<T>): Promise<T> {
  const file = path.join(dir, spec.name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return spec.empty();
    throw error;
  }
  const corrupt = (detail: Text, cause?: unknown): InputError =>
    new InputError(M.state.corruptFile({ file, detail }), { hint: spec.corruptHint(file), cause });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(M.state.notJson({ detail: error instanceof Error ? error.message : String(error) }), error);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !('version' in json)) {
    throw corrupt(M.state.noVersion());
  }
  const { version, ...content } = json;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw corrupt(M.state.badField({ field: 'version', detail: JSON.stringify(version) ?? 'undefined' }));
  }
  if (version > spec.version) {
    throw new InputError(M.state.newerVersion({ file, found: version, known: spec.version }), {
      hint: M.state.newerVersionHint(),
    });
  }
  if (spec.check?.(content)) return content;
  const parsed = v.safeParse(spec.schema, content);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const field = v.getDotPath(issue) ?? '(file)';
    throw corrupt(M.state.badField({ field, detail: issueText(spec.schema, issue) }), new v.ValiError(parsed.issues));
  }
  return parsed.output;
}

/**
 * Writes a state file atomically and durably: the whole content or nothing is ever visible, and
 * it is on disk when the promise resolves. Creates `.happytube/` if needed.
 */
export async function writeStateFile<T extends object>(dir: string, spec: StateFileSpec<T>, content: T): Promise<void> {
  const file = path.join(dir, spec.name);
  const text = JSON.stringify({ version: spec.version, ...content });
  if (SECRET.test(text)) throw new HappyError(ExitCode.failure, M.state.secretInState({ file }));
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(file, `${text}\n`, { fsync: true });
  await fsyncDir(dir);
}

/** Makes the rename durable: without it a power cut can bring the old file back. */
async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or sync a folder; its rename is durable on NTFS once the file is synced.
    if (!isErrno(error, 'EPERM') && !isErrno(error, 'EISDIR') && !isErrno(error, 'EINVAL')) throw error;
  } finally {
    await handle?.close();
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/**
 * One state file held in memory and saved on demand. Saves are serialised and coalesced: calls
 * made while a write is running share the single write that follows it, which holds every change
 * made before it started. So concurrent actions cost at most two writes, and each promise
 * resolves only once its change is on disk.
 */
export class StoredFile<T extends object> {
  readonly dir: string;
  readonly spec: StateFileSpec<T>;
  /** the live content; change it, then `save()` */
  readonly data: T;
  #writing: Promise<void> | undefined;
  #queued: Promise<void> | undefined;

  constructor(dir: string, spec: StateFileSpec<T>, data: T) {
    this.dir = dir;
    this.spec = spec;
    this.data = data;
  }

  /** Full path of the file. */
  get file(): string {
    return path.join(this.dir, this.spec.name);
  }

  /** Reads the file (or empty state when it does not exist). */
  static async load<T extends object>(dir: string, spec: StateFileSpec<T>): Promise<StoredFile<T>> {
    return new StoredFile(dir, spec, await readStateFile(dir, spec));
  }

  /** Resolves once every change made before this call is on disk. */
  save(): Promise<void> {
    if (this.#queued) return this.#queued;
    const running = this.#writing;
    if (!running) return this.#start();
    this.#queued = running
      .catch(() => undefined)
      .then(() => {
        this.#queued = undefined;
        return this.#start();
      });
    return this.#queued;
  }

  #start(): Promise<void> {
    const write = writeStateFile(this.dir, this.spec, this.data).finally(() => {
      if (this.#writing === write) this.#writing = undefined;
    });
    this.#writing = write;
    return write;
  }
}

/**
 * The hash cache (`.happytube/hashes.json`): path + size + mtime → SHA-256, so a file that has not
 * changed since it was hashed is never read again. A change of size or mtime is a miss.
 */
import * as v from 'valibot';
import { M } from '../i18n/messages.ts';
import { isFiniteNumber, isRecordOf, isSha256, isShape, isSize } from './check.ts';
import { finiteNumber, map, wholeNumber } from '../util/schema.ts';
import { StoredFile } from './files.ts';
import type { StateFileSpec } from './files.ts';
import { pathKey } from './paths.ts';
import { sha256File } from '../util/sha256.ts';

const entrySchema = map(
  v.object({
    size: v.pipe(wholeNumber(), v.minValue(0)),
    mtimeMs: finiteNumber(),
    sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lowercase hex')),
  }),
);

const hashesSchema = v.object({
  /** path key (see `pathKey`) → what the file was when it was hashed */
  files: map(v.record(v.string(), entrySchema)),
});

export type HashEntry = v.InferOutput<typeof entrySchema>;
export type HashCacheData = v.InferOutput<typeof hashesSchema>;

/** What identifies a version of a file on disk without reading it (from `fs.stat`). */
export interface FileStamp {
  /** library-relative path */
  readonly relPath: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** `hashesSchema`, as a plain check (the fast path of reading a large cache). */
function isHashCache(v: object): v is HashCacheData {
  return isShape(v, ['files']) && isRecordOf(v.files, (e) => isShape(e, ['size', 'mtimeMs', 'sha256']) && isSize(e.size) && isFiniteNumber(e.mtimeMs) && isSha256(e.sha256));
}

export const HASHES_FILE: StateFileSpec<HashCacheData> = {
  name: 'hashes.json',
  version: 1,
  schema: hashesSchema,
  check: isHashCache,
  empty: () => ({ files: {} }),
  corruptHint: (file) => M.state.corruptCacheHint({ file }),
};

export class HashCache {
  readonly #store: StoredFile<HashCacheData>;

  private constructor(store: StoredFile<HashCacheData>) {
    this.#store = store;
  }

  /** Reads `hashes.json` from a `.happytube/` folder (empty when it does not exist). */
  static async load(dir: string): Promise<HashCache> {
    return new HashCache(await StoredFile.load(dir, HASHES_FILE));
  }

  /** The SHA-256 of the file if it was hashed with exactly this size and mtime; otherwise undefined. */
  lookup(file: FileStamp): string | undefined {
    const entry = this.#store.data.files[pathKey(file.relPath)];
    return entry && entry.size === file.size && entry.mtimeMs === file.mtimeMs ? entry.sha256 : undefined;
  }

  /**
   * The file's SHA-256, read from disk only when the cache has none for its size and mtime. A hash
   * that had to be read is handed to `onRead`, which decides when it is remembered (now, once the
   * caller is done, or never).
   */
  async sha256(file: FileStamp & { path: string }, onRead?: (stamp: FileStamp, sha256: string) => Promise<void> | void): Promise<string> {
    const known = this.lookup(file);
    if (known !== undefined) return known;
    const sha256 = await sha256File(file.path);
    await onRead?.({ relPath: file.relPath, size: file.size, mtimeMs: file.mtimeMs }, sha256);
    return sha256;
  }

  /** Remembers the SHA-256 of the file as it is now (replacing what was known for that path). */
  remember(file: FileStamp, sha256: string): Promise<void> {
    this.#store.data.files[pathKey(file.relPath)] = { size: file.size, mtimeMs: file.mtimeMs, sha256 };
    return this.#store.save();
  }

  /** Keeps only the paths given (the files that exist now), so the cache does not grow forever. */
  retainOnly(relPaths: Iterable<string>): Promise<void> {
    const keep = new Set<string>();
    for (const relPath of relPaths) keep.add(pathKey(relPath));
    const files = this.#store.data.files;
    let removed = false;
    for (const key of Object.keys(files)) {
      if (!keep.has(key)) {
        delete files[key];
        removed = true;
      }
    }
    return removed ? this.#store.save() : Promise.resolve();
  }

  /** How many files the cache knows. */
  get size(): number {
    return Object.keys(this.#store.data.files).length;
  }
}

/**
 * Watches a library folder for `sync --watch`: new clips, changed sidecars, templates,
 * thumbnails, captions, happytube.yaml — every file except hidden ones (`.happytube/`, `.git`,
 * the `.name.tmp` files of copy tools).
 *
 * The truth is a scan of the folder (path → size and mtime), repeated every `pollMs`: a library on
 * a network share may send no change events at all. Where the system does send them (node:fs
 * watch), an event only brings the next scan forward. A changed file counts once its size and
 * mtime have stayed the same for `settleMs`: a clip still being copied in (from a phone, a card, a
 * share) is never taken half-written. Chokidar was considered: its `awaitWriteFinish` looks at the
 * size only, and the scan that makes polling work is also what judges stillness, so it is one loop.
 */
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathKey } from '../state/paths.ts';

export interface WatchOptions {
  /** How long a changed file must stay the same (size and mtime) before it counts. */
  settleMs: number;
  /** Scan this often when nothing is changing (default 3 s). */
  pollMs?: number;
}

/** A scan while something is changing, at most this often. */
const BUSY_SCAN_MS = 1000;
/** A batch waits for files still changing at most this many `settleMs`, then goes without them. */
const BATCH_PATIENCE = 3;

interface Stamp {
  size: number;
  mtimeMs: number;
}

const same = (a: Stamp | undefined, b: Stamp | undefined): boolean => a?.size === b?.size && a?.mtimeMs === b?.mtimeMs;

/** What the watcher knows now: files still changing, and settled changes not yet taken. */
export interface WatchState {
  /** Library-relative paths (NFC) of files that changed and are not still yet. */
  changing: string[];
  /** Settled changes not yet taken by `next`. */
  ready: string[];
}

export class LibraryWatcher {
  readonly #root: string;
  readonly #settleMs: number;
  readonly #pollMs: number;
  /** The library as last accepted: settled files only. */
  #accepted = new Map<string, Stamp>();
  /** Files whose stamp differs from the accepted one: the stamp last seen and since when. */
  readonly #changing = new Map<string, { stamp: Stamp | undefined; since: number }>();
  readonly #ready = new Set<string>();
  #firstReadyAt: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  #fsWatcher: FSWatcher | undefined;
  #scanning: Promise<void> | undefined;
  #closed = false;
  readonly #listeners = new Set<() => void>();

  private constructor(root: string, options: WatchOptions) {
    this.#root = root;
    this.#settleMs = options.settleMs;
    this.#pollMs = options.pollMs ?? 3000;
  }

  /**
   * Starts watching. Files modified less than `settleMs` ago count as changing already: they may
   * be mid-copy, and the first sync holds them back (`changing`).
   */
  static async start(root: string, options: WatchOptions): Promise<LibraryWatcher> {
    const watcher = new LibraryWatcher(root, options);
    const now = Date.now();
    for (const [rel, stamp] of await scan(root)) {
      if (now - stamp.mtimeMs < options.settleMs) watcher.#changing.set(rel, { stamp, since: now });
      else watcher.#accepted.set(rel, stamp);
    }
    watcher.#listen();
    watcher.#schedule();
    return watcher;
  }

  state(): WatchState {
    return { changing: [...this.#changing.keys()], ready: [...this.#ready] };
  }

  /** Called after every scan that saw something new (a change, a file settling). */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The next batch: settled changes, taken once nothing else is changing (or once they have waited
   * `BATCH_PATIENCE` × `settleMs` for a long copy, which the round then holds back). Resolves
   * undefined when `signal` is aborted.
   */
  async next(signal: AbortSignal): Promise<string[] | undefined> {
    for (;;) {
      if (signal.aborted || this.#closed) return undefined;
      const patience = this.#firstReadyAt !== undefined && Date.now() - this.#firstReadyAt >= BATCH_PATIENCE * this.#settleMs;
      if (this.#ready.size > 0 && (this.#changing.size === 0 || patience)) {
        const batch = [...this.#ready].sort();
        this.#ready.clear();
        this.#firstReadyAt = undefined;
        return batch;
      }
      await new Promise<void>((resolve) => {
        const done = (): void => {
          off();
          signal.removeEventListener('abort', done);
          clearTimeout(timer);
          resolve();
        };
        const off = this.onChange(done);
        // The patience of a batch runs out without any scan news.
        const timer = setTimeout(done, this.#ready.size > 0 ? this.#settleMs : 60_000);
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#fsWatcher?.close();
    for (const listener of this.#listeners) listener();
  }

  #listen(): void {
    try {
      // Recursive watching exists on Windows, macOS and (Node 20+) Linux; where it fails (some
      // network file systems), the scans alone find the changes.
      this.#fsWatcher = watch(this.#root, { recursive: true, persistent: false }, (_event, name) => {
        if (name !== null && name.split(/[\\/]/).some((part) => part.startsWith('.'))) return;
        this.#schedule(100);
      });
      this.#fsWatcher.on('error', () => {
        this.#fsWatcher?.close();
        this.#fsWatcher = undefined;
      });
    } catch {
      this.#fsWatcher = undefined;
    }
  }

  #schedule(delayMs?: number): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    const busy = this.#changing.size > 0 ? Math.min(BUSY_SCAN_MS, Math.max(100, this.#settleMs / 5)) : this.#pollMs;
    this.#timer = setTimeout(() => void this.#scanNow(), delayMs ?? busy);
  }

  async #scanNow(): Promise<void> {
    if (this.#scanning) return;
    this.#scanning = this.#compare().catch(() => undefined); // a folder gone for a moment: the next scan looks again
    await this.#scanning;
    this.#scanning = undefined;
    this.#schedule();
  }

  async #compare(): Promise<void> {
    const files = await scan(this.#root);
    const now = Date.now();
    let news = false;
    for (const rel of new Set([...files.keys(), ...this.#accepted.keys(), ...this.#changing.keys()])) {
      const seen = files.get(rel);
      const known = this.#changing.get(rel);
      if (known === undefined) {
        if (same(seen, this.#accepted.get(rel))) continue;
        this.#changing.set(rel, { stamp: seen, since: now });
        news = true;
      } else if (!same(seen, known.stamp)) {
        this.#changing.set(rel, { stamp: seen, since: now });
      } else if (now - known.since >= this.#settleMs) {
        this.#changing.delete(rel);
        if (seen === undefined) this.#accepted.delete(rel);
        else this.#accepted.set(rel, seen);
        this.#ready.add(rel);
        this.#firstReadyAt ??= now;
        news = true;
      }
    }
    if (news) for (const listener of [...this.#listeners]) listener();
  }
}

/** Every file of the library but hidden ones, by library-relative NFC path. */
async function scan(root: string): Promise<Map<string, Stamp>> {
  const out = new Map<string, Stamp>();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (entry) => {
        if (entry.name.startsWith('.')) return;
        const path = join(dir, entry.name);
        const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        if (entry.isDirectory()) return walk(path, rel);
        const info = await stat(path).catch(() => undefined);
        if (info?.isFile()) out.set(pathKey(rel), { size: info.size, mtimeMs: info.mtimeMs });
      }),
    );
  };
  await walk(root, '');
  return out;
}

/**
 * The library watcher of `sync --watch`, in a real temp folder: a file counts once its size and
 * mtime have stayed the same for `settleMs`; changes that arrive together come as one batch;
 * hidden files are not the library's; files modified just before the watch are held at first.
 */
import { appendFile, mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LibraryWatcher } from '../../src/library/watch.ts';

let dir: string;
let watcher: LibraryWatcher | undefined;
const OLD = new Date('2024-01-01T00:00:00Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'happytube-watch-'));
  await writeFile(join(dir, 'happytube.yaml'), 'language: vi\n');
  await utimes(join(dir, 'happytube.yaml'), OLD, OLD);
});
afterEach(async () => {
  watcher?.close();
  watcher = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Resolves once the watcher sees `path` changing. */
function seenChanging(w: LibraryWatcher, path: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (!w.state().changing.includes(path)) return;
      off();
      resolve();
    };
    const off = w.onChange(check);
    check();
  });
}

it('takes a file written in parts only once it has stayed still, whole', async () => {
  watcher = await LibraryWatcher.start(dir, { settleMs: 1000, pollMs: 100 });
  expect(watcher.state()).toEqual({ changing: [], ready: [] });
  await mkdir(join(dir, '01-a'));
  const file = join(dir, '01-a', 'clip.mp4');
  await writeFile(file, Buffer.alloc(1000, 1));
  await seenChanging(watcher, '01-a/clip.mp4');
  for (let i = 0; i < 5; i++) {
    await appendFile(file, Buffer.alloc(1000, 2));
    expect(watcher.state().ready).toEqual([]);
  }
  const batch = await watcher.next(new AbortController().signal);
  expect(batch).toEqual(['01-a/clip.mp4']);
  expect((await stat(file)).size).toBe(6000);
  expect(watcher.state()).toEqual({ changing: [], ready: [] });
});

it('gives changes that arrive together as one batch, and ignores hidden files', async () => {
  watcher = await LibraryWatcher.start(dir, { settleMs: 500, pollMs: 100 });
  await mkdir(join(dir, '.happytube'));
  await writeFile(join(dir, '.happytube', 'ledger.json'), '{}');
  await writeFile(join(dir, 'a.yaml'), 'title: A\n');
  await writeFile(join(dir, 'b.yaml'), 'title: B\n');
  await writeFile(join(dir, 'happytube.yaml'), 'language: en\n');
  const batch = await watcher.next(new AbortController().signal);
  expect(batch).toEqual(['a.yaml', 'b.yaml', 'happytube.yaml']);
});

it('holds files modified just before the watch began, and ends its wait on abort', async () => {
  await writeFile(join(dir, 'just-copied.mp4'), Buffer.alloc(10));
  watcher = await LibraryWatcher.start(dir, { settleMs: 60_000, pollMs: 100 });
  expect(watcher.state().changing).toEqual(['just-copied.mp4']);
  const controller = new AbortController();
  const waiting = watcher.next(controller.signal);
  controller.abort();
  expect(await waiting).toBeUndefined();
});

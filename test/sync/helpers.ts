/**
 * Shared pieces of the sync tests: a copy of examples/happy-school in a temp folder, the CLI run
 * against the emulator, and what the emulator holds compared with the files.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import type { StateSnapshot } from '../../src/emulator/index.ts';
import { runMain } from '../helpers/cli.ts';
import type { RunResult } from '../helpers/cli.ts';
import type { EmulatorHandle } from '../helpers/emulator.ts';

export const EXAMPLE = fileURLToPath(new URL('../../examples/happy-school', import.meta.url));

export interface CheckClip {
  relPath: string;
  playlists: string[];
  metadata: { title: string; description: string };
  thumbnail: string | null;
  captions: { lang: string }[];
}

/** A fresh copy of the example library; `remove` deletes it. */
export async function exampleCopy(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const base = await mkdtemp(join(tmpdir(), 'happytube-sync-'));
  const dir = join(base, 'library');
  await cp(EXAMPLE, dir, { recursive: true });
  return { dir, remove: () => rm(base, { recursive: true, force: true }) };
}

/**
 * For each test a fresh copy of the example library (removed afterwards), beside the fresh emulator
 * that `useEmulator` gives every test. `dir` is the current test's copy.
 */
export function useExampleLibrary(): { readonly dir: string } {
  let library: Awaited<ReturnType<typeof exampleCopy>> | undefined;
  beforeEach(async () => {
    library = await exampleCopy();
  });
  afterEach(async () => {
    await library?.remove();
    library = undefined;
  });
  return {
    get dir(): string {
      if (!library) throw new Error('the example library exists only inside a test');
      return library.dir;
    },
  };
}

export function sync(emulator: EmulatorHandle, dir: string, args: string[] = [], timeoutMs = 60_000, env: Record<string, string> = {}): Promise<RunResult> {
  return runMain(['sync', dir, '--yes', ...args], { env: { ...emulator.env(), HAPPYTUBE_LANG: 'en', ...env }, timeoutMs });
}

export async function checkClips(dir: string): Promise<CheckClip[]> {
  const result = await runMain(['check', dir, '--json'], { env: { HAPPYTUBE_LANG: 'en' } });
  return (JSON.parse(result.stdout) as { clips: CheckClip[] }).clips;
}

export async function checkPlaylists(dir: string): Promise<{ key: string; title: string }[]> {
  const result = await runMain(['check', dir, '--json'], { env: { HAPPYTUBE_LANG: 'en' } });
  return (JSON.parse(result.stdout) as { playlists: { key: string; title: string }[] }).playlists;
}

/** The file at a library-relative NFC path, whatever the normalisation of its name on disk. */
export async function onDisk(dir: string, relPath: string): Promise<string> {
  let current = dir;
  for (const part of relPath.split('/')) {
    const names = await readdir(current);
    current = join(current, names.find((n) => n.normalize('NFC') === part) ?? part);
  }
  return current;
}

export async function sha256File(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** Calls made between two snapshots, per method. */
export function callsBetween(before: StateSnapshot, after: StateSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [method, count] of Object.entries(after.calls)) {
    const delta = count - (before.calls[method] ?? 0);
    if (delta > 0) out[method] = delta;
  }
  return out;
}

/**
 * Every clip of `dir` is on the emulator exactly once (by SHA-256), and no other video is; returns
 * the video of each clip by relPath.
 */
export async function expectEachClipOnce(state: StateSnapshot, dir: string, clips: CheckClip[]): Promise<Map<string, StateSnapshot['videos'][number]>> {
  const out = new Map<string, StateSnapshot['videos'][number]>();
  for (const clip of clips) {
    const sha = await sha256File(await onDisk(dir, clip.relPath));
    const found = state.videos.filter((v) => v.sha256 === sha);
    if (found.length !== 1) throw new Error(`${clip.relPath}: ${found.length} videos with its content`);
    out.set(clip.relPath, found[0]!);
  }
  if (state.videos.length !== clips.length) throw new Error(`${state.videos.length} videos for ${clips.length} clips`);
  return out;
}

/**
 * `kill -9` of `happytube sync` at moments spread over a run (its first call to YouTube, mid-body
 * of an upload, just after a video or a playlist item was made), uploads slowed down so that
 * some die mid-flight; then a final sync: every clip on the channel exactly once, with the right
 * bytes. Each moment is seen in the emulator's state, in this process, not guessed by a timer.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EmulatorState } from '../../src/emulator/store.ts';
import { BIN, cleanEnv } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { checkClips, exampleCopy, expectEachClipOnce, sync } from './helpers.ts';

const emulator = useEmulator();
let library: { dir: string; remove: () => Promise<void> };

beforeAll(async () => {
  library = await exampleCopy();
});
afterAll(async () => {
  await library.remove();
});

/** A moment of a run, from the emulator's state when the run began and its state now. */
type Moment = (before: { calls: number; videos: number; items: number }, now: EmulatorState) => boolean;

const callsOf = (state: EmulatorState): number => Object.values(state.calls).reduce((a, b) => a + b, 0);
const itemsOf = (state: EmulatorState): number => state.calls['playlistItems.insert'] ?? 0;

const firstCall: Moment = (before, now) => callsOf(now) > before.calls;
const midUpload: Moment = (_, now) => [...now.sessions.values()].some((s) => s.writer !== undefined && s.sink.size > s.writer.before);
const videoMade: Moment = (before, now) => now.videos.size > before.videos;
const itemAdded: Moment = (before, now) => itemsOf(now) > before.items;

/** Starts a sync and kills it with SIGKILL at `moment` (or lets it end first). */
async function syncKilledAt(moment: Moment): Promise<number | null> {
  const state = emulator.running.state;
  const before = { calls: callsOf(state), videos: state.videos.size, items: itemsOf(state) };
  const child = spawn(process.execPath, [BIN, 'sync', library.dir, '--yes', '--concurrency', '2'], {
    env: cleanEnv({ ...emulator.env(), HAPPYTUBE_LANG: 'en' }),
    stdio: 'ignore',
  });
  let closed = false;
  const code = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => {
      closed = true;
      resolve(c);
    });
  });
  // The emulator answers in this process: its state is looked at every few milliseconds.
  while (!closed && !moment(before, state)) await sleep(5);
  if (!closed) child.kill('SIGKILL');
  return code;
}

it('survives kill -9 at moments all over a run: a final sync leaves every clip exactly once with the right bytes', async () => {
  // ~12 KiB clips at 8 KiB/s: each upload takes more than a second, so kills land mid-body.
  await emulator.admin.faults(['slow:8192']);
  const moments = [firstCall, midUpload, videoMade, midUpload, itemAdded, midUpload, videoMade, midUpload];
  const codes: (number | null)[] = [];
  for (const moment of moments) codes.push(await syncKilledAt(moment));
  // Most runs were killed, not finished.
  expect(codes.filter((c) => c === null).length).toBeGreaterThanOrEqual(4);
  await emulator.admin.faults(['slow:0']);
  const final = await sync(emulator, library.dir, [], 60_000);
  expect(final.stderr).not.toMatch(/Error/);
  expect(final.code).toBe(0);
  await expectEachClipOnce(await emulator.admin.state(), library.dir, await checkClips(library.dir));
  const again = await sync(emulator, library.dir);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/uploaded: 0/);
}, 120_000);

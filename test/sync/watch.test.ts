/**
 * `sync --watch` on a library: a clip copied in slowly is uploaded once, only after its copy
 * ended, with its exact bytes; a sidecar edited while it watches updates the video; Ctrl-C ends it.
 * A child process: the real SIGINT that ends the watch is the point.
 */
import { spawn } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { StateSnapshot } from '../../src/emulator/index.ts';
import { BIN, cleanEnv } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { checkClips, expectEachClipOnce, onDisk, sha256File, useExampleLibrary } from './helpers.ts';

const emulator = useEmulator();
const library = useExampleLibrary();
const TINY = fileURLToPath(new URL('../fixtures/clips/tiny.mp4', import.meta.url));
/** How long a file must stay still; the slow copy below adds a part 6 times as often. */
const SETTLE_SECONDS = 3;
const PART_EVERY_MS = 500;

/** Polls the emulator until `ok` holds (a generous deadline: the watch reacts in seconds). */
async function until(ok: (state: StateSnapshot) => boolean, what: string, log: () => string): Promise<StateSnapshot> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const state = await emulator.admin.state();
    if (ok(state)) return state;
    if (Date.now() > deadline) throw new Error(`${what} did not happen; the watch said:\n${log()}`);
    await sleep(250);
  }
}

const titleOf = (video: StateSnapshot['videos'][number]): string => (video.resource as { snippet: { title: string } }).snippet.title;

it('uploads a clip copied in slowly exactly once after its copy ended, follows an edited sidecar, and stops on Ctrl-C', async () => {
  const child = spawn(process.execPath, [BIN, 'sync', library.dir, '--yes', '--watch', '--settle', String(SETTLE_SECONDS)], {
    env: cleanEnv({ ...emulator.env(), HAPPYTUBE_LANG: 'en' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout.resume();
  const log = (): string => stderr;

  try {
    await watching(child, () => stderr, log);
  } finally {
    child.kill('SIGKILL');
  }
}, 180_000);

async function watching(child: ReturnType<typeof spawn>, stderr: () => string, log: () => string): Promise<void> {
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // The library was copied a moment ago: its files count as just copied in, so they are
  // published once they have stayed still; then the watch waits.
  await until((s) => s.videos.length === 6 && stderr().includes('Watching'), 'the first sync', log);

  // A clip copied in 8 parts over ~4 s: nothing of it reaches the channel while it grows.
  const bytes = await readFile(TINY);
  const target = join(library.dir, '01-muc-dich', '2025-03-01 Bé tập vẽ.mp4');
  const parts = 8;
  const size = Math.ceil(bytes.length / parts);
  await writeFile(target, bytes.subarray(0, size));
  for (let i = 1; i < parts; i++) {
    await sleep(PART_EVERY_MS);
    expect((await emulator.admin.state()).videos).toHaveLength(6);
    await appendFile(target, bytes.subarray(i * size, (i + 1) * size));
  }
  const copied = await until((s) => s.videos.length === 7, 'the upload of the new clip', log);
  const clips = await checkClips(library.dir);
  const byClip = await expectEachClipOnce(copied, library.dir, clips);
  expect(byClip.get('01-muc-dich/2025-03-01 Bé tập vẽ.mp4')?.sha256).toBe(await sha256File(TINY));

  // A sidecar edited while it watches: the video's title follows.
  const sidecar = await onDisk(library.dir, '03-qua-trinh-ket-qua/2024-11-20 Hội thi bé khỏe.yaml');
  await appendFile(sidecar, 'title: "Hội thi bé khỏe mùa đông"\n');
  const videoId = byClip.get('03-qua-trinh-ket-qua/2024-11-20 Hội thi bé khỏe.mp4')!.id;
  const updated = await until(
    (s) => s.videos.some((v) => v.id === videoId && titleOf(v).normalize('NFC').includes('Hội thi bé khỏe mùa đông')),
    'the update of the edited clip',
    log,
  );
  expect(updated.videos).toHaveLength(7);

  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(stderr()).toContain('Stopped watching the folder.');
  expect(stderr()).not.toMatch(/Error/);
}

/**
 * `kill -9` of `happytube sync` at random moments, uploads slowed down so that some die mid-flight;
 * then a final sync: every clip on the channel exactly once, with the right bytes.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

/** Starts a sync and kills it with SIGKILL after `ms` (or lets it end first). */
function syncKilledAfter(ms: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'sync', library.dir, '--yes', '--concurrency', '2'], {
      env: cleanEnv({ ...emulator.env(), HAPPYTUBE_LANG: 'en' }),
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

it('survives kill -9 at random moments: a final sync leaves every clip exactly once with the right bytes', async () => {
  // ~12 KiB clips at 8 KiB/s: each upload takes more than a second, so kills land mid-body.
  await emulator.admin.faults(['slow:8192']);
  const delays = [300, 900, 1500, 2200, 700, 3000, 1200, 2600];
  const codes: (number | null)[] = [];
  for (const ms of delays) codes.push(await syncKilledAfter(ms + Math.floor(Math.random() * 400)));
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

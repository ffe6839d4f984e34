/**
 * `sync --wait` across quota resets: quota days of a few seconds (HAPPYTUBE_TEST_QUOTA_DAY_SECONDS,
 * read by the emulator in this process and by the CLI child alike) and room for 2 uploads a day.
 */
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BIN, cleanEnv } from '../helpers/cli.ts';
import { terminal } from '../helpers/terminal.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { checkClips, expectEachClipOnce, sync, useExampleLibrary } from './helpers.ts';

const DAY_SECONDS = '10';
// Before the emulator starts: its quota day is read from this process's environment.
process.env.HAPPYTUBE_TEST_QUOTA_DAY_SECONDS = DAY_SECONDS;
const emulator = useEmulator({ uploads: 2 });
const library = useExampleLibrary(emulator);
const dayEnv = { HAPPYTUBE_TEST_QUOTA_DAY_SECONDS: DAY_SECONDS };

it('publishes 5 clips with room for 2 uploads a day in one run across the resets, exit 0, no clip twice', async () => {
  await rm(join(library.dir, '04-mo-hinh-hay', '2025-02-14 Vườn rau của bé.mp4'));
  const clips = await checkClips(library.dir);
  expect(clips).toHaveLength(5);
  const run = await sync(emulator, library.dir, ['--wait'], 120_000, dayEnv);
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.code).toBe(0);
  // It waited at least twice (5 clips, 2 a day), said when, and went on each time.
  expect(run.stderr.match(/Today's quota is used up/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  expect(run.stderr.match(/The quota has reset: going on/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  // Each round's summary leaves "run the command again" to runs that do not wait.
  expect(run.stdout).not.toContain('Run the command again');
  await expectEachClipOnce(await emulator.admin.state(), library.dir, clips);
}, 150_000);

it('holds the lock while it waits (a rival run is refused with its pid); Ctrl-C then exits 3 and loses nothing', async () => {
  const child = spawn(process.execPath, [BIN, 'sync', library.dir, '--yes', '--wait'], {
    env: cleanEnv({ ...emulator.env(), HAPPYTUBE_LANG: 'en', ...dayEnv }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const waiting = new Promise<void>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (stderr.includes("Today's quota is used up")) resolve();
    });
    child.on('close', () => reject(new Error(`the run ended before it waited:\n${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.stdout.resume();
  await waiting;

  const rival = await sync(emulator, library.dir, [], 60_000, dayEnv);
  expect(rival.code).toBe(1);
  expect(rival.stderr).toContain(`process ${child.pid}`);

  child.kill('SIGINT');
  expect(await exited).toBe(3);
  // Nothing in flight was lost or doubled: a later run finds every uploaded clip recorded.
  const later = await sync(emulator, library.dir, ['--wait'], 120_000, dayEnv);
  expect(later.code).toBe(0);
  await expectEachClipOnce(await emulator.admin.state(), library.dir, await checkClips(library.dir));
}, 200_000);

it('counts down on one status line in a terminal', async () => {
  const term = terminal(['sync', library.dir, '--yes', '--wait'], { ...emulator.env(), HAPPYTUBE_LANG: 'en', ...dayEnv });
  await term.waitFor(/Waiting for the quota: going on at \d\d:\d\d on .+ \(in \d+ s\)/);
  expect(await term.exit).toBe(0);
}, 150_000);

it('ends with exit 3 instead of waiting forever when a fresh day cannot do one step (captions cost more than the day allows)', async () => {
  // Only the clip with captions (400 units) and 350 units a day for this project.
  for (const clip of ['01-muc-dich/2024-09-05 Khai giảng năm học mới.mp4', '02-bo-tieu-chi/2024-10-15 Giới thiệu Bộ tiêu chí Trường học hạnh phúc.mp4', '03-qua-trinh-ket-qua/2024-12-18 Ngày hội gia đình.mp4', '04-mo-hinh-hay/2025-01-08 Góc đọc sách của bé.mp4', '04-mo-hinh-hay/2025-02-14 Vườn rau của bé.mp4']) {
    await rm(join(library.dir, clip.normalize('NFD')), { force: true });
    await rm(join(library.dir, clip), { force: true });
  }
  const config = join(library.dir, 'happytube.yaml');
  await writeFile(config, (await readFile(config, 'utf8')).replace('units: 10000', 'units: 350'));
  expect(await checkClips(library.dir)).toHaveLength(1);
  const run = await sync(emulator, library.dir, ['--wait'], 120_000, dayEnv);
  expect(run.code).toBe(3);
  expect(run.stderr.match(/Today's quota is used up/g)).toHaveLength(1);
  expect(run.stderr).toContain('1 clip is left, but even a whole new day of quota is not enough for their next step');
}, 150_000);

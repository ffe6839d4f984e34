/**
 * `sync --wait` across quota resets, with room for 2 uploads a day: quota days of a second for
 * the CLI, the emulator's day turned as the run waits (wait-helpers.ts). Ctrl-C, the lock and the
 * countdown of a waiting run: wait-interrupt.test.ts.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.ts';
import { checkClips, expectEachClipOnce, useExampleLibrary } from './helpers.ts';
import { syncWaiting } from './wait-helpers.ts';

const emulator = useEmulator({ uploads: 2 });
const library = useExampleLibrary();

it('publishes 5 clips with room for 2 uploads a day in one run across the resets, exit 0, no clip twice', async () => {
  await rm(join(library.dir, '04-mo-hinh-hay', '2025-02-14 Vườn rau của bé.mp4'));
  const clips = await checkClips(library.dir);
  expect(clips).toHaveLength(5);
  const run = await syncWaiting(emulator, library.dir);
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.code).toBe(0);
  // It waited at least twice (5 clips, 2 a day), said when, and went on each time.
  expect(run.stderr.match(/Today's quota is used up/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  expect(run.stderr.match(/The quota has reset: going on/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  // Each round's summary leaves "run the command again" to runs that do not wait.
  expect(run.stdout).not.toContain('Run the command again');
  await expectEachClipOnce(await emulator.admin.state(), library.dir, clips);
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
  const run = await syncWaiting(emulator, library.dir);
  expect(run.code).toBe(3);
  expect(run.stderr.match(/Today's quota is used up/g)).toHaveLength(1);
  expect(run.stderr).toContain('1 clip is left, but even a whole new day of quota is not enough for their next step');
}, 150_000);

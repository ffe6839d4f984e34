/**
 * The two quota buckets, each refused on its own (403 quotaExceeded): a Google project with room
 * for 2 uploads a day and a library of 5 clips. Each day's run uploads 2, still adds every uploaded
 * clip to its playlists, and a later run the same day still does the cheap work (a title edit);
 * the empty upload bucket never counts as the day's units spent. The first day is the real one,
 * so that its two runs surely share it however slow the machine; the later days are quota days of
 * a second (HAPPYTUBE_TEST_QUOTA_DAY_SECONDS, in the environment of the CLI's runs only), each named unlike the real
 * one. The emulator's own day is turned by resetting its quota, so it allows exactly 2 uploads per
 * test day.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StateSnapshot } from '../../src/emulator/index.ts';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { exampleCopy, useExampleLibrary } from './helpers.ts';

const DAY_SECONDS = 1;
const emulator = useEmulator({ uploads: 2 });
const library = useExampleLibrary();
/** A Google project still on one bucket: an upload costs 100 of the shared units. */
const single = useEmulator({ uploadUnits: 100 });

/** A sync on the real quota day, or (`shortDays`) on quota days of DAY_SECONDS. */
function sync(dir: string, shortDays = true): ReturnType<typeof runMain> {
  return runMain(['sync', dir, '--yes', '--concurrency', '2'], {
    env: { ...emulator.env(), HAPPYTUBE_LANG: 'en', ...(shortDays ? { HAPPYTUBE_TEST_QUOTA_DAY_SECONDS: String(DAY_SECONDS) } : {}) },
  });
}

/** Waits for the start of the CLI's next short quota day, then turns the emulator's day too. */
async function nextDay(): Promise<void> {
  const dayMs = DAY_SECONDS * 1000;
  await new Promise((resolve) => setTimeout(resolve, dayMs - (Date.now() % dayMs) + 50));
  await emulator.admin.resetQuota();
}

function inPlaylists(state: StateSnapshot): Set<string> {
  return new Set(state.playlists.flatMap((p) => p.videoIds));
}

async function quotaRecord(dir: string): Promise<{ units: number; uploads: number }> {
  return JSON.parse(await readFile(join(dir, '.happytube', 'quota.json'), 'utf8')) as { units: number; uploads: number };
}

describe('a project with room for 2 uploads a day and 5 clips', () => {
  it('uploads 2 a day, adds every uploaded clip to its playlists, and goes on with the units after the upload bucket is empty', async () => {
    const dir = library.dir;
    await rm(join(dir, '04-mo-hinh-hay', '2025-02-14 Vườn rau của bé.mp4'));

    const day1 = await sync(dir, false);
    expect(day1.code, day1.stderr).toBe(3);
    let state = await emulator.admin.state();
    expect(state.videos).toHaveLength(2);
    for (const video of state.videos) expect(inPlaylists(state)).toContain(video.id);
    const record = await quotaRecord(dir);
    expect(record.units).toBeLessThan(10_000);
    expect(record.uploads).toBe(100);

    // The same day: no upload is tried again, but a title edit still goes out.
    await writeFile(join(dir, '01-muc-dich', '2024-09-05 Khai giảng năm học mới.yaml'), 'title: "Khai giảng năm học mới 2024–2025"\n');
    const updatesBefore = state.calls['videos.update'] ?? 0;
    const insertsBefore = state.calls['videos.insert'] ?? 0;
    const again = await sync(dir, false);
    expect(again.code, again.stderr).toBe(3);
    state = await emulator.admin.state();
    expect(state.calls['videos.update'] ?? 0).toBe(updatesBefore + 1);
    expect(state.calls['videos.insert'] ?? 0).toBe(insertsBefore);

    await nextDay();
    const day2 = await sync(dir);
    expect(day2.code, day2.stderr).toBe(3);
    state = await emulator.admin.state();
    expect(state.videos).toHaveLength(4);
    for (const video of state.videos) expect(inPlaylists(state)).toContain(video.id);

    await nextDay();
    const day3 = await sync(dir);
    expect(day3.code, day3.stderr).toBe(0);
    state = await emulator.admin.state();
    expect(state.videos).toHaveLength(5);
    for (const video of state.videos) expect(inPlaylists(state)).toContain(video.id);
  }, 120_000);
});

describe('a project still on one quota bucket', () => {
  it('stops at the first refusal after the upload bucket is taken for empty: one refused call more, no further work', async () => {
    const copy = await exampleCopy();
    try {
      const env = { ...single.env(), HAPPYTUBE_LANG: 'en' };
      expect((await runMain(['sync', copy.dir, '--yes'], { env })).code).toBe(0);
      // A new clip older than all (its upload comes first) and two title edits (50 units each).
      const header = await readFile(join(copy.dir, '01-muc-dich', '2024-09-05 Khai giảng năm học mới.mp4'));
      await writeFile(join(copy.dir, '01-muc-dich', '2024-08-20 Họp phụ huynh đầu năm.mp4'), Buffer.concat([header, randomBytes(4096)]));
      await writeFile(join(copy.dir, '02-bo-tieu-chi', '2024-10-15 Giới thiệu Bộ tiêu chí Trường học hạnh phúc.yaml'), 'title: "Bộ tiêu chí, giới thiệu lại"\n');
      await writeFile(join(copy.dir, '01-muc-dich', '2024-09-05 Khai giảng năm học mới.yaml'), 'title: "Khai giảng, quay lại"\n');
      // What the run reads costs the same as a dry run; leave 10 units after it: no upload (100) and no update (50) fits.
      await single.admin.resetQuota();
      expect((await runMain(['sync', copy.dir, '--dry-run'], { env })).code).toBe(0);
      const reads = (await single.admin.state()).quota.units.used;
      await single.admin.resetQuota();
      single.running.state.quota.unitLimit = reads + 10;
      const before = await single.admin.state();
      const result = await runMain(['sync', copy.dir, '--yes'], { env });
      expect(result.code, result.stderr).toBe(3);
      const after = await single.admin.state();
      expect((after.calls['videos.insert'] ?? 0) - (before.calls['videos.insert'] ?? 0)).toBe(1);
      expect((after.calls['videos.update'] ?? 0) - (before.calls['videos.update'] ?? 0)).toBe(1);
      expect(await quotaRecord(copy.dir)).toMatchObject({ units: 10_000, uploads: 100 });
    } finally {
      await copy.remove();
    }
  });
});

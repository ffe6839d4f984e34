/**
 * `happytube sync` end to end: the CLI in-process (runMain) against the emulator, on a copy of
 * examples/happy-school per test.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { callsBetween, checkClips, checkPlaylists, expectEachClipOnce, sync, useExampleLibrary } from './helpers.ts';

const emulator = useEmulator();
const library = useExampleLibrary();

const INSERTS = ['videos.insert', 'playlists.insert', 'playlistItems.insert', 'captions.insert', 'thumbnails.set', 'videos.update', 'playlistItems.delete'];

describe('happytube sync', () => {
  it('puts every clip on the channel once, as rendered, in its playlists, with thumbnail and captions; a second sync does nothing', async () => {
    const first = await sync(emulator, library.dir);
    expect(first.stderr).not.toContain('Error');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/uploaded: 6/);
    const clips = await checkClips(library.dir);
    const playlistTitles = new Map((await checkPlaylists(library.dir)).map((p) => [p.key, p.title]));
    const state = await emulator.admin.state();
    const videos = await expectEachClipOnce(state, library.dir, clips);
    // `check` is offline: a playlist's link stands in for its id, which the first sync puts in.
    const idOfKey = (key: string): string => state.playlists.find((p) => p.title === playlistTitles.get(key))!.id;
    let linked = 0;
    for (const clip of clips) {
      const video = videos.get(clip.relPath)!;
      const snippet = video.resource.snippet as { title: string; description: string };
      expect(snippet.title).toBe(clip.metadata.title);
      expect(snippet.description).toBe(clip.metadata.description.replace(/PL~([\w-]+)~+/g, (_, key: string) => idOfKey(key)));
      if (clip.metadata.description.includes('PL~')) {
        linked += 1;
        expect(snippet.description).toContain(`https://www.youtube.com/playlist?list=${idOfKey(clip.playlists[0]!)}`);
      }
      expect(video.thumbnail !== undefined && video.thumbnail !== null).toBe(clip.thumbnail !== null);
      expect(video.captions.map((c) => c.language).sort()).toEqual(clip.captions.map((c) => c.lang).sort());
      expect(state.playlists.filter((p) => p.videoIds.includes(video.id)).length).toBe(clip.playlists.length);
      for (const p of state.playlists) expect(p.videoIds.filter((id) => id === video.id).length).toBeLessThanOrEqual(1);
    }
    expect(state.playlists).toHaveLength(4);
    expect(linked).toBe(5); // the clips of the default template: their first upload has its playlist's link

    const again = await sync(emulator, library.dir);
    expect(again.code).toBe(0);
    const after = await emulator.admin.state();
    const calls = callsBetween(state, after);
    for (const method of INSERTS) expect(calls[method] ?? 0).toBe(0);
    expect(after.quota.units.used - state.quota.units.used).toBeLessThanOrEqual(10);
  });

  it('--dry-run prints the plan with its cost and writes nothing anywhere', async () => {
    const result = await sync(emulator, library.dir, ['--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Cost: 1,000 quota units and 6 uploads/);
    expect(existsSync(join(library.dir, '.happytube'))).toBe(false);
    const state = await emulator.admin.state();
    expect(state.videos).toHaveLength(0);
    for (const method of INSERTS) expect(state.calls[method] ?? 0).toBe(0);
    const json = await sync(emulator, library.dir, ['--dry-run', '--json']);
    const doc = JSON.parse(json.stdout) as { dryRun: boolean; plan: { cost: { units: number; uploads: number } } };
    expect(doc.dryRun).toBe(true);
    expect(doc.plan.cost).toEqual({ units: 1000, uploads: 6 });
  });

  it('a moved clip is not uploaded again and its playlist membership follows the folder', async () => {
    expect((await sync(emulator, library.dir)).code).toBe(0);
    const before = await emulator.admin.state();
    const from = join(library.dir, '01-muc-dich', '2024-09-05 Khai giảng năm học mới.mp4');
    await rename(from, join(library.dir, '02-bo-tieu-chi', '2024-09-05 Khai giảng (đổi tên).mp4'));
    const result = await sync(emulator, library.dir);
    expect(result.code).toBe(0);
    const after = await emulator.admin.state();
    const calls = callsBetween(before, after);
    expect(calls['videos.insert'] ?? 0).toBe(0);
    expect(calls['playlistItems.insert']).toBe(1);
    expect(calls['playlistItems.delete']).toBe(1);
    const clips = await checkClips(library.dir);
    const videos = await expectEachClipOnce(after, library.dir, clips);
    const moved = videos.get('02-bo-tieu-chi/2024-09-05 Khai giảng (đổi tên).mp4')!;
    const titles = after.playlists.filter((p) => p.videoIds.includes(moved.id)).map((p) => p.title);
    expect(titles).toEqual(['Bộ tiêu chí Trường học hạnh phúc']);
  });

  it('an edited sidecar title is exactly one videos.update', async () => {
    expect((await sync(emulator, library.dir)).code).toBe(0);
    const before = await emulator.admin.state();
    const sidecar = join(library.dir, '04-mo-hinh-hay', '2025-01-08 Góc đọc sách của bé.yaml');
    await writeFile(sidecar, (await readFile(sidecar, 'utf8')).replace(/^title: .*$/m, 'title: "Góc đọc sách mới của bé"'));
    const result = await sync(emulator, library.dir);
    expect(result.code).toBe(0);
    const after = await emulator.admin.state();
    const calls = callsBetween(before, after);
    expect(calls['videos.update']).toBe(1);
    for (const method of INSERTS.filter((m) => m !== 'videos.update')) expect(calls[method] ?? 0).toBe(0);
    expect(after.videos.some((v) => (v.resource.snippet as { title: string }).title.includes('Góc đọc sách mới của bé'))).toBe(true);
  });

  it('after .happytube/ is lost, the videos are adopted, not uploaded again', async () => {
    expect((await sync(emulator, library.dir)).code).toBe(0);
    const before = await emulator.admin.state();
    await rm(join(library.dir, '.happytube'), { recursive: true });
    const result = await sync(emulator, library.dir);
    expect(result.stderr).not.toContain('Error');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/adopted existing videos: 6/);
    const after = await emulator.admin.state();
    const calls = callsBetween(before, after);
    expect(calls['videos.insert'] ?? 0).toBe(0);
    expect(calls['playlists.insert'] ?? 0).toBe(0);
    expect(calls['playlistItems.insert'] ?? 0).toBe(0);
    await expectEachClipOnce(after, library.dir, await checkClips(library.dir));
    // And the adopted state is complete: the next sync sends nothing.
    const third = await sync(emulator, library.dir);
    const last = callsBetween(after, await emulator.admin.state());
    expect(third.code).toBe(0);
    expect(last['videos.update'] ?? 0).toBe(0);
    expect(last['captions.insert'] ?? 0).toBe(0);
  });

  it('a video deleted on YouTube is reported, not uploaded again', async () => {
    expect((await sync(emulator, library.dir)).code).toBe(0);
    const state = await emulator.admin.state();
    const victim = state.videos[0]!;
    emulator.running.state.videos.delete(victim.id);
    const result = await sync(emulator, library.dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`video ${victim.id} was deleted on YouTube`));
    expect(callsBetween(state, await emulator.admin.state())['videos.insert'] ?? 0).toBe(0);
  });

  it('an invalid library stops with exit 2 before anything is sent', async () => {
    await mkdir(join(library.dir, '01-muc-dich'), { recursive: true });
    await writeFile(join(library.dir, '01-muc-dich', '2024-09-05 Khai giảng năm học mới.yaml'), 'nonsense: 1\n');
    const result = await sync(emulator, library.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nonsense/);
    expect((await emulator.admin.state()).calls).toEqual({});
  });
});

describe('happytube playlists and status', () => {
  it('lists the managed playlists with their address and item count, and the published clips offline', async () => {
    expect((await sync(emulator, library.dir)).code).toBe(0);
    const unitsToday = async (): Promise<number> => {
      const status = await runMain(['status', library.dir], { env: { HAPPYTUBE_LANG: 'en' } });
      return Number(/Quota today: (\d+)\/10000 units/.exec(status.stdout)?.[1]);
    };
    const before = await unitsToday();
    const result = await runMain(['playlists', library.dir, '--json'], { env: { ...emulator.env(), HAPPYTUBE_LANG: 'en' } });
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { playlists: { key: string; id: string | null; url: string | null; items: number | null }[] };
    expect(doc.playlists.map((p) => [p.key, p.items])).toEqual([['muc-dich', 1], ['bo-tieu-chi', 1], ['qua-trinh-ket-qua', 3], ['mo-hinh-hay', 2]]);
    for (const p of doc.playlists) expect(p.url).toBe(`https://www.youtube.com/playlist?list=${p.id!}`);
    // Its one playlists.list is counted in today's quota.
    expect(await unitsToday()).toBe(before + 1);

    // status needs no network: no emulator variables at all.
    const status = await runMain(['status', library.dir], { env: { HAPPYTUBE_LANG: 'en' } });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Published 6 · pending 0 · failed 0/);
    expect(status.stdout).toMatch(/Quota today: [\d,]+\/10,000 units, 6\/100 uploads; resets at \d\d:\d\d on \d+ \w+ \d{4} \(Vietnam time\)/);
  });
});

describe('happytube sync input', () => {
  it('refuses a bad --concurrency or an --only path that is no clip, with exit 2 and nothing sent', async () => {
    const bad = await sync(emulator, library.dir, ['--concurrency', '9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--concurrency "9"/);
    const only = await sync(emulator, library.dir, ['--only', 'no-such-clip.mp4']);
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/--only no-such-clip\.mp4/);
    expect((await emulator.admin.state()).calls).toEqual({});
  });

  it('a sign-in that Google refused stops the run at once: exit 4, nothing sent, no retries', async () => {
    const signIn = emulator.env();
    const env = { ...signIn, HAPPYTUBE_LANG: 'en' };
    const token = signIn.HAPPYTUBE_REFRESH_TOKEN ?? '';
    const revoked = await fetch(`${emulator.url}/revoke?token=${encodeURIComponent(token)}`, { method: 'POST' });
    expect(revoked.status).toBe(200);
    const run = await runMain(['sync', library.dir, '--yes', '--verbose'], { env });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('HAPPYTUBE_REFRESH_TOKEN');
    // The early refresh and the first call's: a refusal is not retried like a network failure.
    const refreshes = run.stderr.split('\n').filter((line) => /POST \S+\/token → 400/.test(line));
    expect(refreshes.length).toBeGreaterThanOrEqual(1);
    expect(refreshes.length).toBeLessThanOrEqual(2);
    expect((await emulator.admin.state()).calls).toEqual({});
  });
});

/**
 * What YouTube did with each video, read back after the upload (one videos.list, which is also
 * what records a video as published) and by each later sync: an audience YouTube decided, a
 * rejection, a video still processing, an upload answer that names no video of the channel.
 * Reported in the run's summary, in `status` and in the report. The CLI against the emulator,
 * whose faults play YouTube's verdicts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { callsBetween, sync, useExampleLibrary } from '../sync/helpers.ts';

const emulator = useEmulator();
const library = useExampleLibrary();

/** Uploaded first (the oldest date). */
const FIRST = '01-muc-dich/2024-09-05 Khai giảng năm học mới.mp4';

interface StatusJson {
  published: number;
  failed: { relPath: string; reason: string }[];
  youtubeFindings: { relPath: string; videoId: string; finding: { field: string; expected: string; actual: string; reason?: string } }[];
  processing: string[];
}

async function status(): Promise<{ json: StatusJson; text: string }> {
  const env = { ...emulator.env(), HAPPYTUBE_LANG: 'en' };
  const json = JSON.parse((await runMain(['status', library.dir, '--json'], { env })).stdout) as StatusJson;
  const text = (await runMain(['status', library.dir], { env })).stdout;
  return { json, text };
}

async function report(): Promise<string> {
  const out = join(library.dir, 'report.md');
  const r = await runMain(['report', library.dir, '--format', 'md', '--out', out, '--lang', 'en'], { env: emulator.env() });
  expect(r.code, r.stderr).toBe(0);
  return readFile(out, 'utf8');
}

describe('what YouTube did with it', () => {
  it('an audience YouTube decided against the declaration: in the summary, status and the report; said once', async () => {
    await emulator.admin.faults(['made-for-kids:1']);
    const first = await sync(emulator, library.dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('What YouTube did differently from what was sent:');
    expect(first.stdout).toMatch(new RegExp(`${FIRST} \\([\\w-]{11}\\): YouTube set the video as "made for kids", unlike the school's declaration\\.`));
    const { json, text } = await status();
    expect(json.youtubeFindings).toEqual([expect.objectContaining({ relPath: FIRST, finding: { field: 'madeForKids', expected: 'false', actual: 'true' } })]);
    expect(text).toContain('YouTube set the video as "made for kids"');
    expect(await report()).toContain('YouTube set the video as "made for kids", unlike the school\'s declaration.');

    const again = await sync(emulator, library.dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('What YouTube did differently');
    expect((await status()).json.youtubeFindings).toHaveLength(1);
  });

  it('a video YouTube rejected after processing it: found by the next run, not waited for', async () => {
    await emulator.admin.faults(['processing:1', 'reject-upload:duplicate']);
    const first = await sync(emulator, library.dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('1 video(s) still processing on YouTube: the next sync checks them again.');
    expect(first.stdout).not.toContain('rejected');
    expect((await status()).json.processing).toEqual([FIRST]);

    const next = await sync(emulator, library.dir);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain(`${FIRST} (`);
    expect(next.stdout).toContain('YouTube rejected the video (reason: duplicate).');
    const { json, text } = await status();
    expect(json.processing).toEqual([]);
    expect(json.youtubeFindings.map((f) => f.finding)).toEqual([{ field: 'uploadStatus', expected: 'processed', actual: 'rejected', reason: 'duplicate' }]);
    expect(text).toContain('YouTube rejected the video (reason: duplicate).');
    expect(await report()).toMatch(/Rejected/);
  });
});

describe('playlist memberships', () => {
  it('a video taken out of its playlist on YouTube is said in the summary, and put back', async () => {
    expect((await sync(emulator, library.dir)).code).toBe(0);
    const playlistOf = async (): Promise<{ items: { id: string; videoId: string }[] }> =>
      (await emulator.admin.state()).playlists.find((p) => p.title === 'Mục đích kế hoạch Trường học hạnh phúc')!;
    const item = (await playlistOf()).items[0]!;
    const { access_token } = await emulator.admin.tokens();
    const removed = await fetch(`${emulator.url}/youtube/v3/playlistItems?id=${encodeURIComponent(item.id)}`, { method: 'DELETE', headers: { authorization: `Bearer ${access_token}` } });
    expect(removed.status).toBe(204);

    const next = await sync(emulator, library.dir);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain(`${FIRST} (${item.videoId}): The video is no longer in the playlist muc-dich on YouTube (someone took it out): it is added again.`);
    expect((await playlistOf()).items.map((i) => i.videoId)).toEqual([item.videoId]);
  });
});

describe('a video is recorded as published only once YouTube shows it on the channel', () => {
  it('an upload answer naming a video the channel does not have is not recorded; the next sync uploads the clip again', async () => {
    await emulator.admin.faults(['phantom-upload:1']);
    const before = await emulator.admin.state();
    const first = await sync(emulator, library.dir);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('but the YouTube channel has no such video: it is not recorded as published.');
    const after = await emulator.admin.state();
    expect(callsBetween(before, after)['videos.insert']).toBe(6);
    expect(after.videos).toHaveLength(5);
    const { json } = await status();
    expect(json.published).toBe(5);
    expect(json.failed.map((f) => f.relPath)).toEqual([FIRST]);

    const next = await sync(emulator, library.dir);
    expect(next.code, next.stderr).toBe(0);
    expect(callsBetween(after, await emulator.admin.state())['videos.insert']).toBe(1);
    expect((await status()).json.published).toBe(6);
  });
});

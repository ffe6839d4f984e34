/**
 * `--limit-rate RATE@HH:MM-HH:MM` and the library's `limitRate: {rate, between}`: the upload is
 * paced during the window and runs at full speed outside it, switching in the middle of an upload
 * — the bucket asks the window at every piece it lets through.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { uploadResumable } from '../../src/youtube/resumable.ts';
import { inWindow, parseRateLimit, TokenBucket } from '../../src/youtube/rate-limit.ts';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { exampleCopy } from '../sync/helpers.ts';
import { KiB, makeClip, tempDir, tokenSource, uploadOptions } from './support.ts';

const emulator = useEmulator();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const clean of cleanups) await clean();
});

/** A time of the computer's day, e.g. at(10, 0) = 10:00 local. */
const at = (hour: number, minute: number): Date => new Date(2026, 0, 5, hour, minute);

describe('the window of a rate', () => {
  it('parses RATE@HH:MM-HH:MM, and refuses what is not one', () => {
    expect(parseRateLimit('2M')).toEqual({ bytesPerSec: 2 * 1024 * 1024, between: undefined });
    expect(parseRateLimit('2MB/s@07:00-16:30')).toEqual({ bytesPerSec: 2 * 1024 * 1024, between: { from: 7 * 60, to: 16 * 60 + 30, text: '07:00-16:30' } });
    for (const bad of ['2M@', '2M@7-16', '2M@07:00', '2M@07:00-07:00', '2M@25:00-26:00', 'fast@07:00-16:30']) {
      expect(() => parseRateLimit(bad), bad).toThrow(/is not valid/);
    }
  });

  it('holds from its start up to its end, across midnight too', () => {
    const school = parseRateLimit('1M@07:00-16:30').between!;
    expect([at(6, 59), at(7, 0), at(12, 0), at(16, 29), at(16, 30), at(23, 0)].map((t) => inWindow(school, t))).toEqual([false, true, true, true, false, false]);
    const night = parseRateLimit('1M@22:00-06:00').between!;
    expect([at(21, 59), at(22, 0), at(0, 0), at(5, 59), at(6, 0), at(12, 0)].map((t) => inWindow(night, t))).toEqual([false, true, true, true, false, false]);
  });
});

describe('an upload crossing the end of the window', () => {
  it('asks the window at every piece: paced inside it, full speed once it ends', async () => {
    const { dir, remove } = await tempDir();
    cleanups.push(remove);
    const clip = await makeClip(dir, 'lop-choi.mp4', 1024 * KiB);
    const tokens = await tokenSource(emulator.url);
    // The computer's clock as the upload asks it: in school hours for the first pieces, then after them.
    const asked: boolean[] = [];
    const window = parseRateLimit('256k@07:00-16:30');
    const bucket = new TokenBucket(window, {
      clock: () => {
        const inside = asked.length < 4;
        asked.push(inside);
        return inside ? at(16, 29) : at(16, 31);
      },
    });
    const result = await uploadResumable(uploadOptions(emulator.url, clip, tokens, { limitRate: bucket }).options);
    expect(result.sha256).toBe(clip.sha256);
    // 1 MiB in pieces of 16 KiB (a twentieth of a second at 256 KiB/s): the window is asked for each.
    expect(bucket.pieceSize(1024 * KiB)).toBe(16 * KiB);
    expect(asked.length).toBeGreaterThanOrEqual(64);
    expect(asked.slice(0, 4)).toEqual([true, true, true, true]);
    expect(asked.slice(4).every((inside) => !inside)).toBe(true);
  });
});

describe('the command line', () => {
  it('sync takes --limit-rate RATE@HH:MM-HH:MM and refuses a window that is not one (exit 2, nothing sent)', async () => {
    const library = await exampleCopy();
    cleanups.push(library.remove);
    const env = { ...emulator.env(), HAPPYTUBE_LANG: 'en' };
    const good = await runMain(['sync', library.dir, '--dry-run', '--limit-rate', '2M@07:00-16:30'], { env });
    expect(good.code, good.stderr).toBe(0);
    const before = (await emulator.admin.state()).calls;
    const bad = await runMain(['sync', library.dir, '--yes', '--limit-rate', '2M@7h-16h'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('The rate "2M@7h-16h" is not valid.');
    expect(bad.stderr).toContain('to limit only during some hours: 2M@07:00-16:30');
    expect((await emulator.admin.state()).calls).toEqual(before);
  });
});

/**
 * The connection dropped after K bytes, for K all over the file and around the 256 KiB boundaries:
 * the upload resumes from the server's Range and YouTube ends up with exactly the file's bytes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.ts';
import { uploadResumable } from '../../src/youtube/resumable.ts';
import type { Clip, TokenSource } from './support.ts';
import { makeClip, QUANTUM, tempDir, tokenSource, uploadOptions } from './support.ts';

const emulator = useEmulator({ uploads: 1000 });
const SIZE = 6 * QUANTUM + 12_345;

let tmp: Awaited<ReturnType<typeof tempDir>>;
let clip: Clip;
let tokens: TokenSource;

beforeAll(async () => {
  tmp = await tempDir();
  clip = await makeClip(tmp.dir, 'Hội thi bé khỏe.mp4', SIZE);
});
// A new sign-in for each test: the emulator starts fresh for every test.
beforeEach(async () => {
  tokens = await tokenSource(emulator.url);
});
afterAll(async () => {
  await tmp.remove();
});

const DROPS = [
  0,
  1,
  1000,
  QUANTUM - 1,
  QUANTUM,
  QUANTUM + 1,
  2 * QUANTUM - 1,
  2 * QUANTUM,
  2 * QUANTUM + 1,
  3 * QUANTUM,
  4 * QUANTUM - 1,
  4 * QUANTUM + 1,
  Math.floor(SIZE / 2),
  5 * QUANTUM,
  6 * QUANTUM - 1,
  6 * QUANTUM,
  6 * QUANTUM + 1,
  SIZE - QUANTUM,
  SIZE - 2,
  SIZE - 1,
  SIZE,
];

describe('a connection dropped after K bytes', () => {
  it.each(DROPS)('K = %d: resumes from the Range and the video has the file bytes', async (k) => {
    await emulator.admin.faults([`drop-upload:${k}`]);
    const sends: { from: number; end: number }[] = [];
    const run = uploadOptions(emulator.url, clip, tokens);
    run.events.on('send', (s) => sends.push(s));
    const result = await uploadResumable(run.options);

    expect(result.sha256).toBe(clip.sha256);
    expect(result.size).toBe(SIZE);
    expect(result.resumed).toBe(false);
    expect(run.saved).toHaveLength(1);
    expect(run.retries.length).toBeGreaterThanOrEqual(1);
    // The emulator keeps what YouTube would: whole 256 KiB pieces of what arrived.
    const kept = Math.floor(Math.min(k, SIZE) / QUANTUM) * QUANTUM;
    expect(sends.map((s) => s.from)).toEqual([0, kept]);
    // What reached the server the first time, then the rest again from the Range.
    expect(result.bytesSent).toBeGreaterThanOrEqual(Math.min(k, SIZE) + SIZE - kept);
    const video = (await emulator.admin.state()).videos.find((v) => v.id === result.videoId);
    expect(video?.sha256).toBe(clip.sha256);
    expect(video?.size).toBe(SIZE);
  });
});

describe('chunked mode', () => {
  it('sends 256 KiB multiples, each answered 308 with the Range, and survives a drop', async () => {
    await emulator.admin.faults([`drop-upload:${QUANTUM + 100}`]);
    const sends: { from: number; end: number }[] = [];
    const run = uploadOptions(emulator.url, clip, tokens, { chunkSize: 2 * QUANTUM });
    run.events.on('send', (s) => sends.push(s));
    const result = await uploadResumable(run.options);

    expect(result.sha256).toBe(clip.sha256);
    // The first chunk is cut after 1 quantum; then 2-quantum chunks from the Range, the last short.
    expect(sends).toEqual([
      { from: 0, end: 2 * QUANTUM, total: SIZE },
      { from: QUANTUM, end: 3 * QUANTUM, total: SIZE },
      { from: 3 * QUANTUM, end: 5 * QUANTUM, total: SIZE },
      { from: 5 * QUANTUM, end: SIZE, total: SIZE },
    ]);
    const video = (await emulator.admin.state()).videos.find((v) => v.id === result.videoId);
    expect(video?.sha256).toBe(clip.sha256);
  });

  it('refuses a chunk size that is not a multiple of 256 KiB before sending anything', async () => {
    const run = uploadOptions(emulator.url, clip, tokens, { chunkSize: QUANTUM + 1 });
    await expect(uploadResumable(run.options)).rejects.toMatchObject({ exitCode: 2 });
    expect(run.saved).toHaveLength(0);
  });
});

/**
 * What the network and YouTube throw at an upload: 503 storms, 429 with Retry-After, an expired
 * session, an access token expiring mid-upload, permanent refusals, Ctrl-C, a changed file.
 */
import { utimes } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, WorkLeftError } from '../../src/errors.ts';
import { YouTubeApiError } from '../../src/youtube/errors.ts';
import { uploadResumable, type UploadSession } from '../../src/youtube/resumable.ts';
import { bytesArriving, useEmulator } from '../helpers/emulator.ts';
import type { Clip, TokenSource } from './support.ts';
import { faultProxy, makeClip, networkProxy, QUANTUM, tempDir, tokenSource, uploadOptions, videoResource } from './support.ts';

const emulator = useEmulator({ uploads: 1000 });
const SIZE = 4 * QUANTUM + 777;

let tmp: Awaited<ReturnType<typeof tempDir>>;
let clip: Clip;
let tokens: TokenSource;

beforeAll(async () => {
  tmp = await tempDir();
  clip = await makeClip(tmp.dir, 'Bé tập thể dục.mp4', SIZE);
});
// A new sign-in for each test: the emulator starts fresh for every test.
beforeEach(async () => {
  tokens = await tokenSource(emulator.url);
});
afterAll(async () => {
  await emulator.admin.faults([]);
  await tmp.remove();
});

async function storedSha(videoId: string): Promise<string | undefined> {
  return (await emulator.admin.state()).videos.find((v) => v.id === videoId)?.sha256;
}

describe('the file name', () => {
  it('is sent as the Slug, so YouTube keeps it in fileDetails for adoption', async () => {
    const run = uploadOptions(emulator.url, clip, tokens);
    const result = await uploadResumable(run.options);
    const video = (await emulator.admin.state()).videos.find((v) => v.id === result.videoId);
    expect((video?.resource as { fileDetails?: { fileName?: string } }).fileDetails?.fileName).toBe('Bé tập thể dục.mp4');
  });
});

describe('transient failures', () => {
  it('rides out a storm of 503s with backoff', async () => {
    await emulator.admin.faults(['upload-503:4']);
    const run = uploadOptions(emulator.url, clip, tokens);
    const result = await uploadResumable(run.options);
    // The emulator answers 503 before reading the body and closes: the client sees the 503, or
    // the reset of the connection when it arrives first. Both are retried.
    expect(run.retries).toHaveLength(4);
    for (const retry of run.retries) expect(retry.reason).toMatch(/^(HTTP 503 backendError|ECONNRESET|EPIPE)$/);
    expect(run.retries.map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    expect(await storedSha(result.videoId)).toBe(clip.sha256);
  });

  it('gives up after maxAttempts with work left and the session saved; the next run finishes it', async () => {
    await emulator.admin.faults(['upload-503:50']);
    const run = uploadOptions(emulator.url, clip, tokens, { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 50 } });
    const error = await uploadResumable(run.options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkLeftError);
    expect((error as WorkLeftError).exitCode).toBe(ExitCode.workLeft);
    expect((error as WorkLeftError).text.en).toContain('3 attempts failed');
    expect(run.saved).toHaveLength(1);

    await emulator.admin.faults([]);
    const again = uploadOptions(emulator.url, clip, tokens, { session: run.saved[0] });
    const result = await uploadResumable(again.options);
    expect(again.saved).toHaveLength(0);
    expect(await storedSha(result.videoId)).toBe(clip.sha256);
  });

  it('rides out a network that changes mid-upload: a reset in the body, refused connections, then back', async () => {
    const proxy = await networkProxy(emulator.url);
    try {
      const run = uploadOptions(proxy.url, clip, tokens, { retry: { maxAttempts: 20, baseDelayMs: 5, maxDelayMs: 50 } });
      const reasons: string[] = [];
      run.events.on('retry', (r) => {
        reasons.push(r.reason);
        // Back on the network after a few refused connections.
        if (reasons.filter((x) => x.includes('ECONNREFUSED')).length === 3) void proxy.reopen();
      });
      run.events.on('send', () => {
        if (!proxy.wasReset()) proxy.resetNextBody(QUANTUM + 1000);
      });
      const result = await uploadResumable(run.options);
      expect(reasons[0]).toMatch(/ECONNRESET|EPIPE/);
      expect(reasons.some((r) => r.includes('ECONNREFUSED'))).toBe(true);
      expect(run.saved).toHaveLength(1);
      expect(result.sha256).toBe(clip.sha256);
      expect(await storedSha(result.videoId)).toBe(clip.sha256);
    } finally {
      await proxy.close();
    }
  });

  it('honours Retry-After on a 429', async () => {
    const proxy = await faultProxy(emulator.url, { status: 429, reason: 'rateLimitExceeded', retryAfterSeconds: 1, count: 1 });
    try {
      const run = uploadOptions(proxy.url, clip, tokens);
      const result = await uploadResumable(run.options);
      expect(proxy.refused()).toBe(1);
      expect(run.retries).toHaveLength(1);
      expect(run.retries[0]?.reason).toBe('HTTP 429 rateLimitExceeded');
      expect(run.retries[0]?.delayMs).toBeGreaterThanOrEqual(1000);
      expect(await storedSha(result.videoId)).toBe(clip.sha256);
    } finally {
      await proxy.close();
    }
  });

  it('stops with work left when Retry-After is longer than it may wait', async () => {
    const proxy = await faultProxy(emulator.url, { status: 503, reason: 'backendError', retryAfterSeconds: 3600, count: 1 });
    try {
      const run = uploadOptions(proxy.url, clip, tokens);
      const error = await uploadResumable(run.options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkLeftError);
      expect((error as WorkLeftError).text.en).toContain('3,600 seconds');
      expect((error as WorkLeftError).text.vi).toContain('chờ 3.600 giây');
      expect(run.saved).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});

describe('sessions', () => {
  it('starts a new session (and saves it) when the saved one is unknown to YouTube', async () => {
    const expired: UploadSession = {
      uri: `${emulator.url}/upload/youtube/v3/videos?uploadType=resumable&upload_id=expired-session`,
      size: clip.size,
      mtimeMs: clip.mtimeMs,
      startedAt: '2026-11-01T08:00:00.000Z',
    };
    const run = uploadOptions(emulator.url, clip, tokens, { session: expired });
    const result = await uploadResumable(run.options);
    expect(run.retries.map((r) => r.reason)).toEqual(['session expired']);
    expect(run.saved).toHaveLength(1);
    expect(run.saved[0]?.uri).not.toBe(expired.uri);
    expect(result.resumed).toBe(false);
    expect(await storedSha(result.videoId)).toBe(clip.sha256);
  });

  it('resumes a saved session that already has bytes, hashing that part from disk', async () => {
    await emulator.admin.faults([`drop-upload:${2 * QUANTUM + 5}`]);
    const first = uploadOptions(emulator.url, clip, tokens, { retry: { maxAttempts: 1, baseDelayMs: 5, maxDelayMs: 50 } });
    await expect(uploadResumable(first.options)).rejects.toBeInstanceOf(WorkLeftError);

    const sends: number[] = [];
    const second = uploadOptions(emulator.url, clip, tokens, { session: first.saved[0] });
    second.events.on('send', (s) => sends.push(s.from));
    const result = await uploadResumable(second.options);
    expect(sends).toEqual([2 * QUANTUM]);
    expect(result.resumed).toBe(true);
    expect(result.bytesSent).toBe(SIZE - 2 * QUANTUM);
    expect(result.sha256).toBe(clip.sha256);
    expect(await storedSha(result.videoId)).toBe(clip.sha256);
  });

  it('returns the video when the saved session had in fact completed', async () => {
    const first = uploadOptions(emulator.url, clip, tokens);
    const done = await uploadResumable(first.options);
    const again = uploadOptions(emulator.url, clip, tokens, { session: first.saved[0] });
    const result = await uploadResumable(again.options);
    expect(result.videoId).toBe(done.videoId);
    expect(result.resumed).toBe(true);
    expect(result.bytesSent).toBe(0);
    expect(result.sha256).toBe(clip.sha256);
  });

  it('asks again when a PUT meets more bytes than the status said, and sends from where the server stands', async () => {
    await emulator.admin.faults([`drop-upload:${3 * QUANTUM + 5}`]);
    const first = uploadOptions(emulator.url, clip, tokens, { retry: { maxAttempts: 1, baseDelayMs: 5, maxDelayMs: 50 } });
    await expect(uploadResumable(first.options)).rejects.toBeInstanceOf(WorkLeftError);

    // The first status answer lags by 256 KiB: the PUT from there is refused with the true offset.
    await emulator.admin.faults(['stale-status:1']);
    const sends: number[] = [];
    const second = uploadOptions(emulator.url, clip, tokens, { session: first.saved[0] });
    second.events.on('send', (s) => sends.push(s.from));
    const result = await uploadResumable(second.options);
    expect(sends).toEqual([2 * QUANTUM, 3 * QUANTUM]);
    expect(second.saved).toHaveLength(0);
    expect(result.sha256).toBe(clip.sha256);
    expect(await storedSha(result.videoId)).toBe(clip.sha256);
  });

  it('waits on a session the server holds busy, never opening a new one, and finishes when the old connection is noticed', async () => {
    await emulator.admin.faults(['late-notice', `drop-upload:${2 * QUANTUM + 5}`]);
    const run = uploadOptions(emulator.url, clip, tokens);
    const waits: string[] = [];
    run.events.on('busy', (b) => {
      waits.push(b.reason);
      if (waits.length === 2) void emulator.admin.faults(['notice']);
    });
    const result = await uploadResumable(run.options);
    expect(waits.length).toBeGreaterThanOrEqual(2);
    expect(waits[0]).toMatch(/still in progress/);
    expect(run.saved).toHaveLength(1);
    expect(result.sha256).toBe(clip.sha256);
    expect(await storedSha(result.videoId)).toBe(clip.sha256);
  });

  it('gives up on a session that stays busy past the busy window with work left, the session kept', async () => {
    await emulator.admin.faults(['late-notice', `drop-upload:${2 * QUANTUM + 5}`]);
    const run = uploadOptions(emulator.url, clip, tokens, { busyWindowMs: 50 });
    const error = await uploadResumable(run.options).catch((e: unknown) => e);
    await emulator.admin.faults(['notice']);
    expect(error).toBeInstanceOf(WorkLeftError);
    expect((error as WorkLeftError).text.en).toContain('still reports the upload session');
    expect(run.saved).toHaveLength(1);
  });

  it('starts over when the file changed since its session began', async () => {
    const changed = await makeClip(tmp.dir, 'changed.mp4', SIZE);
    await emulator.admin.faults([`drop-upload:${QUANTUM + 1}`]);
    const first = uploadOptions(emulator.url, changed, tokens, { retry: { maxAttempts: 1, baseDelayMs: 5, maxDelayMs: 50 } });
    await expect(uploadResumable(first.options)).rejects.toBeInstanceOf(WorkLeftError);

    const touched = new Date(changed.mtimeMs + 60_000);
    await utimes(changed.path, touched, touched);
    const second = uploadOptions(emulator.url, { ...changed, mtimeMs: touched.getTime() }, tokens, { session: first.saved[0] });
    const result = await uploadResumable(second.options);
    expect(second.saved).toHaveLength(1);
    expect(second.saved[0]?.uri).not.toBe(first.saved[0]?.uri);
    expect(second.saved[0]?.mtimeMs).toBe(touched.getTime());
    expect(result.resumed).toBe(false);
    expect(await storedSha(result.videoId)).toBe(changed.sha256);
  });
});

describe('access tokens', () => {
  it('loses no byte when every access token expires mid-upload, and refreshes once for the next request', async () => {
    const mine = await tokenSource(emulator.url);
    await emulator.admin.faults([`slow:${4 * QUANTUM}`]);
    const run = uploadOptions(emulator.url, clip, mine);
    let ended = false;
    const uploading = uploadResumable(run.options).finally(() => (ended = true));
    // The tokens expire once the emulator holds a whole chunk of the upload: surely mid-upload.
    while (!ended && bytesArriving(emulator) <= QUANTUM) await sleep(5);
    expect(ended, 'the upload ended before its tokens expired').toBe(false);
    await emulator.admin.faults([`slow:${4 * QUANTUM}`, 'expire-tokens']);
    const result = await uploading;
    expect(result.bytesSent).toBe(SIZE);
    expect(await storedSha(result.videoId)).toBe(clip.sha256);

    // The cached token is dead now: the next initiation gets 401, refreshes once, and goes on.
    await emulator.admin.faults([]);
    const next = uploadOptions(emulator.url, clip, mine);
    const second = await uploadResumable(next.options);
    expect(mine.forced()).toBe(1);
    expect(await storedSha(second.videoId)).toBe(clip.sha256);
  });

  it('fails with an AuthError when even a fresh token is refused', async () => {
    const run = uploadOptions(emulator.url, clip, tokens, { authorize: () => Promise.resolve({ Authorization: 'Bearer revoked' }) });
    await expect(uploadResumable(run.options)).rejects.toMatchObject({ exitCode: ExitCode.auth });
  });
});

describe('permanent refusals', () => {
  it('an invalid title: YouTubeApiError with the reason, nothing retried', async () => {
    const run = uploadOptions(emulator.url, clip, tokens, { resource: videoResource('Bé <3 trường') });
    const error = await uploadResumable(run.options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YouTubeApiError);
    expect((error as YouTubeApiError).status).toBe(400);
    expect((error as YouTubeApiError).reason).toBe('invalidTitle');
    expect((error as YouTubeApiError).stopsRun).toBe(false);
    expect(run.retries).toEqual([]);
    expect(run.saved).toHaveLength(0);
  });

  it("an empty upload bucket and the channel's upload cap are each recognisable so a sync can stop", async () => {
    for (const [fault, status, reason] of [
      ['uploads-exhausted', 403, 'quotaExceeded'],
      ['channel-upload-limit', 400, 'uploadLimitExceeded'],
    ] as const) {
      await emulator.admin.faults([fault]);
      const run = uploadOptions(emulator.url, clip, tokens);
      const error = await uploadResumable(run.options).catch((e: unknown) => e);
      await emulator.admin.resetQuota();
      expect(error).toBeInstanceOf(YouTubeApiError);
      expect(error).toMatchObject({ status, reason, stopsRun: true, exitCode: ExitCode.workLeft });
      expect(run.saved).toHaveLength(0);
    }
  });
});

describe('control', () => {
  it('stops promptly on abort, keeps the session, and the next run resumes it', async () => {
    await emulator.admin.faults([`slow:${2 * QUANTUM}`]);
    const controller = new AbortController();
    const run = uploadOptions(emulator.url, clip, tokens, { signal: controller.signal });
    run.events.on('progress', (p) => {
      if (p.sent >= QUANTUM) controller.abort();
    });
    const error = await uploadResumable(run.options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkLeftError);
    expect((error as WorkLeftError).text.vi).toContain('Đã dừng');
    expect(run.saved).toHaveLength(1);

    await emulator.admin.faults([]);
    const again = uploadOptions(emulator.url, clip, tokens, { session: run.saved[0] });
    const result = await uploadResumable(again.options);
    expect(result.sha256).toBe(clip.sha256);
    expect(await storedSha(result.videoId)).toBe(clip.sha256);
  });

  it('sends the whole file under --limit-rate', async () => {
    // How fast is the bench's business; here, that the paced pieces add up to the file.
    const run = uploadOptions(emulator.url, clip, tokens, { limitRate: 2 * 1024 * 1024 });
    const result = await uploadResumable(run.options);
    expect(await storedSha(result.videoId)).toBe(clip.sha256);
  });

  it('trusts a known SHA-256 and refuses an empty file', async () => {
    const run = uploadOptions(emulator.url, clip, tokens, { knownSha256: clip.sha256 });
    expect((await uploadResumable(run.options)).sha256).toBe(clip.sha256);
    const empty = await makeClip(tmp.dir, 'empty.mp4', 0);
    const none = uploadOptions(emulator.url, empty, tokens);
    await expect(uploadResumable(none.options)).rejects.toMatchObject({ exitCode: ExitCode.badInput });
  });
});

import { describe, expect, it } from 'vitest';
import { ExitCode, InputError } from '../../src/errors.ts';
import { backoffDelay, parseRetryAfter, sleep } from '../../src/youtube/backoff.ts';
import { isTransientStatus, YouTubeApiError } from '../../src/youtube/errors.ts';
import { parseRate, TokenBucket } from '../../src/youtube/rate-limit.ts';

describe('parseRate', () => {
  it.each([
    ['500k', 500 * 1024],
    ['2M', 2 * 1024 * 1024],
    ['1.5MB', 1.5 * 1024 * 1024],
    ['1,5MB', 1.5 * 1024 * 1024], // the Vietnamese decimal comma
    ['1.5MiB/s', 1.5 * 1024 * 1024],
    ['800000', 800_000],
    ['64KB', 64 * 1024],
    ['1g', 1024 ** 3],
    [' 3 m ', 3 * 1024 * 1024],
    ['.5k', 512],
  ])('%s → %d bytes/s', (text, bytes) => {
    expect(parseRate(text)).toBe(bytes);
  });

  it.each(['', 'fast', '0', '0k', '-1M', '2T', '1.5.5M', 'M', '0.5'])('refuses %j with an InputError naming it', (text) => {
    let thrown: unknown;
    try {
      parseRate(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).exitCode).toBe(ExitCode.badInput);
    expect((thrown as InputError).text.en).toContain(`"${text}"`);
    expect((thrown as InputError).text.vi).toContain(`“${text}” không dùng được`);
    expect((thrown as InputError).hint?.en).toContain('500k');
  });
});

describe('backoff', () => {
  const policy = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 8000 };

  it('uses full jitter under a ceiling that doubles up to the maximum', () => {
    expect(backoffDelay(1, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2000);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(7992);
    expect(backoffDelay(10, policy, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter('2.5', now)).toBe(2500);
    expect(parseRetryAfter('Fri, 20 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('sleep stops at once when the signal aborts', async () => {
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal).then(
      () => 'slept',
      (error: Error) => error.message,
    );
    controller.abort(new Error('stop'));
    // At once: settled before the event loop's next turn, not when the minute is over.
    const nextTurn = new Promise<string>((resolve) => setImmediate(() => resolve('still asleep')));
    expect(await Promise.race([slept, nextTurn])).toBe('stop');
  });
});

describe('YouTubeApiError', () => {
  it('carries the status, the first reason and the message of YouTube', () => {
    const body = JSON.stringify({
      error: { code: 400, message: 'The request metadata specifies an invalid video title.', errors: [{ reason: 'invalidTitle', domain: 'youtube.video' }] },
    });
    const error = YouTubeApiError.fromResponse(400, body);
    expect(error.status).toBe(400);
    expect(error.reason).toBe('invalidTitle');
    expect(error.apiMessage).toBe('The request metadata specifies an invalid video title.');
    expect(error.text.en).toContain('invalidTitle');
    expect(error.text.vi).toBe('YouTube không nhận tiêu đề của video.');
    expect(error.detail).toContain('HTTP 400 invalidTitle');
    expect(error.stopsRun).toBe(false);
    expect(error.exitCode).toBe(ExitCode.failure);
  });

  it('recognises the quota and the upload limit: the run stops with work left', () => {
    const quota = YouTubeApiError.fromResponse(403, JSON.stringify({ error: { message: 'quota', errors: [{ reason: 'quotaExceeded' }] } }));
    const uploads = YouTubeApiError.fromResponse(400, JSON.stringify({ error: { message: 'limit', errors: [{ reason: 'uploadLimitExceeded' }] } }));
    for (const error of [quota, uploads]) {
      expect(error.stopsRun).toBe(true);
      expect(error.exitCode).toBe(ExitCode.workLeft);
    }
    expect(quota.hint?.en).toContain('midnight Pacific');
    expect(uploads.hint?.en).toContain('24 hours');
  });

  it('survives a body that is not JSON', () => {
    const error = YouTubeApiError.fromResponse(502, '<html>Bad gateway</html>');
    expect(error.reason).toBe('http502');
    expect(error.apiMessage).toBe('<html>Bad gateway</html>');
  });

  it('classes 5xx, 429 and 403 throttling as transient, other 4xx as permanent', () => {
    expect(isTransientStatus(503)).toBe(true);
    expect(isTransientStatus(429)).toBe(true);
    expect(isTransientStatus(403, 'userRateLimitExceeded')).toBe(true);
    expect(isTransientStatus(403, 'quotaExceeded')).toBe(false);
    expect(isTransientStatus(400, 'invalidTitle')).toBe(false);
  });
});

describe('TokenBucket', () => {
  it('keeps a stream to its rate', async () => {
    const bucket = new TokenBucket(200_000);
    const started = performance.now();
    for (let i = 0; i < 10; i += 1) await bucket.take(10_000);
    // 100 kB at 200 kB/s, less the initial burst of 20 kB: at least 0.4 s.
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(bucket.pieceSize(2 * 1024 * 1024)).toBe(16 * 1024);
    expect(new TokenBucket(100 * 1024 * 1024).pieceSize(2 * 1024 * 1024)).toBe(2 * 1024 * 1024);
  });
});

/**
 * `happytube sync` when YouTube says stop: the upload limit reached mid-run (exit 3, what is left,
 * when the quota resets), two runs at once, and a storm of 503s and dropped uploads.
 */
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { checkClips, expectEachClipOnce, sync, useExampleLibrary } from './helpers.ts';

const emulator = useEmulator({ uploads: 3 });
const library = useExampleLibrary();

describe('happytube sync within limits', () => {
  it('stops at the upload limit with exit 3 and the reset time, then finishes after the reset without a duplicate', async () => {
    const first = await sync(emulator, library.dir);
    expect(first.code).toBe(3);
    expect(first.stderr).toMatch(/3 clips left; the quota resets at \d\d:\d\d/);
    expect((await emulator.admin.state()).videos).toHaveLength(3);

    const status = await runMain(['status', library.dir, '--json'], { env: { HAPPYTUBE_LANG: 'en' } });
    expect(status.code).toBe(0);
    const doc = JSON.parse(status.stdout) as { published: number; pending: string[]; quota: { uploads: number } };
    expect(doc.published).toBe(3);
    expect(doc.pending).toHaveLength(3);
    // YouTube said the limit is reached: the day's uploads count as used up to the configured limit.
    expect(doc.quota.uploads).toBe(100);

    await emulator.admin.resetQuota();
    // The state counted the day's uploads as used up: a new Pacific day is what resets it, so the
    // test clears the record of today's spending the way a new day would.
    const { rm } = await import('node:fs/promises');
    await rm(`${library.dir}/.happytube/quota.json`);
    const second = await sync(emulator, library.dir);
    expect(second.code).toBe(0);
    await expectEachClipOnce(await emulator.admin.state(), library.dir, await checkClips(library.dir));
  });

  it('a second sync while one runs refuses at once naming the lock; no duplicate', async () => {
    // The first run's uploads are slowed so that it is surely running (it holds the lock from
    // before its first byte) when the second starts: no race between two process start-ups.
    await emulator.admin.faults(['slow:2000']);
    const running = sync(emulator, library.dir, ['--concurrency', '1']);
    while ((await emulator.admin.state()).busySessions === 0) await new Promise((r) => setTimeout(r, 50));
    const second = await sync(emulator, library.dir);
    await emulator.admin.faults(['slow:0']);
    const first = await running;
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/lock|another run|is running/i);
    expect(first.code).toBe(3); // it ran and hit the upload limit of 3
    const videos = (await emulator.admin.state()).videos;
    expect(videos).toHaveLength(3);
    expect(new Set(videos.map((v) => v.sha256)).size).toBe(videos.length);
  });

  it('completes through a storm of 503s and dropped uploads, without a duplicate', async () => {
    await emulator.admin.faults(['api-503:3', 'upload-503:2', 'drop-upload:5000']);
    const first = await sync(emulator, library.dir, ['--concurrency', '2'], 120_000);
    expect(first.code).toBe(3);
    await emulator.admin.resetQuota();
    const { rm } = await import('node:fs/promises');
    await rm(`${library.dir}/.happytube/quota.json`);
    await emulator.admin.faults(['api-503:2', 'drop-upload:9000']);
    const second = await sync(emulator, library.dir, [], 120_000);
    expect(second.stderr).not.toMatch(/Error/);
    expect(second.code).toBe(0);
    await expectEachClipOnce(await emulator.admin.state(), library.dir, await checkClips(library.dir));
  }, 240_000);
});

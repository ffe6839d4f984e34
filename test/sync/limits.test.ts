/**
 * `happytube sync` when YouTube says stop: the upload limit reached mid-run (exit 3, what is left,
 * when the quota resets), two runs at once, and a storm of 503s and dropped uploads.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { checkClips, expectEachClipOnce, sync, useExampleLibrary } from './helpers.ts';

const emulator = useEmulator({ uploads: 3 });
const library = useExampleLibrary(emulator);

describe('happytube sync within limits', () => {
  it('stops at the upload limit with exit 3 and the reset time, then finishes after the reset without a duplicate', async () => {
    const first = await sync(emulator, library.dir);
    expect(first.code).toBe(3);
    expect(first.stderr).toMatch(/3 clips left; the quota resets at \d\d:\d\d/);
    expect((await emulator.admin.state()).videos).toHaveLength(3);

    const status = await runCli(['status', library.dir, '--json'], { env: { HAPPYTUBE_LANG: 'en' } });
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

  it('two syncs started together: one refuses at once, no duplicate', async () => {
    const [a, b] = await Promise.all([sync(emulator, library.dir, ['--concurrency', '1']), sync(emulator, library.dir)]);
    const codes = [a.code, b.code].sort();
    expect(codes[0]).toBe(1); // one refused at once
    expect(codes[1]).toBe(3); // the other ran and hit the upload limit of 3
    expect([a.stderr, b.stderr].some((s) => /lock|another run|is running/i.test(s))).toBe(true);
    const videos = (await emulator.admin.state()).videos;
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
  });
});

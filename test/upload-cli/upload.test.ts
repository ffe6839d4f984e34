/**
 * `happytube upload` (in-process, runMain) against the emulator, on a copy of examples/happy-school:
 * one file → one video with the file's bytes and its address printed; again → the same address and
 * no new videos.insert; bad input → exit 2 with nothing sent; the private lock explained once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/happy-school', import.meta.url));
const CLIP = '01-muc-dich/2024-09-05 Khai giảng năm học mới.mp4';
const CLIP_2 = '04-mo-hinh-hay/2025-02-14 Vườn rau của bé.mp4';
const FORM = 'support.google.com/youtube/contact/yt_api_form';

const emulator = useEmulator();
const locked = useEmulator({ forcePrivate: true });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'happytube-upload-'));
  await cp(EXAMPLE, dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = async (path: string): Promise<string> => createHash('sha256').update(await readFile(path)).digest('hex');
const env = (e: Record<string, string>): Record<string, string> => ({ ...e, HAPPYTUBE_LANG: 'en' });
const URL_RE = /https:\/\/www\.youtube\.com\/watch\?v=([\w-]+)/;

describe('happytube upload', () => {
  it('uploads one file, prints its address, and prints the same address again without a second upload', async () => {
    const first = await runMain(['upload', CLIP], { cwd: dir, env: env(emulator.env()) });
    expect(first.stderr).not.toContain('Error');
    expect(first.code).toBe(0);
    const id = URL_RE.exec(first.stdout)?.[1];
    expect(id).toBeDefined();
    expect(first.stdout).toContain(`${CLIP}: https://www.youtube.com/watch?v=${id}`);
    const state = await emulator.admin.state();
    expect(state.calls['videos.insert']).toBe(1);
    expect(state.videos).toHaveLength(1);
    expect(state.videos[0]!.id).toBe(id);
    expect(state.videos[0]!.sha256).toBe(await sha256(join(dir, CLIP)));
    // The clip's folder playlist holds it.
    expect(state.playlists.some((p) => p.videoIds.includes(id!))).toBe(true);

    const again = await runMain(['upload', join(dir, CLIP)], { cwd: tmpdir(), env: env(emulator.env()) });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`already on YouTube, not uploaded again: https://www.youtube.com/watch?v=${id}`);
    const after = await emulator.admin.state();
    expect(after.calls['videos.insert']).toBe(1);
    expect(after.videos).toHaveLength(1);
  });

  it('prints one JSON document with --json', async () => {
    const r = await runMain(['upload', '--json', '--title', 'Khai giảng 2024', '--privacy', 'private', CLIP], { cwd: dir, env: env(emulator.env()) });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { files: { relPath: string; status: string; url: string }[]; summary: { uploaded: number } };
    expect(doc.files).toEqual([expect.objectContaining({ relPath: CLIP, status: 'uploaded', url: expect.stringMatching(URL_RE) as unknown })]);
    expect(doc.summary.uploaded).toBe(1);
    const video = (await emulator.admin.state()).videos[0]!.resource as { snippet: { title: string }; status: { privacyStatus: string } };
    expect(video.snippet.title).toBe('Khai giảng 2024 | Trường Mầm non Thiên Đức');
    expect(video.status.privacyStatus).toBe('private');
  });

  it('refuses bad input with exit 2 before anything is sent', async () => {
    const before = await emulator.admin.state();
    const rate = await runMain(['upload', '--limit-rate', 'fast', CLIP], { cwd: dir, env: env(emulator.env()) });
    expect(rate.code).toBe(2);
    expect(rate.stderr).toContain('The rate "fast" is not valid');
    expect(rate.stderr).toContain('500k, 2M, 1.5MB');

    const playlist = await runMain(['upload', '--playlist', 'no-such-key', CLIP], { cwd: dir, env: env(emulator.env()) });
    expect(playlist.code).toBe(2);
    expect(playlist.stderr).toContain('No playlist with key "no-such-key"');
    expect(playlist.stderr).toContain('muc-dich, bo-tieu-chi, qua-trinh-ket-qua, mo-hinh-hay');

    const privacy = await runMain(['upload', '--privacy', 'secret', CLIP], { cwd: dir, env: env(emulator.env()) });
    expect(privacy.code).toBe(2);
    expect(privacy.stderr).toContain('--privacy "secret" is not valid');

    await cp(join(dir, CLIP), join(dir, 'loose.mp4'));
    const loose = await runMain(['upload', 'loose.mp4'], { cwd: dir, env: env(emulator.env()) });
    expect(loose.code).toBe(2);
    expect(loose.stderr).toContain('"loose.mp4" is not in a playlist folder');
    expect(loose.stderr).toContain('Add --playlist KEY (one of: muc-dich, bo-tieu-chi');

    const outside = await runMain(['upload', '--dir', dir, join(EXAMPLE, CLIP)], { cwd: dir, env: env(emulator.env()) });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is not a clip of the library');

    const missing = await runMain(['upload', 'nope.mp4'], { cwd: dir, env: env(emulator.env()) });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read "nope.mp4"');

    const after = await emulator.admin.state();
    expect(after.calls).toEqual(before.calls);
    expect(after.videos).toHaveLength(0);
  });

  it('uploads a clip outside the playlist folders into the playlist given by --playlist', async () => {
    await writeFile(join(dir, 'new clip.mp4'), Buffer.concat([await readFile(join(dir, CLIP)), randomBytes(1000)]));
    const r = await runMain(['upload', '--playlist', 'mo-hinh-hay', 'new clip.mp4'], { cwd: dir, env: env(emulator.env()) });
    expect(r.code).toBe(0);
    const id = URL_RE.exec(r.stdout)?.[1];
    const state = await emulator.admin.state();
    expect(state.videos.map((v) => v.id)).toEqual([id]);
    const playlist = state.playlists.find((p) => p.videoIds.includes(id!));
    expect(playlist?.title).toContain('hình hay');
  });

  it('explains the private lock once, with the audit form address', async () => {
    const r = await runMain(['upload', '--privacy', 'public', CLIP, CLIP_2], { cwd: dir, env: env(locked.env()) });
    expect(r.code).toBe(0);
    expect(r.stdout.match(new RegExp(URL_RE.source, 'g'))).toHaveLength(2);
    expect(r.stderr.split(FORM)).toHaveLength(2);
    expect(r.stderr).toMatch(/Warning: .*private/);
    const state = await locked.admin.state();
    expect(state.videos).toHaveLength(2);
  });
});

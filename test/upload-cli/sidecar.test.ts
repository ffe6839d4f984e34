/**
 * `happytube upload` saves what its options ask for in the clip's sidecar, so the folder stays the
 * single truth: the next `happytube sync` neither reverts the title (no videos.update) nor removes
 * the playlist item the upload added (no playlistItems.delete). `--template` renders with that
 * template; an unknown template, or one the clip cannot render with, is exit 2 with nothing sent
 * and no sidecar left behind. The CLI in-process (runMain) against the emulator, on a copy of
 * examples/happy-school.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { StateSnapshot } from '../../src/emulator/index.ts';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/happy-school', import.meta.url));
const SCHOOL = 'Trường Mầm non Thiên Đức';
/** No sidecar yet. */
const PLAIN = '01-muc-dich/2024-09-05 Khai giảng năm học mới';
/** A sidecar with comments, `privacy: public` and `playlists: [qua-trinh-ket-qua]`. */
const STORY = '04-mo-hinh-hay/2025-01-08 Góc đọc sách của bé';
/** A sidecar with comments, `template: su-kien` and its vars; the file name is NFD on disk. */
const EVENT = '03-qua-trinh-ket-qua/2024-11-20 Hội thi bé khỏe';
const URL_RE = /https:\/\/www\.youtube\.com\/watch\?v=([\w-]+)/;

const emulator = useEmulator();

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'happytube-upload-sidecar-'));
  await cp(EXAMPLE, dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const env = (): Record<string, string> => ({ ...emulator.env(), HAPPYTUBE_LANG: 'en' });
const upload = (args: string[]) => runMain(['upload', ...args], { cwd: dir, env: env() });
const sync = (args: string[] = []) => runMain(['sync', dir, '--yes', ...args], { env: env() });
/** On-disk path of `<rel>.<ext>` (EVENT's names are NFD on disk). */
const onDisk = (rel: string, ext: string): string => join(dir, `${rel}.${ext}`.normalize(rel === EVENT ? 'NFD' : 'NFC'));
const calls = (state: StateSnapshot, method: string): number => state.calls[method] ?? 0;
const snippet = (state: StateSnapshot, id: string) => {
  const video = state.videos.find((v) => v.id === id)!.resource as { snippet: { title: string; description: string }; status: { privacyStatus: string } };
  return { title: video.snippet.title, description: video.snippet.description, privacy: video.status.privacyStatus };
};

describe('happytube upload saves its options in the sidecar', () => {
  it('--title, --privacy and --playlist: saved (comments kept, sidecar created when missing), and the next sync keeps them', async () => {
    const storyBefore = await readFile(onDisk(STORY, 'yaml'), 'utf8');
    const story = await upload(['--title', 'Giờ kể chuyện', '--privacy', 'unlisted', '--playlist', 'bo-tieu-chi', `${STORY}.mp4`]);
    expect(story.stderr).not.toContain('Error');
    expect(story.code).toBe(0);
    expect(story.stderr).toContain(`Saved title, privacy, playlists in "${STORY}.yaml", so the next sync keeps it.`);
    const storyId = URL_RE.exec(story.stdout)![1]!;

    const storyAfter = await readFile(onDisk(STORY, 'yaml'), 'utf8');
    // The user's comments and other keys stay, in place; only the three keys changed.
    for (const line of storyBefore.split('\n').filter((l) => l.startsWith('#') || l.startsWith('madeForKids'))) expect(storyAfter).toContain(line);
    expect(storyAfter.split('\n').slice(0, 2)).toEqual(storyBefore.split('\n').slice(0, 2));
    expect(parse(storyAfter)).toEqual({ title: 'Giờ kể chuyện', madeForKids: true, privacy: 'unlisted', playlists: ['qua-trinh-ket-qua', 'bo-tieu-chi'] });

    const plain = await upload(['--title', 'Khai giảng 2024', '--playlist', 'mo-hinh-hay', `${PLAIN}.mp4`]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain(`Saved title, playlists in "${PLAIN}.yaml"`);
    const plainId = URL_RE.exec(plain.stdout)![1]!;
    expect(parse(await readFile(onDisk(PLAIN, 'yaml'), 'utf8'))).toEqual({ title: 'Khai giảng 2024', playlists: ['mo-hinh-hay'] });

    const uploaded = await emulator.admin.state();
    expect(snippet(uploaded, storyId)).toMatchObject({ title: `Giờ kể chuyện | ${SCHOOL}`, privacy: 'unlisted' });
    expect(snippet(uploaded, plainId).title).toBe(`Khai giảng 2024 | ${SCHOOL}`);
    const holding = (id: string): string[] => uploaded.playlists.filter((p) => p.videoIds.includes(id)).map((p) => p.title).sort();
    expect(holding(storyId)).toHaveLength(3);
    expect(holding(plainId)).toHaveLength(2);

    // The next sync uploads the other clips and undoes nothing.
    const synced = await sync();
    expect(synced.stderr).not.toContain('Error');
    expect(synced.code).toBe(0);
    const after = await emulator.admin.state();
    expect(calls(after, 'videos.update') - calls(uploaded, 'videos.update')).toBe(0);
    expect(calls(after, 'playlistItems.delete') - calls(uploaded, 'playlistItems.delete')).toBe(0);
    expect(calls(after, 'videos.insert') - calls(uploaded, 'videos.insert')).toBe(4);
    expect(snippet(after, storyId)).toEqual(snippet(uploaded, storyId));
    expect(after.playlists.filter((p) => p.videoIds.includes(storyId))).toHaveLength(3);
    expect(after.playlists.filter((p) => p.videoIds.includes(plainId))).toHaveLength(2);

    // The same options again: the sidecar already says so — not written, not uploaded again.
    const again = await upload(['--title', 'Giờ kể chuyện', '--playlist', 'bo-tieu-chi', `${STORY}.mp4`]);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('Saved');
    expect(again.stdout).toContain(`already on YouTube, not uploaded again: https://www.youtube.com/watch?v=${storyId}`);
    expect(await readFile(onDisk(STORY, 'yaml'), 'utf8')).toBe(storyAfter);
    expect(calls(await emulator.admin.state(), 'videos.insert')).toBe(calls(after, 'videos.insert'));
  });

  it('--template renders with that template, and the next sync keeps it', async () => {
    await writeFile(join(dir, 'templates', 'ngắn.yaml'), 'title: "[Ngắn] {{ title }}"\ndescription: "{{ title }} – {{ school.name }}"\n');
    const before = await readFile(onDisk(EVENT, 'yaml'), 'utf8');
    const r = await upload(['--template', 'ngắn', onDisk(EVENT, 'mp4')]);
    expect(r.stderr).not.toContain('Error');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Saved template in "${EVENT}.yaml"`);
    const id = URL_RE.exec(r.stdout)![1]!;
    expect(snippet(await emulator.admin.state(), id)).toMatchObject({ title: '[Ngắn] Hội thi bé khỏe', description: `Hội thi bé khỏe – ${SCHOOL}` });

    const after = await readFile(onDisk(EVENT, 'yaml'), 'utf8');
    expect(after).toBe(before.replace('template: su-kien', 'template: ngắn'));

    const uploaded = await emulator.admin.state();
    const synced = await sync(['--only', onDisk(EVENT, 'mp4')]);
    expect(synced.code).toBe(0);
    const state = await emulator.admin.state();
    expect(calls(state, 'videos.update')).toBe(calls(uploaded, 'videos.update'));
    expect(snippet(state, id).title).toBe('[Ngắn] Hội thi bé khỏe');
  });

  it('an unknown template, or one the clip cannot render with: exit 2, nothing sent, no sidecar written', async () => {
    const before = await emulator.admin.state();
    const eventSidecar = await readFile(onDisk(EVENT, 'yaml'), 'utf8');

    const unknown = await upload(['--template', 'le-hoi', '--title', 'Lễ hội', `${PLAIN}.mp4`, onDisk(EVENT, 'mp4')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--template "le-hoi": there is no such template');
    expect(unknown.stderr).toContain('Use one of the templates: default, su-kien.');

    // su-kien needs vars.lop and vars.dia_diem, which this clip does not have: the sidecar is put back (here: removed).
    const cannot = await upload(['--template', 'su-kien', `${PLAIN}.mp4`]);
    expect(cannot.code).toBe(2);
    expect(cannot.stderr).toContain('lop');
    expect(cannot.stderr).toContain(`"${PLAIN}.yaml" is back as it was`);
    expect(cannot.stderr).not.toContain('Saved');

    expect(existsSync(onDisk(PLAIN, 'yaml'))).toBe(false);
    expect(await readFile(onDisk(EVENT, 'yaml'), 'utf8')).toBe(eventSidecar);
    const after = await emulator.admin.state();
    expect(after.calls).toEqual(before.calls);
    expect(after.videos).toHaveLength(0);
  });
});

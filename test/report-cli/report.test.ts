/**
 * `happytube report` (in-process, runMain) against the emulator: a library whose videos are on the
 * emulator (seed.ts), the report in every format from the state plus one videos.list.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { makeLibrary, seedLibrary } from './seed.ts';
import type { SeededLibrary } from './seed.ts';

const emu = useEmulator();
let lib: SeededLibrary;
let configDir: string;
const cleanup: string[] = [];

const KHAI_GIANG = '01-muc-dich/2024-09-05 Khai giảng năm học mới.mp4';
const TIEU_CHI = '02-bo-tieu-chi/2024-10-15 Giới thiệu Bộ tiêu chí.mp4';
const HOI_THI = '03-qua-trinh-ket-qua/2024-11-20 Hội thi bé khỏe.mp4';
const GONE = '04-mo-hinh-hay/2025-01-08 Góc đọc sách của bé.mp4';

function env(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { ...emu.env(), HAPPYTUBE_CONFIG_DIR: configDir, ...extra };
}

function report(args: string[], extra: Record<string, string | undefined> = {}, cwd = lib.root) {
  return runMain(['report', ...args], { cwd, env: env(extra) });
}

// Each test its own seeded library and channel: the emulator starts fresh for every test.
beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'happytube-report-config-'));
  const root = await makeLibrary();
  cleanup.push(configDir, root);
  const { access_token } = await emu.admin.tokens();
  lib = await seedLibrary(root, emu.url, access_token, [
    { relPath: KHAI_GIANG, title: 'Khai giảng năm học mới (05/09/2024)', privacy: 'public', playlist: 'muc-dich', recordingDate: '2024-09-05' },
    { relPath: TIEU_CHI, title: 'Giới thiệu Bộ tiêu chí', privacy: 'unlisted', playlist: 'bo-tieu-chi' },
    { relPath: HOI_THI, title: 'Hội thi bé khỏe', privacy: 'private', playlist: 'qua-trinh-ket-qua' },
    { relPath: GONE, title: 'Góc đọc sách của bé', privacy: 'public', playlist: 'mo-hinh-hay' },
  ]);
  // Views happen on YouTube; a video is deleted there behind the tool's back.
  emu.running.state.videos.get(lib.ids.get(KHAI_GIANG)!)!.parts.statistics.viewCount = '1234';
  emu.running.state.videos.delete(lib.ids.get(GONE)!);
});

afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

interface JsonReport {
  language: string;
  channel?: { id: string };
  playlists: { key: string; url?: string; videos: { videoId: string; url: string; title: string; date?: string; privacy: string; processingStatus?: string; views?: number }[] }[];
}

describe('happytube report', () => {
  it('writes the HTML page to --out atomically, prints its path, with links, views and privacy from YouTube', async () => {
    const calls = (await emu.admin.state()).calls['videos.list'] ?? 0;
    const out = join(lib.root, 'bao-cao.html');
    const res = await report(['--format', 'html', '--out', 'bao-cao.html']);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('1 video không còn trên YouTube'); // the library's language
    expect(res.stdout.trim()).toBe(`Đã ghi báo cáo vào ${out}`);
    const html = await readFile(out, 'utf8');
    for (const id of lib.ids.values()) expect(html).toContain(`https://www.youtube.com/watch?v=${id}`);
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('Khai giảng năm học mới (05/09/2024)');
    expect(html).toContain('1.234'); // views, in Vietnamese number form
    expect(html).toContain('Không công khai');
    expect(html).toContain('Đã xóa trên YouTube');
    expect(html).not.toMatch(/<script/i);
    // one videos.list for the four videos: 1 unit
    expect((await emu.admin.state()).calls['videos.list']).toBe(calls + 1);
    const spent = JSON.parse(await readFile(join(lib.root, '.happytube', 'quota.json'), 'utf8')) as { units: number };
    expect(spent.units).toBeGreaterThanOrEqual(1);
    // no temporary file left beside it
    expect((await readdir(lib.root)).filter((f) => f.startsWith('bao-cao'))).toEqual(['bao-cao.html']);
  });

  it('gives JSON on stdout: playlists in config order, each video as YouTube shows it; the deleted one marked', async () => {
    const res = await report(['--format', 'json']);
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout) as JsonReport;
    expect(json.playlists.map((p) => p.key)).toEqual(['muc-dich', 'bo-tieu-chi', 'qua-trinh-ket-qua', 'mo-hinh-hay']);
    expect(json.channel?.id).toBe((await emu.admin.state()).channel.id);
    const [mucDich, tieuChi, quaTrinh, moHinh] = json.playlists.map((p) => p.videos);
    expect(json.playlists[0]!.url).toBe(`https://www.youtube.com/playlist?list=${lib.playlistIds.get('muc-dich')}`);
    expect(mucDich).toEqual([
      expect.objectContaining({ videoId: lib.ids.get(KHAI_GIANG), privacy: 'public', views: 1234, date: '2024-09-05', processingStatus: 'succeeded' }),
    ]);
    expect(tieuChi![0]).toMatchObject({ privacy: 'unlisted', views: 0, date: '2024-10-15' });
    expect(quaTrinh![0]).toMatchObject({ privacy: 'private', title: 'Hội thi bé khỏe' });
    expect(moHinh![0]).toMatchObject({ videoId: lib.ids.get(GONE), processingStatus: 'deleted', title: 'Góc đọc sách của bé' });
    expect(moHinh![0]!.url).toBe(`https://www.youtube.com/watch?v=${lib.ids.get(GONE)}`);
  });

  it('writes CSV and Markdown on stdout, in English with --lang en', async () => {
    const csv = await report(['--format', 'csv', '--lang', 'en']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    expect(csv.stdout).toContain(lib.ids.get(TIEU_CHI));
    const md = await report(['--format', 'md', '--lang', 'en']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(`(<https://www.youtube.com/watch?v=${lib.ids.get(KHAI_GIANG)}>)`);
    expect(md.stdout).toContain('Deleted on YouTube');
  });

  it('e-mails only what is new since the last e-mail report; --since overrides', async () => {
    const first = await report(['--format', 'eml', '--out', 'gui-so.eml']);
    expect(first.code).toBe(0);
    const mail = await simpleParser(await readFile(join(lib.root, 'gui-so.eml')));
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('truonghochhanhphuctphcm@gmail.com');
    expect(mail.subject).toContain('[Trường học hạnh phúc] Trường Mầm non Thiên Đức');
    expect(mail.text).toContain(`https://www.youtube.com/watch?v=${lib.ids.get(KHAI_GIANG)}`);
    expect(mail.text).toContain(`https://www.youtube.com/watch?v=${lib.ids.get(TIEU_CHI)}`);
    // private: left out and counted; deleted: left out
    expect(mail.text).not.toContain(lib.ids.get(HOI_THI));
    expect(mail.text).not.toContain(lib.ids.get(GONE));
    expect(mail.text).toContain('1 video đang ở chế độ riêng tư');
    const history = JSON.parse(await readFile(join(lib.root, '.happytube', 'report.json'), 'utf8')) as { lastEmailAt: string };
    expect(Date.parse(history.lastEmailAt)).toBeGreaterThan(Date.now() - 60_000);

    const second = await report(['--format', 'eml']);
    expect(second.code).toBe(0);
    const again = await simpleParser(second.stdout);
    expect(again.text).toContain('chưa đăng thêm video mới nào');
    expect(again.text).not.toContain(lib.ids.get(KHAI_GIANG));

    const since = await report(['--format', 'eml', '--since', '2000-01-01']);
    expect(since.code).toBe(0);
    expect((await simpleParser(since.stdout)).text).toContain(lib.ids.get(KHAI_GIANG));
  });

  it('refuses a bad --since and an eml without report.departmentEmail (exit 2, nothing sent)', async () => {
    const bad = await report(['--format', 'eml', '--since', '2024-13-45']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since “2024-13-45”');
    const root = await makeLibrary((yaml) => yaml.replace(/^report:\n {2}departmentEmail: .*$/m, ''));
    cleanup.push(root);
    const calls = (await emu.admin.state()).calls['videos.list'] ?? 0;
    const res = await report(['--format', 'eml', root]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(join(root, 'happytube.yaml'));
    expect(res.stderr).toContain('report.departmentEmail');
    expect((await emu.admin.state()).calls['videos.list'] ?? 0).toBe(calls);
    const usage = await report(['--format', 'pdf']);
    expect(usage.code).toBe(2);
  });

  it('names the file, line and key of a broken happytube.yaml, in each language', async () => {
    const root = await makeLibrary((yaml) => yaml.replace(/^ {2}privacy: unlisted/m, '  privacy: publik'));
    cleanup.push(root);
    const en = await report(['--format', 'html', root], { HAPPYTUBE_LANG: 'en' });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`${join(root, 'happytube.yaml')} has an error (line 21, defaults.privacy)`);
    const vi = await report(['--format', 'html', root], { HAPPYTUBE_LANG: 'vi' });
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain(`Tệp ${join(root, 'happytube.yaml')} có lỗi (dòng 21, defaults.privacy)`);
  });

  it('finds the library from a sub-folder; exit 4 when signed out; exit 2 outside a library', async () => {
    const sub = await report(['--format', 'json'], {}, join(lib.root, '01-muc-dich'));
    expect(sub.code).toBe(0);
    const signedOut = await report(['--format', 'html'], { HAPPYTUBE_REFRESH_TOKEN: undefined });
    expect(signedOut.code).toBe(4);
    expect(signedOut.stderr).toContain('auth login');
    const empty = await mkdtemp(join(tmpdir(), 'happytube-report-none-'));
    cleanup.push(empty);
    await writeFile(join(empty, 'note.txt'), 'not a library');
    const none = await report(['--format', 'html'], {}, empty);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('happytube.yaml');
  });
});

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { CONFIG, clip, fixture, makeLibrary, removeLibrary } from './helpers.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeLibrary));
function lib(files: Parameters<typeof makeLibrary>[0] = {}): string {
  const root = makeLibrary(files);
  roots.push(root);
  return root;
}

const NFD = '2025-01-08 Góc đọc sách của bé'.normalize('NFD');
const GOOD = {
  [`04-mo-hinh-hay/${NFD}.mp4`]: clip(3),
  [`04-mo-hinh-hay/${NFD}.yaml`]: 'privacy: private\npublishAt: "2099-01-05T19:00:00+07:00"\nplaylists: [muc-dich]\n',
  '04-mo-hinh-hay/2025-02-14 Vườn rau.webm': fixture('tiny.webm'),
};
const BROKEN = {
  '01-muc-dich/2024-11-20 Hội thi bé khỏe.yaml': 'title: "Hội thi"\ncolour: red\n',
  '01-muc-dich/trống.mp4': '',
};

describe('happytube check', () => {
  it('reports each clip with its NFC title, playlists, privacy and publish time, and exits 0', async () => {
    const root = lib(GOOD);
    const r = await runMain(['check', root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const nfc = '2025-01-08 Góc đọc sách của bé';
    expect(r.stdout).toContain(`04-mo-hinh-hay/${nfc}.mp4\n  Tiêu đề: Góc đọc sách của bé | Trường Mầm non Thiên Đức\n`);
    expect(r.stdout).toContain('  Danh sách phát: mo-hinh-hay, muc-dich · Chế độ hiển thị: Riêng tư · Lên lịch: 19:00 ngày 05/01/2099 (giờ Việt Nam)');
    expect(r.stdout).toContain('  Danh sách phát: muc-dich · Chế độ hiển thị: Không công khai · Lên lịch: không (đăng ngay khi tải lên)');
    expect(r.stdout).not.toContain(NFD);
    expect(r.stdout).toContain('3 clip · 0 lỗi · 0 cảnh báo');
  });

  it('finds the library from a subfolder and speaks the chosen language', async () => {
    const root = lib(GOOD);
    mkdirSync(join(root, '04-mo-hinh-hay/sub'));
    const r = await runMain(['check'], { cwd: join(root, '04-mo-hinh-hay/sub'), env: { HAPPYTUBE_LANG: 'en' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  Playlists: mo-hinh-hay, muc-dich · Privacy: private · Publish: at 19:00 on 5 Jan 2099 (Vietnam time)');
    expect(r.stdout).toContain('3 clips · 0 errors · 0 warnings');
  });

  it('exits 2 with every problem grouped by file, with line, field and fix, in Vietnamese', async () => {
    const root = lib(BROKEN);
    const r = await runMain(['check', root]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      '01-muc-dich/2024-11-20 Hội thi bé khỏe.yaml\n' +
        '  Lỗi: dòng 2, colour: Tên mục “colour” không có trong danh sách happytube hiểu.\n' +
        '    Cách sửa: Xóa mục này hoặc sửa lại chính tả. Các tên mục dùng được: title, description, date, tags, template, privacy, madeForKids, playlists, publishAt, thumbnail, captions, vars, skip, notifySubscribers, license, embeddable, publicStatsViewable.\n',
    );
    expect(r.stdout).toContain('01-muc-dich/trống.mp4\n  Lỗi: Tệp clip rỗng (0 byte).\n');
    expect(r.stdout).toContain('happytube.yaml\n  Cảnh báo: dòng 17, playlists (mục thứ 2), folder: Chưa có thư mục “04-mo-hinh-hay” trong thư viện.');
    expect(r.stderr).toContain('Lỗi: 2 lỗi trong 2 tệp; chưa gửi gì lên YouTube.');
    expect(r.stderr).toContain('Cách sửa: Sửa các lỗi ở trên');
  });

  it('speaks English with --lang en, over the library language', async () => {
    const root = lib(BROKEN);
    const r = await runMain(['--lang', 'en', 'check', root]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('  Error: line 2, colour: Unknown key "colour".');
    expect(r.stdout).toContain('  Error: The clip is empty (0 bytes).');
    expect(r.stderr).toContain('Error: 2 errors in 2 files; nothing was sent to YouTube.');
  });

  it('follows the library language when nothing else chose, and the system locale without one', async () => {
    const en = lib({ ...BROKEN, 'happytube.yaml': CONFIG.replace('language: vi', 'language: en') });
    const r = await runMain(['check', en], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(r.stdout).toContain('Unknown key "colour"');
    const none = lib({ ...BROKEN, 'happytube.yaml': CONFIG.replace('language: vi\n', '') });
    const vi = await runMain(['check', none], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(vi.stdout).toContain('Tên mục “colour” không có trong danh sách happytube hiểu.');
  });

  it('prints one JSON document with --json', async () => {
    const good = await runMain(['check', lib(GOOD), '--json']);
    expect(good.code).toBe(0);
    const doc = JSON.parse(good.stdout) as { ok: boolean; counts: Record<string, number>; clips: { relPath: string; playlists: string[]; metadata: Record<string, unknown>; metadataHash: string }[]; diagnostics: unknown[] };
    expect(doc.ok).toBe(true);
    expect(doc.counts).toEqual({ clips: 3, errors: 0, warnings: 0, filesWithErrors: 0 });
    expect(doc.clips[1]).toMatchObject({
      relPath: '04-mo-hinh-hay/2025-01-08 Góc đọc sách của bé.mp4',
      playlists: ['mo-hinh-hay', 'muc-dich'],
      metadata: { title: 'Góc đọc sách của bé | Trường Mầm non Thiên Đức', privacy: 'private', publishAt: '2099-01-05T12:00:00.000Z', madeForKids: false, categoryId: '27' },
    });
    expect(doc.clips[1]!.metadataHash).toMatch(/^[0-9a-f]{64}$/);

    const bad = await runMain(['--lang', 'en', 'check', lib(BROKEN), '--json']);
    expect(bad.code).toBe(2);
    const report = JSON.parse(bad.stdout) as { ok: boolean; diagnostics: unknown[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toContainEqual({
      severity: 'error',
      file: '01-muc-dich/2024-11-20 Hội thi bé khỏe.yaml',
      line: 2,
      field: 'colour',
      message: 'Unknown key "colour".',
      fix: expect.stringContaining('Allowed keys: title,') as unknown,
    });
    expect(bad.stderr).toContain('2 errors in 2 files');
  });

  it('warns about the same clip twice, and keeps the hashes in the state only when there is state', async () => {
    const files = { '04-mo-hinh-hay/bản sao.mp4': clip(0) };
    const plain = lib(files);
    const first = await runMain(['--lang', 'en', 'check', plain]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('04-mo-hinh-hay/bản sao.mp4\n  Warning: This clip is the same as 01-muc-dich/2024-11-20 Hội thi bé khỏe.mp4: it is uploaded once.');
    expect(existsSync(join(plain, '.happytube'))).toBe(false);
    const withState = lib(files);
    mkdirSync(join(withState, '.happytube'));
    expect((await runMain(['check', withState])).code).toBe(0);
    const cached = JSON.parse(readFileSync(join(withState, '.happytube/hashes.json'), 'utf8')) as unknown;
    expect(JSON.stringify(cached)).toContain('bản sao.mp4');
    expect(JSON.stringify(cached)).toContain('Hội thi bé khỏe.mp4');
  });

  it('exits 2 outside a library', async () => {
    const root = lib();
    const r = await runMain(['--lang', 'en', 'check', join(root, '01-muc-dich')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no happytube.yaml in');
    expect(r.stderr).toContain('happytube init');
  });
});

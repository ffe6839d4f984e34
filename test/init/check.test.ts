/**
 * What init writes and examples/happy-school pass `happytube check` with no error and no warning.
 */
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/happy-school/', import.meta.url));

interface CheckJson {
  ok: boolean;
  counts: { clips: number; errors: number; warnings: number };
  clips: {
    relPath: string;
    playlists: string[];
    thumbnail: string | null;
    captions: unknown[];
    metadata: { title: string; description: string; tags: string[]; privacy: string; madeForKids: boolean };
  }[];
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'happytube-init-check-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('happytube check on what init writes', () => {
  it('passes on a freshly initialised library, empty and with a clip dropped in', async () => {
    const dir = join(tmp, 'lib');
    expect((await runMain(['init', dir, '--yes', '--school', 'Trường Mầm non Hoa Mai'])).code).toBe(0);
    const empty = await runMain(['check', dir, '--json']);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ ok: true, counts: { clips: 0, errors: 0, warnings: 0 } });

    const clip = '2024-12-18 Ngày hội gia đình.mp4';
    await copyFile(join(EXAMPLE, '03-qua-trinh-ket-qua', clip), join(dir, '03-qua-trinh-ket-qua', clip));
    const one = await runMain(['check', dir, '--json']);
    expect(one.code).toBe(0);
    const report = JSON.parse(one.stdout) as CheckJson;
    expect(report.counts).toMatchObject({ clips: 1, errors: 0, warnings: 0 });
    const meta = report.clips[0]!.metadata;
    expect(meta.title).toBe('Ngày hội gia đình | Trường Mầm non Hoa Mai');
    expect(meta.description).toContain('ngày 18 tháng 12 năm 2024');
    expect(meta.description).toContain('Quá trình và kết quả thực hiện Trường học hạnh phúc');
    expect(meta.description).toContain('#TruongHocHanhPhuc');
    expect(meta.tags).toContain('Trường Mầm non Hoa Mai');
    expect(meta).toMatchObject({ privacy: 'unlisted', madeForKids: false });
  });
});

describe('happytube check examples/happy-school', () => {
  it('exits 0 with no error and no warning, and shows NFC titles for the NFD file name', async () => {
    const r = await runMain(['check', EXAMPLE, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as CheckJson;
    expect(report).toMatchObject({ ok: true, counts: { clips: 6, errors: 0, warnings: 0 } });
    for (const clip of report.clips) {
      expect(clip.relPath).toBe(clip.relPath.normalize('NFC'));
      expect(clip.metadata.title).toBe(clip.metadata.title.normalize('NFC'));
    }
    const onDisk = (await readdir(join(EXAMPLE, '03-qua-trinh-ket-qua'))).find((n) => n.endsWith('.mp4') && n.startsWith('2024-11-20'))!;
    expect(onDisk).not.toBe(onDisk.normalize('NFC'));
    const contest = report.clips.find((c) => c.relPath === '03-qua-trinh-ket-qua/2024-11-20 Hội thi bé khỏe.mp4'.normalize('NFC'))!;
    expect(contest.metadata.title).toBe('Hội thi bé khỏe (20/11/2024) | Trường Mầm non Thiên Đức'.normalize('NFC'));
    expect(contest.metadata.description).toContain('các bé lớp Chồi và Lá tại sân trường, ngày 20 tháng 11 năm 2024');
    expect(contest.metadata.tags).toEqual(expect.arrayContaining(['lớp Chồi và Lá', 'hội thi bé khỏe']));
    expect(contest.thumbnail).not.toBeNull();
    expect(contest.captions).toHaveLength(1);
    const story = report.clips.find((c) => c.relPath.startsWith('04-mo-hinh-hay/2025-01-08'))!;
    expect(story.metadata).toMatchObject({ privacy: 'public', madeForKids: true, title: 'Cô kể chuyện ở Góc đọc sách của bé | Trường Mầm non Thiên Đức' });
    expect(story.playlists).toEqual(['mo-hinh-hay', 'qua-trinh-ket-qua']);

    const text = await runMain(['check', EXAMPLE, '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Hội thi bé khỏe (20/11/2024)'.normalize('NFC'));
  });
});

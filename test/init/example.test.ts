import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const EXAMPLE = fileURLToPath(new URL('../../examples/happy-school/', import.meta.url));
const FOLDERS = ['01-muc-dich', '02-bo-tieu-chi', '03-qua-trinh-ket-qua', '04-mo-hinh-hay'];

async function filesOf(folder: string): Promise<string[]> {
  return (await readdir(join(EXAMPLE, folder))).sort();
}

describe('examples/happy-school', () => {
  it('holds 5 or 6 small, real and distinct MP4 clips across the four playlist folders', async () => {
    const hashes = new Set<string>();
    let count = 0;
    for (const folder of FOLDERS) {
      const clips = (await filesOf(folder)).filter((f) => f.endsWith('.mp4'));
      expect(clips.length, folder).toBeGreaterThan(0);
      for (const clip of clips) {
        const bytes = await readFile(join(EXAMPLE, folder, clip));
        expect(bytes.length, clip).toBeGreaterThan(1000);
        expect(bytes.length, clip).toBeLessThan(100 * 1024);
        expect(bytes.subarray(4, 8).toString('latin1'), clip).toBe('ftyp');
        hashes.add(createHash('sha256').update(bytes).digest('hex'));
        count += 1;
      }
    }
    expect(count).toBeGreaterThanOrEqual(5);
    expect(count).toBeLessThanOrEqual(6);
    expect(hashes.size).toBe(count);
  });

  it('stores one Vietnamese file name in NFD on disk, as macOS writes it', async () => {
    const names = await filesOf('03-qua-trinh-ket-qua');
    const nfd = '2024-11-20 Hội thi bé khỏe.mp4'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(names).toContain(nfd);
    expect(names).not.toContain(nfd.normalize('NFC'));
    // The other clips are in NFC.
    expect(await filesOf('04-mo-hinh-hay')).toContain('2025-02-14 Vườn rau của bé.mp4'.normalize('NFC'));
  });

  it('has a real JPEG thumbnail and a .vi.srt caption with valid timing for that clip', async () => {
    const base = join(EXAMPLE, '03-qua-trinh-ket-qua', '2024-11-20 Hội thi bé khỏe'.normalize('NFD'));
    const jpeg = await readFile(`${base}.jpg`);
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(jpeg.length).toBeLessThan(2 * 1024 * 1024);
    const srt = await readFile(`${base}.vi.srt`, 'utf8');
    const cues = [...srt.matchAll(/^(\d\d):(\d\d):(\d\d),(\d{3}) --> (\d\d):(\d\d):(\d\d),(\d{3})$/gm)].map((m) => {
      const ms = (h: string, mi: string, s: string, f: string): number => ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 + Number(f);
      return [ms(m[1]!, m[2]!, m[3]!, m[4]!), ms(m[5]!, m[6]!, m[7]!, m[8]!)] as const;
    });
    expect(cues.length).toBeGreaterThanOrEqual(2);
    let last = 0;
    for (const [start, end] of cues) {
      expect(start).toBeGreaterThanOrEqual(last);
      expect(end).toBeGreaterThan(start);
      last = end;
    }
  });

  it('is configured for Trường Mầm non Thiên Đức with sidecars that set vars, tags, madeForKids and privacy', async () => {
    const config = parse(await readFile(join(EXAMPLE, 'happytube.yaml'), 'utf8')) as { school: { name: string }; playlists: { folder: string }[] };
    expect(config.school.name).toBe('Trường Mầm non Thiên Đức');
    expect(config.playlists.map((p) => p.folder)).toEqual(FOLDERS);
    const event = parse(await readFile(join(EXAMPLE, '03-qua-trinh-ket-qua', '2024-11-20 Hội thi bé khỏe.yaml'.normalize('NFD')), 'utf8')) as Record<string, unknown>;
    expect(event).toMatchObject({ template: 'su-kien', vars: { lop: expect.any(String) as string }, tags: expect.any(Array) as unknown[] });
    const story = parse(await readFile(join(EXAMPLE, '04-mo-hinh-hay', '2025-01-08 Góc đọc sách của bé.yaml'), 'utf8')) as Record<string, unknown>;
    expect(story).toMatchObject({ madeForKids: true, privacy: 'public' });
    expect((await stat(join(EXAMPLE, 'templates', 'su-kien.yaml'))).isFile()).toBe(true);
  });
});

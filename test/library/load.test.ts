import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLibraryRoot, loadLibrary } from '../../src/library/index.ts';
import type { Library } from '../../src/library/index.ts';
import { clip, fixture, makeLibrary, removeLibrary } from './helpers.ts';

const made: string[] = [];
function lib(files: Parameters<typeof makeLibrary>[0] = {}): string {
  const root = makeLibrary(files);
  made.push(root);
  return root;
}
afterAll(() => made.forEach(removeLibrary));

const errors = (library: Library) => library.diagnostics.filter((d) => d.severity === 'error');
const NOW = new Date('2024-12-01T00:00:00Z');

describe('loadLibrary', () => {
  it('reads clips, sidecars, thumbnails and captions into rendered metadata', async () => {
    const nfdName = '2025-01-08 Góc đọc sách của bé'.normalize('NFD');
    const root = lib({
      '01-muc-dich/2024-11-20 Hội thi bé khỏe.yaml': 'description: "Các bé thi chạy."\ntags: [thể dục, "bé khỏe"]\nplaylists: [mo-hinh-hay]\n',
      '01-muc-dich/2024-11-20 Hội thi bé khỏe.jpg': fixture('thumb.jpg'),
      '01-muc-dich/2024-11-20 Hội thi bé khỏe.vi.srt': '1\n00:00:00,000 --> 00:00:00,900\nXin chào\n',
      [`04-mo-hinh-hay/${nfdName}.MOV`]: fixture('tiny.mov'),
      [`04-mo-hinh-hay/${nfdName}.yaml`]: 'title: "Cô kể chuyện"\nprivacy: private\npublishAt: "2024-12-02T19:00:00+07:00"\nvars: { teacher: "Cô Lan" }\n',
      '04-mo-hinh-hay/sub/Vườn rau.webm': fixture('tiny.webm'),
      '.hidden/secret.mp4': clip(1),
      '01-muc-dich/.tmp.mp4': clip(2),
      '.happytube/ledger.json': '{}',
      'notes.txt': 'not a clip',
    });
    const library = await loadLibrary(root, { now: NOW });
    expect(errors(library)).toEqual([]);
    expect(library.clips.map((c) => c.relPath)).toEqual([
      '01-muc-dich/2024-11-20 Hội thi bé khỏe.mp4',
      '04-mo-hinh-hay/2025-01-08 Góc đọc sách của bé.MOV',
      '04-mo-hinh-hay/sub/Vườn rau.webm',
    ]);
    const [a, b, c] = library.clips as [Library['clips'][number], Library['clips'][number], Library['clips'][number]];
    expect(a.metadata.title).toBe('Hội thi bé khỏe | Trường Mầm non Thiên Đức');
    expect(a.metadata.description).toBe('Các bé thi chạy.\nNgày: 20/11/2024');
    expect(a.metadata.tags).toEqual(['muc-dich', 'trường học hạnh phúc', 'thể dục', 'bé khỏe']);
    expect(a.playlists).toEqual(['muc-dich', 'mo-hinh-hay']);
    expect(a.thumbnailPath).toMatch(/Hội thi bé khỏe\.jpg$/);
    expect(a.captions).toEqual([{ lang: 'vi', format: 'srt', path: expect.stringMatching(/\.vi\.srt$/) as unknown }]);
    expect(a.metadata).toMatchObject({ categoryId: '27', privacy: 'unlisted', madeForKids: false, defaultLanguage: 'vi', recordingDate: '2024-11-20T00:00:00Z' });
    expect(a.date).toBe('2024-11-20');
    expect(b.relPath.normalize('NFC')).toBe(b.relPath);
    expect(b.metadata.title).toBe('Cô kể chuyện | Trường Mầm non Thiên Đức');
    expect(b.metadata.publishAt).toBe('2024-12-02T12:00:00.000Z');
    expect(b.metadata.privacy).toBe('private');
    expect(b.path.endsWith(`${nfdName}.MOV`)).toBe(true);
    expect(c.playlists).toEqual(['mo-hinh-hay']);
    expect(c.metadata.title).toBe('Vườn rau | Trường Mầm non Thiên Đức');
    expect(c.metadata.description).toBe('Ngày:');
    expect(c.date).toBeUndefined();
    // The fixture is a 64×64 clip of one second: a Short, whose custom thumbnail YouTube does not show.
    expect(a.short).toBe(true);
    expect(library.diagnostics.map((d) => [d.severity, d.file, d.field])).toEqual([['warning', '01-muc-dich/2024-11-20 Hội thi bé khỏe.jpg', 'thumbnail']]);
    expect(a.metadataHash).toMatch(/^[0-9a-f]{64}$/);
    const again = await loadLibrary(root, { now: NOW });
    expect(again.clips.map((x) => x.metadataHash)).toEqual(library.clips.map((x) => x.metadataHash));
    writeFileSync(join(root, '01-muc-dich/2024-11-20 Hội thi bé khỏe.yaml'), 'description: "Khác."\n');
    const changed = await loadLibrary(root, { now: NOW });
    expect(changed.clips[0]!.metadataHash).not.toBe(a.metadataHash);
    expect(changed.clips[1]!.metadataHash).toBe(b.metadataHash);
  });

  it('warns about clips outside playlists, orphan sidecars and duplicates, and hashes only same-size clips', async () => {
    const root = lib({
      'loose.mp4': clip(5),
      '01-muc-dich/copy.mp4': clip(0),
      '01-muc-dich/other.mp4': clip(3),
      '01-muc-dich/lonely.yaml': 'title: x\n',
    });
    const hashed: string[] = [];
    const library = await loadLibrary(root, {
      now: NOW,
      hashFile: (c) => {
        hashed.push(c.relPath);
        return Promise.resolve(c.relPath.endsWith('other.mp4') ? 'other' : 'same');
      },
    });
    expect(errors(library)).toEqual([]);
    const warnings = library.diagnostics.map((d) => `${d.file}|${d.message.en}`);
    expect(warnings).toEqual([
      'happytube.yaml|The folder "04-mo-hinh-hay" does not exist in the library.',
      expect.stringMatching(/^01-muc-dich\/copy\.mp4\|This clip is the same as 01-muc-dich\/2024-11-20 Hội thi bé khỏe\.mp4/) as unknown,
      expect.stringMatching(/^01-muc-dich\/lonely\.yaml\|This \.yaml file belongs to no clip/) as unknown,
      expect.stringMatching(/^loose\.mp4\|The clip is outside every playlist folder/) as unknown,
    ]);
    expect(hashed).toHaveLength(2);
    expect(library.clips.find((c) => c.relPath === '01-muc-dich/copy.mp4')!.duplicateOf).toBe('01-muc-dich/2024-11-20 Hội thi bé khỏe.mp4');
    expect(library.clips.find((c) => c.relPath === 'loose.mp4')!.playlists).toEqual([]);
  });

  it('finds real duplicates by content with the default hash', async () => {
    const root = lib({ '04-mo-hinh-hay/again.mp4': clip(0), '04-mo-hinh-hay/different.mp4': Buffer.concat([fixture('tiny.mp4').subarray(0, -1), Buffer.from('x')]) });
    const library = await loadLibrary(root, { now: NOW });
    expect(library.clips.filter((c) => c.duplicateOf !== undefined).map((c) => c.relPath)).toEqual(['04-mo-hinh-hay/again.mp4']);
    expect(library.clips.find((c) => c.relPath.endsWith('different.mp4'))!.duplicateOf).toBeUndefined();
  });

  it('recognises every container by its first bytes, in any extension case', async () => {
    const root = lib({
      '01-muc-dich/a.MP4': clip(7),
      '01-muc-dich/b.webm': fixture('tiny.webm'),
      '01-muc-dich/c.mts': fixture('tiny.mts'),
      '01-muc-dich/d.AVI': fixture('tiny.avi'),
      '01-muc-dich/e.mov': fixture('tiny.mov'),
    });
    const library = await loadLibrary(root, { now: NOW });
    expect(errors(library)).toEqual([]);
    expect(library.clips).toHaveLength(6);
  });

  it('uses the built-in template when the library has no templates folder', async () => {
    const root = lib({ 'templates/default.yaml': null, 'happytube.yaml': 'school: { name: "Trường A" }\ndefaults: { madeForKids: true }\nplaylists: [{ key: a, folder: 01-muc-dich, title: "A" }]\n' });
    const library = await loadLibrary(root, { now: NOW });
    expect(errors(library)).toEqual([]);
    expect(library.config.language).toBeUndefined();
    expect(library.clips[0]!.metadata).toMatchObject({ title: 'Hội thi bé khỏe', description: '', tags: [], privacy: 'private', madeForKids: true, categoryId: '27' });
    expect(library.clips[0]!.template).toBe('(built-in)');
  });

  it('reports a dangling link as an unreadable clip and a sidecar skip', async () => {
    const root = lib({ '01-muc-dich/2024-11-20 Hội thi bé khỏe.yaml': 'skip: true\n' });
    symlinkSync(join(root, 'nowhere.mp4'), join(root, '01-muc-dich/gone.mp4'));
    const library = await loadLibrary(root, { now: NOW });
    expect(library.clips[0]!.skip).toBe(true);
    expect(errors(library).map((d) => [d.file, d.message.en])).toEqual([['01-muc-dich/gone.mp4', 'The file 01-muc-dich/gone.mp4 is not there.']]);
    expect(library.clips.find((c) => c.relPath === '01-muc-dich/gone.mp4')!.hasErrors).toBe(true);
    expect(library.clips[0]!.hasErrors).toBe(false);
  });

  it('only warns about a thumbnail between the old 2 MB limit and the raised 50 MB one', async () => {
    const root = lib({ '01-muc-dich/2024-11-20 Hội thi bé khỏe.jpg': Buffer.concat([fixture('thumb.jpg'), Buffer.alloc(3 * 1024 * 1024)]) });
    const library = await loadLibrary(root, { now: NOW });
    expect(errors(library)).toEqual([]);
    const warning = library.diagnostics.find((d) => d.field === 'thumbnail');
    expect(warning).toMatchObject({ severity: 'warning', file: '01-muc-dich/2024-11-20 Hội thi bé khỏe.jpg' });
    expect(warning!.message.vi).toContain('50 MB');
  });

  it('only warns about a publish time that has passed (a scheduled clip, once published)', async () => {
    const root = lib({ '01-muc-dich/2024-11-20 Hội thi bé khỏe.yaml': 'privacy: private\npublishAt: "2020-01-01T00:00:00Z"\n' });
    const library = await loadLibrary(root, { now: NOW });
    expect(errors(library)).toEqual([]);
    expect(library.diagnostics.find((d) => d.field === 'publishAt')).toMatchObject({ severity: 'warning', file: '01-muc-dich/2024-11-20 Hội thi bé khỏe.yaml', line: 2 });
  });

  it('throws an InputError without happytube.yaml, and findLibraryRoot looks upwards', async () => {
    const root = lib();
    mkdirSync(join(root, '01-muc-dich/deep/er'), { recursive: true });
    expect(findLibraryRoot(join(root, '01-muc-dich/deep/er'))).toBe(root);
    expect(findLibraryRoot('/')).toBeUndefined();
    await expect(loadLibrary(join(root, '01-muc-dich'))).rejects.toMatchObject({ name: 'InputError', exitCode: 2 });
  });

  // Its speed is measured by `npm run bench`, not here.
  it('reads a library of 2,000 clips', async () => {
    const files: Record<string, Buffer | string> = {};
    const head = clip(0).subarray(0, 64);
    for (let i = 0; i < 2000; i++) {
      files[`${i % 2 === 0 ? '01-muc-dich' : '04-mo-hinh-hay'}/2024-11-${String((i % 28) + 1).padStart(2, '0')} Clip ${i}.mp4`] = Buffer.concat([head, Buffer.alloc(i)]);
      if (i % 10 === 0) files[`01-muc-dich/2024-11-01 Clip ${i}.yaml`] = `title: "Clip số ${i}"\ntags: [a, b]\n`;
    }
    const root = lib(files);
    const library = await loadLibrary(root, { now: NOW });
    expect(library.clips).toHaveLength(2001);
    expect(errors(library)).toEqual([]);
  });
});

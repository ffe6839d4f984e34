/**
 * src/library/sidecar-write.ts: only the keys given change; comments, other keys and layout stay;
 * values are NFC; a playlist key is listed once; what is written reads back as a valid sidecar;
 * a broken sidecar is refused (with its line), never overwritten; the write is undoable.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../../src/errors.ts';
import { tr } from '../../src/i18n/index.ts';
import { restoreSidecar, setSidecarKeys, sidecarPathFor, writeSidecar } from '../../src/library/sidecar-write.ts';

const EXISTING = `# Clip kể chuyện cho các bé xem.
title: "Cô kể chuyện"   # tên hiển thị
madeForKids: true

playlists: [qua-trinh-ket-qua]
vars:
  lop: "Chồi"   # lớp
`;

describe('setSidecarKeys', () => {
  it('sets only the keys given and keeps comments, other keys and their layout', () => {
    const { text, keys } = setSidecarKeys(EXISTING, 'a.yaml', { title: 'Giờ kể chuyện', privacy: 'unlisted', playlist: 'mo-hinh-hay' });
    expect(keys).toEqual(['title', 'privacy', 'playlists']);
    expect(text).toBe(`# Clip kể chuyện cho các bé xem.
title: "Giờ kể chuyện" # tên hiển thị
madeForKids: true

playlists: [qua-trinh-ket-qua, mo-hinh-hay]
vars:
  lop: "Chồi" # lớp
privacy: unlisted
`);
  });

  it('lists a playlist key once and leaves a sidecar that already says so untouched', () => {
    const { text, keys } = setSidecarKeys(EXISTING, 'a.yaml', { title: 'Cô kể chuyện', playlist: 'qua-trinh-ket-qua' });
    expect(keys).toEqual([]);
    expect(text).toBe(EXISTING);
  });

  it('starts an empty or comment-only sidecar; values are NFC and stay strings', () => {
    const nfd = 'Hội thi'.normalize('NFD');
    const empty = setSidecarKeys('', 'b.yaml', { title: nfd, template: 'su-kien', playlist: 'muc-dich' });
    expect(parse(empty.text)).toEqual({ title: 'Hội thi', template: 'su-kien', playlists: ['muc-dich'] });
    expect(empty.text).toContain('Hội thi'.normalize('NFC'));
    expect(empty.text).not.toContain(nfd);

    const numeric = setSidecarKeys('# chỉ có ghi chú\n', 'c.yaml', { title: '2024' });
    expect(numeric.text.startsWith('# chỉ có ghi chú\n')).toBe(true);
    expect(parse(numeric.text)).toEqual({ title: '2024' });
  });

  it('does not fold a long title over several lines', () => {
    const title = 'Ngày hội gia đình, '.repeat(5).trim();
    expect(setSidecarKeys('', 'd.yaml', { title }).text).toBe(`title: ${title}\n`);
  });

  it('refuses a sidecar that is not valid YAML or breaks the schema, naming the file and line', () => {
    const broken = (text: string): InputError => {
      try {
        setSidecarKeys(text, '01/x.yaml', { title: 'T' });
      } catch (error) {
        if (error instanceof InputError) return error;
        throw error;
      }
      throw new Error('no error');
    };
    const syntax = broken('title: "open\nprivacy: public\n');
    expect(tr(syntax.text, 'en')).toMatch(/^Cannot save in "01\/x\.yaml" \(line 1\)/);
    const unknownKey = broken('madeForKids: true\ntitel: T\n');
    expect(tr(unknownKey.text, 'en')).toContain('"01/x.yaml" (line 2)');
    expect(tr(unknownKey.text, 'en')).toContain('titel');
  });
});

describe('writeSidecar and restoreSidecar', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'happytube-sidecar-write-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates <stem>.yaml next to the clip, or edits the existing sidecar, and puts either back', async () => {
    const clip = { path: join(dir, '2024-11-20 Hội thi.mp4'), sidecarPath: undefined };
    expect(sidecarPathFor(clip)).toBe(join(dir, '2024-11-20 Hội thi.yaml'));
    const created = await writeSidecar(clip, { privacy: 'private' }, 'x.yaml');
    expect(created).toEqual({ path: join(dir, '2024-11-20 Hội thi.yaml'), previous: undefined, keys: ['privacy'] });
    expect(await readFile(created.path, 'utf8')).toBe('privacy: private\n');
    await restoreSidecar(created);
    expect(existsSync(created.path)).toBe(false);

    const yml = join(dir, 'clip.yml');
    await writeFile(yml, EXISTING);
    const edited = await writeSidecar({ path: join(dir, 'clip.mp4'), sidecarPath: yml }, { template: 'su-kien' }, 'clip.yml');
    expect(edited.path).toBe(yml);
    expect(await readFile(yml, 'utf8')).toContain('template: su-kien');
    await restoreSidecar(edited);
    expect(await readFile(yml, 'utf8')).toBe(EXISTING);
  });
});

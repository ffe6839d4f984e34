/**
 * A table of broken libraries. Each must make `happytube check` exit 2 and name the file, the
 * field and (for YAML) the line, in Vietnamese and in English. The CLI runs in-process through
 * main() (runMain, the same code as bin/happytube.js), as in check.test.ts.
 */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { M } from '../../src/i18n/messages.ts';
import { loadLibrary } from '../../src/library/index.ts';
import { runMain } from '../helpers/cli.ts';
import { CONFIG, TEMPLATE, clip, fixture, makeLibrary, removeLibrary } from './helpers.ts';
import type { Files } from './helpers.ts';

const C = '01-muc-dich/2024-11-20 Hội thi bé khỏe';
const SRT_OK = '1\n00:00:00,000 --> 00:00:00,500\nChào\n';

interface Case {
  name: string;
  files: Files;
  setup?: (root: string) => void;
  file: string;
  field?: string;
  line?: number;
}

const replace = (from: string, to: string): string => {
  if (!CONFIG.includes(from)) throw new Error(`not in CONFIG: ${from}`);
  return CONFIG.replace(from, to);
};
const manyTags = Array.from({ length: 70 }, (_, i) => `"a${String(i).padStart(2, '0')} b"`).join(', ');

const CASES: Case[] = [
  { name: 'malformed YAML in happytube.yaml', files: { 'happytube.yaml': replace('  privacy: unlisted\n', '  privacy: [unlisted\n') }, file: 'happytube.yaml', line: 7 },
  { name: 'unknown key in happytube.yaml', files: { 'happytube.yaml': `${CONFIG}colour: red\n` }, file: 'happytube.yaml', field: 'colour', line: 19 },
  { name: 'unknown nested key in happytube.yaml', files: { 'happytube.yaml': replace('  privacy: unlisted', '  privcy: unlisted') }, file: 'happytube.yaml', field: 'defaults.privcy', line: 7 },
  { name: 'missing school', files: { 'happytube.yaml': replace('school:\n  name: "Trường Mầm non Thiên Đức"\n  website: "https://thienduc.example"\n', '') }, file: 'happytube.yaml', field: 'school', line: 1 },
  { name: 'unknown YouTube category', files: { 'happytube.yaml': replace('category: "27"', 'category: "99"') }, file: 'happytube.yaml', field: 'defaults.category', line: 9 },
  { name: 'unknown default template', files: { 'happytube.yaml': replace('template: default', 'template: khac') }, file: 'happytube.yaml', field: 'defaults.template', line: 6 },
  { name: 'bad schedule slot', files: { 'happytube.yaml': `${CONFIG}schedule:\n  slots: ["MONDAY 7pm"]\n` }, file: 'happytube.yaml', field: 'schedule.slots[0]', line: 20 },
  { name: 'bad time zone', files: { 'happytube.yaml': `${CONFIG}schedule:\n  timezone: Mars/Base\n  slots: ["MON 19:00"]\n` }, file: 'happytube.yaml', field: 'schedule.timezone', line: 20 },
  { name: 'two playlists on one folder', files: { 'happytube.yaml': replace('folder: 04-mo-hinh-hay', 'folder: 01-muc-dich/') }, file: 'happytube.yaml', field: 'playlists[1].folder', line: 17 },
  { name: 'two playlists with one key', files: { 'happytube.yaml': replace('key: mo-hinh-hay', 'key: muc-dich') }, file: 'happytube.yaml', field: 'playlists[1].key', line: 16 },
  { name: 'no madeForKids anywhere', files: { 'happytube.yaml': replace('  madeForKids: false\n', '') }, file: `${C}.mp4`, field: 'madeForKids' },
  { name: 'unknown key in a sidecar', files: { [`${C}.yaml`]: 'title: "Hội thi"\ncolour: red\n' }, file: `${C}.yaml`, field: 'colour', line: 2 },
  { name: 'malformed sidecar', files: { [`${C}.yaml`]: 'title: "Hội thi\n' }, file: `${C}.yaml`, line: 1 },
  { name: 'unknown template variable', files: { 'templates/default.yaml': TEMPLATE.replace('{{ title }}', '{{ titel }}') }, file: 'templates/default.yaml', field: 'title', line: 1 },
  { name: 'unknown template filter', files: { 'templates/default.yaml': TEMPLATE.replace('date_vi', 'date_vn') }, file: 'templates/default.yaml', field: 'description', line: 4 },
  { name: 'unquoted Liquid in a template', files: { 'templates/default.yaml': TEMPLATE.replace('"{{ title }} | {{ school.name }}"', '{{ title }}') }, file: 'templates/default.yaml', field: 'title', line: 1 },
  { name: 'unknown vars.* of one clip', files: { 'templates/default.yaml': TEMPLATE.replace('{{ title }}', '{{ title }} {{ vars.lop }}') }, file: 'templates/default.yaml', field: 'title', line: 1 },
  { name: 'unknown template in a sidecar', files: { [`${C}.yaml`]: 'template: khac\n' }, file: `${C}.yaml`, field: 'template', line: 1 },
  { name: 'title over 100 characters only after rendering', files: { [`${C}.yaml`]: `title: "${'Bé vui '.repeat(12)}"\n` }, file: `${C}.yaml`, field: 'title', line: 1 },
  { name: '< in a title', files: { [`${C}.yaml`]: 'title: "Bé <3 trường"\n' }, file: `${C}.yaml`, field: 'title', line: 1 },
  { name: 'Vietnamese description over 5,000 bytes but under 5,000 characters', files: { [`${C}.yaml`]: `description: "${'Bé khỏe, bé ngoan. '.repeat(230)}"\n` }, file: `${C}.yaml`, field: 'description', line: 1 },
  { name: 'tags over 500 only when spaces count as quotes', files: { [`${C}.yaml`]: `tags: [${manyTags}]\n` }, file: `${C}.yaml`, field: 'tags', line: 1 },
  { name: 'publishAt with public', files: { [`${C}.yaml`]: 'privacy: public\npublishAt: "2099-01-01T19:00:00+07:00"\n' }, file: `${C}.yaml`, field: 'publishAt', line: 2 },
  { name: 'publishAt not ISO 8601', files: { [`${C}.yaml`]: 'privacy: private\npublishAt: "mai lúc 19 giờ"\n' }, file: `${C}.yaml`, field: 'publishAt', line: 2 },
  { name: 'unknown privacy', files: { [`${C}.yaml`]: 'privacy: secret\n' }, file: `${C}.yaml`, field: 'privacy', line: 1 },
  { name: 'a date that does not exist', files: { [`${C}.yaml`]: 'date: 2024-02-30\n' }, file: `${C}.yaml`, field: 'date', line: 1 },
  { name: 'unknown playlist key', files: { [`${C}.yaml`]: 'madeForKids: false\nplaylists: [mo-hinh-hay, khong-co]\n' }, file: `${C}.yaml`, field: 'playlists[1]', line: 2 },
  { name: 'thumbnail missing', files: { [`${C}.yaml`]: 'thumbnail: "anh bìa.jpg"\n' }, file: `${C}.yaml`, field: 'thumbnail', line: 1 },
  { name: 'thumbnail over the 50 MB limit', files: { [`${C}.jpg`]: Buffer.concat([fixture('thumb.jpg'), Buffer.alloc(50 * 1024 * 1024)]) }, file: `${C}.jpg`, field: 'thumbnail' },
  { name: 'a text file named .jpg', files: { [`${C}.jpg`]: 'không phải ảnh' }, file: `${C}.jpg`, field: 'thumbnail' },
  { name: 'a caption with broken timing', files: { [`${C}.vi.srt`]: '1\n00:00:02,000 --> 00:00:01,000\nChào\n' }, file: `${C}.vi.srt`, field: 'captions', line: 2 },
  { name: 'a WebVTT caption without its header', files: { [`${C}.en.vtt`]: '00:01.000 --> 00:02.000\nHello\n' }, file: `${C}.en.vtt`, field: 'captions', line: 1 },
  { name: 'a sidecar caption that is not there', files: { [`${C}.yaml`]: 'captions:\n  vi: "phu de.srt"\n', [`${C}.en.srt`]: SRT_OK }, file: `${C}.yaml`, field: 'captions.vi', line: 2 },
  { name: 'a zero-byte clip', files: { '01-muc-dich/rỗng.mp4': '' }, file: '01-muc-dich/rỗng.mp4' },
  { name: 'a text file named .mp4', files: { '01-muc-dich/ghi chú.mp4': 'Đây là ghi chú, không phải video.' }, file: '01-muc-dich/ghi chú.mp4' },
  { name: 'an unreadable clip', files: {}, setup: (root) => symlinkSync(join(root, 'missing.mov'), join(root, '01-muc-dich/mất.mov')), file: '01-muc-dich/mất.mov' },
];

const roots: string[] = [];
afterAll(() => roots.forEach(removeLibrary));

function build(c: Case): string {
  const root = makeLibrary({ '04-mo-hinh-hay/2025-01-08 Góc đọc sách.mp4': clip(11), ...c.files });
  c.setup?.(root);
  roots.push(root);
  return root;
}

describe('broken libraries', () => {
  it('has at least 25 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it('a good library passes', async () => {
    const root = build({ name: 'good', files: {}, file: '' });
    const r = await runMain(['check', root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it.each(CASES)('$name', async (c) => {
    const root = build(c);
    const library = await loadLibrary(root);
    const match = library.diagnostics.find((d) => d.severity === 'error' && d.file === c.file && (c.field === undefined || d.field === c.field));
    expect(match, JSON.stringify(library.diagnostics.map((d) => [d.file, d.line, d.field, d.message.en]))).toBeDefined();
    if (c.line !== undefined) expect(match!.line).toBe(c.line);
    for (const lang of ['vi', 'en'] as const) {
      const r = await runMain(['--lang', lang, 'check', root]);
      expect(r.code).toBe(2);
      const block = r.stdout.slice(r.stdout.indexOf(`\n${c.file}\n`));
      expect(block.length, r.stdout).toBeGreaterThan(c.file.length);
      // The field as each language shows it: playlists[1].folder reads "playlists (mục thứ 2), folder" in Vietnamese.
      const field = c.field === undefined ? undefined : M.check.field({ field: c.field })[lang];
      const errorLine = block.split('\n').find((l) => l.includes(lang === 'vi' ? 'Lỗi:' : 'Error:') && (field === undefined || l.includes(field)))!;
      expect(errorLine, block).toBeDefined();
      if (c.line !== undefined) expect(errorLine).toContain(lang === 'vi' ? `dòng ${c.line}` : `line ${c.line}`);
      expect(errorLine).toContain(match!.message[lang]);
      expect(r.stderr).toMatch(lang === 'vi' ? /Lỗi: \d+ lỗi trong \d+ tệp/ : /Error: \d+ errors? in \d+ files?/);
    }
  });
});

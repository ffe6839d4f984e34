import { describe, expect, it } from 'vitest';
import { checkCaptions } from '../../src/library/captions.ts';
import { normaliseFolder, readConfig } from '../../src/library/config.ts';
import { checkMetadata, isCalendarDate, measure, parsePublishAt, tagsLength } from '../../src/library/rules.ts';
import { imageType, videoContainer } from '../../src/library/sniff.ts';
import { compileTemplate, dateLongVi, dateVi, makeEngine, renderTemplate } from '../../src/library/templates.ts';
import type { TemplateVariables } from '../../src/library/templates.ts';
import type { ClipMetadata, Diagnostic } from '../../src/library/types.ts';
import { fixture } from './helpers.ts';

const NOW = new Date('2024-12-01T00:00:00Z');
const META: ClipMetadata = { title: 'Hội thi', description: '', tags: [], categoryId: '27', privacy: 'unlisted', madeForKids: false, defaultLanguage: 'vi' };
const fields = (meta: Partial<ClipMetadata>): string[] => checkMetadata({ ...META, ...meta }, NOW).map((f) => f.field);

describe('YouTube metadata rules', () => {
  it('measures NFC characters and UTF-8 bytes', () => {
    expect(measure('Hội'.normalize('NFD'))).toEqual({ chars: 3, bytes: 5 });
    expect(measure('ngày')).toEqual({ chars: 4, bytes: 5 });
  });

  it('counts tags as YouTube does: commas between, quotes around a tag with a space', () => {
    expect(tagsLength([])).toBe(0);
    expect(tagsLength(['a'])).toBe(1);
    expect(tagsLength(['ab', 'cd'])).toBe(5);
    expect(tagsLength(['bé khỏe', 'x'])).toBe(7 + 2 + 1 + 1);
  });

  it('checks title, description, tags, category, privacy and publishAt', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ title: 'a'.repeat(100) })).toEqual([]);
    expect(fields({ title: 'ệ'.repeat(101) })).toEqual(['title']);
    expect(fields({ title: '' })).toEqual(['title']);
    expect(fields({ title: 'a <b>' })).toEqual(['title']);
    expect(fields({ description: 'ệ'.repeat(1667) })).toEqual(['description']); // 5,001 bytes, 1,667 characters
    expect(fields({ description: 'ệ'.repeat(1666) })).toEqual([]);
    expect(fields({ description: 'x > y' })).toEqual(['description']);
    expect(fields({ tags: ['a'.repeat(500)] })).toEqual([]);
    expect(fields({ tags: ['a'.repeat(499) + ' '] })).toEqual(['tags']);
    expect(fields({ categoryId: '99' })).toEqual(['category']);
    expect(fields({ privacy: 'secret' as 'private' })).toEqual(['privacy']);
    expect(fields({ privacy: 'private', publishAt: '2024-12-02T00:00:00.000Z' })).toEqual([]);
    expect(fields({ privacy: 'public', publishAt: '2024-12-02T00:00:00.000Z' })).toEqual(['publishAt']);
    expect(fields({ privacy: 'private', publishAt: '2024-11-30T00:00:00.000Z' })).toEqual(['publishAt']);
  });

  it('parses publishAt only as ISO 8601 with a zone, and dates only when real', () => {
    expect(parsePublishAt('2024-12-02T19:00:00+07:00')).toBe('2024-12-02T12:00:00.000Z');
    expect(parsePublishAt('2024-12-02T19:00Z')).toBe('2024-12-02T19:00:00.000Z');
    expect(parsePublishAt('2024-12-02 19:00')).toBeUndefined();
    expect(parsePublishAt('tomorrow')).toBeUndefined();
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
  });
});

describe('templates', () => {
  const vars: TemplateVariables = {
    title: 'Hội thi bé khỏe',
    date: '2024-11-20',
    description: 'Mô tả',
    school: { name: 'Trường Mầm non Thiên Đức', website: '' },
    playlist: { key: 'muc-dich', title: 'Mục đích', description: '', url: 'https://www.youtube.com/playlist?list=PL1' },
    channel: { url: 'https://www.youtube.com/channel/UC1' },
    file: { name: 'a.mp4', stem: 'a', ext: 'mp4', folder: '01-muc-dich', size: 10 },
    vars: { teacher: 'Cô Lan' },
  };

  it('has Vietnamese date filters', () => {
    expect(dateVi('2024-11-20')).toBe('20/11/2024');
    expect(dateLongVi('2024-11-05')).toBe('ngày 5 tháng 11 năm 2024');
    expect(dateVi(null)).toBe('');
    expect(() => dateVi('hôm qua')).toThrow(/not a date/);
  });

  it('renders every variable and filter, NFC, with tags split on commas', () => {
    const engine = makeEngine();
    const diagnostics: Diagnostic[] = [];
    const text = [
      'title: "{{ title | upcase }} – {{ date | ngay }}"',
      'description: |',
      '  {{ description }} {{ date | date_long_vi }}',
      '  {{ school.name }} · {{ playlist.title }} · {{ file.folder }}/{{ file.name }} ({{ file.size }}) · {{ vars.teacher }}',
      'tags: ["{{ playlist.key }}", "a, b"]',
    ].join('\n');
    const t = compileTemplate(engine, 'x', 'templates/x.yaml', text, diagnostics)!;
    expect(diagnostics).toEqual([]);
    const { rendered, problems } = renderTemplate(engine, t, { ...vars, title: 'Hội thi'.normalize('NFD') });
    expect(problems).toEqual([]);
    expect(rendered.title).toBe('HỘI THI – 20/11/2024');
    expect(rendered.title).toBe(rendered.title.normalize('NFC'));
    expect(rendered.description).toBe('Mô tả ngày 20 tháng 11 năm 2024\nTrường Mầm non Thiên Đức · Mục đích · 01-muc-dich/a.mp4 (10) · Cô Lan');
    expect(rendered.tags).toEqual(['muc-dich', 'a', 'b']);
  });

  it('names the template file, line and the unknown filter or variable', () => {
    const engine = makeEngine();
    const diagnostics: Diagnostic[] = [];
    expect(compileTemplate(engine, 'x', 'templates/x.yaml', 'title: "{{ title }}"\ndescription: |\n  ok\n  {{ date | ngay_thang }}\n', diagnostics)).toBeUndefined();
    expect(diagnostics).toMatchObject([{ file: 'templates/x.yaml', line: 4, field: 'description', message: { en: 'unknown filter "ngay_thang"' } }]);
    const t = compileTemplate(engine, 'y', 'templates/y.yaml', 'title: "{{ title }} {{ vars.lop }}"\n', [])!;
    const { problems } = renderTemplate(engine, t, vars);
    expect(problems).toMatchObject([{ file: 'templates/y.yaml', line: 1, field: 'title', message: { vi: 'biến “vars.lop” không tồn tại' } }]);
  });

  it('refuses unknown keys and unquoted Liquid in a template file', () => {
    const diagnostics: Diagnostic[] = [];
    compileTemplate(makeEngine(), 'x', 'templates/x.yaml', 'title: "a"\nsubtitle: "b"\n', diagnostics);
    expect(diagnostics).toMatchObject([{ line: 2, field: 'subtitle' }]);
    const more: Diagnostic[] = [];
    compileTemplate(makeEngine(), 'x', 'templates/x.yaml', 'description: "a"\ntitle: {{ title }}\n', more);
    expect(more).toMatchObject([{ file: 'templates/x.yaml', line: 2, field: 'title', fix: { en: expect.stringContaining('quotes') as unknown } }]);
  });
});

describe('captions', () => {
  it('accepts valid SRT and VTT', () => {
    expect(checkCaptions('1\n00:00:01,000 --> 00:00:02,500\nChào\n\n2\n00:00:02,500 --> 00:00:04,000\nCác bé\n', 'srt')).toBeUndefined();
    expect(checkCaptions('\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000 align:start\nChào\n', 'vtt')).toBeUndefined();
  });

  it('names the line of broken timing', () => {
    expect(checkCaptions('1\n00:00:03,000 --> 00:00:02,000\nx\n', 'srt')).toMatchObject({ line: 2, message: { en: expect.stringContaining('ends before it starts') as unknown } });
    expect(checkCaptions('1\n00:00:03,000 --> 00:00:04,000\nx\n\n2\n00:00:01,000 --> 00:00:02,000\ny\n', 'srt')).toMatchObject({ line: 6 });
    expect(checkCaptions('1\n00:00:03 --> 00:00:04\nx\n', 'srt')).toMatchObject({ line: 2 });
    expect(checkCaptions('1\n00:00:75,000 --> 00:01:04,000\nx\n', 'srt')).toMatchObject({ line: 2 });
    expect(checkCaptions('1\nXin chào\n', 'srt')).toMatchObject({ line: 2 });
    expect(checkCaptions('00:01.000 --> 00:02.000\nx\n', 'vtt')).toMatchObject({ line: 1 });
    expect(checkCaptions('', 'srt')).toMatchObject({ message: { en: 'The caption file has no cues.' } });
  });
});

describe('sniffing', () => {
  it('knows video containers and images by their first bytes', () => {
    expect(videoContainer(fixture('tiny.mp4'))).toBe('mp4');
    expect(videoContainer(fixture('tiny.webm'))).toBe('matroska');
    expect(videoContainer(fixture('tiny.avi'))).toBe('avi');
    expect(videoContainer(fixture('tiny.mts'))).toBe('mpeg-ts');
    expect(videoContainer(Buffer.from([0, 0, 1, 0xba, 0x44]))).toBe('mpeg-ps');
    expect(videoContainer(Buffer.from('FLV\u0001\u0005'))).toBe('flv');
    expect(videoContainer(Buffer.from('30 26 b2 75 8e 66 cf 11 a6 d9'.split(' ').map((h) => parseInt(h, 16))))).toBe('asf');
    expect(videoContainer(Buffer.from('hello, I am text'))).toBeUndefined();
    expect(imageType(fixture('thumb.jpg'))).toBe('jpeg');
    expect(imageType(fixture('thumb.png'))).toBe('png');
    expect(imageType(Buffer.from('GIF89a'))).toBeUndefined();
  });
});

describe('happytube.yaml', () => {
  it('reads the example of docs/library.md', () => {
    const { config, diagnostics } = readConfig(`language: vi
school: { name: "Trường Mầm non Thiên Đức", website: "https://example.org" }
channel: { id: "UCabcdefghijklmnopqrstuv" }
defaults: { template: default, privacy: unlisted, madeForKids: false, category: 27, language: vi }
quota: { units: 10000, uploads: 100 }
schedule: { timezone: Asia/Ho_Chi_Minh, slots: ["MON 19:00", "thu 7:30"] }
playlists:
  - { key: muc-dich, folder: ./01-muc-dich/, title: "Mục đích", description: "…", privacy: public }
report: { departmentEmail: "so@example.org" }
`);
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({
      language: 'vi',
      channel: { id: 'UCabcdefghijklmnopqrstuv' },
      defaults: { category: '27', madeForKids: false },
      schedule: { timezone: 'Asia/Ho_Chi_Minh', slots: [{ weekday: 1, hour: 19, minute: 0 }, { weekday: 4, hour: 7, minute: 30 }] },
      playlists: [{ key: 'muc-dich', folder: '01-muc-dich', privacy: 'public' }],
      report: { departmentEmail: 'so@example.org' },
    });
  });

  it('keeps folders inside the library', () => {
    expect(normaliseFolder('a\\b/')).toBe('a/b');
    expect(normaliseFolder('../x')).toBeUndefined();
    expect(normaliseFolder('/etc')).toBeUndefined();
  });
});

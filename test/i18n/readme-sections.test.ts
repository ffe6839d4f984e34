/**
 * Every README section a message sends the reader to exists in that reader's own README:
 * a Vietnamese message names a heading of README.vi.md, an English one a heading of README.md.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_SECTIONS, readmeSection } from '../../src/i18n/catalog/readme.ts';

const root = new URL('../../', import.meta.url);
const headings = (file: string): string[] =>
  readFileSync(new URL(file, root), 'utf8')
    .split('\n')
    .filter((line) => /^#{1,4} /.test(line))
    .map((line) => line.replace(/^#+ /, '').trim());

describe('README sections named by messages', () => {
  it('each is a heading of README.vi.md (Vietnamese) and README.md (English)', () => {
    const vi = headings('README.vi.md');
    const en = headings('README.md');
    for (const [key, section] of Object.entries(README_SECTIONS)) {
      expect(vi, key).toContain(section.vi);
      expect(en, key).toContain(section.en);
    }
  });

  it("names the reader's own README file", () => {
    expect(readmeSection('googleCloud')).toEqual({
      vi: 'mục “Cài đặt một lần: Google Cloud” trong README.vi.md',
      en: 'the “One-time setup: Google Cloud” section of README.md',
    });
  });

  it('no other catalogue file names the README by hand', () => {
    const dir = new URL('src/i18n/catalog/', root);
    const offenders = readdirSync(dir)
      .filter((name) => name !== 'readme.ts')
      .filter((name) => /README/.test(readFileSync(new URL(name, dir), 'utf8')));
    expect(offenders, 'use readmeSection() from src/i18n/catalog/readme.ts').toEqual([]);
  });
});

import type { Text } from '../index.ts';

/**
 * The README sections a message sends the reader to, by the heading of each language's own README:
 * a Vietnamese reader opens README.vi.md, an English one README.md. Messages name a section only
 * through this table; test/i18n/readme-sections.test.ts checks that every heading here exists.
 */
export const README_SECTIONS = {
  googleCloud: { vi: 'Cài đặt một lần: Google Cloud', en: 'One-time setup: Google Cloud' },
  library: { vi: 'Thư mục thư viện', en: 'The library folder' },
} as const satisfies Record<string, Text>;

export type ReadmeSection = keyof typeof README_SECTIONS;

/** “the section X of the README” in each language, naming that language's README file. */
export function readmeSection(section: ReadmeSection): Text {
  const heading = README_SECTIONS[section];
  return {
    vi: `mục “${heading.vi}” trong README.vi.md`,
    en: `the “${heading.en}” section of README.md`,
  };
}

import type { Lang } from '../index.ts';

/**
 * Values a sentence says in words rather than as the code the library stores: privacy, caption
 * languages, YouTube's categories — in YouTube Studio's own Vietnamese. The words of every
 * concept are listed in docs/glossary.vi.md, and test/i18n/glossary.test.ts keeps the catalogue to them.
 */

const PRIVACY: Record<string, Record<Lang, string>> = {
  public: { vi: 'Công khai', en: 'public' },
  unlisted: { vi: 'Không công khai', en: 'unlisted' },
  private: { vi: 'Riêng tư', en: 'private' },
};

/** "Không công khai" for `unlisted`: the privacy as YouTube Studio names it. */
export function privacyName(privacy: string, lang: Lang): string {
  return PRIVACY[privacy]?.[lang] ?? privacy;
}

const LANGUAGES_VI: Record<string, string> = {
  vi: 'tiếng Việt',
  en: 'tiếng Anh',
  fr: 'tiếng Pháp',
  zh: 'tiếng Trung',
  ja: 'tiếng Nhật',
  ko: 'tiếng Hàn',
};

/** "tiếng Việt" for captions in `vi` or `vi-VN`; a language without a Vietnamese name keeps its code. */
export function captionLanguage(code: string): string {
  return LANGUAGES_VI[code.toLowerCase().split('-')[0] ?? ''] ?? code;
}

/** YouTube's video categories as its Vietnamese interface names them (the ids of src/library/limits.ts). */
const CATEGORIES_VI: Record<string, string> = {
  '1': 'Phim và hoạt hình',
  '2': 'Ô tô và xe cộ',
  '10': 'Âm nhạc',
  '15': 'Thú cưng và động vật',
  '17': 'Thể thao',
  '19': 'Du lịch và sự kiện',
  '20': 'Trò chơi',
  '22': 'Mọi người và blog',
  '23': 'Hài kịch',
  '24': 'Giải trí',
  '25': 'Tin tức và chính trị',
  '26': 'Hướng dẫn và phong cách',
  '27': 'Giáo dục',
  '28': 'Khoa học và công nghệ',
  '29': 'Tổ chức phi lợi nhuận và hoạt động xã hội',
};

/** "27 Giáo dục": a category id with its name in `lang` (`english` is the name YouTube's API gives). */
export function categoryLabel(id: string, english: string, lang: Lang): string {
  return `${id} ${lang === 'vi' ? (CATEGORIES_VI[id] ?? english) : english}`;
}

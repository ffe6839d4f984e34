/**
 * The one i18n module. Every user-facing string is a `Text`: the same message in Vietnamese and
 * English side by side, produced by a function of the catalogue (`src/i18n/catalog/*.ts`) so that
 * its parameters are typed. Text is rendered in the current language only when it is printed.
 */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export interface Text {
  readonly vi: string;
  readonly en: string;
}

let current: Lang = 'en';
let explicit = false;

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** The language of the system locale: `vi*` → Vietnamese, anything else → English (docs/architecture.md). */
export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE;
  const locale = fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX' ? fromEnv : Intl.DateTimeFormat().resolvedOptions().locale;
  return locale.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/**
 * Chooses the language from `--lang`, then `HAPPYTUBE_LANG`, then the system locale. The library's
 * `language` sits between the last two: `useLibraryLang` applies it only when neither the flag nor
 * the environment chose.
 */
export function initLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  const chosen = [flag, env.HAPPYTUBE_LANG].find(isLang);
  explicit = chosen !== undefined;
  current = chosen ?? systemLang(env);
  return current;
}

export function useLibraryLang(lang: Lang | undefined): void {
  if (!explicit && lang) current = lang;
}

export function setLang(lang: Lang): void {
  current = lang;
  explicit = true;
}

export function getLang(): Lang {
  return current;
}

export function tr(text: Text, lang: Lang = current): string {
  return text[lang];
}

/** Text that is the same in both languages (a file name, a number). */
export function same(value: string): Text {
  return { vi: value, en: value };
}

/** Joins texts, language by language. */
export function joinText(parts: readonly Text[], separator = ' '): Text {
  return {
    vi: parts.map((p) => p.vi).join(separator),
    en: parts.map((p) => p.en).join(separator),
  };
}

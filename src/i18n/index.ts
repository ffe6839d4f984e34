/**
 * The one i18n module. Every user-facing string is a `Text`: the same message in Vietnamese and
 * English side by side, produced by a function of the catalogue (`src/i18n/catalog/*.ts`) so that
 * its parameters are typed. Text is rendered in the run's language only when it is printed.
 */
import { currentRun, inRun, RunScope } from '../util/run-scope.ts';
import type { Lang } from './lang.ts';
import { RunLanguage } from './lang.ts';

export type { Lang } from './lang.ts';
export { isLang, LANGS, RunLanguage, systemLang } from './lang.ts';

export interface Text {
  readonly vi: string;
  readonly en: string;
}

/** Runs `fn` (and everything it starts) in `lang`, in a run of its own (for tests of texts). */
export function withLanguage<T>(lang: Lang, fn: () => T): T {
  return inRun(new RunScope(currentRun().env, new RunLanguage(lang, {})), fn);
}

/** The library's `language`, for the rest of this run, unless `--lang` or `HAPPYTUBE_LANG` chose. */
export function useLibraryLang(lang: Lang | undefined): void {
  currentRun().language.useLibrary(lang);
}

/** The language of the run in progress; English outside any run. */
export function getLang(): Lang {
  return currentRun().language.current;
}

export function tr(text: Text, lang: Lang = getLang()): string {
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

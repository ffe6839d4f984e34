/**
 * The one i18n module. Every user-facing string is a `Text`: the same message in Vietnamese and
 * English side by side, produced by a function of the catalogue (`src/i18n/catalog/*.ts`) so that
 * its parameters are typed. Text is rendered in the run's language only when it is printed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export interface Text {
  readonly vi: string;
  readonly en: string;
}

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** The language of the system locale: `vi*` → Vietnamese, anything else → English (docs/architecture.md). */
export function systemLang(env: NodeJS.ProcessEnv): Lang {
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE;
  const locale = fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX' ? fromEnv : Intl.DateTimeFormat().resolvedOptions().locale;
  return locale.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/**
 * The language of one run of the CLI: chosen from `--lang`, then `HAPPYTUBE_LANG`, then the system
 * locale. The library's `language` sits between the last two: `useLibrary` applies it only when
 * neither the flag nor the environment chose.
 */
export class RunLanguage {
  #current: Lang;
  readonly #explicit: boolean;

  constructor(flag: string | undefined, env: NodeJS.ProcessEnv) {
    const chosen = [flag, env.HAPPYTUBE_LANG].find(isLang);
    this.#explicit = chosen !== undefined;
    this.#current = chosen ?? systemLang(env);
  }

  get current(): Lang {
    return this.#current;
  }

  useLibrary(lang: Lang | undefined): void {
    if (!this.#explicit && lang) this.#current = lang;
  }
}

/**
 * The language of the run in progress. `main()` enters it for the whole run, so that a text
 * rendered deep inside (`tr(text)`) speaks the run's language even when several runs share one
 * process (the tests run the CLI in-process, some of them at once).
 */
const runLanguage = new AsyncLocalStorage<RunLanguage>();

/** Runs `fn` (and everything it starts) in `language`. */
export function withLanguage<T>(language: RunLanguage | Lang, fn: () => T): T {
  return runLanguage.run(typeof language === 'string' ? new RunLanguage(language, {}) : language, fn);
}

/** The library's `language`, for the rest of this run, unless `--lang` or `HAPPYTUBE_LANG` chose. */
export function useLibraryLang(lang: Lang | undefined): void {
  runLanguage.getStore()?.useLibrary(lang);
}

/** The language of the run in progress; English outside any run. */
export function getLang(): Lang {
  return runLanguage.getStore()?.current ?? 'en';
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

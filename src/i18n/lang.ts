/**
 * The two languages, and the language of one run of the CLI. It lives in the run's scope
 * (src/util/run-scope.ts), beside the run's environment, so runs sharing one process each speak
 * their own.
 */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

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

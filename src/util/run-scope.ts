/**
 * What belongs to one run of the CLI rather than to the process, for the few things deep inside
 * that cannot be handed it: the environment the run was started with (its test seams, its proxy),
 * its language (what `tr(text)` renders in) and the connections it opened. `main()` enters a scope for its run and ends it when the run
 * ends, so that runs sharing one process (the tests call `main()` in-process, some at once) each
 * see their own environment, as a child process would. Outside any run (a script, the bench) the
 * scope is the process's own, and never ends.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { RunLanguage } from '../i18n/lang.ts';

export class RunScope {
  readonly env: NodeJS.ProcessEnv;
  readonly language: RunLanguage;
  readonly #ends: (() => void)[] = [];

  constructor(env: NodeJS.ProcessEnv, language: RunLanguage) {
    this.env = env;
    this.language = language;
  }

  /** `close` runs when the run ends: what the run opened must not outlive it. */
  onEnd(close: () => void): void {
    this.#ends.push(close);
  }

  end(): void {
    for (const close of this.#ends.splice(0)) close();
  }
}

const scopes = new AsyncLocalStorage<RunScope>();
// Outside a run nothing chose a language: English, as the tools around it (scripts, the bench) expect.
const processScope = new RunScope(process.env, new RunLanguage('en', {}));

/** The scope of the run in progress, or the process's own outside any run. */
export function currentRun(): RunScope {
  return scopes.getStore() ?? processScope;
}

/** Runs `fn` (and everything it starts) in `scope`. */
export function inRun<T>(scope: RunScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

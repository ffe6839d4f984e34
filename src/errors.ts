/**
 * Typed errors. The core throws these; only the CLI entry (src/cli/main.ts) turns them into a
 * printed message, a hint and an exit code (docs/architecture.md).
 */
import type { Text } from './i18n/index.ts';

export const ExitCode = {
  /** everything done */
  ok: 0,
  /** unexpected failure */
  failure: 1,
  /** bad input (usage, config, template, validation): nothing was sent to YouTube */
  badInput: 2,
  /** stopped with work left (quota, upload limit, interrupted, retries exhausted) */
  workLeft: 3,
  /** not signed in, or the sign-in expired or was revoked */
  auth: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface HappyErrorOptions {
  hint?: Text;
  cause?: unknown;
  /** Technical detail (an HTTP status, an API's reason code): printed only with --verbose. */
  detail?: string;
}

export class HappyError extends Error {
  readonly exitCode: ExitCode;
  readonly text: Text;
  readonly hint: Text | undefined;
  readonly detail: string | undefined;

  constructor(exitCode: ExitCode, text: Text, options: HappyErrorOptions = {}) {
    super(text.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.text = text;
    this.hint = options.hint;
    this.detail = options.detail;
  }
}

/** Bad input: usage, config, template or validation. Exit 2; nothing was sent to YouTube. */
export class InputError extends HappyError {
  constructor(text: Text, options?: HappyErrorOptions) {
    super(ExitCode.badInput, text, options);
  }
}

/** Stopped with work left; running again later finishes it. Exit 3. */
export class WorkLeftError extends HappyError {
  constructor(text: Text, options?: HappyErrorOptions) {
    super(ExitCode.workLeft, text, options);
  }
}

/** Not signed in, or the sign-in expired or was revoked. Exit 4. */
export class AuthError extends HappyError {
  constructor(text: Text, options?: HappyErrorOptions) {
    super(ExitCode.auth, text, options);
  }
}

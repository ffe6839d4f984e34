import type { Command } from 'commander';
import type { Environment } from '../config/env.ts';
import type { Ui } from './ui.ts';

/** The global options listed in docs/architecture.md, after parsing. */
export interface GlobalOptions {
  profile: string | undefined;
  lang: string | undefined;
  verbose?: boolean;
  quiet?: boolean;
  color: boolean;
}

/** What every command gets from the composition root. */
export interface CliContext {
  ui: Ui;
  /** The process environment (real or a test's). */
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on Ctrl-C: long work stops at the next safe point and saves its state. */
  signal: AbortSignal;
  /** The global options; filled in once commander has parsed them. */
  globals: () => GlobalOptions;
  /** The environment listed in docs/architecture.md, with `.env` files from these folders (library first). */
  environment: (dotenvDirs?: readonly string[]) => Environment;
  /**
   * Runs another command of the CLI as if typed (`['check', dir]`), with this run's global
   * options; its errors are shown as they would be. Resolves with its exit code. For the guided
   * commands (`setup`, the menu), so that each step is the real command.
   */
  run: (args: readonly string[]) => Promise<number>;
}

/**
 * What each file of src/cli/commands/ exports: it adds its command to the program. It lives here,
 * not in program.ts, so that the commands never import the program that assembles them.
 */
export type CommandRegistrar = (program: Command, ctx: CliContext) => void;

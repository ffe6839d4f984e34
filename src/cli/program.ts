/**
 * The composition root: builds the commander program with the global options listed in docs/architecture.md and the
 * commands of src/cli/commands/. Help is in the current language. Command files are light: each
 * declares its command line and imports its implementation (src/cli/actions/) only when it runs,
 * so `happytube --help` stays fast.
 */
import { Command } from 'commander';
import { foreignEndpoints, readEnvironment } from '../config/env.ts';
import { tr } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { commands } from './commands/index.ts';
import type { CliContext, GlobalOptions } from './context.ts';
import { localise, placeholder } from './localise.ts';
import { VERSION } from './version.ts';

export { VERSION };

/** Runs whose foreign endpoints were noted: one run may parse several programs (setup, the menu). */
const endpointsNoted = new WeakSet<object>();

export interface ProgramParts {
  ui: CliContext['ui'];
  env: NodeJS.ProcessEnv;
  cwd: string;
  signal: AbortSignal;
  /** Parses and runs a whole command line, mapping its errors to an exit code (src/cli/main.ts). */
  run: (argv: readonly string[]) => Promise<number>;
}

/** The global options as arguments, to hand on to a command run from another one. */
export function globalArgs(options: GlobalOptions): string[] {
  const args: string[] = [];
  if (options.profile !== undefined) args.push('--profile', options.profile);
  if (options.lang !== undefined) args.push('--lang', options.lang);
  if (options.verbose) args.push('--verbose');
  if (options.quiet) args.push('--quiet');
  if (!options.color) args.push('--no-color');
  return args;
}

export function makeProgram(parts: ProgramParts): Command {
  const program = new Command('happytube');
  const ctx: CliContext = {
    ...parts,
    globals: () => program.opts<GlobalOptions>(),
    environment: (dirs = []) => {
      const environment = readEnvironment(parts.env, [...dirs, parts.cwd]);
      const foreign = foreignEndpoints(environment);
      // Once per run, even with --quiet: the sign-in and the uploads go somewhere else than Google.
      if (foreign.length > 0 && !endpointsNoted.has(parts.ui)) {
        endpointsNoted.add(parts.ui);
        parts.ui.warn(M.cli.endpointsNotGoogle({ origins: foreign }));
      }
      const profile = program.opts<GlobalOptions>().profile;
      return profile ? { ...environment, profile } : environment;
    },
    run: (args) => parts.run([...globalArgs(program.opts<GlobalOptions>()), ...args]),
  };
  program
    .description(tr(M.cli.programDescription()))
    .version(VERSION, '-V, --version', tr(M.cli.optVersion()))
    .option(`--profile <${placeholder('name')}>`, tr(M.cli.optProfile()))
    // Checked, in the chosen language, by src/cli/main.ts before commander runs.
    .option(`--lang <${placeholder('lang')}>`, tr(M.cli.optLang()))
    .option('--verbose', tr(M.cli.optVerbose()))
    .option('--quiet', tr(M.cli.optQuiet()))
    .option('--no-color', tr(M.cli.optNoColor()))
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => parts.ui.streams.stdout.write(s),
      // commander's own error lines are replaced by ours (src/cli/main.ts).
      writeErr: () => undefined,
    });
  for (const register of commands) register(program, ctx);
  return localise(program, true);
}

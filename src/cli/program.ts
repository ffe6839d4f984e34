/**
 * The composition root: builds the commander program with the global options of SPEC §2 and the
 * commands of src/cli/commands/. Help is in the current language. Command files are light: each
 * imports its implementation only when it runs, so `happytube --help` stays fast.
 */
import { Command } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { foreignEndpoints, readEnvironment } from '../config/env.ts';
import { tr } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { commands } from './commands/index.ts';
import type { CliContext, GlobalOptions } from './context.ts';
import { localise, placeholder } from './localise.ts';

export const VERSION: string = pkg.version;

export interface ProgramParts {
  ui: CliContext['ui'];
  env: NodeJS.ProcessEnv;
  cwd: string;
  signal: AbortSignal;
}

export function makeProgram(parts: ProgramParts): Command {
  const program = new Command('happytube');
  let endpointsNoted = false;
  const ctx: CliContext = {
    ...parts,
    globals: () => program.opts<GlobalOptions>(),
    environment: (dirs = []) => {
      const environment = readEnvironment(parts.env, [...dirs, parts.cwd]);
      const foreign = foreignEndpoints(environment);
      // Once per run, even with --quiet: the sign-in and the uploads go somewhere else than Google.
      if (foreign.length > 0 && !endpointsNoted) {
        endpointsNoted = true;
        parts.ui.warn(M.cli.endpointsNotGoogle({ origins: foreign }));
      }
      const profile = program.opts<GlobalOptions>().profile;
      return profile ? { ...environment, profile } : environment;
    },
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

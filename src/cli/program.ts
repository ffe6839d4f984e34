/**
 * The composition root: builds the commander program with the global options of SPEC §2 and the
 * commands of src/cli/commands/. Help is in the current language. Command files are light: each
 * imports its implementation only when it runs, so `happytube --help` stays fast.
 */
import { Command, Help } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { foreignEndpoints, readEnvironment } from '../config/env.ts';
import { tr } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { commands } from './commands/index.ts';
import type { CliContext, GlobalOptions } from './context.ts';

export const VERSION: string = pkg.version;

const TITLES: Record<string, () => string> = {
  'Usage:': () => tr(M.cli.usageTitle()),
  'Commands:': () => tr(M.cli.commandsTitle()),
  'Options:': () => tr(M.cli.optionsTitle()),
  'Global Options:': () => tr(M.cli.optionsTitle()),
  'Arguments:': () => tr(M.cli.argumentsTitle()),
};

/** commander's "[options]" and "[command]" placeholders, in the current language. */
function localiseUsage(usage: string): string {
  return usage.replace('[options]', tr(M.cli.usageOptions())).replace('[command]', tr(M.cli.usageCommand()));
}

/**
 * Applies the translated help to a command and its subcommands. Only a command that has
 * subcommands (the program, `auth`) gets a `help [command]` command.
 */
function localise(command: Command, hasSubcommands = command.commands.length > 0): Command {
  command.helpOption('-h, --help', tr(M.cli.optHelp()));
  if (hasSubcommands) command.helpCommand('help [command]', tr(M.cli.helpCommand()));
  else command.helpCommand(false);
  command.configureHelp({
      styleTitle: (title) => TITLES[title]?.() ?? title,
      commandUsage: (cmd) => localiseUsage(Help.prototype.commandUsage.call(new Help(), cmd)),
      subcommandTerm: (cmd) => localiseUsage(Help.prototype.subcommandTerm.call(new Help(), cmd)),
  });
  for (const sub of command.commands) localise(sub).exitOverride();
  return command;
}

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
    .option('--profile <name>', tr(M.cli.optProfile()))
    // Checked, in the chosen language, by src/cli/main.ts before commander runs.
    .option('--lang <lang>', tr(M.cli.optLang()))
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

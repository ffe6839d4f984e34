/**
 * commander in the current language. It writes its help and its usage errors in English; here the
 * help's titles, placeholders and "(choices: …)" notes, and every usage error, come from the
 * catalogue instead, so that a Vietnamese reader meets no English sentence.
 */
import { Help } from 'commander';
import type { Command, CommanderError, Option } from 'commander';
import type { Text } from '../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import type { Placeholder } from '../i18n/catalog/cli.ts';
import { M } from '../i18n/messages.ts';

/** A placeholder of the help in the current language: `[THƯ_MỤC]` beside `[dir]`. */
export function placeholder(name: Placeholder): string {
  return tr(M.cli.placeholder({ name }));
}

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
 * An option's description with its choices and default said in the current language. An empty
 * list as the default (a repeatable option) says nothing a reader needs.
 */
function optionDescription(option: Option): string {
  const notes: string[] = [];
  if (option.argChoices) notes.push(tr(M.cli.helpChoices({ choices: option.argChoices })));
  const shown = option.defaultValue !== undefined && (option.required || option.optional);
  if (shown && !(Array.isArray(option.defaultValue) && option.defaultValue.length === 0)) {
    notes.push(tr(M.cli.helpDefault({ value: option.defaultValueDescription ?? JSON.stringify(option.defaultValue) })));
  }
  return notes.length === 0 ? option.description : `${option.description} (${notes.join('; ')})`;
}

/**
 * Applies the translated help to a command and its subcommands. Only a command that has
 * subcommands (the program, `auth`) gets a `help [command]` command.
 */
export function localise(command: Command, hasSubcommands = command.commands.length > 0): Command {
  command.helpOption('-h, --help', tr(M.cli.optHelp()));
  if (hasSubcommands) command.helpCommand(`help [${placeholder('command')}]`, tr(M.cli.helpCommand()));
  else command.helpCommand(false);
  command.configureHelp({
    styleTitle: (title) => TITLES[title]?.() ?? title,
    commandUsage: (cmd) => localiseUsage(Help.prototype.commandUsage.call(new Help(), cmd)),
    subcommandTerm: (cmd) => localiseUsage(Help.prototype.subcommandTerm.call(new Help(), cmd)),
    optionDescription,
  });
  for (const sub of command.commands) localise(sub).exitOverride();
  return command;
}

/** The values commander quoted in its message ('…'), in order. */
function quoted(message: string): string[] {
  return [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
}

/**
 * What went wrong in a usage error, from commander's code and the names its message quotes (its
 * message is English). An error this does not know is said in general words; commander's own
 * message is then shown only with --verbose (`detail`).
 */
export function usageReason(error: CommanderError): { reason: Text; known: boolean } {
  const message = error.message.replace(/^error:\s*/i, '');
  const [first = ''] = message.split('\n');
  const suggestion = /\(Did you mean (.+)\?\)/.exec(message)?.[1];
  const [a, b] = quoted(first);
  switch (error.code) {
    case 'commander.unknownCommand':
      if (a !== undefined) return { reason: M.cli.usageUnknownCommand({ name: a, suggestion }), known: true };
      break;
    case 'commander.unknownOption':
      if (a !== undefined) return { reason: M.cli.usageUnknownOption({ flag: a, suggestion }), known: true };
      break;
    case 'commander.missingArgument':
      if (a !== undefined) return { reason: M.cli.usageMissingArgument({ name: a }), known: true };
      break;
    case 'commander.optionMissingArgument':
      if (a !== undefined) return { reason: M.cli.usageOptionMissingValue({ flags: a }), known: true };
      break;
    case 'commander.missingMandatoryOptionValue':
      if (a !== undefined) return { reason: M.cli.usageMissingOption({ flags: a }), known: true };
      break;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(first)?.[1];
      if (a !== undefined && b !== undefined && choices !== undefined) {
        return { reason: M.cli.usageInvalidChoice({ flags: a, value: b, choices: choices.split(', ') }), known: true };
      }
      break;
    }
    case 'commander.excessArguments': {
      const counts = /Expected (\d+) arguments? but got (\d+): (.*)\.$/.exec(first);
      if (counts) {
        return { reason: M.cli.usageExcessArguments({ command: a, expected: Number(counts[1]), extra: counts[3] ?? '' }), known: true };
      }
      break;
    }
  }
  return { reason: M.cli.usageOther({ detail: first }), known: false };
}

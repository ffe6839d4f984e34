/**
 * The CLI entry: parses, runs one command, and maps every error to a message, a fix and an exit
 * code (docs/architecture.md) in this one place. Tests call `main` in-process or run bin/happytube.js.
 */
import { CommanderError } from 'commander';
import { ExitCode, WorkLeftError } from '../errors.ts';
import { isLang, RunLanguage } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { inRun, RunScope } from '../util/run-scope.ts';
import { usageReason } from './localise.ts';
import { hasCommand, isTerminal, launchedByExplorer, waitForEnter } from './launch.ts';
import { reportError } from './outcome.ts';
import { makeProgram } from './program.ts';
import type { ProgramParts } from './program.ts';
import type { UiStreams } from './ui.ts';
import { Ui } from './ui.ts';

export interface MainIo extends UiStreams {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

function processIo(): MainIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** The value of a global flag before commander parses: the language decides the help text. */
function peekOption(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

function commanderToExit(error: CommanderError, ui: Ui, argv: readonly string[], names: readonly string[]): number {
  if (error.exitCode === 0) return ExitCode.ok; // --help, --version
  const { reason, known } = usageReason(error);
  const command = argv.find((a) => names.includes(a));
  ui.error(M.cli.usageError({ reason }), M.cli.usageHint({ command: command ? `${command} ` : '' }));
  // commander's own (English) words, for a message we could not say more precisely.
  if (!known) ui.debug(error.message);
  return ExitCode.badInput;
}


/**
 * One run of the CLI with `io` as its process: its streams, environment and folder. The run's
 * language and environment are its own (a scope entered here), so runs may share one process.
 */
export async function main(argv: readonly string[], io: MainIo = processIo()): Promise<number> {
  const scope = new RunScope(io.env, new RunLanguage(peekOption(argv, '--lang'), io.env));
  try {
    return await inRun(scope, () => runIn(argv, io));
  } finally {
    scope.end();
  }
}

async function runIn(argv: readonly string[], io: MainIo): Promise<number> {
  const langFlag = peekOption(argv, '--lang');
  const ui = new Ui(io, {
    color: !argv.includes('--no-color') && !('NO_COLOR' in io.env && io.env.NO_COLOR !== ''),
    verbose: argv.includes('--verbose'),
    quiet: argv.includes('--quiet'),
  });
  if (langFlag !== undefined && !isLang(langFlag)) {
    ui.error(M.cli.badLang({ value: langFlag }));
    return ExitCode.badInput;
  }
  // A reader that goes away (`happytube status | head`) is not a failure.
  io.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
    throw error;
  });
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    controller.abort(new WorkLeftError(M.cli.interrupted()));
  };
  process.on('SIGINT', onSigint);
  const parts: ProgramParts = { ui, env: io.env, cwd: io.cwd, signal: controller.signal, run: (args) => execute(args, parts) };
  // A window opened by double-clicking the program would close with its last words unread.
  let hold = launchedByExplorer(argv, io.env, process.platform, io.stdin);
  try {
    if (hasCommand(argv)) return await execute(argv, parts);
    if (!isTerminal(io)) {
      // Scripts and CI that give no command get the help, as a usage mistake.
      ui.streams.stderr.write(makeProgram(parts).helpInformation());
      return ExitCode.badInput;
    }
    const { runMenu } = await import('./menu.ts');
    const outcome = await runMenu(parts, argv);
    if (outcome.left) hold = false; // the user chose to leave: the window may close
    return outcome.code;
  } catch (error) {
    return reportError(error, ui);
  } finally {
    process.off('SIGINT', onSigint);
    if (hold) await waitForEnter(ui);
  }
}

/** Parses and runs one command line; every error becomes its message, its fix and an exit code. */
async function execute(argv: readonly string[], parts: ProgramParts): Promise<number> {
  const program = makeProgram(parts);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return commanderToExit(error, parts.ui, argv, program.commands.map((c) => c.name()));
    }
    return reportError(error, parts.ui);
  }
}

/**
 * How happytube was started: with a command, or bare (`happytube` alone: the menu on a terminal,
 * the help otherwise), and whether its window was opened by double-clicking the program on
 * Windows, where the console closes the moment the process ends.
 */
import { tr } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import type { Ui } from './ui.ts';

/** Global options that take a value (docs/architecture.md). */
const VALUED = new Set(['--profile', '--lang']);
const FLAGS = new Set(['--verbose', '--quiet', '--no-color']);

/** Anything beyond the global options: a command, --help, --version, or a mistake for commander to name. */
export function hasCommand(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUED.has(arg)) i += 1;
    else if (!FLAGS.has(arg) && ![...VALUED].some((name) => arg.startsWith(`${name}=`))) return true;
  }
  return false;
}

export function isTerminal(io: { stdout: { isTTY?: boolean }; stdin?: { isTTY?: boolean } }): boolean {
  return io.stdout.isTTY === true && io.stdin?.isTTY === true;
}

/**
 * Explorer starts a double-clicked program with no arguments in a console of its own. cmd.exe sets
 * PROMPT for the programs it starts, so a bare `happytube` typed at a cmd prompt is told apart;
 * PowerShell sets nothing comparable, and its users get one "press Enter" more than they need.
 */
export function launchedByExplorer(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  stdin: { isTTY?: boolean } | undefined,
): boolean {
  return platform === 'win32' && argv.length === 0 && env.PROMPT === undefined && stdin?.isTTY === true;
}

/** "Press Enter to close this window", then waits for that line (or the end of input). */
export async function waitForEnter(ui: Ui, input: NodeJS.ReadableStream | undefined = ui.streams.stdin): Promise<void> {
  if (!input) return;
  const { createInterface } = await import('node:readline');
  ui.streams.stderr.write(`\n${tr(M.cli.pressEnterToClose())}`);
  const lines = createInterface({ input, terminal: false });
  await new Promise<void>((resolve) => {
    lines.once('line', () => resolve());
    lines.once('close', () => resolve());
  });
  lines.close();
}

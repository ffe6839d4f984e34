/**
 * Where the CLI's words go. Results go to stdout (or one JSON document with --json); notes,
 * warnings, errors and the verbose log go to stderr. Colours only on a TTY, never with NO_COLOR or
 * --no-color. The core never uses this: it returns values or emits events, and the commands print.
 * Everything written here goes through terminalSafe: file names and text from a library or a
 * server never reach the terminal with their control characters raw.
 */
import type { Text } from '../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { terminalSafe, terminalSafeJson } from '../util/terminal.ts';

export interface UiStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** What the user types (answers, a pasted sign-in address); none for a run that reads nothing (a scheduled run's log). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

export interface UiOptions {
  color: boolean;
  verbose: boolean;
  quiet: boolean;
}

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan';
const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
};

export class Ui {
  readonly streams: UiStreams;
  readonly verbose: boolean;
  readonly quiet: boolean;
  /** stderr is a terminal: bars and spinners may be drawn there. */
  readonly interactive: boolean;
  readonly color: boolean;

  constructor(streams: UiStreams, options: UiOptions) {
    this.streams = streams;
    this.verbose = options.verbose;
    this.quiet = options.quiet;
    this.interactive = streams.stderr.isTTY === true;
    this.color = options.color && this.interactive;
  }

  style(style: Style, value: string): string {
    if (!this.color) return value;
    const [on, off] = CODES[style];
    // What is styled is shown escaped here already: its own codes could not pass for ours.
    return `\u001b[${on}m${terminalSafe(value)}\u001b[${off}m`;
  }

  /** `text` made safe for this terminal: only the codes of `style` stay raw. */
  safe(text: string): string {
    return terminalSafe(text, { keepStyles: this.color });
  }

  /** A line made safe: a string may carry `style`'s codes, a Text never does. */
  #line(line: Text | string): string {
    return typeof line === 'string' ? this.safe(line) : terminalSafe(tr(line));
  }

  /** A result line on stdout. */
  print(line: Text | string = ''): void {
    this.streams.stdout.write(`${this.#line(line)}\n`);
  }

  /** The one JSON document of --json, on stdout. */
  json(value: unknown): void {
    this.streams.stdout.write(`${terminalSafeJson(JSON.stringify(value, null, 2))}\n`);
  }

  /** Progress and information on stderr; silent with --quiet. */
  note(line: Text | string): void {
    if (!this.quiet) this.streams.stderr.write(`${this.#line(line)}\n`);
  }

  warn(text: Text, hint?: Text): void {
    this.streams.stderr.write(`${this.style('yellow', tr(M.cli.warningPrefix()))} ${terminalSafe(tr(text))}\n`);
    if (hint) this.streams.stderr.write(`  ${tr(M.cli.fixPrefix())} ${terminalSafe(tr(hint))}\n`);
  }

  error(text: Text, hint?: Text): void {
    this.streams.stderr.write(`${this.style('red', tr(M.cli.errorPrefix()))} ${terminalSafe(tr(text))}\n`);
    if (hint) this.streams.stderr.write(`  ${tr(M.cli.fixPrefix())} ${terminalSafe(tr(hint))}\n`);
  }

  /** The --verbose log. Callers pass text that is already redacted (src/util/redact.ts). */
  debug(line: string): void {
    if (this.verbose) this.streams.stderr.write(`${this.style('dim', terminalSafe(line))}\n`);
  }
}

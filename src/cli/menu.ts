/**
 * `happytube` alone on a terminal: a menu of the everyday commands, for staff who do not type
 * commands. Each entry asks what its command needs (the library folder is offered from last time)
 * and runs the real command, whose messages and exit code are the command's own; then the menu
 * comes back. Ctrl-C in a question leaves quietly.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEnvironment, type Environment } from '../config/env.ts';
import { ExitCode } from '../errors.ts';
import { tr } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { CONFIG_FILE } from '../library/config.ts';
import { findLibraryRoot } from '../library/load.ts';
import { unquotePath } from '../youtube/auth/client-file.ts';
import type { input, select } from '@inquirer/prompts';
import { isPromptCancel } from './confirm.ts';
import type { ProgramParts } from './program.ts';
import { VERSION } from './version.ts';
import { rememberLibrary, rememberedLibrary } from './remember.ts';

type Entry = 'setup' | 'check' | 'sync' | 'upload' | 'status' | 'report' | 'login' | 'quit';

export interface MenuOutcome {
  /** The exit code of the last command run (0 when none failed last). */
  code: number;
  /** The user chose to leave (Quit, Ctrl-C): nothing left for them to read. */
  left: boolean;
}

const ENTRIES: readonly Entry[] = ['setup', 'check', 'sync', 'upload', 'status', 'report', 'login', 'quit'];

/** What every entry uses: the program it runs commands in, the prompts and where they read and write. */
interface Menu {
  parts: ProgramParts;
  globals: readonly string[];
  environment: Environment;
  input: typeof input;
  select: typeof select;
  context: Parameters<typeof input>[1];
}

export async function runMenu(parts: ProgramParts, globals: readonly string[]): Promise<MenuOutcome> {
  const prompts = await import('@inquirer/prompts');
  const { ui, cwd, signal } = parts;
  const menu: Menu = {
    parts,
    globals,
    environment: readEnvironment(parts.env, [cwd]),
    input: prompts.input,
    select: prompts.select,
    context: { input: ui.streams.stdin, output: ui.streams.stderr, signal },
  };
  ui.note(M.menu.title({ version: VERSION }));
  let code: number = ExitCode.ok;
  let last: Entry = 'check';
  for (;;) {
    try {
      const choice = await askEntry(menu, last);
      if (choice === 'quit') return { code, left: true };
      last = choice;
      code = await runEntry(menu, choice);
    } catch (error) {
      if (!isPromptCancel(error)) throw error;
      ui.note(M.menu.goodbye());
      return { code, left: true };
    }
    // Ctrl-C during a command stops it (it saved its work and said so): the user wants out.
    if (signal.aborted) return { code, left: true };
    ui.note(M.menu.finished({ code }));
    ui.note('');
  }
}

function askEntry(menu: Menu, last: Entry): Promise<Entry> {
  return menu.select<Entry>(
    { message: tr(M.menu.question()), default: last, pageSize: ENTRIES.length, loop: false, choices: ENTRIES.map((value) => ({ value, name: tr(M.menu[value]()) })) },
    menu.context,
  );
}

/** Asks what the chosen command needs, then runs it; its exit code. */
async function runEntry(menu: Menu, choice: Entry): Promise<number> {
  switch (choice) {
    case 'setup':
      return runCommand(menu, ['setup', await askLibrary(menu, false)]);
    case 'check':
    case 'sync':
    case 'status':
      return runCommand(menu, [choice, await askLibrary(menu, true)]);
    case 'upload': {
      const dir = await askLibrary(menu, true);
      return runCommand(menu, ['upload', await askClip(menu, dir), '--dir', dir]);
    }
    case 'report': {
      const dir = await askLibrary(menu, true);
      return runCommand(menu, ['report', dir, '--format', await askFormat(menu)]);
    }
    case 'login':
      return runCommand(menu, ['auth', 'login']);
    case 'quit':
      return ExitCode.ok;
  }
}

async function runCommand(menu: Menu, args: string[]): Promise<number> {
  const { ui } = menu.parts;
  ui.note(M.menu.running({ command: args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ') }));
  const code = await menu.parts.run([...menu.globals, ...args]);
  // A command that ends lets go of the keyboard (auth login does); the menu asks again.
  (ui.streams.stdin as { ref?: () => void } | undefined)?.ref?.();
  return code;
}

/** The library folder, offered from last time or found from the current folder. */
async function askLibrary(menu: Menu, mustExist: boolean): Promise<string> {
  const { cwd } = menu.parts;
  const offered = (await rememberedLibrary(menu.environment)) ?? findLibraryRoot(cwd) ?? cwd;
  const answer = await menu.input(
    {
      message: tr(mustExist ? M.menu.askLibrary() : M.menu.askNewLibrary()),
      default: offered,
      validate: (value) => {
        const dir = resolve(cwd, unquotePath(value));
        return !mustExist || existsSync(join(dir, CONFIG_FILE)) || tr(M.menu.notLibrary({ dir }));
      },
    },
    menu.context,
  );
  const dir = resolve(cwd, unquotePath(answer));
  await rememberLibrary(menu.environment, dir);
  return dir;
}

/** The clip to upload, a file in (or relative to) the library folder. */
async function askClip(menu: Menu, dir: string): Promise<string> {
  const clip = await menu.input(
    {
      message: tr(M.menu.askClip({ dir })),
      validate: (value) => {
        const file = resolve(dir, unquotePath(value));
        return (value.trim() !== '' && existsSync(file) && statSync(file).isFile()) || tr(M.menu.noSuchFile({ file }));
      },
    },
    menu.context,
  );
  return resolve(dir, unquotePath(clip));
}

function askFormat(menu: Menu): Promise<string> {
  return menu.select(
    {
      message: tr(M.menu.askFormat()),
      choices: [
        { value: 'html', name: tr(M.menu.formatHtml()) },
        { value: 'csv', name: tr(M.menu.formatCsv()) },
        { value: 'eml', name: tr(M.menu.formatEml()) },
        { value: 'md', name: tr(M.menu.formatMd()) },
        { value: 'json', name: tr(M.menu.formatJson()) },
      ],
    },
    menu.context,
  );
}

/**
 * `happytube` alone on a terminal: a menu of the everyday commands, for staff who do not type
 * commands. Each entry asks what its command needs (the library folder is offered from last time)
 * and runs the real command, whose messages and exit code are the command's own; then the menu
 * comes back. Ctrl-C in a question leaves quietly.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEnvironment } from '../config/env.ts';
import { ExitCode } from '../errors.ts';
import type { Text } from '../i18n/index.ts';
import { tr } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { CONFIG_FILE } from '../library/config.ts';
import { findLibraryRoot } from '../library/load.ts';
import { unquotePath } from '../youtube/auth/client-file.ts';
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

export async function runMenu(parts: ProgramParts, globals: readonly string[]): Promise<MenuOutcome> {
  const { input, select } = await import('@inquirer/prompts');
  const { ui, cwd, signal } = parts;
  const environment = readEnvironment(parts.env, [cwd]);
  const t = (text: Text): string => tr(text);
  const context = { input: ui.streams.stdin, output: ui.streams.stderr, signal };
  const run = async (args: string[]): Promise<number> => {
    ui.note(M.menu.running({ command: args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ') }));
    const code = await parts.run([...globals, ...args]);
    // A command that ends lets go of the keyboard (auth login does); the menu asks again.
    (ui.streams.stdin as { ref?: () => void } | undefined)?.ref?.();
    return code;
  };

  /** The library folder, offered from last time or found from the current folder. */
  const askLibrary = async (mustExist: boolean): Promise<string> => {
    const offered = (await rememberedLibrary(environment)) ?? findLibraryRoot(cwd) ?? cwd;
    const answer = await input(
      {
        message: t(mustExist ? M.menu.askLibrary() : M.menu.askNewLibrary()),
        default: offered,
        validate: (value) => {
          const dir = resolve(cwd, unquotePath(value));
          return !mustExist || existsSync(join(dir, CONFIG_FILE)) || t(M.menu.notLibrary({ dir }));
        },
      },
      context,
    );
    const dir = resolve(cwd, unquotePath(answer));
    await rememberLibrary(environment, dir);
    return dir;
  };

  const entry = async (choice: Entry): Promise<number> => {
    switch (choice) {
      case 'setup':
        return run(['setup', await askLibrary(false)]);
      case 'check':
        return run(['check', await askLibrary(true)]);
      case 'sync':
        return run(['sync', await askLibrary(true)]);
      case 'status':
        return run(['status', await askLibrary(true)]);
      case 'upload': {
        const dir = await askLibrary(true);
        const clip = await input(
          {
            message: t(M.menu.askClip({ dir })),
            validate: (value) => {
              const file = resolve(dir, unquotePath(value));
              return (value.trim() !== '' && existsSync(file) && statSync(file).isFile()) || t(M.menu.noSuchFile({ file }));
            },
          },
          context,
        );
        return run(['upload', resolve(dir, unquotePath(clip)), '--dir', dir]);
      }
      case 'report': {
        const dir = await askLibrary(true);
        const format = await select(
          {
            message: t(M.menu.askFormat()),
            choices: [
              { value: 'html', name: t(M.menu.formatHtml()) },
              { value: 'csv', name: t(M.menu.formatCsv()) },
              { value: 'eml', name: t(M.menu.formatEml()) },
              { value: 'md', name: t(M.menu.formatMd()) },
              { value: 'json', name: t(M.menu.formatJson()) },
            ],
          },
          context,
        );
        return run(['report', dir, '--format', format]);
      }
      case 'login':
        return run(['auth', 'login']);
      case 'quit':
        return ExitCode.ok;
    }
  };

  ui.note(M.menu.title({ version: VERSION }));
  let code: number = ExitCode.ok;
  let last: Entry = 'check';
  for (;;) {
    let choice: Entry;
    try {
      choice = await select<Entry>(
        { message: t(M.menu.question()), default: last, pageSize: ENTRIES.length, loop: false, choices: ENTRIES.map((value) => ({ value, name: t(M.menu[value]()) })) },
        context,
      );
      if (choice === 'quit') return { code, left: true };
      last = choice;
      code = await entry(choice);
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

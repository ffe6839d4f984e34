/**
 * `happytube` alone: on a terminal the menu (each entry asks what it needs and runs the real
 * command, the library folder remembered), Ctrl-C leaves cleanly; without a terminal, the help.
 * And the Windows window opened by a double-click, which waits for Enter before it closes. The
 * menu needs a real terminal (a child on a pseudo-terminal, test/helpers/terminal.ts); without
 * one, the CLI runs in-process (runMain).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { launchedByExplorer, waitForEnter } from '../../src/cli/launch.ts';
import { Ui } from '../../src/cli/ui.ts';
import { runMain } from '../helpers/cli.ts';
import { terminal } from '../helpers/terminal.ts';
import { exampleCopy } from '../sync/helpers.ts';

describe('happytube with no arguments', () => {
  it('on a terminal: the menu; an entry asks for the library, runs the command, remembers the folder; the menu comes back', async () => {
    const config = await mkdtemp(join(tmpdir(), 'happytube-menu-'));
    const library = await exampleCopy();
    const t = terminal([], { HAPPYTUBE_CONFIG_DIR: config, HAPPYTUBE_LANG: 'en' });
    await t.waitFor(/What would you like to do\?/);
    expect(t.output()).toMatch(/Set up[\s\S]*Check the library[\s\S]*Publish now \(sync[\s\S]*Upload one clip[\s\S]*Status[\s\S]*Report[\s\S]*Sign in[\s\S]*Quit/);
    t.type('\r'); // "Check the library", the first choice offered
    await t.waitFor(/library folder/);
    t.type(`${library.dir}\r`);
    await t.waitFor(/What would you like to do\?/);
    expect(t.output()).toMatch(/\d+ clips · 0 errors/);
    expect(t.output()).toContain('✓ Done.');
    expect(JSON.parse(await readFile(join(config, 'remembered.json'), 'utf8'))).toEqual({ library: library.dir });

    // The folder is offered from last time: Enter takes it.
    t.type('\u001b[B\u001b[B\u001b[B\r'); // from "Check the library", down past "Publish now" and "Upload one clip": "Status"
    await t.waitFor(/library folder/);
    expect(t.output()).toContain(library.dir);
    t.type('\r');
    await t.waitFor(/What would you like to do\?/);
    expect(t.output()).toMatch(/Published 0 · pending \d+/);
    t.type('\u0003');
    expect(await t.exit).toBe(0);
    expect(t.output()).toContain('Goodbye.');
    expect(t.output()).not.toMatch(/\n\s+at /);
    await library.remove();
  });

  it('Ctrl-C at the first question leaves cleanly, without a stack trace', async () => {
    const config = await mkdtemp(join(tmpdir(), 'happytube-menu-'));
    const t = terminal(['--lang', 'vi'], { HAPPYTUBE_CONFIG_DIR: config });
    await t.waitFor(/Bạn muốn làm gì\?/);
    t.type('\u0003');
    expect(await t.exit).toBe(0);
    expect(t.output()).toContain('Tạm biệt.');
    expect(t.output()).not.toMatch(/\n\s+at |Error/);
  });

  it('without a terminal (a script, CI): the help on stderr, exit 2', async () => {
    const r = await runMain([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: happytube \[options\] \[command\]/);
    expect(r.stderr).toContain('setup [options] [dir]');
    expect(r.stderr).toContain('doctor [options] [dir]');
  });
});

describe('a window opened by double-clicking the program on Windows', () => {
  it('is told apart from a command typed at a prompt', () => {
    const tty = { isTTY: true };
    expect(launchedByExplorer([], {}, 'win32', tty)).toBe(true);
    expect(launchedByExplorer([], { PROMPT: '$P$G' }, 'win32', tty)).toBe(false); // typed in cmd.exe
    expect(launchedByExplorer(['check'], {}, 'win32', tty)).toBe(false);
    expect(launchedByExplorer([], {}, 'linux', tty)).toBe(false);
    expect(launchedByExplorer([], {}, 'win32', { isTTY: false })).toBe(false);
  });

  it('waits for Enter before it closes', async () => {
    const stderr = new PassThrough();
    let said = '';
    stderr.on('data', (d: Buffer) => (said += d.toString()));
    const input = new PassThrough();
    let closed = false;
    const waiting = waitForEnter(new Ui({ stdout: new PassThrough(), stderr }, { color: false, verbose: false, quiet: false }), input).then(() => (closed = true));
    input.write('not yet');
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    expect(said).toContain('Press Enter to close this window.');
    input.write('\n');
    await waiting;
    expect(closed).toBe(true);
  });
});

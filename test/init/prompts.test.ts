/**
 * The questions of `happytube init`, answered on a real terminal: util-linux `script` gives the
 * CLI a pseudo-terminal, and each answer is typed only once its question is on the screen.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { terminal } from '../helpers/terminal.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'happytube-prompts-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('happytube init on a terminal', () => {
  it('asks the name, language, privacy, an explicit made-for-kids choice and subscriber notifications', async () => {
    const dir = join(tmp, 'asked');
    const t = terminal(['init', dir, '--lang', 'en']);
    await t.waitFor(/school's name/);
    t.type('Trường Mầm non Hoa Mai\r');
    await t.waitFor(/Default visibility/);
    t.type('\u001b[A\r'); // up from "unlisted": public
    await t.waitFor(/made for kids/);
    t.type('\r'); // no default: Enter alone is refused
    await t.waitFor(/input a value/);
    t.type('2\r');
    await t.waitFor(/Notify the channel's subscribers/);
    t.type('\u001b[B\r'); // down from "Yes": no
    expect(await t.exit).toBe(0);
    expect(t.output()).toContain('Created the library in');
    const config = parse(await readFile(join(dir, 'happytube.yaml'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({
      language: 'en',
      school: { name: 'Trường Mầm non Hoa Mai' },
      defaults: { privacy: 'public', madeForKids: true, notifySubscribers: false },
    });
  });

  it('takes --school as the answer and asks the language', async () => {
    const dir = join(tmp, 'preset');
    const t = terminal(['init', dir, '--school', 'X']);
    await t.waitFor(/Language of messages/);
    t.type('\r'); // the default: Vietnamese; the rest is then asked in Vietnamese
    await t.waitFor(/Chế độ hiển thị mặc định/);
    t.type('\r');
    await t.waitFor(/dành cho trẻ em/);
    t.type('1\r');
    await t.waitFor(/Báo cho người đăng ký/);
    t.type('\r'); // the default: yes, as YouTube
    expect(await t.exit).toBe(0);
    const config = parse(await readFile(join(dir, 'happytube.yaml'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ language: 'vi', school: { name: 'X' }, defaults: { privacy: 'unlisted', madeForKids: false, notifySubscribers: true } });
  });

  it('stops cleanly on Ctrl-C and writes nothing', async () => {
    const dir = join(tmp, 'cancelled');
    const t = terminal(['init', dir, '--lang', 'en', '--school', 'X']);
    await t.waitFor(/Default visibility/);
    t.type('\u0003');
    expect(await t.exit).toBe(3);
    expect(t.output()).toContain('Cancelled: no file was created.');
    expect(t.output()).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    await expect(stat(dir)).rejects.toThrow(/ENOENT/);
  });
});

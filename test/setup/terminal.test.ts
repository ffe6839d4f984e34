/**
 * `happytube setup` on a real terminal, every question answered by hand: init's questions, the
 * Google Cloud pages one at a time with their links, the client file dragged in (quoted, as a
 * terminal types it) after a wrong one, the sign-in, the school's channel confirmed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { consent } from '../auth/session.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { terminal } from '../helpers/terminal.ts';
import { bareEnv, workspace } from './helpers.ts';

const emulator = useEmulator();

it('guides a first run on a terminal, and keeps what it was given', async () => {
  const { root, config, clientFile } = await workspace();
  const lib = join(root, 'kenh truong');
  const t = terminal(['setup', lib, '--no-browser'], bareEnv(emulator, config));
  await t.waitFor(/school's name/);
  t.type('Trường Mầm non Hoa Mai\r');
  await t.waitFor(/Language of messages/);
  t.type('\u001b[B\r'); // English
  await t.waitFor(/Default visibility/);
  t.type('\r');
  await t.waitFor(/made for kids/);
  t.type('1\r');
  await t.waitFor(/Notify the channel's subscribers/); // init's questions, asked by setup too
  t.type('\r'); // the default: yes, as YouTube
  for (const [n, url] of [
    [1, 'https://console.cloud.google.com/projectcreate'],
    [2, 'https://console.cloud.google.com/apis/library/youtube.googleapis.com'],
    [3, 'https://console.cloud.google.com/auth/overview'],
    [4, 'https://console.cloud.google.com/auth/scopes'],
    [5, 'https://console.cloud.google.com/auth/audience'],
  ] as const) {
    await t.waitFor(new RegExp(`Step ${n}/6[\\s\\S]*Open: ${url.replaceAll('.', '\\.')}[\\s\\S]*Press Enter when this step is done`));
    t.type('\r');
  }
  await t.waitFor(/Step 6\/6[\s\S]*Download JSON[\s\S]*drag the file in here/);
  t.type(`${join(root, 'nothing.json')}\r`);
  await t.waitFor(/no such file/);
  t.type('\u0015'); // clear the line
  t.type(`'${clientFile}'\r`);
  await t.waitFor(/Checked the client and kept it in the profile/);
  await t.waitFor(/(http:\/\/\S+\/o\/oauth2\/v2\/auth\?\S+)/);
  const url = /(http:\/\/\S+\/o\/oauth2\/v2\/auth\?\S+)/.exec(t.output())![1]!;
  await fetch(await consent(url));
  await t.waitFor(/Is "Happy School \(emulator\)" the school's YouTube channel\?/);
  t.type('\r');
  await t.waitFor(/Ready\. Put clips/);
  expect(await t.exit).toBe(0);
  expect(t.output()).not.toMatch(/\n\s+at /);
  const channel = (await emulator.admin.state()).channel;
  const written = parse(await readFile(join(lib, 'happytube.yaml'), 'utf8')) as { school: { name: string }; channel: { id: string } };
  expect(written).toMatchObject({ school: { name: 'Trường Mầm non Hoa Mai' }, channel: { id: channel.id } });
  expect(JSON.parse(await readFile(join(config, 'profiles', 'default', 'client_secret.json'), 'utf8'))).toEqual(JSON.parse(await readFile(clientFile, 'utf8')));
  expect(JSON.parse(await readFile(join(config, 'remembered.json'), 'utf8'))).toEqual({ library: lib });
});

/**
 * sync's flags that cannot work as given are refused before anything is read or sent: exit 2,
 * what is wrong and how to fix it, in both languages, and no call reaches YouTube.
 */
import { expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.ts';
import { sync, useExampleLibrary } from './helpers.ts';

const emulator = useEmulator();
const library = useExampleLibrary();

async function callsOnYouTube(): Promise<number> {
  const { calls } = await emulator.admin.state();
  return Object.values(calls).reduce((n, count) => n + count, 0);
}

it('refuses --settle without --watch', async () => {
  const result = await sync(emulator, library.dir, ['--settle', '30']);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('--settle only goes with --watch');
  expect(result.stderr).toContain('Add --watch (for example: happytube sync --watch --settle 30), or leave --settle out.');
  expect(await callsOnYouTube()).toBe(0);
});

it('says it in Vietnamese too', async () => {
  const result = await sync(emulator, library.dir, ['--settle', '30'], 60_000, { HAPPYTUBE_LANG: 'vi' });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('--settle chỉ dùng cùng --watch');
});

it('refuses a settle time out of range, and --json with --watch', async () => {
  const settle = await sync(emulator, library.dir, ['--watch', '--settle', '0']);
  expect(settle.code).toBe(2);
  expect(settle.stderr).toContain('--settle "0" is not valid: it must be a number of seconds from 1 to 3600.');
  const json = await sync(emulator, library.dir, ['--watch', '--json']);
  expect(json.code).toBe(2);
  expect(json.stderr).toContain('--json cannot be combined with --watch');
  expect(await callsOnYouTube()).toBe(0);
});

/**
 * On a terminal, sync shows its plan and asks before spending quota. "No" and Ctrl-C at the
 * question both leave YouTube untouched; Ctrl-C is an interruption (exit 3).
 */
import { expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.ts';
import { terminal } from '../helpers/terminal.ts';
import { useExampleLibrary } from './helpers.ts';

const emulator = useEmulator();
const library = useExampleLibrary();

async function writesOnYouTube(): Promise<number> {
  const { calls } = await emulator.admin.state();
  return Object.entries(calls).filter(([method]) => !method.endsWith('.list')).reduce((n, [, count]) => n + count, 0);
}

it('sends nothing when the answer is no', async () => {
  const t = terminal(['sync', library.dir], { ...emulator.env(), HAPPYTUBE_LANG: 'en' });
  await t.waitFor(/Run this plan \([\d,]+ units, 6 uploads\)\?/);
  t.type('n\r');
  expect(await t.exit).toBe(0);
  expect(t.output()).toContain('Cancelled: nothing was sent to YouTube.');
  expect(await writesOnYouTube()).toBe(0);
});

it('treats Ctrl-C at the question as an interruption (exit 3), nothing sent', async () => {
  const t = terminal(['sync', library.dir], { ...emulator.env(), HAPPYTUBE_LANG: 'vi' });
  await t.waitFor(/Làm theo kế hoạch này/);
  t.type('\u0003');
  expect(await t.exit).toBe(3);
  expect(t.output()).toContain('Đã hủy: không gửi gì lên YouTube.');
  expect(await writesOnYouTube()).toBe(0);
});

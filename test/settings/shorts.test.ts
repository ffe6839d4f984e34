/**
 * Shorts: a vertical or square clip of 3 minutes or less becomes a Short on YouTube, which shows no
 * custom thumbnail. `check` reads the clip's header and warns of a thumbnail given for one; `status`
 * and the report mark them. The CLI against the emulator.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { fixture, makeLibrary, mp4, removeLibrary } from '../library/helpers.ts';

const emulator = useEmulator();
const roots: string[] = [];
afterAll(() => roots.forEach(removeLibrary));

const VERTICAL = '01-muc-dich/2024-11-20 Bé múa.mp4';
const LANDSCAPE = '01-muc-dich/2024-11-21 Sân trường.mp4';

it('check warns of a thumbnail on a Short; status and the report mark Shorts', async () => {
  const root = makeLibrary({
    '01-muc-dich/2024-11-20 Hội thi bé khỏe.mp4': null,
    [VERTICAL]: mp4({ width: 72, height: 128 }),
    '01-muc-dich/2024-11-20 Bé múa.jpg': fixture('thumb.jpg'),
    [LANDSCAPE]: mp4({ width: 128, height: 72 }),
    '01-muc-dich/2024-11-21 Sân trường.jpg': fixture('thumb.jpg'),
  });
  roots.push(root);
  const env = { ...emulator.env(), HAPPYTUBE_LANG: 'en' };

  const check = await runMain(['check', root], { env });
  expect(check.code, check.stderr).toBe(0);
  expect(check.stdout).toContain(`${VERTICAL}\n  Title: Bé múa | Trường Mầm non Thiên Đức\n  Playlists: muc-dich · Privacy: unlisted · Publish: on upload\n  Short (72×128, 1 s)\n`);
  expect(check.stdout).toContain(
    '01-muc-dich/2024-11-20 Bé múa.jpg\n  Warning: thumbnail: This clip (72×128, 1 s) will be a Short on YouTube: a custom thumbnail is not shown for Shorts.\n' +
      '    Fix: Drop the thumbnail to save quota (50 units), or use a landscape clip or one longer than 3 minutes for a regular video.\n',
  );
  expect(check.stdout).not.toContain('Sân trường.jpg\n');
  const json = JSON.parse((await runMain(['check', root, '--json'], { env })).stdout) as { clips: { relPath: string; short: boolean; media: unknown }[] };
  expect(json.clips.map((c) => [c.relPath, c.short, c.media])).toEqual([
    [VERTICAL, true, { width: 72, height: 128, durationSec: 1 }],
    [LANDSCAPE, false, { width: 128, height: 72, durationSec: 1 }],
  ]);

  const sync = await runMain(['sync', root, '--yes'], { env });
  expect(sync.code, sync.stderr).toBe(0);
  const status = await runMain(['status', root], { env });
  expect(status.stdout).toContain(`Shorts (vertical or square, 3 minutes or less):\n  ${VERTICAL}\n`);
  expect(JSON.parse((await runMain(['status', root, '--json'], { env })).stdout)).toMatchObject({ shorts: [VERTICAL] });

  const out = join(root, 'report.md');
  expect((await runMain(['report', root, '--format', 'md', '--out', out, '--lang', 'en'], { env })).code).toBe(0);
  const md = await readFile(out, 'utf8');
  const rowOf = (title: string): string => md.split('\n').find((line) => line.includes(`[${title} \\|`)) ?? '';
  expect(rowOf('Bé múa')).toContain('| Ready · Short |');
  expect(rowOf('Sân trường')).not.toContain('Short');
});

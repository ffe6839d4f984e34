/**
 * An unverified Google project: YouTube keeps the uploads private whatever was asked. The read-back
 * after the upload records it as a difference of privacy, which the summary and `status` show.
 */
import { expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { sync, useExampleLibrary } from '../sync/helpers.ts';

const emulator = useEmulator({ forcePrivate: true });
const library = useExampleLibrary();

it('a privacy YouTube did not take is a difference, in the summary and in status', async () => {
  const result = await sync(emulator, library.dir);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain('Its privacy on YouTube is private, not unlisted as sent.');
  expect(result.stdout).toContain('Its privacy on YouTube is private, not public as sent.');
  const status = JSON.parse((await runMain(['status', library.dir, '--json'], { env: { ...emulator.env(), HAPPYTUBE_LANG: 'en' } })).stdout) as {
    youtubeFindings: { finding: { field: string; expected: string; actual: string } }[];
  };
  expect(status.youtubeFindings).toHaveLength(6);
  expect(new Set(status.youtubeFindings.map((f) => `${f.finding.field} ${f.finding.actual}`))).toEqual(new Set(['privacy private']));
  // Still private on the next run: still a difference, not said again.
  const again = await sync(emulator, library.dir);
  expect(again.stdout).not.toContain('Its privacy on YouTube');
  const later = JSON.parse((await runMain(['status', library.dir, '--json'], { env: { ...emulator.env(), HAPPYTUBE_LANG: 'en' } })).stdout) as { youtubeFindings: unknown[] };
  expect(later.youtubeFindings).toHaveLength(6);
});

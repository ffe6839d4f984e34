/**
 * An unverified channel: YouTube refuses custom thumbnails with 403. Sync says so once, the clips
 * still count as published, and after the first refusal it spends nothing more on thumbnails.
 */
import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.ts';
import { sync, useExampleLibrary } from './helpers.ts';

const emulator = useEmulator({ unverifiedChannel: true });
const library = useExampleLibrary();

it('warns once about refused thumbnails, publishes every clip, and tries no second thumbnail', async () => {
  // A second clip with a thumbnail, so that there is one to skip.
  const folder = join(library.dir, '03-qua-trinh-ket-qua');
  const jpg = (await readdir(folder)).find((name) => name.endsWith('.jpg'))!;
  await copyFile(join(folder, jpg), join(folder, '2024-12-18 Ngày hội gia đình.jpg'));

  const result = await sync(emulator, library.dir);
  expect(result.code).toBe(0);
  expect(result.stderr.match(/refused the thumbnail/g)).toHaveLength(1);
  const state = await emulator.admin.state();
  expect(state.videos).toHaveLength(6);
  expect(state.calls['thumbnails.set']).toBe(1);
});

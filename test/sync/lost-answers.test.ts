/**
 * The Wi-Fi drops after YouTube carried out an insert but before its answer arrived. The retry
 * must find what the lost answer created instead of creating it again: one playlist per title,
 * one item per video and playlist.
 */
import { expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.ts';
import { checkClips, expectEachClipOnce, sync, useExampleLibrary } from './helpers.ts';

const emulator = useEmulator();
const library = useExampleLibrary();

it('creates no second playlist or playlist item when the answers to inserts are lost', async () => {
  await emulator.admin.faults(['api-lost-answer:4:playlists.insert', 'api-lost-answer:2:playlistItems.insert', 'api-lost-answer:1:captions.insert']);
  const result = await sync(emulator, library.dir, [], 120_000);
  expect(result.code).toBe(0);
  const state = await emulator.admin.state();
  expect(state.faults.lostAnswers).toEqual({ 'playlists.insert': 0, 'playlistItems.insert': 0, 'captions.insert': 0 });
  expect(state.playlists).toHaveLength(4);
  expect(new Set(state.playlists.map((p) => p.title)).size).toBe(4);
  for (const playlist of state.playlists) expect(new Set(playlist.videoIds).size).toBe(playlist.videoIds.length);
  expect(state.playlists.reduce((n, p) => n + p.videoIds.length, 0)).toBe(7); // six clips, one also in a second playlist
  expect(state.videos.flatMap((v) => v.captions)).toHaveLength(1);
  await expectEachClipOnce(state, library.dir, await checkClips(library.dir));
});

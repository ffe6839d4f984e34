import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HappyError, InputError } from '../../src/errors.ts';
import { Ledger, openState, stateDir } from '../../src/state/index.ts';
import { sha, tempLibrary } from './helpers.ts';

function newClip(i: number) {
  return {
    videoId: `vid${i}`,
    size: 1_000_000 + i,
    relPath: `01-muc-dich/2024-11-${String((i % 28) + 1).padStart(2, '0')} Hội thi bé khỏe ${i}.mp4`,
    title: `Hội thi bé khỏe ${i}`,
    metadataHash: sha(`meta${i}`),
    uploadedAt: '2024-11-20T12:00:00.000Z',
  };
}

describe('state files', () => {
  it('reads a library that never synced as empty state and creates nothing', async () => {
    const lib = await tempLibrary();
    const state = await openState(lib);
    expect(state.ledger.clipCount).toBe(0);
    expect(state.ledger.channelId).toBeUndefined();
    expect(state.sessions.list()).toEqual([]);
    expect(state.hashes.size).toBe(0);
    expect(await readdir(lib)).toEqual([]);
  });

  it('writes whole files atomically: a concurrent reader never sees a partial file, no temp file is left', async () => {
    const lib = await tempLibrary();
    const ledger = await Ledger.load(stateDir(lib));
    await ledger.bindChannel('UCfirst');
    await Promise.all(Array.from({ length: 200 }, (_, i) => ledger.recordUpload(sha(i), newClip(i))));
    const file = path.join(stateDir(lib), 'ledger.json');
    let writing = true;
    let reads = 0;
    const reader = (async () => {
      while (writing) {
        const text = await readFile(file, 'utf8');
        const json = JSON.parse(text) as { version: number; clips: Record<string, unknown> };
        expect(json.version).toBe(1);
        reads += 1;
      }
    })();
    for (let i = 200; i < 240; i++) await ledger.recordUpload(sha(i), newClip(i));
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(5);
    expect(await readdir(stateDir(lib))).toEqual(['ledger.json']);
    const json = JSON.parse(await readFile(file, 'utf8')) as { clips: Record<string, unknown>; channelId: string };
    expect(Object.keys(json.clips)).toHaveLength(240);
    expect(json.channelId).toBe('UCfirst');
  });

  it('coalesces concurrent saves and keeps every change', async () => {
    const lib = await tempLibrary();
    const ledger = await Ledger.load(stateDir(lib));
    await Promise.all(Array.from({ length: 50 }, (_, i) => ledger.recordUpload(sha(i), newClip(i))));
    const again = await Ledger.load(stateDir(lib));
    expect(again.clipCount).toBe(50);
    expect(again.clip(sha(49))?.videoId).toBe('vid49');
  });

  it('refuses a file written by a newer happytube, naming the file, and leaves it as it is', async () => {
    const lib = await tempLibrary();
    await mkdir(stateDir(lib));
    const file = path.join(stateDir(lib), 'ledger.json');
    const content = JSON.stringify({ version: 7, clips: {}, playlists: {}, failures: {}, future: true });
    await writeFile(file, content);
    const error = await openState(lib).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    const input = error as InputError;
    expect(input.exitCode).toBe(2);
    expect(input.text.en).toContain(file);
    expect(input.text.en).toContain('format 7');
    expect(input.text.vi).toContain('mới hơn');
    expect(input.hint?.en).toContain('Update happytube');
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it('stops on a damaged file with its name, what is wrong and what to do, and never discards it', async () => {
    const lib = await tempLibrary();
    await mkdir(stateDir(lib));
    const file = path.join(stateDir(lib), 'ledger.json');
    await writeFile(file, '{"version":1,"clips":{');
    const error = (await openState(lib).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.text.en).toMatch(/ledger\.json is damaged: not valid JSON/);
    expect(error.hint?.en).toMatch(/rename it \(do not delete it\)/);
    expect(error.hint?.vi).toContain('đổi tên');
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"clips":{');
  });

  it('names the wrong field of a file that parses but does not fit the format', async () => {
    const lib = await tempLibrary();
    await mkdir(stateDir(lib));
    const clip = { ...newClip(1), relPaths: ['a.mp4'], playlists: {}, captions: {}, status: { state: 'published' }, videoId: 42 };
    await writeFile(
      path.join(stateDir(lib), 'ledger.json'),
      JSON.stringify({ version: 1, clips: { [sha(1)]: clip }, playlists: {}, failures: {} }),
    );
    const error = (await openState(lib).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.text.en).toContain(`field "clips.${sha(1)}.videoId" is wrong`);
  });

  it('needs a format version, and explains a damaged cache as safe to delete', async () => {
    const lib = await tempLibrary();
    await mkdir(stateDir(lib));
    await writeFile(path.join(stateDir(lib), 'hashes.json'), JSON.stringify({ files: {} }));
    const error = (await openState(lib).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.text.en).toMatch(/hashes\.json is damaged: the format version \("version"\) is missing/);
    expect(error.hint?.en).toMatch(/only a cache: you can delete it/);
  });

  it('refuses to write an access token into the library folder', async () => {
    const lib = await tempLibrary();
    const ledger = await Ledger.load(stateDir(lib));
    const error = await ledger.bindChannel('ya29.a0AfH6SMBx-secret-token').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HappyError);
    expect((error as HappyError).text.en).toMatch(/Refusing to write .*ledger\.json/);
    expect(await readdir(lib)).toEqual([]);
  });
});

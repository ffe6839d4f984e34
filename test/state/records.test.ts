import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HappyError } from '../../src/errors.ts';
import { digestOf, HashCache, Ledger, openState, pathKey, stateDir, UploadSessions } from '../../src/state/index.ts';
import { sha, tempLibrary } from './helpers.ts';

const NFD_PATH = '01-muc-dich/2024-11-20 Hội thi bé khỏe.mp4'.normalize('NFD');
const NFC_PATH = NFD_PATH.normalize('NFC');

describe('ledger', () => {
  it('round-trips clips, playlists, failures and the channel through ledger.json', async () => {
    const lib = await tempLibrary();
    const dir = stateDir(lib);
    const ledger = await Ledger.load(dir);
    await ledger.bindChannel('UCabc');
    await ledger.recordFailure('02-tieu-chi/x.mp4', { size: 9, reason: 'invalidTitle', at: '2024-11-19T00:00:00Z' });
    await ledger.recordUpload(sha('a'), {
      videoId: 'vidA',
      size: 1234,
      relPath: NFD_PATH,
      title: 'Hội thi bé khỏe',
      metadataHash: digestOf({ snippet: { title: 'Hội thi bé khỏe' } }),
      uploadedAt: '2024-11-20T12:00:00.000Z',
    });
    await ledger.recordUpload(sha('b'), { videoId: 'vidB', size: 1234, relPath: 'b.mp4', title: 'B', uploadedAt: '2024-11-21T00:00:00Z' });
    await ledger.addToPlaylist(sha('a'), 'muc-dich', 'itemA1');
    await ledger.addToPlaylist(sha('a'), 'mau-tot', 'itemA2');
    await ledger.removeFromPlaylist(sha('a'), 'mau-tot');
    await ledger.setCaptions(sha('a'), 'vi', sha('srt'));
    await ledger.updateClip(sha('a'), { thumbnailHash: sha('jpg'), relPaths: ['01-muc-dich\\renamed.mp4'] });
    await ledger.updateClip(sha('b'), { status: { state: 'deleted-on-youtube', since: '2024-12-01T00:00:00Z' } });
    await ledger.setPlaylist('muc-dich', { playlistId: 'PL1', metadataHash: 'h1' });
    await ledger.setPlaylist('old', { playlistId: 'PL0' });
    await ledger.removePlaylist('old');
    // the same video recorded again (e.g. adopted after a lost session) keeps its playlist items
    const relisted = { videoId: 'vidB', size: 1234, relPath: 'b.mp4', title: 'B', uploadedAt: '2024-11-21T00:00:00Z' };
    await ledger.addToPlaylist(sha('b'), 'muc-dich', 'itemB1');
    await ledger.recordUpload(sha('b'), relisted);
    expect(ledger.clip(sha('b'))?.playlists).toEqual({ 'muc-dich': 'itemB1' });
    await ledger.recordUpload(sha('b'), { ...relisted, videoId: 'vidB2' });
    expect(ledger.clip(sha('b'))?.playlists).toEqual({});
    expect(ledger.clipByVideoId('vidB')).toBeUndefined();
    await ledger.recordUpload(sha('b'), relisted);
    await ledger.updateClip(sha('b'), { status: { state: 'deleted-on-youtube', since: '2024-12-01T00:00:00Z' } });
    await ledger.recordUpload(sha('c'), { videoId: 'vidC', size: 9, relPath: '02-tieu-chi/x.mp4', title: 'X', uploadedAt: '2024-11-22T00:00:00Z' });
    await ledger.forgetClip(sha('c'));

    const again = await Ledger.load(dir);
    expect(again.channelId).toBe('UCabc');
    expect(again.clipCount).toBe(2);
    expect(again.clip(sha('a'))).toEqual({
      videoId: 'vidA',
      size: 1234,
      relPaths: ['01-muc-dich/renamed.mp4'],
      title: 'Hội thi bé khỏe',
      metadataHash: digestOf({ snippet: { title: 'Hội thi bé khỏe' } }),
      playlists: { 'muc-dich': 'itemA1' },
      thumbnailHash: sha('jpg'),
      captions: { vi: sha('srt') },
      uploadedAt: '2024-11-20T12:00:00.000Z',
      status: { state: 'published' },
    });
    expect(again.clip(sha('b'))?.status).toEqual({ state: 'deleted-on-youtube', since: '2024-12-01T00:00:00Z' });
    expect(again.playlists()).toEqual({ 'muc-dich': { playlistId: 'PL1', metadataHash: 'h1' } });
    // the upload of x.mp4 cleared its failure; the clip was then forgotten
    expect(again.failures()).toEqual({});
    expect(again.clipByVideoId('vidC')).toBeUndefined();
    expect(again.clipByVideoId('vidB')?.sha256).toBe(sha('b'));
    expect(again.clipsWithSize(1234).map((e) => e.sha256).sort()).toEqual([sha('a'), sha('b')].sort());
    expect(again.clipsWithSize(9)).toEqual([]);
    expect([...again.clips()]).toHaveLength(2);
  });

  it('keeps a failure of a clip with no video until it is uploaded', async () => {
    const lib = await tempLibrary();
    const ledger = await Ledger.load(stateDir(lib));
    await ledger.recordFailure(NFD_PATH, { size: 5, reason: 'invalidDescription', at: '2024-11-19T00:00:00Z' });
    const again = await Ledger.load(stateDir(lib));
    expect(again.failure(NFC_PATH)?.reason).toBe('invalidDescription');
    await again.clearFailure(NFC_PATH);
    expect((await Ledger.load(stateDir(lib))).failure(NFD_PATH)).toBeUndefined();
  });

  it('digests JSON the same whatever the key order', () => {
    expect(digestOf({ a: 1, b: [1, { c: 2, d: 'é' }] })).toBe(digestOf({ b: [1, { d: 'é', c: 2 }], a: 1, x: undefined }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
  });

  it('keys paths the same on Windows, macOS (NFD) and Linux', () => {
    expect(pathKey('01-muc-dich\\a.mp4')).toBe('01-muc-dich/a.mp4');
    expect(pathKey(NFD_PATH)).toBe(NFC_PATH);
  });
});

describe('hash cache', () => {
  it('hits only for the same path, size and mtime, and survives a restart', async () => {
    const lib = await tempLibrary();
    const cache = await HashCache.load(stateDir(lib));
    const file = { relPath: NFD_PATH, size: 1000, mtimeMs: 1732100000123.456 };
    expect(cache.lookup(file)).toBeUndefined();
    await cache.remember(file, sha('clip'));
    await cache.remember({ relPath: 'other.mp4', size: 5, mtimeMs: 1 }, sha('other'));

    const again = await HashCache.load(stateDir(lib));
    expect(again.lookup({ ...file, relPath: NFC_PATH })).toBe(sha('clip'));
    expect(again.lookup({ ...file, size: 1001 })).toBeUndefined();
    expect(again.lookup({ ...file, mtimeMs: file.mtimeMs + 1 })).toBeUndefined();
    expect(again.lookup({ ...file, relPath: 'moved.mp4' })).toBeUndefined();

    await again.retainOnly([NFC_PATH]);
    const pruned = await HashCache.load(stateDir(lib));
    expect(pruned.size).toBe(1);
    expect(pruned.lookup({ relPath: 'other.mp4', size: 5, mtimeMs: 1 })).toBeUndefined();
  });
});

describe('upload sessions', () => {
  const session = {
    relPath: NFD_PATH,
    sessionUri: 'http://127.0.0.1:4000/upload/youtube/v3/videos?uploadType=resumable&upload_id=xyz',
    size: 5_000_000,
    mtimeMs: 1732100000000,
    startedAt: '2024-11-20T12:00:00.000Z',
    resource: { snippet: { title: 'Hội thi bé khỏe', categoryId: '27' }, status: { privacyStatus: 'unlisted' } },
  };

  it('is on disk when begin() resolves, and is found again after a restart', async () => {
    const lib = await tempLibrary();
    const sessions = await UploadSessions.load(stateDir(lib));
    await sessions.begin(session);
    const onDisk = JSON.parse(await readFile(path.join(stateDir(lib), 'sessions.json'), 'utf8')) as { version: number };
    expect(onDisk.version).toBe(1);

    const again = await openState(lib);
    const check = again.sessions.check({ relPath: NFC_PATH, size: session.size, mtimeMs: session.mtimeMs });
    expect(check).toEqual({ kind: 'resumable', session: { ...session, relPath: NFC_PATH } });
    expect(again.sessions.list()).toHaveLength(1);
  });

  it('reports a session whose file changed as stale, and a file with none as none', async () => {
    const lib = await tempLibrary();
    const sessions = await UploadSessions.load(stateDir(lib));
    await sessions.begin(session);
    expect(sessions.check({ relPath: NFC_PATH, size: session.size + 1, mtimeMs: session.mtimeMs })).toMatchObject({
      kind: 'stale',
      changed: 'size',
    });
    expect(sessions.check({ relPath: NFC_PATH, size: session.size, mtimeMs: session.mtimeMs + 5 })).toMatchObject({
      kind: 'stale',
      changed: 'mtime',
    });
    expect(sessions.check({ relPath: 'other.mp4', size: session.size, mtimeMs: session.mtimeMs })).toEqual({ kind: 'none' });
    await sessions.clear(NFD_PATH);
    expect((await UploadSessions.load(stateDir(lib))).list()).toEqual([]);
  });

  it('finds the session of a file renamed mid-upload by its SHA-256', async () => {
    const lib = await tempLibrary();
    const sessions = await UploadSessions.load(stateDir(lib));
    await sessions.begin({ ...session, sha256: sha('content') });
    const renamed = { relPath: 'renamed.mp4', size: session.size, mtimeMs: session.mtimeMs + 1, sha256: sha('content') };
    expect(sessions.check(renamed)).toMatchObject({ kind: 'resumable' });
    expect(sessions.check({ ...renamed, sha256: sha('different') })).toEqual({ kind: 'none' });
  });

  it('never saves a session URI that carries a credential', async () => {
    const lib = await tempLibrary();
    const sessions = await UploadSessions.load(stateDir(lib));
    const error = await sessions.begin({ ...session, sessionUri: `${session.sessionUri}&access_token=abc` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HappyError);
    expect(sessions.list()).toEqual([]);
  });
});

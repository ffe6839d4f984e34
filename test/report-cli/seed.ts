/**
 * A library whose videos are on the emulator: happytube.yaml of examples/happy-school, videos
 * uploaded through the Data API (multipart) and a ledger written with src/state's own API, as a
 * sync leaves them.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { youtube } from '@googleapis/youtube';
import { OAuth2Client } from 'google-auth-library';
import { Ledger, stateDir } from '../../src/state/index.ts';

export const EXAMPLE_CONFIG = new URL('../../examples/happy-school/happytube.yaml', import.meta.url);
const TINY_MP4 = new URL('../fixtures/clips/tiny.mp4', import.meta.url);

export interface SeedVideo {
  relPath: string;
  title: string;
  privacy: 'public' | 'unlisted' | 'private';
  /** Playlist key (happytube.yaml) the video is added to. */
  playlist: string;
  recordingDate?: string;
}

export interface SeededLibrary {
  root: string;
  /** relPath → video id */
  ids: Map<string, string>;
  playlistIds: Map<string, string>;
}

/** A fresh library folder with the example happytube.yaml, edited by `editConfig`. */
export async function makeLibrary(editConfig: (yaml: string) => string = (y) => y): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'happytube-report-'));
  const yaml = await readFile(EXAMPLE_CONFIG, 'utf8');
  await writeFile(join(root, 'happytube.yaml'), editConfig(yaml));
  return root;
}

export async function seedLibrary(root: string, emulatorUrl: string, accessToken: string, videos: SeedVideo[]): Promise<SeededLibrary> {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: accessToken });
  const yt = youtube({ version: 'v3', auth, rootUrl: `${emulatorUrl}/` });
  const ledger = await Ledger.load(stateDir(root));
  const ids = new Map<string, string>();
  const playlistIds = new Map<string, string>();
  for (const video of videos) {
    const folder = video.relPath.slice(0, video.relPath.indexOf('/'));
    await mkdir(join(root, folder), { recursive: true });
    await copyFile(TINY_MP4, join(root, video.relPath));
    const res = await yt.videos.insert(
      {
        part: ['snippet', 'status', 'recordingDetails'],
        requestBody: {
          snippet: { title: video.title, description: '', categoryId: '27' },
          status: { privacyStatus: video.privacy, selfDeclaredMadeForKids: false },
          ...(video.recordingDate ? { recordingDetails: { recordingDate: `${video.recordingDate}T00:00:00Z` } } : {}),
        },
        media: { mimeType: 'video/mp4', body: createReadStream(TINY_MP4) },
      },
      { rootUrl: `${emulatorUrl}/` },
    );
    const videoId = res.data.id!;
    ids.set(video.relPath, videoId);
    let playlistId = playlistIds.get(video.playlist);
    if (!playlistId) {
      const pl = await yt.playlists.insert({ part: ['snippet', 'status'], requestBody: { snippet: { title: video.playlist }, status: { privacyStatus: 'public' } } });
      playlistId = pl.data.id!;
      playlistIds.set(video.playlist, playlistId);
      await ledger.setPlaylist(video.playlist, { playlistId });
    }
    const item = await yt.playlistItems.insert({
      part: ['snippet'],
      requestBody: { snippet: { playlistId, resourceId: { kind: 'youtube#video', videoId } } },
    });
    // The ledger keys clips by content; every seeded clip gets its own key.
    const sha = createHash('sha256').update(video.relPath).digest('hex');
    await ledger.recordUpload(sha, { videoId, size: 2862, relPath: video.relPath, title: video.title, uploadedAt: new Date().toISOString() });
    await ledger.addToPlaylist(sha, video.playlist, item.data.id!);
  }
  return { root, ids, playlistIds };
}

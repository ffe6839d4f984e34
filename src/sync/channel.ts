/**
 * The channel as a sync sees it before planning. First the guard: the signed-in channel must be
 * the one happytube.yaml names and the one the ledger is bound to. Then, all at once, the reads
 * the planner needs, as cheap as they can be:
 * - playlists.list (mine), and the items of the playlists the library manages — those the ledger
 *   knows straight away, the others once found by title;
 * - videos.list for the ledger's videos, 50 ids a call;
 * - the uploads playlist with fileDetails, only when some clip has no ledger entry (adoption).
 */
import { AuthError, InputError } from '../errors.ts';
import { auth as A } from '../i18n/catalog/auth.ts';
import type { PlaylistSpec } from '../library/index.ts';
import type { Ledger } from '../state/index.ts';
import type { ChannelVideo, MyChannel, YouTubeApi } from '../youtube/api.ts';
import { checkChannelGuard } from '../youtube/client.ts';
import { YouTubeApiError } from '../youtube/errors.ts';
import { forEachLimit } from '../util/pool.ts';
import type { ChannelItem, ChannelPlaylist, ChannelView } from './plan.ts';
import { M } from '../i18n/messages.ts';

export interface ChannelGuard {
  /** happytube.yaml's `channel.id`, if it sets one, and the file (named in the error). */
  configChannelId: string | undefined;
  configPath: string;
  /** The sign-in profile (named in the error). */
  profile: string | undefined;
  ledger: Ledger;
  /** A library not yet bound to a channel is bound to this one (not in a dry run). */
  bind: boolean;
}

/** The signed-in channel, once it is known to be the library's; before anything is sent. */
export async function guardChannel(api: YouTubeApi, guard: ChannelGuard): Promise<MyChannel> {
  const channel = await api.myChannel();
  if (!channel) throw new AuthError(A.noChannel(), { hint: A.noChannelHint() });
  checkChannelGuard(guard.configChannelId, channel, { file: guard.configPath, profile: guard.profile });
  const bound = guard.ledger.channelId;
  if (bound !== undefined && bound !== channel.id) {
    throw new InputError(M.sync.channelBound({ file: guard.ledger.file, bound, signedIn: channel.id, title: channel.title }), { hint: M.sync.channelBoundHint() });
  }
  if (guard.bind && bound === undefined) await guard.ledger.bindChannel(channel.id);
  return channel;
}

export interface ChannelReading {
  ledger: Ledger;
  /** The library's playlists: only the items of these are read. */
  playlists: readonly PlaylistSpec[];
  /** Read the uploads for adoption (some clip has no ledger entry). */
  adopt: boolean;
  /**
   * The uploads were read: run alongside the other reads before they count as done (the clips
   * that may be one of these videos are hashed, for adoption records the hash).
   */
  onUploads: (uploads: readonly ChannelVideo[]) => Promise<void>;
}

/** What the planner needs of `channel`, read in parallel (see the module comment). */
export async function readChannel(api: YouTubeApi, channel: MyChannel, reading: ChannelReading): Promise<ChannelView> {
  const items = new PlaylistItems(api);
  const checked = [...reading.ledger.clips()].filter((e) => e.clip.status.state !== 'deleted-on-youtube').map((e) => e.clip.videoId);
  const [playlists, videos, uploads] = await Promise.all([
    readPlaylists(api, items, reading),
    api.videos(checked, ['snippet', 'status', 'processingDetails', 'localizations']),
    reading.adopt && channel.uploadsPlaylistId ? readUploads(api, channel.uploadsPlaylistId, reading) : undefined,
  ]);
  return {
    channelId: channel.id,
    playlists,
    items: items.read,
    videos: new Map(videos.map((v) => [v.id, v])),
    checkedVideoIds: new Set(checked),
    uploads,
  };
}

/** The items of playlists, each playlist read once however often it is asked for. */
class PlaylistItems {
  readonly read = new Map<string, ChannelItem[]>();
  readonly #api: YouTubeApi;

  constructor(api: YouTubeApi) {
    this.#api = api;
  }

  async add(ids: Iterable<string>): Promise<void> {
    await forEachLimit([...ids].filter((id) => !this.read.has(id)), 4, async (id) => {
      this.read.set(id, []);
      this.read.set(id, await this.#api.playlistItems(id).catch(deletedIsEmpty));
    });
  }
}

/** A playlist deleted on YouTube has no items: the plan makes it again. */
function deletedIsEmpty(error: unknown): ChannelItem[] {
  if (error instanceof YouTubeApiError && error.status === 404) return [];
  throw error;
}

/** The channel's playlists, and the items of those the library manages. */
async function readPlaylists(api: YouTubeApi, items: PlaylistItems, reading: ChannelReading): Promise<ChannelPlaylist[]> {
  const recorded = (spec: PlaylistSpec): string | undefined => reading.ledger.playlist(spec.key)?.playlistId;
  const known = reading.playlists.map(recorded).filter((id): id is string => id !== undefined);
  const [found] = await Promise.all([api.myPlaylists(), items.add(known)]);
  const managed = new Set<string>();
  for (const spec of reading.playlists) {
    const title = spec.title.normalize('NFC');
    const playlist = found.find((pl) => pl.id === recorded(spec)) ?? found.find((pl) => pl.title.normalize('NFC') === title);
    if (playlist) managed.add(playlist.id);
  }
  await items.add(managed);
  return found;
}

/** The channel's uploads that the ledger does not know, with what adoption compares. */
async function readUploads(api: YouTubeApi, uploadsPlaylistId: string, reading: ChannelReading): Promise<ChannelVideo[]> {
  const known = new Set([...reading.ledger.clips()].map((e) => e.clip.videoId));
  const ids = (await api.playlistItems(uploadsPlaylistId)).map((i) => i.videoId).filter((id) => !known.has(id));
  const found = await api.videos(ids, ['snippet', 'status', 'fileDetails', 'contentDetails']);
  await reading.onUploads(found);
  return found;
}

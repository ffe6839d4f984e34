/**
 * The Data API calls sync makes, through @googleapis/youtube (the client's `call`,
 * src/youtube/client.ts). Every call:
 * - records its quota cost (`onCost`, per page for lists) once YouTube accepted it;
 * - turns a refusal into a YouTubeApiError with YouTube's `reason` (`quotaExceeded`,
 *   `uploadLimitExceeded`, `playlistNotFound`…);
 * - retries transient failures (connection errors, 5xx, 429, per-second throttling) with
 *   exponential backoff and full jitter, bounded, honouring `Retry-After` — the client's own
 *   (src/youtube/backoff.ts). When the retries run out the call fails with a WorkLeftError (exit
 *   3: run again later). Anything else (a sign-in that no longer works, a refusal) fails at once.
 */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { youtube_v3 } from '@googleapis/youtube';
import { WorkLeftError } from '../errors.ts';
import type { Text } from '../i18n/index.ts';
import { auth as A } from '../i18n/catalog/auth.ts';
import { backoffDelay, DEFAULT_RETRY, sleep } from './backoff.ts';
import type { RetryPolicy } from './backoff.ts';
import { isNetworkFailure, NetworkError } from './auth/errors.ts';
import type { CallRunner, YouTubeClient } from './client.ts';
import { isTransientStatus, UnexpectedAnswerError, YouTubeApiError } from './errors.ts';
import { costOf, LIMITS } from './quota.ts';
import type { ApiMethod, QuotaCost } from './quota.ts';
import { RequestTimeoutError } from './transport.ts';
import { mapLimit } from '../util/pool.ts';
import { M } from '../i18n/messages.ts';

type Channel = youtube_v3.Schema$Channel;
type Playlist = youtube_v3.Schema$Playlist;
type PlaylistItem = youtube_v3.Schema$PlaylistItem;
type Video = youtube_v3.Schema$Video;
type Caption = youtube_v3.Schema$Caption;
interface ListResponse<T> {
  items?: T[];
  nextPageToken?: string | null;
}

/** What the wrapper needs of the client (see createYouTubeClient). */
export type ApiClient = Pick<YouTubeClient, 'call'>;

/** The `kind` YouTube documents for each answer happytube reads. */
const KIND = {
  channelList: 'youtube#channelListResponse',
  playlistList: 'youtube#playlistListResponse',
  playlistItemList: 'youtube#playlistItemListResponse',
  videoList: 'youtube#videoListResponse',
  captionList: 'youtube#captionListResponse',
  playlist: 'youtube#playlist',
  playlistItem: 'youtube#playlistItem',
  video: 'youtube#video',
  caption: 'youtube#caption',
  thumbnailSet: 'youtube#thumbnailSetResponse',
} as const;

/** A retry about to happen, for a visible line: `timedOutMs` when the server did not answer in time. */
export interface ApiRetry {
  method: ApiMethod;
  /** The attempt about to be made (2 for the first retry) and the most there will be. */
  attempt: number;
  attempts: number;
  delayMs: number;
  reason: string;
  timedOutMs: number | undefined;
}

export interface ApiOptions {
  /** Called with the cost of every call YouTube accepted. */
  onCost: (cost: QuotaCost, method: ApiMethod) => void;
  retry?: Partial<RetryPolicy>;
  /** Aborts waiting and requests in flight. */
  signal?: AbortSignal;
  /** Each retry, for a visible line. */
  onRetry?: (info: ApiRetry) => void;
}

/** The parts of a video that sync reads. */
export type VideoPart = 'snippet' | 'status' | 'fileDetails' | 'contentDetails' | 'processingDetails' | 'localizations';

export interface MyChannel {
  id: string;
  title: string;
  /** The channel's uploads playlist (`UU…`). */
  uploadsPlaylistId: string | undefined;
}

export interface ApiPlaylist {
  id: string;
  title: string;
  description: string;
  privacy: string;
  itemCount: number | undefined;
}

export interface ApiPlaylistItem {
  id: string;
  videoId: string;
}

/** A video as the channel shows it. */
export interface ChannelVideo {
  id: string;
  title: string;
  description: string;
  tags: readonly string[];
  categoryId: string | undefined;
  privacy: string;
  publishAt: string | undefined;
  /** The status settings as YouTube shows them (undefined when not read). */
  license?: string | undefined;
  embeddable?: boolean | undefined;
  publicStatsViewable?: boolean | undefined;
  selfDeclaredMadeForKids?: boolean | undefined;
  localizations?: Readonly<Record<string, { title: string; description: string }>> | undefined;
  /** YouTube's verdicts (see sync/verdict.ts). */
  madeForKids?: boolean | undefined;
  uploadStatus?: string | undefined;
  failureReason?: string | undefined;
  rejectionReason?: string | undefined;
  processingStatus?: string | undefined;
  /** `fileDetails`, in NFC (only for the uploads read for adoption). */
  fileName?: string | undefined;
  fileSize?: number | undefined;
  /** `contentDetails.caption === 'true'` (only for the uploads read for adoption). */
  hasCaptions?: boolean | undefined;
}

/** What went wrong on the way (`ECONNRESET`, …): the transport's failure under the NetworkError. */
function transportReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

/** The line that tells the user a call is tried again: "YouTube did not answer in 60 s (…); trying again (2/8)." */
export function retryText(info: ApiRetry): Text {
  const { method: call, attempt, attempts } = info;
  return info.timedOutMs === undefined
    ? A.apiRetry({ call, reason: info.reason, attempt, attempts })
    : A.apiRetryTimeout({ call, seconds: Math.round(info.timedOutMs / 1000), attempt, attempts });
}

/** The request timeout that ended this attempt, if it was one. */
function timedOut(error: unknown): number | undefined {
  return error instanceof NetworkError && error.cause instanceof RequestTimeoutError ? error.cause.timeoutMs : undefined;
}

/** A file sent with a call (thumbnail, caption): a fresh stream for each attempt. */
function media(mimeType: string, data: Buffer): { mimeType: string; body: Readable } {
  return { mimeType, body: Readable.from([data]) };
}

export class YouTubeApi {
  readonly #client: ApiClient;
  readonly #options: ApiOptions;
  readonly #policy: RetryPolicy;

  constructor(client: ApiClient, options: ApiOptions) {
    this.#client = client;
    this.#options = options;
    this.#policy = { ...DEFAULT_RETRY, ...options.retry };
  }

  #request<T>(method: ApiMethod, expect: string | undefined, run: CallRunner<T>, isMedia = false): Promise<T> {
    return this.#client.call<T>(method, run, { signal: this.#options.signal, expect, media: isMedia });
  }

  /** Runs one request with the retry policy; records `cost` once it succeeds. */
  async #call<T>(method: ApiMethod, run: () => Promise<T>, cost: QuotaCost = costOf(method)): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await run();
        this.#options.onCost(cost, method);
        return result;
      } catch (error) {
        if (this.#options.signal?.aborted) throw this.#options.signal.reason;
        const apiError = error instanceof YouTubeApiError ? error : undefined;
        const badAnswer = error instanceof UnexpectedAnswerError ? error : undefined;
        // An answer cut off for its size is a failed request; one that is not JSON or of the wrong
        // shape is not retried at once (a Wi-Fi login page stays): exit 3 or 1 with the fix.
        const transient = apiError ? isTransientStatus(apiError.status, apiError.reason) : badAnswer ? badAnswer.kind === 'tooLarge' : isNetworkFailure(error);
        if (!transient) throw error;
        const reason = apiError ? `HTTP ${apiError.status} ${apiError.reason}` : badAnswer ? badAnswer.text.en : transportReason(error);
        if (attempt >= this.#policy.maxAttempts) {
          throw new WorkLeftError(M.sync.retriesExhausted({ method, attempts: attempt, reason }), { hint: M.sync.retriesExhaustedHint(), cause: error });
        }
        const delayMs = Math.max(apiError?.retryAfterMs ?? 0, backoffDelay(attempt, this.#policy));
        // The line shown while it goes on: the status alone for a server error (its reason, `backendError`, says nothing more).
        const shown = apiError && apiError.status >= 500 ? `HTTP ${apiError.status}` : reason;
        this.#options.onRetry?.({ method, attempt: attempt + 1, attempts: this.#policy.maxAttempts, delayMs, reason: shown, timedOutMs: timedOut(error) });
        await sleep(delayMs, this.#options.signal);
      }
    }
  }

  /** Every page of a list call. */
  async #pages<T>(method: ApiMethod, page: (pageToken: string | undefined) => Promise<{ items: T[]; next: string | undefined }>): Promise<T[]> {
    const out: T[] = [];
    let token: string | undefined;
    do {
      const { items, next } = await this.#call(method, () => page(token));
      out.push(...items);
      token = next;
    } while (token);
    return out;
  }

  /** channels.list (mine): the signed-in channel and its uploads playlist. */
  async myChannel(): Promise<MyChannel | undefined> {
    const res = await this.#call('channels.list', () =>
      this.#request<ListResponse<Channel>>('channels.list', KIND.channelList, (yt, o) => yt.channels.list({ part: ['id', 'snippet', 'contentDetails'], mine: true }, o)),
    );
    const first = res.items?.[0];
    if (!first?.id) return undefined;
    return { id: first.id, title: first.snippet?.title ?? first.id, uploadsPlaylistId: first.contentDetails?.relatedPlaylists?.uploads };
  }

  /** playlists.list (mine), every page. */
  myPlaylists(): Promise<ApiPlaylist[]> {
    return this.#pages('playlists.list', async (pageToken) => {
      const res = await this.#request<ListResponse<Playlist>>('playlists.list', KIND.playlistList, (yt, o) =>
        yt.playlists.list({ part: ['id', 'snippet', 'status', 'contentDetails'], mine: true, maxResults: LIMITS.pageSize, pageToken }, o),
      );
      const items = (res.items ?? []).map((p) => ({
        id: p.id ?? '',
        title: p.snippet?.title ?? '',
        description: p.snippet?.description ?? '',
        privacy: p.status?.privacyStatus ?? 'private',
        itemCount: p.contentDetails?.itemCount ?? undefined,
      }));
      return { items, next: res.nextPageToken ?? undefined };
    });
  }

  /** playlistItems.list of one playlist, every page (id and video id only). */
  playlistItems(playlistId: string): Promise<ApiPlaylistItem[]> {
    return this.#pages('playlistItems.list', async (pageToken) => {
      const res = await this.#request<ListResponse<PlaylistItem>>('playlistItems.list', KIND.playlistItemList, (yt, o) =>
        yt.playlistItems.list({ part: ['id', 'contentDetails'], playlistId, maxResults: LIMITS.pageSize, pageToken }, o),
      );
      const items = (res.items ?? []).map((i) => ({ id: i.id ?? '', videoId: i.contentDetails?.videoId ?? '' }));
      return { items, next: res.nextPageToken ?? undefined };
    });
  }

  /**
   * videos.list by id, 50 per call, the calls running `parallel` at a time. Ids YouTube does not
   * return were deleted (or are not the channel's to see).
   */
  async videos(ids: readonly string[], parts: readonly VideoPart[], parallel = 8): Promise<ChannelVideo[]> {
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += LIMITS.pageSize) batches.push(ids.slice(i, i + LIMITS.pageSize));
    const results = await mapLimit(batches, parallel, async (batch) => {
      const res = await this.#call('videos.list', () =>
        this.#request<ListResponse<Video>>('videos.list', KIND.videoList, (yt, o) =>
          yt.videos.list({ part: ['id', ...parts], id: batch, maxResults: LIMITS.pageSize }, o),
        ),
      );
      return (res.items ?? []).map(toVideo);
    });
    return results.flat();
  }

  /**
   * playlists.insert → the new playlist's id. Like every insert it is not idempotent: after a
   * failed attempt the retry first looks for a playlist of that title (the planner creates only
   * titles the channel did not have), so a lost answer never makes a second playlist.
   */
  async insertPlaylist(resource: Playlist): Promise<string> {
    let tried = false;
    return this.#call('playlists.insert', async () => {
      if (tried) {
        const existing = (await this.myPlaylists()).find((p) => p.title === resource.snippet?.title);
        if (existing) return existing.id;
      }
      tried = true;
      const res = await this.#request<Playlist>('playlists.insert', KIND.playlist, (yt, o) =>
        yt.playlists.insert({ part: ['snippet', 'status'], requestBody: resource }, o),
      );
      return res.id ?? '';
    });
  }

  /** playlists.update with whole parts. */
  async updatePlaylist(playlistId: string, resource: Playlist): Promise<void> {
    await this.#call('playlists.update', () =>
      this.#request<Playlist>('playlists.update', KIND.playlist, (yt, o) =>
        yt.playlists.update({ part: ['snippet', 'status'], requestBody: { ...resource, id: playlistId } }, o),
      ),
    );
  }

  /**
   * videos.update with whole parts (snippet, status, recordingDetails, localizations) → the video
   * as it is now. The localizations part always goes: an empty one removes those a template no
   * longer gives.
   */
  async updateVideo(resource: Video): Promise<ChannelVideo> {
    const body: Video = { ...resource, localizations: resource.localizations ?? {} };
    const res = await this.#call('videos.update', () =>
      this.#request<Video>('videos.update', KIND.video, (yt, o) =>
        yt.videos.update({ part: ['snippet', 'status', 'recordingDetails', 'localizations'], requestBody: body }, o),
      ),
    );
    return toVideo(res);
  }

  /**
   * playlistItems.insert (at the end) → the item's id. An insert is not idempotent: after a failed
   * attempt (which YouTube may have carried out all the same) the retry first looks for the item,
   * so that a 5xx or a dropped answer never puts the video in the playlist twice.
   */
  async insertPlaylistItem(playlistId: string, videoId: string): Promise<string> {
    let tried = false;
    return this.#call('playlistItems.insert', async () => {
      if (tried) {
        const existing = await this.#request<ListResponse<PlaylistItem>>('playlistItems.list', KIND.playlistItemList, (yt, o) =>
          yt.playlistItems.list({ part: ['id'], playlistId, videoId, maxResults: 1 }, o),
        );
        this.#options.onCost(costOf('playlistItems.list'), 'playlistItems.list');
        const id = existing.items?.[0]?.id;
        if (id) return id;
      }
      tried = true;
      const res = await this.#request<PlaylistItem>('playlistItems.insert', KIND.playlistItem, (yt, o) =>
        yt.playlistItems.insert({ part: ['snippet'], requestBody: { snippet: { playlistId, resourceId: { kind: 'youtube#video', videoId } } } }, o),
      );
      return res.id ?? '';
    });
  }

  /** playlistItems.delete. */
  async deletePlaylistItem(itemId: string): Promise<void> {
    await this.#call('playlistItems.delete', () => this.#request('playlistItems.delete', undefined, (yt, o) => yt.playlistItems.delete({ id: itemId }, o)));
  }

  /** thumbnails.set from a JPEG or PNG file (at most 2 MB: read whole, once). */
  async setThumbnail(videoId: string, path: string): Promise<void> {
    const data = await readFile(path);
    const mimeType = /\.png$/i.test(path) ? 'image/png' : 'image/jpeg';
    await this.#call('thumbnails.set', () =>
      this.#request('thumbnails.set', KIND.thumbnailSet, (yt, o) => yt.thumbnails.set({ videoId, media: media(mimeType, data) }, o), true),
    );
  }

  /** captions.insert of one timed-text file → the caption's id. */
  async insertCaption(videoId: string, lang: string, path: string, format: 'srt' | 'vtt'): Promise<string> {
    const data = await readFile(path);
    const mimeType = format === 'vtt' ? 'text/vtt' : 'application/x-subrip';
    // Not idempotent either: a retry first looks for the track a lost answer may have created.
    let tried = false;
    return this.#call('captions.insert', async () => {
      if (tried) {
        const existing = await this.#request<ListResponse<Caption>>('captions.list', KIND.captionList, (yt, o) => yt.captions.list({ part: ['snippet'], videoId }, o));
        this.#options.onCost(costOf('captions.list'), 'captions.list');
        const track = existing.items?.find((c) => c.snippet?.language === lang && !c.snippet.name);
        if (track?.id) return track.id;
      }
      tried = true;
      const res = await this.#request<Caption>(
        'captions.insert',
        KIND.caption,
        (yt, o) =>
          yt.captions.insert({ part: ['snippet'], requestBody: { snippet: { videoId, language: lang, name: '', isDraft: false } }, media: media(mimeType, data) }, o),
        true,
      );
      return res.id ?? '';
    });
  }
}

/** A video's status as YouTube shows it: what sync/verdict.ts compares with what was sent. */
export interface VideoStatusView {
  privacy: string;
  publishAt: string | undefined;
  madeForKids?: boolean | undefined;
  selfDeclaredMadeForKids?: boolean | undefined;
  uploadStatus?: string | undefined;
  failureReason?: string | undefined;
  rejectionReason?: string | undefined;
  processingStatus?: string | undefined;
}

/** The status view of a video resource (its `status` and `processingDetails` parts). */
export function statusOf(v: Video): VideoStatusView {
  return {
    privacy: v.status?.privacyStatus ?? 'private',
    publishAt: v.status?.publishAt ?? undefined,
    madeForKids: v.status?.madeForKids ?? undefined,
    selfDeclaredMadeForKids: v.status?.selfDeclaredMadeForKids ?? undefined,
    uploadStatus: v.status?.uploadStatus ?? undefined,
    failureReason: v.status?.failureReason ?? undefined,
    rejectionReason: v.status?.rejectionReason ?? undefined,
    processingStatus: v.processingDetails?.processingStatus ?? undefined,
  };
}

function toVideo(v: Video): ChannelVideo {
  const size = v.fileDetails?.fileSize;
  return {
    id: v.id ?? '',
    title: v.snippet?.title ?? '',
    description: v.snippet?.description ?? '',
    tags: v.snippet?.tags ?? [],
    categoryId: v.snippet?.categoryId ?? undefined,
    ...statusOf(v),
    fileName: v.fileDetails?.fileName?.normalize('NFC') ?? undefined,
    fileSize: size === undefined || size === null ? undefined : Number(size),
    hasCaptions: v.contentDetails?.caption === undefined || v.contentDetails.caption === null ? undefined : v.contentDetails.caption === 'true',
    license: v.status?.license ?? undefined,
    embeddable: v.status?.embeddable ?? undefined,
    publicStatsViewable: v.status?.publicStatsViewable ?? undefined,
    localizations: v.localizations ? localizationsOf(v.localizations) : undefined,
  };
}

function localizationsOf(raw: NonNullable<Video['localizations']>): Record<string, { title: string; description: string }> {
  const out: Record<string, { title: string; description: string }> = {};
  for (const [lang, texts] of Object.entries(raw)) out[lang] = { title: texts.title ?? '', description: texts.description ?? '' };
  return out;
}

/**
 * The Data API calls sync makes, typed, over the one @googleapis/youtube client
 * (src/youtube/client.ts). Every call:
 * - records its quota cost (`onCost`, per page for lists) once YouTube accepted it;
 * - turns a refusal into a YouTubeApiError with YouTube's `reason` (`quotaExceeded`,
 *   `uploadLimitExceeded`, `playlistNotFound`…);
 * - retries transient failures (connection errors, 5xx, 429, per-second throttling) with
 *   exponential backoff and full jitter, bounded, honouring `Retry-After` — the client's own
 *   retries are switched off so that there is one policy (src/youtube/backoff.ts). When the retries
 *   run out the call fails with a WorkLeftError (exit 3: run again later).
 *
 * Media methods (thumbnails.set, captions.insert) pass the client's per-call `mediaOptions`, since
 * the generated client does not move upload URLs with its root.
 */
import type { youtube_v3 } from '@googleapis/youtube';
import { createReadStream } from 'node:fs';
import { WorkLeftError } from '../errors.ts';
import { sync as S } from '../i18n/catalog/sync.ts';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, sleep } from './backoff.ts';
import type { RetryPolicy } from './backoff.ts';
import { isTransientStatus, YouTubeApiError } from './errors.ts';
import { costOf, LIMITS } from './quota.ts';
import type { ApiMethod, QuotaCost } from './quota.ts';

/** What the wrapper needs of the client (see createYouTubeClient). */
export interface ApiClient {
  readonly youtube: youtube_v3.Youtube;
  readonly mediaOptions: { rootUrl: string };
}

export interface ApiOptions {
  /** Called with the cost of every call YouTube accepted. */
  onCost: (cost: QuotaCost, method: ApiMethod) => void;
  retry?: Partial<RetryPolicy>;
  /** Aborts waiting and requests in flight. */
  signal?: AbortSignal;
  /** Each retry, for the --verbose log. */
  onRetry?: (info: { method: ApiMethod; attempt: number; delayMs: number; reason: string }) => void;
}

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

export interface ApiVideo {
  id: string;
  title: string;
  description: string;
  tags: string[];
  categoryId: string | undefined;
  privacy: string;
  publishAt: string | undefined;
  fileName: string | undefined;
  fileSize: number | undefined;
  hasCaptions: boolean | undefined;
}

interface GaxiosLikeError {
  response?: { status?: number; data?: unknown; headers?: unknown };
  code?: string;
  message?: string;
}

/** The YouTubeApiError of a failed call, or undefined when it never got an HTTP answer. */
export function toApiError(error: unknown): YouTubeApiError | undefined {
  if (error instanceof YouTubeApiError) return error;
  const response = (error as GaxiosLikeError | undefined)?.response;
  if (!response || typeof response.status !== 'number') return undefined;
  const data = response.data;
  const body = typeof data === 'string' ? data : JSON.stringify(data ?? '');
  return YouTubeApiError.fromResponse(response.status, body);
}

function retryAfterOf(error: unknown): number | undefined {
  const headers = (error as GaxiosLikeError | undefined)?.response?.headers;
  if (!headers) return undefined;
  const value = typeof (headers as { get?: unknown }).get === 'function' ? (headers as Headers).get('retry-after') : (headers as Record<string, string | undefined>)['retry-after'];
  return parseRetryAfter(value ?? undefined);
}

const NO_RETRY = { retry: false } as const;

export class YouTubeApi {
  readonly #client: ApiClient;
  readonly #options: ApiOptions;
  readonly #policy: RetryPolicy;

  constructor(client: ApiClient, options: ApiOptions) {
    this.#client = client;
    this.#options = options;
    this.#policy = { ...DEFAULT_RETRY, ...options.retry };
  }

  get #yt(): youtube_v3.Youtube {
    return this.#client.youtube;
  }

  #callOptions(media = false): Record<string, unknown> {
    return { ...NO_RETRY, ...(media ? this.#client.mediaOptions : {}), ...(this.#options.signal ? { signal: this.#options.signal } : {}) };
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
        const apiError = toApiError(error);
        if (apiError && !isTransientStatus(apiError.status, apiError.reason)) throw apiError;
        const reason = apiError ? `HTTP ${apiError.status} ${apiError.reason}` : ((error as GaxiosLikeError).code ?? String((error as GaxiosLikeError).message));
        if (attempt >= this.#policy.maxAttempts) {
          throw new WorkLeftError(S.retriesExhausted({ method, attempts: attempt, reason }), { hint: S.retriesExhaustedHint(), cause: error });
        }
        const delayMs = Math.max(retryAfterOf(error) ?? 0, backoffDelay(attempt, this.#policy));
        this.#options.onRetry?.({ method, attempt, delayMs, reason });
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
    const res = await this.#call('channels.list', () => this.#yt.channels.list({ part: ['id', 'snippet', 'contentDetails'], mine: true }, this.#callOptions()));
    const first = res.data.items?.[0];
    if (!first?.id) return undefined;
    return { id: first.id, title: first.snippet?.title ?? first.id, uploadsPlaylistId: first.contentDetails?.relatedPlaylists?.uploads ?? undefined };
  }

  /** playlists.list (mine), every page. */
  myPlaylists(): Promise<ApiPlaylist[]> {
    return this.#pages('playlists.list', async (pageToken) => {
      const res = await this.#yt.playlists.list(
        { part: ['id', 'snippet', 'status', 'contentDetails'], mine: true, maxResults: LIMITS.pageSize, ...(pageToken ? { pageToken } : {}) },
        this.#callOptions(),
      );
      const items = (res.data.items ?? []).map((p) => ({
        id: p.id ?? '',
        title: p.snippet?.title ?? '',
        description: p.snippet?.description ?? '',
        privacy: p.status?.privacyStatus ?? 'private',
        itemCount: p.contentDetails?.itemCount ?? undefined,
      }));
      return { items, next: res.data.nextPageToken ?? undefined };
    });
  }

  /** playlistItems.list of one playlist, every page (id and video id only). */
  playlistItems(playlistId: string): Promise<ApiPlaylistItem[]> {
    return this.#pages('playlistItems.list', async (pageToken) => {
      const res = await this.#yt.playlistItems.list(
        { part: ['id', 'contentDetails'], playlistId, maxResults: LIMITS.pageSize, ...(pageToken ? { pageToken } : {}) },
        this.#callOptions(),
      );
      const items = (res.data.items ?? []).map((i) => ({ id: i.id ?? '', videoId: i.contentDetails?.videoId ?? '' }));
      return { items, next: res.data.nextPageToken ?? undefined };
    });
  }

  /**
   * videos.list by id, 50 per call, the calls running `parallel` at a time. Ids YouTube does not
   * return were deleted (or are not the channel's to see).
   */
  async videos(ids: readonly string[], parts: readonly ('snippet' | 'status' | 'fileDetails' | 'contentDetails')[], parallel = 8): Promise<ApiVideo[]> {
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += LIMITS.pageSize) batches.push(ids.slice(i, i + LIMITS.pageSize));
    const results: ApiVideo[][] = new Array<ApiVideo[]>(batches.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batches.length) {
        const index = next++;
        const res = await this.#call('videos.list', () =>
          this.#yt.videos.list({ part: ['id', ...parts], id: batches[index]!, maxResults: LIMITS.pageSize }, this.#callOptions()),
        );
        results[index] = (res.data.items ?? []).map(toVideo);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
    return results.flat();
  }

  /**
   * playlists.insert → the new playlist's id. Like every insert it is not idempotent: after a
   * failed attempt the retry first looks for a playlist of that title (the planner creates only
   * titles the channel did not have), so a lost answer never makes a second playlist.
   */
  async insertPlaylist(resource: youtube_v3.Schema$Playlist): Promise<string> {
    let tried = false;
    return this.#call('playlists.insert', async () => {
      if (tried) {
        const existing = (await this.myPlaylists()).find((p) => p.title === resource.snippet?.title);
        if (existing) return existing.id;
      }
      tried = true;
      const res = await this.#yt.playlists.insert({ part: ['snippet', 'status'], requestBody: resource }, this.#callOptions());
      return res.data.id ?? '';
    });
  }

  /** playlists.update with whole parts. */
  async updatePlaylist(playlistId: string, resource: youtube_v3.Schema$Playlist): Promise<void> {
    await this.#call('playlists.update', () =>
      this.#yt.playlists.update({ part: ['snippet', 'status'], requestBody: { ...resource, id: playlistId } }, this.#callOptions()),
    );
  }

  /** videos.update with whole parts (snippet, status, recordingDetails) → the video as it is now. */
  async updateVideo(resource: youtube_v3.Schema$Video): Promise<ApiVideo> {
    const res = await this.#call('videos.update', () =>
      this.#yt.videos.update({ part: ['snippet', 'status', 'recordingDetails'], requestBody: resource }, this.#callOptions()),
    );
    return toVideo(res.data);
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
        const existing = await this.#yt.playlistItems.list({ part: ['id'], playlistId, videoId, maxResults: 1 }, this.#callOptions());
        this.#options.onCost(costOf('playlistItems.list'), 'playlistItems.list');
        const id = existing.data.items?.[0]?.id;
        if (id) return id;
      }
      tried = true;
      const res = await this.#yt.playlistItems.insert(
        { part: ['snippet'], requestBody: { snippet: { playlistId, resourceId: { kind: 'youtube#video', videoId } } } },
        this.#callOptions(),
      );
      return res.data.id ?? '';
    });
  }

  /** playlistItems.delete. */
  async deletePlaylistItem(itemId: string): Promise<void> {
    await this.#call('playlistItems.delete', () => this.#yt.playlistItems.delete({ id: itemId }, this.#callOptions()));
  }

  /** thumbnails.set from a JPEG or PNG file (streamed; re-read on a retry). */
  async setThumbnail(videoId: string, path: string): Promise<void> {
    const mimeType = /\.png$/i.test(path) ? 'image/png' : 'image/jpeg';
    await this.#call('thumbnails.set', () =>
      this.#yt.thumbnails.set({ videoId, media: { mimeType, body: createReadStream(path) } }, this.#callOptions(true)),
    );
  }

  /** captions.insert of one timed-text file → the caption's id. */
  async insertCaption(videoId: string, lang: string, path: string, format: 'srt' | 'vtt'): Promise<string> {
    const mimeType = format === 'vtt' ? 'text/vtt' : 'application/x-subrip';
    // Not idempotent either: a retry first looks for the track a lost answer may have created.
    let tried = false;
    return this.#call('captions.insert', async () => {
      if (tried) {
        const existing = await this.#yt.captions.list({ part: ['snippet'], videoId }, this.#callOptions());
        this.#options.onCost(costOf('captions.list'), 'captions.list');
        const track = existing.data.items?.find((c) => c.snippet?.language === lang && !c.snippet.name);
        if (track?.id) return track.id;
      }
      tried = true;
      const res = await this.#yt.captions.insert(
        {
          part: ['snippet'],
          requestBody: { snippet: { videoId, language: lang, name: '', isDraft: false } },
          media: { mimeType, body: createReadStream(path) },
        },
        this.#callOptions(true),
      );
      return res.data.id ?? '';
    });
  }
}

function toVideo(v: youtube_v3.Schema$Video): ApiVideo {
  const size = v.fileDetails?.fileSize;
  return {
    id: v.id ?? '',
    title: v.snippet?.title ?? '',
    description: v.snippet?.description ?? '',
    tags: v.snippet?.tags ?? [],
    categoryId: v.snippet?.categoryId ?? undefined,
    privacy: v.status?.privacyStatus ?? 'private',
    publishAt: v.status?.publishAt ?? undefined,
    fileName: v.fileDetails?.fileName ?? undefined,
    fileSize: size === undefined || size === null ? undefined : Number(size),
    hasCaptions: v.contentDetails?.caption === undefined || v.contentDetails.caption === null ? undefined : v.contentDetails.caption === 'true',
  };
}

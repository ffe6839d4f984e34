/**
 * Everything the emulator remembers, in memory: the one channel, its videos (hash and size of the
 * bytes, never the bytes), playlists with ordered items, captions, upload sessions, tokens, quota,
 * faults and a count of calls per method. `snapshot()` is what `GET /__admin/state` answers.
 */
import type { FaultPlan } from './faults.ts';
import { emptyPlan } from './faults.ts';
import { channelId } from './ids.ts';
import type { QuotaSnapshot } from './quota.ts';
import { DEFAULT_UNITS_PER_DAY, DEFAULT_UPLOADS_PER_DAY, Quota } from './quota.ts';
import type { ByteSink } from './sink.ts';
import { TokenStore } from './tokens.ts';

export type Json = Record<string, unknown>;

export interface VideoSnippet {
  publishedAt: string;
  channelId: string;
  title: string;
  description: string;
  thumbnails: Json;
  channelTitle: string;
  tags?: string[];
  categoryId: string;
  liveBroadcastContent: 'none';
  defaultLanguage?: string;
  localized: { title: string; description: string };
  defaultAudioLanguage?: string;
}

export interface VideoStatus {
  uploadStatus: 'uploaded' | 'processed' | 'rejected' | 'failed';
  rejectionReason?: string;
  failureReason?: string;
  privacyStatus: 'public' | 'unlisted' | 'private';
  publishAt?: string;
  license: 'youtube' | 'creativeCommon';
  embeddable: boolean;
  publicStatsViewable: boolean;
  madeForKids: boolean;
  selfDeclaredMadeForKids?: boolean;
  containsSyntheticMedia?: boolean;
}

export interface VideoParts {
  snippet: VideoSnippet;
  status: VideoStatus;
  contentDetails: Json;
  fileDetails: Json;
  processingDetails: Json;
  statistics: Json;
  recordingDetails: Json;
  localizations: Record<string, { title: string; description: string }>;
}

export interface StoredVideo {
  id: string;
  sha256: string;
  size: number;
  parts: VideoParts;
  thumbnail: { sha256: string; size: number; type: 'image/jpeg' | 'image/png' } | undefined;
  /** When its first and last bytes arrived (ms since the epoch): the upload bench's clock. */
  transfer?: { firstByteAt: number; lastByteAt: number } | undefined;
  /** videos.insert's notifySubscribers (default true). */
  notifySubscribers: boolean;
  /** Fault `made-for-kids`: YouTube decided the audience, whatever the declaration says. */
  madeForKidsOverride?: boolean;
  /** Fault `processing`: videos.list reads left that show it still processing. */
  processingReads?: number;
}

export interface StoredItem {
  id: string;
  videoId: string;
  publishedAt: string;
}

export interface StoredPlaylist {
  id: string;
  snippet: { publishedAt: string; channelId: string; title: string; description: string; channelTitle: string; defaultLanguage?: string };
  status: { privacyStatus: 'public' | 'unlisted' | 'private' };
  items: StoredItem[];
}

export interface StoredCaption {
  id: string;
  videoId: string;
  sha256: string;
  size: number;
  snippet: Json;
}

export interface EmulatorOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /** Shared units a day (default 10,000). */
  quota?: number;
  /** videos.insert calls a day (default 100). */
  uploads?: number;
  /**
   * A project on the older single-bucket model: each videos.insert costs this many units from the
   * shared pool (and the uploads bucket is not checked).
   */
  uploadUnits?: number;
  /** Access token lifetime in seconds (default 3600). */
  tokenTtl?: number;
  /** An unverified project: uploads asked public or unlisted land private. */
  forcePrivate?: boolean;
  /** A channel that has not verified its phone number: thumbnails.set answers 403 forbidden. */
  unverifiedChannel?: boolean;
  /** Fault specs, as `--fault` (see parseFaults in faults.ts). */
  faults?: string[];
}

export interface StateSnapshot {
  channel: { id: string; title: string; uploadsPlaylistId: string };
  videos: Array<{
    id: string;
    sha256: string;
    size: number;
    resource: Json;
    thumbnail: StoredVideo['thumbnail'];
    transfer: StoredVideo['transfer'];
    captions: Array<{ id: string; language: unknown; sha256: string; size: number }>;
    notifySubscribers: boolean;
  }>;
  playlists: Array<{ id: string; title: string; privacyStatus: string; items: Array<{ id: string; videoId: string }>; videoIds: string[] }>;
  quota: QuotaSnapshot;
  calls: Record<string, number>;
  tokens: { access: number; refresh: number; clients: string[] };
  uploadSessions: number;
  /** Sessions a request is writing into (or held by, or dropped from and not yet noticed). */
  busySessions: number;
  faults: FaultPlan;
}

/** A resumable upload session, from its POST until its video is stored (the routes: uploads.ts). */
export interface UploadSession {
  id: string;
  parts: VideoParts;
  notifySubscribers: boolean;
  asked: readonly string[];
  total: number | undefined;
  fileName: string;
  sink: ByteSink;
  video: StoredVideo | undefined;
  /** The request writing into the session, until it is over (or, dropped, noticed over). */
  writer: Writer | undefined;
}

export interface Writer {
  /** The bytes the session held when the request began: what a locked session's status reports. */
  before: number;
  /** Settles when the request is over. */
  ended: Promise<void>;
  /** Held by `stall-upload`: `release` reads on, `cut` closes its connection as noticed gone. */
  held: { release: () => void; cut: () => void } | undefined;
  /** Dropped under `late-notice` and not yet noticed: `notice` ends it. */
  unnoticed: (() => void) | undefined;
  /** Its connection was cut off by the server: nothing left to notice. */
  cutOff: boolean;
}

export class EmulatorState {
  readonly forcePrivate: boolean;
  readonly unverifiedChannel: boolean;
  readonly quota: Quota;
  readonly tokens: TokenStore;
  faults: FaultPlan = emptyPlan();
  readonly channel: { id: string; title: string; publishedAt: string };
  readonly videos = new Map<string, StoredVideo>();
  readonly playlists = new Map<string, StoredPlaylist>();
  readonly captions = new Map<string, StoredCaption>();
  readonly sessions = new Map<string, UploadSession>();
  calls: Record<string, number> = {};
  /** Filled in by the server once it listens. */
  baseUrl = '';

  constructor(options: EmulatorOptions) {
    this.forcePrivate = options.forcePrivate ?? false;
    this.unverifiedChannel = options.unverifiedChannel ?? false;
    this.quota = new Quota(options.quota ?? DEFAULT_UNITS_PER_DAY, options.uploads ?? DEFAULT_UPLOADS_PER_DAY, options.uploadUnits);
    this.tokens = new TokenStore(options.tokenTtl ?? 3600);
    this.channel = { id: channelId(), title: 'Happy School (emulator)', publishedAt: new Date().toISOString() };
  }

  get uploadsPlaylistId(): string {
    return `UU${this.channel.id.slice(2)}`;
  }

  countCall(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }

  /** Videos newest first: the channel's uploads playlist. */
  uploadsNewestFirst(): StoredVideo[] {
    return [...this.videos.values()].reverse();
  }

  /** Forgets videos, playlists, captions, sessions, tokens, calls and quota use. */
  wipe(): void {
    this.videos.clear();
    this.playlists.clear();
    this.captions.clear();
    this.sessions.clear();
    this.tokens.wipe();
    this.quota.reset();
    this.faults = emptyPlan();
    this.calls = {};
  }

  snapshot(render: (video: StoredVideo) => Json): StateSnapshot {
    return {
      channel: { id: this.channel.id, title: this.channel.title, uploadsPlaylistId: this.uploadsPlaylistId },
      videos: [...this.videos.values()].map((v) => ({
        id: v.id,
        sha256: v.sha256,
        size: v.size,
        resource: render(v),
        thumbnail: v.thumbnail,
        transfer: v.transfer,
        captions: [...this.captions.values()]
          .filter((c) => c.videoId === v.id)
          .map((c) => ({ id: c.id, language: c.snippet.language, sha256: c.sha256, size: c.size })),
        notifySubscribers: v.notifySubscribers,
      })),
      playlists: [...this.playlists.values()].map((p) => ({
        id: p.id,
        title: p.snippet.title,
        privacyStatus: p.status.privacyStatus,
        items: p.items.map((i) => ({ id: i.id, videoId: i.videoId })),
        videoIds: p.items.map((i) => i.videoId),
      })),
      quota: this.quota.snapshot(),
      calls: { ...this.calls },
      tokens: this.tokens.snapshot(),
      uploadSessions: this.sessions.size,
      busySessions: [...this.sessions.values()].filter((s) => s.writer !== undefined).length,
      faults: { ...this.faults },
    };
  }
}

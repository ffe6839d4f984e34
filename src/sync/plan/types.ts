/** The planner's input and output: plain values, so that the plan can be built and tested without I/O. */
import type { ClipMetadata, PlaylistSpec, ScheduleSlot } from '../../library/types.ts';
import type { ClipRecord, Finding, PlaylistRecord, Verdict } from '../../state/index.ts';
import type { QuotaAmounts, QuotaCost } from '../../youtube/quota.ts';
import type { ChannelVideo } from '../../youtube/api.ts';

/** A clip of the library, as the planner needs it. */
export interface PlanClip {
  /** Library-relative, '/' separators, NFC. */
  relPath: string;
  /** The file name (NFC), for adoption by `fileDetails.fileName`. */
  fileName: string;
  size: number;
  /** SHA-256 of the content, when known without reading the file for this run (cache, or hashed ahead). */
  sha256: string | undefined;
  /** YYYY-MM-DD, orders the clips. */
  date: string | undefined;
  /** Playlist keys, folder's first. */
  playlists: readonly string[];
  metadata: ClipMetadata;
  metadataHash: string;
  /** videos.insert's `notifySubscribers` (default true). */
  notifySubscribers?: boolean;
  thumbnail: { path: string; hash: string } | undefined;
  captions: readonly { lang: string; path: string; format: 'srt' | 'vtt'; hash: string }[];
  skip: boolean;
  /** Another clip of the library (relPath) has the same content. */
  duplicateOf: string | undefined;
}

export interface ChannelPlaylist {
  id: string;
  title: string;
  description: string;
  privacy: string;
  itemCount: number | undefined;
}

export interface ChannelItem {
  id: string;
  videoId: string;
}

/** What was read from the channel. */
export interface ChannelView {
  channelId: string;
  /** playlists.list (mine). */
  playlists: readonly ChannelPlaylist[];
  /** Items of the managed playlists, by playlist id. */
  items: ReadonlyMap<string, readonly ChannelItem[]>;
  /** The ledger's videos that still exist, by id (videos.list). */
  videos: ReadonlyMap<string, ChannelVideo>;
  /** Ids asked with videos.list: asked and not found = deleted on YouTube. */
  checkedVideoIds: ReadonlySet<string>;
  /** The channel's uploads with fileDetails: only read when some clip has no ledger entry. */
  uploads: readonly ChannelVideo[] | undefined;
}

export interface LedgerView {
  clips: ReadonlyMap<string, Readonly<ClipRecord>>;
  playlists: Readonly<Record<string, Readonly<PlaylistRecord>>>;
}

export interface PlanInput {
  now: Date;
  clips: readonly PlanClip[];
  playlists: readonly PlaylistSpec[];
  ledger: LedgerView;
  channel: ChannelView;
  schedule: { timezone: string; slots: readonly ScheduleSlot[] } | undefined;
  /** `--no-update`: leave the metadata of published videos alone. */
  noUpdate?: boolean;
  /** Language of playlist titles and descriptions. */
  defaultLanguage: string;
  /**
   * `--only` and `upload`: the relPaths of the clips to work on. The plan then holds only their
   * work and only the playlists they need created or updated (the others wait for a full sync).
   */
  only?: ReadonlySet<string>;
  /** relPaths of clips whose files are still being written (`sync --watch`): their work waits. */
  hold?: ReadonlySet<string>;
}

/** The JSON of a video resource sent with videos.insert or videos.update (whole parts). */
export interface VideoResource {
  id?: string;
  snippet: { title: string; description: string; tags: string[]; categoryId: string; defaultLanguage: string };
  status: {
    privacyStatus: string;
    selfDeclaredMadeForKids: boolean;
    publishAt?: string;
    license?: string;
    embeddable?: boolean;
    publicStatsViewable?: boolean;
  };
  recordingDetails: { recordingDate?: string };
  /** Sent (with its part) when the clip has some, and always on update: an empty one removes them. */
  localizations?: Record<string, { title: string; description: string }>;
}

/** What a videos.update changes, by the library's key names (for the plan shown by --dry-run). */
export type VideoChange =
  | 'title'
  | 'description'
  | 'tags'
  | 'privacy'
  | 'madeForKids'
  | 'license'
  | 'embeddable'
  | 'publicStatsViewable'
  | 'localizations';

export interface PlaylistResource {
  snippet: { title: string; description: string; defaultLanguage: string };
  status: { privacyStatus: string };
}

/** A playlist action: run before any clip. */
export type PlaylistAction =
  | { kind: 'playlist.create'; key: string; resource: PlaylistResource; hash: string; cost: QuotaCost }
  | { kind: 'playlist.update'; key: string; playlistId: string; resource: PlaylistResource; hash: string; cost: QuotaCost };

/** One step of a clip's work; `ref` of the playlist is a key (its id may come from a create). */
export type ClipStep =
  | { kind: 'video.upload'; resource: VideoResource; notifySubscribers: boolean; cost: QuotaCost }
  | {
      kind: 'video.adopt';
      videoId: string;
      title: string;
      /** The video's items in managed playlists, by key. */
      items: Record<string, string>;
      metadataHash: string | undefined;
      /** Captions taken as already sent (the video has captions), by language → file hash. */
      captions: Record<string, string>;
      cost: QuotaCost;
    }
  | {
      kind: 'video.update';
      resource: VideoResource;
      /** What differs from the video as the channel shows it (empty when unknown). */
      changes: VideoChange[];
      cost: QuotaCost;
    }
  | { kind: 'thumbnail.set'; path: string; hash: string; cost: QuotaCost }
  | { kind: 'caption.insert'; lang: string; path: string; format: 'srt' | 'vtt'; hash: string; cost: QuotaCost }
  | { kind: 'playlistItem.insert'; key: string; cost: QuotaCost }
  | { kind: 'playlistItem.delete'; key: string; itemId: string; cost: QuotaCost };

/** State-only corrections, free: applied by the executor before any action. */
export type Bookkeeping =
  | { kind: 'playlist.record'; key: string; playlistId: string; hash: string }
  | { kind: 'clip.paths'; sha256: string; relPaths: string[] }
  | { kind: 'clip.metadataHash'; sha256: string; metadataHash: string }
  | { kind: 'clip.deleted'; sha256: string }
  | { kind: 'item.record'; sha256: string; key: string; itemId: string }
  | { kind: 'item.forget'; sha256: string; key: string }
  | { kind: 'clip.verdict'; sha256: string; verdict: Verdict };

/** The work of one clip, in order. The first step (upload/adopt), if any, gives the video id. */
export interface ClipWork {
  relPath: string;
  /** The file on disk (absolute path is added by the caller; relPath identifies it). */
  size: number;
  sha256: string | undefined;
  /** Known video (ledger), or undefined until the upload or adoption step. */
  videoId: string | undefined;
  title: string;
  steps: ClipStep[];
}

/** Something the user should know about, with no action. */
export type PlanNotice =
  | { kind: 'deleted-on-youtube'; relPath: string; videoId: string }
  | { kind: 'duplicate'; relPath: string; original: string }
  | { kind: 'playlist-gone'; key: string; playlistId: string }
  /** YouTube did something other than what was sent or declared (found by this run's read). */
  | { kind: 'youtube-finding'; relPath: string; videoId: string; finding: Finding };

export interface Plan {
  playlists: PlaylistAction[];
  clips: ClipWork[];
  bookkeeping: Bookkeeping[];
  notices: PlanNotice[];
  /** Clips with `skip: true`, duplicates and videos deleted on YouTube. */
  skipped: number;
  cost: QuotaAmounts;
}

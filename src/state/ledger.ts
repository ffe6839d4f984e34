/**
 * The ledger (`.happytube/ledger.json`): what the tool has put on YouTube. Clips are known by the
 * SHA-256 of their content, never by path, so a renamed or moved clip is never uploaded again.
 *
 * Every change method resolves once the change is on disk: call it right after YouTube answers,
 * before the next request (the video id is saved the moment the upload returns it).
 */
import * as v from 'valibot';
import { M } from '../i18n/messages.ts';
import { isNonEmptyString, isRecordOf, isSha256, isShape, isSize, isString, optional } from './check.ts';
import { map, wholeNumber } from '../util/schema.ts';
import { StoredFile } from './files.ts';
import type { StateFileSpec } from './files.ts';
import { pathKey } from './paths.ts';

/** A clip's key: its SHA-256 in lowercase hex (a key that is not one is an invalid key of `clips`). */
const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const isoTime = v.pipe(v.string(), v.minLength(1));
const size = v.pipe(wholeNumber(), v.minValue(0));

const clipStatusSchema = map(
  v.variant(
    'state',
    [
      v.object({ state: v.literal('published') }),
      /** the video was deleted on YouTube: reported, never uploaded again on its own */
      v.object({ state: v.literal('deleted-on-youtube'), since: isoTime }),
      /** YouTube rejected or failed the video, or a step after the upload failed for good */
      v.object({ state: v.literal('failed'), reason: v.string(), at: isoTime }),
    ],
    "Invalid discriminator value. Expected 'published' | 'deleted-on-youtube' | 'failed'",
  ),
);

/** One way the video on YouTube differs from what the tool sent or declared. */
const findingSchema = map(
  v.object({
    /** madeForKids | privacy | publishAt | uploadStatus (kept); playlist (only said by the run that finds it) */
    field: v.string(),
    expected: v.string(),
    actual: v.string(),
    /** YouTube's failureReason or rejectionReason */
    reason: v.optional(v.string()),
  }),
);

/** What YouTube did with the video, as last read back (after the upload or update, and each sync). */
const verdictSchema = map(
  v.object({
    checkedAt: isoTime,
    /** YouTube was still processing it: the next sync looks again */
    processing: v.boolean(),
    findings: v.array(findingSchema),
  }),
);

const clipSchema = map(
  v.object({
    videoId: v.pipe(v.string(), v.minLength(1)),
    /** file size in bytes */
    size,
    /** paths (library-relative keys, see `pathKey`) where the content was last seen */
    relPaths: v.array(v.string()),
    /** the title last sent */
    title: v.string(),
    /** `digestOf` the rendered video resource last sent (absent: unknown, e.g. an adopted video) */
    metadataHash: v.optional(v.string()),
    /** playlist key → id of the playlistItem the tool added */
    playlists: map(v.record(v.string(), v.string())),
    /** hash of the thumbnail file last set */
    thumbnailHash: v.optional(v.string()),
    /** caption language → hash of the captions file last sent */
    captions: map(v.record(v.string(), v.string())),
    /** when the upload finished (or when an adopted video was published), ISO 8601 */
    uploadedAt: isoTime,
    status: clipStatusSchema,
    /** what YouTube did with the video (absent: never read back, e.g. recorded by an older version) */
    youtube: v.optional(verdictSchema),
    /** the clip is a Short (vertical or square, 3 minutes or less), as its container said at upload */
    short: v.optional(v.boolean()),
  }),
);

const playlistSchema = map(
  v.object({
    playlistId: v.pipe(v.string(), v.minLength(1)),
    /** `digestOf` the playlist resource last sent (absent: unknown) */
    metadataHash: v.optional(v.string()),
  }),
);

const failureSchema = map(
  v.object({
    size,
    reason: v.string(),
    at: isoTime,
  }),
);

const ledgerSchema = v.object({
  /** the channel this library is bound to, once the first sync has seen it */
  channelId: v.optional(v.pipe(v.string(), v.minLength(1))),
  clips: map(v.record(sha256, clipSchema)),
  playlists: map(v.record(v.string(), playlistSchema)),
  /** path key → the last permanent failure of a clip that has no video yet */
  failures: map(v.record(v.string(), failureSchema)),
  /** when YouTube last turned an upload asked public or unlisted into private (an unverified project) */
  privateLockSeenAt: v.optional(isoTime),
});

/** `clipStatusSchema`, as a plain check. */
function isClipStatus(v: unknown): boolean {
  if (!isShape(v, ['state'], ['since', 'reason', 'at'])) return false;
  switch (v.state) {
    case 'published':
      return isShape(v, ['state']);
    case 'deleted-on-youtube':
      return isShape(v, ['state', 'since']) && isNonEmptyString(v.since);
    case 'failed':
      return isShape(v, ['state', 'reason', 'at']) && isString(v.reason) && isNonEmptyString(v.at);
    default:
      return false;
  }
}

const CLIP_KEYS = ['videoId', 'size', 'relPaths', 'title', 'playlists', 'captions', 'uploadedAt', 'status'];
const CLIP_OPTIONAL = ['metadataHash', 'thumbnailHash', 'youtube', 'short'];

/** `verdictSchema`, as a plain check. */
function isVerdict(x: unknown): boolean {
  return (
    isShape(x, ['checkedAt', 'processing', 'findings']) &&
    isNonEmptyString(x.checkedAt) &&
    typeof x.processing === 'boolean' &&
    Array.isArray(x.findings) &&
    x.findings.every((f) => isShape(f, ['field', 'expected', 'actual'], ['reason']) && isString(f.field) && isString(f.expected) && isString(f.actual) && optional(f, 'reason', isString))
  );
}

/** `clipSchema`, as a plain check. */
function isClip(c: unknown): boolean {
  return (
    isShape(c, CLIP_KEYS, CLIP_OPTIONAL) &&
    isNonEmptyString(c.videoId) &&
    isSize(c.size) &&
    Array.isArray(c.relPaths) &&
    c.relPaths.every(isString) &&
    isString(c.title) &&
    optional(c, 'metadataHash', isString) &&
    isRecordOf(c.playlists, isString) &&
    optional(c, 'thumbnailHash', isString) &&
    isRecordOf(c.captions, isString) &&
    isNonEmptyString(c.uploadedAt) &&
    isClipStatus(c.status) &&
    optional(c, 'youtube', isVerdict) &&
    optional(c, 'short', (x) => typeof x === 'boolean')
  );
}

/** `ledgerSchema`, as a plain check (the fast path of reading a large ledger). */
function isLedger(v: object): v is LedgerData {
  return (
    isShape(v, ['clips', 'playlists', 'failures'], ['channelId', 'privateLockSeenAt']) &&
    optional(v, 'channelId', isNonEmptyString) &&
    optional(v, 'privateLockSeenAt', isNonEmptyString) &&
    isRecordOf(v.clips, isClip, isSha256) &&
    isRecordOf(v.playlists, (p) => isShape(p, ['playlistId'], ['metadataHash']) && isNonEmptyString(p.playlistId) && optional(p, 'metadataHash', isString)) &&
    isRecordOf(v.failures, (f) => isShape(f, ['size', 'reason', 'at']) && isSize(f.size) && isString(f.reason) && isNonEmptyString(f.at))
  );
}

/** Where a published clip stands. */
export type ClipStatus = v.InferOutput<typeof clipStatusSchema>;
/** One clip on YouTube, as the ledger knows it. */
export type ClipRecord = v.InferOutput<typeof clipSchema>;
/** One managed playlist. */
export type PlaylistRecord = v.InferOutput<typeof playlistSchema>;
/** The last permanent failure of a clip that has no video yet (e.g. a 4xx when the upload began). */
export type FailureRecord = v.InferOutput<typeof failureSchema>;
/** What YouTube did with a video, as last read back. */
export type Verdict = v.InferOutput<typeof verdictSchema>;
export type Finding = Verdict['findings'][number];
export type LedgerData = v.InferOutput<typeof ledgerSchema>;

/** What `recordUpload` needs: the record minus what the ledger fills in. */
export type NewClip = Omit<ClipRecord, 'playlists' | 'captions' | 'status' | 'relPaths'> & {
  relPath: string;
  status?: ClipStatus;
};

/** Fields of a clip that `updateClip` may change (playlists and captions have their own methods). */
export type ClipPatch = Partial<Pick<ClipRecord, 'relPaths' | 'title' | 'metadataHash' | 'thumbnailHash' | 'status' | 'youtube'>>;

/** A clip together with its key. */
export interface ClipEntry {
  readonly sha256: string;
  readonly clip: Readonly<ClipRecord>;
}

export const LEDGER_FILE: StateFileSpec<LedgerData> = {
  name: 'ledger.json',
  version: 1,
  schema: ledgerSchema,
  check: isLedger,
  empty: () => ({ clips: {}, playlists: {}, failures: {} }),
  corruptHint: (file) => M.state.corruptLedgerHint({ file }),
};

export class Ledger {
  readonly #store: StoredFile<LedgerData>;
  readonly #bySize = new Map<number, Set<string>>();
  readonly #byVideoId = new Map<string, string>();

  private constructor(store: StoredFile<LedgerData>) {
    this.#store = store;
    for (const [sha, clip] of Object.entries(store.data.clips)) this.#index(sha, clip);
  }

  /** Reads `ledger.json` from a `.happytube/` folder (empty when it does not exist). */
  static async load(dir: string): Promise<Ledger> {
    return new Ledger(await StoredFile.load(dir, LEDGER_FILE));
  }

  /** Full path of `ledger.json`. */
  get file(): string {
    return this.#store.file;
  }

  /** The channel the library is bound to, if any. */
  get channelId(): string | undefined {
    return this.#store.data.channelId;
  }

  /** Binds the library to a channel (the `channel.id` guard compares later runs with it). */
  bindChannel(channelId: string): Promise<void> {
    this.#store.data.channelId = channelId;
    return this.#store.save();
  }

  /** When YouTube was last seen locking an upload private (`happytube doctor` reports it). */
  get privateLockSeenAt(): string | undefined {
    return this.#store.data.privateLockSeenAt;
  }

  notePrivateLock(at: string): Promise<void> {
    this.#store.data.privateLockSeenAt = at;
    return this.#store.save();
  }

  /** The clip with this content, if the tool put it on YouTube. */
  clip(sha256: string): Readonly<ClipRecord> | undefined {
    return this.#store.data.clips[sha256];
  }

  /** Every clip, in no particular order. */
  *clips(): IterableIterator<ClipEntry> {
    for (const [sha256, clip] of Object.entries(this.#store.data.clips)) yield { sha256, clip };
  }

  /** How many clips the ledger holds. */
  get clipCount(): number {
    return Object.keys(this.#store.data.clips).length;
  }

  /**
   * Known clips of exactly this size: a new file of the same size may be one of them renamed or
   * duplicated, so it is hashed before planning; any other new file is hashed during its upload.
   */
  clipsWithSize(size: number): ClipEntry[] {
    const shas = this.#bySize.get(size);
    return shas ? [...shas].map((sha256) => ({ sha256, clip: this.#store.data.clips[sha256]! })) : [];
  }

  /** The clip uploaded as this video, if any. */
  clipByVideoId(videoId: string): ClipEntry | undefined {
    const sha256 = this.#byVideoId.get(videoId);
    return sha256 === undefined ? undefined : { sha256, clip: this.#store.data.clips[sha256]! };
  }

  /**
   * Records a video YouTube has just returned for this content (or an adopted one), status
   * `published` unless given, and forgets any earlier failure at that path. Call it before anything
   * else once the upload answers. Recording the same video id again keeps its playlist items,
   * captions and thumbnail; a different video id replaces the clip's record.
   */
  recordUpload(sha256: string, clip: NewClip): Promise<void> {
    const { relPath, status, ...rest } = clip;
    const previous = this.#store.data.clips[sha256];
    if (previous) this.#unindex(sha256, previous);
    // Recording the same video again keeps what was done to it; a new video starts bare.
    const same = previous?.videoId === rest.videoId ? previous : undefined;
    const record: ClipRecord = {
      thumbnailHash: same?.thumbnailHash,
      ...rest,
      relPaths: [pathKey(relPath)],
      playlists: { ...same?.playlists },
      captions: { ...same?.captions },
      status: status ?? { state: 'published' },
    };
    this.#store.data.clips[sha256] = record;
    this.#index(sha256, record);
    delete this.#store.data.failures[pathKey(relPath)];
    return this.#store.save();
  }

  /** Changes some fields of a known clip (paths are stored as `pathKey`s). */
  updateClip(sha256: string, patch: ClipPatch): Promise<void> {
    const clip = this.#need(sha256);
    const { relPaths, ...rest } = patch;
    Object.assign(clip, rest);
    if (relPaths) clip.relPaths = relPaths.map(pathKey);
    return this.#store.save();
  }

  /** Records the playlistItem the tool added for this clip in the playlist `key`. */
  addToPlaylist(sha256: string, key: string, playlistItemId: string): Promise<void> {
    this.#need(sha256).playlists[key] = playlistItemId;
    return this.#store.save();
  }

  /** Forgets the clip's item in playlist `key` (after `playlistItems.delete`, or when it is gone). */
  removeFromPlaylist(sha256: string, key: string): Promise<void> {
    delete this.#need(sha256).playlists[key];
    return this.#store.save();
  }

  /** Records the hash of the captions file last sent for language `lang`. */
  setCaptions(sha256: string, lang: string, hash: string): Promise<void> {
    this.#need(sha256).captions[lang] = hash;
    return this.#store.save();
  }

  /** Forgets a clip altogether (e.g. the user confirmed a video deleted on YouTube may be uploaded again). */
  forgetClip(sha256: string): Promise<void> {
    this.#unindex(sha256, this.#need(sha256));
    delete this.#store.data.clips[sha256];
    return this.#store.save();
  }

  /** The managed playlist with this key from happytube.yaml. */
  playlist(key: string): Readonly<PlaylistRecord> | undefined {
    return this.#store.data.playlists[key];
  }

  /** Every managed playlist, by key. */
  playlists(): Readonly<Record<string, Readonly<PlaylistRecord>>> {
    return this.#store.data.playlists;
  }

  /** Records a playlist the tool created, adopted or updated. */
  setPlaylist(key: string, playlist: PlaylistRecord): Promise<void> {
    this.#store.data.playlists[key] = { ...playlist };
    return this.#store.save();
  }

  /** Forgets a playlist (e.g. deleted on YouTube). */
  removePlaylist(key: string): Promise<void> {
    delete this.#store.data.playlists[key];
    return this.#store.save();
  }

  /** The last permanent failure of the clip at this path that has no video yet. */
  failure(relPath: string): Readonly<FailureRecord> | undefined {
    return this.#store.data.failures[pathKey(relPath)];
  }

  /** Every such failure, by path key. */
  failures(): Readonly<Record<string, Readonly<FailureRecord>>> {
    return this.#store.data.failures;
  }

  /** Records why the clip at this path could not be uploaded (YouTube's reason). */
  recordFailure(relPath: string, failure: FailureRecord): Promise<void> {
    this.#store.data.failures[pathKey(relPath)] = { ...failure };
    return this.#store.save();
  }

  /** Forgets the failure at this path. */
  clearFailure(relPath: string): Promise<void> {
    delete this.#store.data.failures[pathKey(relPath)];
    return this.#store.save();
  }

  /** Resolves once every change made so far is on disk. */
  save(): Promise<void> {
    return this.#store.save();
  }

  #need(sha256: string): ClipRecord {
    const clip = this.#store.data.clips[sha256];
    if (!clip) throw new Error(`ledger: no clip ${sha256}`);
    return clip;
  }

  #index(sha256: string, clip: ClipRecord): void {
    let set = this.#bySize.get(clip.size);
    if (!set) this.#bySize.set(clip.size, (set = new Set()));
    set.add(sha256);
    this.#byVideoId.set(clip.videoId, sha256);
  }

  #unindex(sha256: string, clip: ClipRecord): void {
    const set = this.#bySize.get(clip.size);
    set?.delete(sha256);
    if (set?.size === 0) this.#bySize.delete(clip.size);
    if (this.#byVideoId.get(clip.videoId) === sha256) this.#byVideoId.delete(clip.videoId);
  }
}

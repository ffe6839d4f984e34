/**
 * The sync planner (docs/library.md, What sync does, step 3): what to do so that the channel matches the folder. PURE: it
 * reads plain values (the library's clips with their content hashes, the ledger, what the channel
 * holds now) and returns a plan; the executor (execute.ts) is the only part that acts on it.
 *
 * Order: playlists to create or update first; then, clip by clip (by date, oldest first, then by
 * path): upload or adopt, metadata update, thumbnail, captions, playlist items to add, items the
 * tool added for a clip that left a folder to remove. Every step carries its quota cost. With
 * `only` (sync --only, upload), only the selected clips' work and the playlists they need.
 */
import type { ClipMetadata, PlaylistSpec, ScheduleSlot } from '../library/types.ts';
import { resolveLinks } from '../library/links.ts';
import type { LinkIds } from '../library/links.ts';
import type { ClipRecord, Finding, PlaylistRecord, Verdict } from '../state/index.ts';
import { digestOf } from '../state/digest.ts';
import { costOf, totalCost } from '../youtube/quota.ts';
import type { QuotaAmounts, QuotaCost } from '../youtube/quota.ts';
import type { ChannelVideo } from '../youtube/api.ts';
import { nextSlots } from './schedule.ts';
import { newFindings, sameVerdict, verdictOf } from './verdict.ts';

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

export function playlistResource(spec: PlaylistSpec, defaultLanguage: string): PlaylistResource {
  return {
    snippet: { title: spec.title, description: spec.description, defaultLanguage },
    status: { privacyStatus: spec.privacy },
  };
}

/** The whole parts sent for a clip; a publish time makes the video private until then. */
export function videoResource(metadata: ClipMetadata, publishAt: string | undefined): VideoResource {
  const status: VideoResource['status'] = {
    privacyStatus: publishAt ? 'private' : metadata.privacy,
    selfDeclaredMadeForKids: metadata.madeForKids,
  };
  if (publishAt) status.publishAt = publishAt;
  // Unset, YouTube's defaults apply (a youtube licence, embeddable, public statistics).
  if (metadata.license !== undefined) status.license = metadata.license;
  if (metadata.embeddable !== undefined) status.embeddable = metadata.embeddable;
  if (metadata.publicStatsViewable !== undefined) status.publicStatsViewable = metadata.publicStatsViewable;
  const resource: VideoResource = {
    snippet: {
      title: metadata.title,
      description: metadata.description,
      tags: [...metadata.tags],
      categoryId: metadata.categoryId,
      defaultLanguage: metadata.defaultLanguage,
    },
    status,
    recordingDetails: metadata.recordingDate ? { recordingDate: metadata.recordingDate } : {},
  };
  if (metadata.localizations !== undefined) resource.localizations = structuredClone(metadata.localizations);
  return resource;
}

/** What an update would change on the video as the channel shows it. */
export function videoChanges(video: ChannelVideo | undefined, m: ClipMetadata): VideoChange[] {
  if (!video) return [];
  const out: VideoChange[] = [];
  if (!sameText(video.title, m.title)) out.push('title');
  if (!sameText(video.description, m.description)) out.push('description');
  if (video.tags.join('\n') !== m.tags.join('\n')) out.push('tags');
  // A scheduled video stays private until its time: that is no change of privacy.
  if (m.publishAt === undefined && video.publishAt === undefined && video.privacy !== m.privacy) out.push('privacy');
  if (video.selfDeclaredMadeForKids !== undefined && video.selfDeclaredMadeForKids !== m.madeForKids) out.push('madeForKids');
  if (video.license !== undefined && video.license !== (m.license ?? 'youtube')) out.push('license');
  if (video.embeddable !== undefined && video.embeddable !== (m.embeddable ?? true)) out.push('embeddable');
  if (video.publicStatsViewable !== undefined && video.publicStatsViewable !== (m.publicStatsViewable ?? true)) out.push('publicStatsViewable');
  if (video.localizations !== undefined && digestOf(video.localizations) !== digestOf(m.localizations ?? {})) out.push('localizations');
  return out;
}

function byDateThenPath(a: PlanClip, b: PlanClip): number {
  const da = a.date ?? '9999-99-99';
  const db = b.date ?? '9999-99-99';
  if (da !== db) return da < db ? -1 : 1;
  return a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0;
}

const sameText = (a: string, b: string): boolean => a.normalize('NFC') === b.normalize('NFC');

/** Computes the plan. Pure: same input, same plan. */
export function plan(input: PlanInput): Plan {
  const out: Plan = { playlists: [], clips: [], bookkeeping: [], notices: [], skipped: 0, cost: { units: 0, uploads: 0 } };
  const { channel, ledger, only } = input;
  const needed = only === undefined ? undefined : neededPlaylists(input.clips, only);

  // 1. Playlists: known by the ledger, else adopted by title, else created.
  const channelPlaylists = new Map(channel.playlists.map((p) => [p.id, p]));
  const takenTitles = new Set<string>();
  /** key → playlist id on the channel (undefined: created by this plan). */
  const playlistIds = new Map<string, string | undefined>();
  for (const spec of input.playlists) {
    const resource = playlistResource(spec, input.defaultLanguage);
    const hash = digestOf(resource);
    const record = ledger.playlists[spec.key];
    let existing = record ? channelPlaylists.get(record.playlistId) : undefined;
    if (record && !existing) out.notices.push({ kind: 'playlist-gone', key: spec.key, playlistId: record.playlistId });
    if (!existing && !record) {
      existing = channel.playlists.find((p) => !takenTitles.has(p.id) && sameText(p.title, spec.title));
    }
    if (!existing) {
      if (needed && !needed.has(spec.key)) continue;
      out.playlists.push({ kind: 'playlist.create', key: spec.key, resource, hash, cost: costOf('playlists.insert') });
      playlistIds.set(spec.key, undefined);
      continue;
    }
    takenTitles.add(existing.id);
    playlistIds.set(spec.key, existing.id);
    const differs = !sameText(existing.title, spec.title) || !sameText(existing.description, spec.description) || existing.privacy !== spec.privacy;
    if (differs) {
      if (needed && !needed.has(spec.key)) continue;
      out.playlists.push({ kind: 'playlist.update', key: spec.key, playlistId: existing.id, resource, hash, cost: costOf('playlists.update') });
    } else if (record?.playlistId !== existing.id || record.metadataHash !== hash) {
      out.bookkeeping.push({ kind: 'playlist.record', key: spec.key, playlistId: existing.id, hash });
    }
  }
  const itemsOf = (key: string): readonly ChannelItem[] => {
    const id = playlistIds.get(key);
    return id === undefined ? [] : (channel.items.get(id) ?? []);
  };

  // 2. Clips, grouped by content: one video per content, its playlists the union of its paths'.
  // Their links name the ids known now; those of playlists this plan creates, the executor's.
  const links: LinkIds = { channelId: channel.channelId, playlistId: (key) => playlistIds.get(key) };
  const clips = input.clips.flatMap((c) => {
    if (c.skip) out.skipped += 1;
    if (c.skip) return [];
    const metadata = resolveLinks(c.metadata, links);
    return [metadata === c.metadata ? c : { ...c, metadata, metadataHash: digestOf(metadata) }];
  });
  clips.sort(byDateThenPath);
  const pathsOf = new Map<string, PlanClip[]>();
  for (const c of clips) if (c.sha256 !== undefined) pathsOf.set(c.sha256, [...(pathsOf.get(c.sha256) ?? []), c]);

  // Publish slots already used by scheduled videos of the channel.
  const taken = new Set<number>();
  for (const v of channel.videos.values()) if (v.publishAt) taken.add(Date.parse(v.publishAt));
  const needSlots = input.schedule
    ? clips.filter((c) => !c.duplicateOf && c.metadata.publishAt === undefined && (c.sha256 === undefined || !ledger.clips.has(c.sha256))).length
    : 0;
  const slots = input.schedule ? nextSlots(input.schedule, input.now, needSlots, taken) : [];

  const claimedVideos = new Set<string>();
  for (const record of ledger.clips.values()) claimedVideos.add(record.videoId);
  const done = new Set<string>();

  for (const clip of clips) {
    if (clip.duplicateOf !== undefined) {
      out.notices.push({ kind: 'duplicate', relPath: clip.relPath, original: clip.duplicateOf });
      out.skipped += 1;
      continue;
    }
    if (clip.sha256 !== undefined) {
      if (done.has(clip.sha256)) {
        const original = pathsOf.get(clip.sha256)![0]!;
        out.notices.push({ kind: 'duplicate', relPath: clip.relPath, original: original.relPath });
        out.skipped += 1;
        continue;
      }
      done.add(clip.sha256);
    }
    const siblings = clip.sha256 === undefined ? [clip] : pathsOf.get(clip.sha256)!;
    const wanted = [...new Set(siblings.flatMap((c) => c.playlists))].filter((k) => playlistIds.has(k));
    const known = clip.sha256 === undefined ? undefined : ledger.clips.get(clip.sha256);
    const work: ClipWork = { relPath: clip.relPath, size: clip.size, sha256: clip.sha256, videoId: known?.videoId, title: clip.metadata.title, steps: [] };

    if (known && clip.sha256 !== undefined) {
      const sha256 = clip.sha256;
      const gone = known.status.state === 'deleted-on-youtube' || (channel.checkedVideoIds.has(known.videoId) && !channel.videos.has(known.videoId));
      if (gone) {
        out.notices.push({ kind: 'deleted-on-youtube', relPath: clip.relPath, videoId: known.videoId });
        if (known.status.state !== 'deleted-on-youtube') out.bookkeeping.push({ kind: 'clip.deleted', sha256 });
        out.skipped += 1;
        continue;
      }
      const relPaths = siblings.map((c) => c.relPath);
      if (relPaths.join('\n') !== known.relPaths.join('\n')) out.bookkeeping.push({ kind: 'clip.paths', sha256, relPaths });
      const video = channel.videos.get(known.videoId);
      if (video) {
        const verdict = verdictOf(video, input.now.toISOString(), { previous: known.youtube, declared: clip.metadata.madeForKids });
        if (!sameVerdict(known.youtube, verdict)) {
          out.bookkeeping.push({ kind: 'clip.verdict', sha256, verdict });
          for (const finding of newFindings(known.youtube, verdict)) out.notices.push({ kind: 'youtube-finding', relPath: clip.relPath, videoId: known.videoId, finding });
        }
      }
      if (!input.noUpdate && known.metadataHash !== clip.metadataHash) {
        if (known.metadataHash === undefined && video && matches(video, clip.metadata)) {
          out.bookkeeping.push({ kind: 'clip.metadataHash', sha256, metadataHash: clip.metadataHash });
        } else {
          work.steps.push({ kind: 'video.update', resource: updateResource(known.videoId, clip.metadata, video, input.now), changes: videoChanges(video, clip.metadata), cost: costOf('videos.update') });
        }
      }
      if (clip.thumbnail && known.thumbnailHash !== clip.thumbnail.hash) {
        work.steps.push({ kind: 'thumbnail.set', path: clip.thumbnail.path, hash: clip.thumbnail.hash, cost: costOf('thumbnails.set') });
      }
      for (const c of clip.captions) {
        if (known.captions[c.lang] !== c.hash) work.steps.push({ kind: 'caption.insert', lang: c.lang, path: c.path, format: c.format, hash: c.hash, cost: costOf('captions.insert') });
      }
      for (const key of wanted) {
        const item = itemsOf(key).find((i) => i.videoId === known.videoId);
        if (!item && known.playlists[key] !== undefined && playlistIds.get(key) !== undefined) {
          // The tool put it there and it is gone: taken out on YouTube. Said, then put back.
          out.notices.push({ kind: 'youtube-finding', relPath: clip.relPath, videoId: known.videoId, finding: { field: 'playlist', expected: key, actual: '' } });
        }
        if (!item) work.steps.push({ kind: 'playlistItem.insert', key, cost: costOf('playlistItems.insert') });
        else if (known.playlists[key] !== item.id) out.bookkeeping.push({ kind: 'item.record', sha256, key, itemId: item.id });
      }
      for (const [key, itemId] of Object.entries(known.playlists)) {
        if (wanted.includes(key)) continue;
        const present = playlistIds.has(key) && itemsOf(key).some((i) => i.id === itemId);
        if (present) work.steps.push({ kind: 'playlistItem.delete', key, itemId, cost: costOf('playlistItems.delete') });
        else out.bookkeeping.push({ kind: 'item.forget', sha256, key });
      }
    } else {
      const adopted = channel.uploads?.find((v) => !claimedVideos.has(v.id) && mayAdopt(v, clip));
      if (adopted) {
        claimedVideos.add(adopted.id);
        work.videoId = adopted.id;
        const items: Record<string, string> = {};
        for (const key of playlistIds.keys()) {
          const item = itemsOf(key).find((i) => i.videoId === adopted.id);
          if (item) items[key] = item.id;
        }
        const same = matches(adopted, clip.metadata);
        const captions: Record<string, string> = {};
        if (adopted.hasCaptions) for (const c of clip.captions) captions[c.lang] = c.hash;
        work.steps.push({
          kind: 'video.adopt',
          videoId: adopted.id,
          title: adopted.title,
          items,
          metadataHash: same ? clip.metadataHash : undefined,
          captions,
          cost: { bucket: 'units', amount: 0 },
        });
        if (!same && !input.noUpdate) {
          work.steps.push({ kind: 'video.update', resource: updateResource(adopted.id, clip.metadata, adopted, input.now), changes: videoChanges(adopted, clip.metadata), cost: costOf('videos.update') });
        }
        if (clip.thumbnail) work.steps.push({ kind: 'thumbnail.set', path: clip.thumbnail.path, hash: clip.thumbnail.hash, cost: costOf('thumbnails.set') });
        if (!adopted.hasCaptions) {
          for (const c of clip.captions) work.steps.push({ kind: 'caption.insert', lang: c.lang, path: c.path, format: c.format, hash: c.hash, cost: costOf('captions.insert') });
        }
        for (const key of wanted) if (!(key in items)) work.steps.push({ kind: 'playlistItem.insert', key, cost: costOf('playlistItems.insert') });
      } else {
        const publishAt = clip.metadata.publishAt ?? (input.schedule ? slots.shift() : undefined);
        work.steps.push({ kind: 'video.upload', resource: videoResource(clip.metadata, publishAt), notifySubscribers: clip.notifySubscribers ?? true, cost: costOf('videos.insert') });
        if (clip.thumbnail) work.steps.push({ kind: 'thumbnail.set', path: clip.thumbnail.path, hash: clip.thumbnail.hash, cost: costOf('thumbnails.set') });
        for (const c of clip.captions) work.steps.push({ kind: 'caption.insert', lang: c.lang, path: c.path, format: c.format, hash: c.hash, cost: costOf('captions.insert') });
        for (const key of wanted) work.steps.push({ kind: 'playlistItem.insert', key, cost: costOf('playlistItems.insert') });
      }
    }
    if (work.steps.length > 0 && (only === undefined || only.has(clip.relPath)) && input.hold?.has(clip.relPath) !== true) out.clips.push(work);
  }

  out.cost = totalCost([...out.playlists.map((a) => a.cost), ...out.clips.flatMap((w) => w.steps.map((s) => s.cost))]);
  return out;
}

/**
 * Whether a channel video may be this clip's earlier upload: the same size, and the same title or
 * file name. Only such a clip is worth reading ahead of its upload.
 */
export function mayAdopt(video: Pick<ChannelVideo, 'fileSize' | 'title' | 'fileName'>, clip: { size: number; fileName: string; metadata: { title: string } }): boolean {
  return video.fileSize === clip.size && (sameText(video.title, clip.metadata.title) || (video.fileName !== undefined && sameText(video.fileName, clip.fileName)));
}

/** The playlists the selected clips go in: theirs, and those of other paths with the same content. */
function neededPlaylists(clips: readonly PlanClip[], only: ReadonlySet<string>): Set<string> {
  const selected = clips.filter((c) => only.has(c.relPath) && !c.skip);
  const shas = new Set(selected.map((c) => c.sha256).filter((s) => s !== undefined));
  const keys = new Set<string>();
  for (const c of clips) if (!c.skip && (only.has(c.relPath) || (c.sha256 !== undefined && shas.has(c.sha256)))) for (const k of c.playlists) keys.add(k);
  return keys;
}

/** Whether the channel's video already shows this metadata (for adopted videos, whose hash is unknown). */
function matches(video: ChannelVideo, m: ClipMetadata): boolean {
  return sameText(video.title, m.title) && sameText(video.description, m.description) && video.tags.join('\n') === m.tags.join('\n');
}

/**
 * The resource of a videos.update: whole parts. A video still waiting for its scheduled publish
 * time keeps it (and stays private) unless the clip now names its own. A clip's publish time that
 * has passed is not sent again: YouTube published the video then, and it keeps the privacy it has.
 */
function updateResource(videoId: string, metadata: ClipMetadata, video: ChannelVideo | undefined, now: Date): VideoResource {
  const future = (time: string | undefined): string | undefined => (time !== undefined && Date.parse(time) > now.getTime() ? time : undefined);
  const scheduled = video?.privacy === 'private' ? future(video.publishAt) : undefined;
  const publishAt = metadata.publishAt === undefined ? scheduled : future(metadata.publishAt);
  const resource: VideoResource = { id: videoId, localizations: {}, ...videoResource(metadata, publishAt) };
  if (metadata.publishAt !== undefined && publishAt === undefined && video) resource.status.privacyStatus = video.privacy;
  return resource;
}

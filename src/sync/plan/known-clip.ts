/**
 * The work for a clip whose content the ledger knows (uploaded or adopted before): bring its video
 * in line with the clip. Its paths, YouTube's verdict and its playlist items are recorded as the
 * channel shows them; metadata, thumbnail and captions that changed since they were sent are sent
 * again; items the tool added for a folder the clip left are removed.
 */
import type { ClipRecord } from '../../state/index.ts';
import type { ChannelVideo } from '../../youtube/api.ts';
import { costOf } from '../../youtube/quota.ts';
import { newFindings, sameVerdict, verdictOf } from '../verdict.ts';
import type { ClipCase, ClipPlanning } from './clips.ts';
import { matches, updateResource, videoChanges } from './resources.ts';
import { captionStep, itemInsertStep, thumbnailStep } from './steps.ts';
import type { ClipStep, ClipWork } from './types.ts';

/** A clip with its ledger record. */
interface Known extends ClipCase {
  sha256: string;
  record: Readonly<ClipRecord>;
}

/** The clip's work; undefined when its video was deleted on YouTube (said, and skipped). */
export function planKnownClip(c: Known, ctx: ClipPlanning): ClipWork | undefined {
  if (deletedOnYouTube(c, ctx)) return undefined;
  recordPaths(c, ctx);
  const video = ctx.input.channel.videos.get(c.record.videoId);
  if (video) recordVerdict(c, video, ctx);
  c.work.steps.push(...metadataSteps(c, video, ctx), ...changedFileSteps(c), ...itemSteps(c, ctx), ...removalSteps(c, ctx));
  return c.work;
}

/** Deleted on YouTube (recorded so, or asked for and not found): said, and never uploaded again. */
function deletedOnYouTube({ clip, sha256, record }: Known, { input, out }: ClipPlanning): boolean {
  const { channel } = input;
  const recorded = record.status.state === 'deleted-on-youtube';
  if (!recorded && !(channel.checkedVideoIds.has(record.videoId) && !channel.videos.has(record.videoId))) return false;
  out.notices.push({ kind: 'deleted-on-youtube', relPath: clip.relPath, videoId: record.videoId });
  if (!recorded) out.bookkeeping.push({ kind: 'clip.deleted', sha256 });
  out.skipped += 1;
  return true;
}

/** The content's paths now (a clip moved, copied or renamed). */
function recordPaths({ clip, sha256, record }: Known, { contents, out }: ClipPlanning): void {
  const relPaths = contents.siblings(clip).map((c) => c.relPath);
  if (relPaths.join('\n') !== record.relPaths.join('\n')) out.bookkeeping.push({ kind: 'clip.paths', sha256, relPaths });
}

/** What YouTube did with the video, as this run read it; what is new is said. */
function recordVerdict({ clip, sha256, record }: Known, video: ChannelVideo, { input, out }: ClipPlanning): void {
  const verdict = verdictOf(video, input.now.toISOString(), { previous: record.youtube, declared: clip.metadata.madeForKids });
  if (sameVerdict(record.youtube, verdict)) return;
  out.bookkeeping.push({ kind: 'clip.verdict', sha256, verdict });
  for (const finding of newFindings(record.youtube, verdict)) out.notices.push({ kind: 'youtube-finding', relPath: clip.relPath, videoId: record.videoId, finding });
}

/**
 * An update when the rendered metadata changed (not with --no-update). A record without a metadata
 * hash (adopted) whose video already shows the metadata only gets the hash.
 */
function metadataSteps({ clip, sha256, record }: Known, video: ChannelVideo | undefined, { input, out }: ClipPlanning): ClipStep[] {
  if (input.noUpdate || record.metadataHash === clip.metadataHash) return [];
  if (record.metadataHash === undefined && video && matches(video, clip.metadata)) {
    out.bookkeeping.push({ kind: 'clip.metadataHash', sha256, metadataHash: clip.metadataHash });
    return [];
  }
  return [{ kind: 'video.update', resource: updateResource(record.videoId, clip.metadata, video, input.now), changes: videoChanges(video, clip.metadata), cost: costOf('videos.update') }];
}

/** The thumbnail and the captions whose files changed since they were sent. */
function changedFileSteps({ clip, record }: Known): ClipStep[] {
  const steps: ClipStep[] = [];
  if (clip.thumbnail && record.thumbnailHash !== clip.thumbnail.hash) steps.push(thumbnailStep(clip.thumbnail));
  for (const c of clip.captions) if (record.captions[c.lang] !== c.hash) steps.push(captionStep(c));
  return steps;
}

/** The video into each playlist it should be in and is not; an item found on the channel is recorded. */
function itemSteps({ clip, sha256, record, wanted }: Known, { playlists, out }: ClipPlanning): ClipStep[] {
  const steps: ClipStep[] = [];
  for (const key of wanted) {
    const item = playlists.itemsOf(key).find((i) => i.videoId === record.videoId);
    if (!item && record.playlists[key] !== undefined && playlists.id(key) !== undefined) {
      // The tool put it there and it is gone: taken out on YouTube. Said, then put back.
      out.notices.push({ kind: 'youtube-finding', relPath: clip.relPath, videoId: record.videoId, finding: { field: 'playlist', expected: key, actual: '' } });
    }
    if (!item) steps.push(itemInsertStep(key));
    else if (record.playlists[key] !== item.id) out.bookkeeping.push({ kind: 'item.record', sha256, key, itemId: item.id });
  }
  return steps;
}

/** The items the tool added to playlists the clip left: removed if still there, else forgotten. */
function removalSteps({ sha256, record, wanted }: Known, { playlists, out }: ClipPlanning): ClipStep[] {
  const steps: ClipStep[] = [];
  for (const [key, itemId] of Object.entries(record.playlists)) {
    if (wanted.includes(key)) continue;
    const present = playlists.has(key) && playlists.itemsOf(key).some((i) => i.id === itemId);
    if (present) steps.push({ kind: 'playlistItem.delete', key, itemId, cost: costOf('playlistItems.delete') });
    else out.bookkeeping.push({ kind: 'item.forget', sha256, key });
  }
  return steps;
}

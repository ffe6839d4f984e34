/**
 * The work for a clip whose content the ledger does not know: adopt the channel's video of it (an
 * earlier upload whose answer was lost, or one made by hand), else upload it.
 */
import type { ChannelVideo } from '../../youtube/api.ts';
import { costOf } from '../../youtube/quota.ts';
import type { ClipCase, ClipPlanning } from './clips.ts';
import { matches, sameText, updateResource, videoChanges, videoResource } from './resources.ts';
import { captionStep, itemInsertStep, thumbnailStep } from './steps.ts';
import type { ClipStep, ClipWork, LedgerView } from './types.ts';

/** The channel videos the ledger already gives to some clip. */
export function claimedVideos(ledger: LedgerView): Set<string> {
  return new Set([...ledger.clips.values()].map((record) => record.videoId));
}

export function planNewClip(c: ClipCase, ctx: ClipPlanning): ClipWork {
  const adopted = ctx.input.channel.uploads?.find((v) => !ctx.claimed.has(v.id) && mayAdopt(v, c.clip));
  if (adopted) {
    ctx.claimed.add(adopted.id);
    c.work.videoId = adopted.id;
    c.work.steps.push(...adoptionSteps(c, adopted, ctx));
  } else {
    c.work.steps.push(...uploadSteps(c, ctx));
  }
  return c.work;
}

/**
 * Whether a channel video may be this clip's earlier upload: the same size, and the same title or
 * file name. Only such a clip is worth reading ahead of its upload.
 */
export function mayAdopt(video: Pick<ChannelVideo, 'fileSize' | 'title' | 'fileName'>, clip: { size: number; fileName: string; metadata: { title: string } }): boolean {
  return video.fileSize === clip.size && (sameText(video.title, clip.metadata.title) || (video.fileName !== undefined && sameText(video.fileName, clip.fileName)));
}

/**
 * The video taken as the clip's, with the playlist items it already has; then what it lacks: the
 * metadata (unless it shows it already, or --no-update), the thumbnail, the captions (unless it has
 * some) and the other playlists.
 */
function adoptionSteps({ clip, wanted }: ClipCase, adopted: ChannelVideo, { input, playlists }: ClipPlanning): ClipStep[] {
  const items: Record<string, string> = {};
  for (const key of playlists.keys()) {
    const item = playlists.itemsOf(key).find((i) => i.videoId === adopted.id);
    if (item) items[key] = item.id;
  }
  const same = matches(adopted, clip.metadata);
  const captions: Record<string, string> = {};
  if (adopted.hasCaptions) for (const c of clip.captions) captions[c.lang] = c.hash;
  const steps: ClipStep[] = [
    { kind: 'video.adopt', videoId: adopted.id, title: adopted.title, items, metadataHash: same ? clip.metadataHash : undefined, captions, cost: { bucket: 'units', amount: 0 } },
  ];
  if (!same && !input.noUpdate) {
    steps.push({ kind: 'video.update', resource: updateResource(adopted.id, clip.metadata, adopted, input.now), changes: videoChanges(adopted, clip.metadata), cost: costOf('videos.update') });
  }
  if (clip.thumbnail) steps.push(thumbnailStep(clip.thumbnail));
  if (!adopted.hasCaptions) steps.push(...clip.captions.map(captionStep));
  for (const key of wanted) if (!(key in items)) steps.push(itemInsertStep(key));
  return steps;
}

/** The upload (at the clip's publish time, else the schedule's next slot), then its thumbnail, captions and playlists. */
function uploadSteps({ clip, wanted }: ClipCase, { slots }: ClipPlanning): ClipStep[] {
  const publishAt = clip.metadata.publishAt ?? slots.shift();
  return [
    { kind: 'video.upload', resource: videoResource(clip.metadata, publishAt), notifySubscribers: clip.notifySubscribers ?? true, cost: costOf('videos.insert') },
    ...(clip.thumbnail ? [thumbnailStep(clip.thumbnail)] : []),
    ...clip.captions.map(captionStep),
    ...wanted.map(itemInsertStep),
  ];
}

/**
 * What the planner sends to YouTube for a playlist or a video (whole parts), and how it compares a
 * clip's metadata with the video as the channel shows it.
 */
import type { ClipMetadata, PlaylistSpec } from '../../library/types.ts';
import { digestOf } from '../../state/digest.ts';
import type { ChannelVideo } from '../../youtube/api.ts';
import type { PlaylistResource, VideoChange, VideoResource } from './types.ts';

/** Texts are compared as NFC: the same title may come composed or decomposed (a Mac's file names are NFD). */
export const sameText = (a: string, b: string): boolean => a.normalize('NFC') === b.normalize('NFC');

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

/** Whether the channel's video already shows this metadata (for adopted videos, whose hash is unknown). */
export function matches(video: ChannelVideo, m: ClipMetadata): boolean {
  return sameText(video.title, m.title) && sameText(video.description, m.description) && video.tags.join('\n') === m.tags.join('\n');
}

/**
 * The resource of a videos.update: whole parts. A video still waiting for its scheduled publish
 * time keeps it (and stays private) unless the clip now names its own. A clip's publish time that
 * has passed is not sent again: YouTube published the video then, and it keeps the privacy it has.
 */
export function updateResource(videoId: string, metadata: ClipMetadata, video: ChannelVideo | undefined, now: Date): VideoResource {
  const future = (time: string | undefined): string | undefined => (time !== undefined && Date.parse(time) > now.getTime() ? time : undefined);
  const scheduled = video?.privacy === 'private' ? future(video.publishAt) : undefined;
  const publishAt = metadata.publishAt === undefined ? scheduled : future(metadata.publishAt);
  const resource: VideoResource = { id: videoId, localizations: {}, ...videoResource(metadata, publishAt) };
  if (metadata.publishAt !== undefined && publishAt === undefined && video) resource.status.privacyStatus = video.privacy;
  return resource;
}

/** The steps of a clip's work that are built the same way whatever the clip's case, each with its quota cost. */
import { costOf } from '../../youtube/quota.ts';
import type { ClipStep, PlanClip } from './types.ts';

type Step<K extends ClipStep['kind']> = Extract<ClipStep, { kind: K }>;

export function thumbnailStep(thumbnail: NonNullable<PlanClip['thumbnail']>): Step<'thumbnail.set'> {
  return { kind: 'thumbnail.set', path: thumbnail.path, hash: thumbnail.hash, cost: costOf('thumbnails.set') };
}

export function captionStep(caption: PlanClip['captions'][number]): Step<'caption.insert'> {
  return { kind: 'caption.insert', lang: caption.lang, path: caption.path, format: caption.format, hash: caption.hash, cost: costOf('captions.insert') };
}

export function itemInsertStep(key: string): Step<'playlistItem.insert'> {
  return { kind: 'playlistItem.insert', key, cost: costOf('playlistItems.insert') };
}

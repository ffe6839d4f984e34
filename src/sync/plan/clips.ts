/**
 * The planner's clips: the order they are planned in, and their grouping by content (one video
 * per content, its playlists the union of its paths'; a path that repeats a content is a duplicate).
 */
import { resolveLinks } from '../../library/links.ts';
import type { LinkIds } from '../../library/links.ts';
import { digestOf } from '../../state/digest.ts';
import type { ManagedPlaylists } from './playlists.ts';
import type { ClipWork, Plan, PlanClip, PlanInput } from './types.ts';

/** What the planning of every clip shares. */
export interface ClipPlanning {
  input: PlanInput;
  playlists: ManagedPlaylists;
  contents: Contents;
  /** Publish times of the schedule, taken in order by the clips uploaded without their own. */
  slots: string[];
  /** Channel videos that are already some clip's: none is adopted twice. */
  claimed: Set<string>;
  /** Where the clips' bookkeeping, notices and skipped count go. */
  out: Plan;
}

/** One clip being planned. */
export interface ClipCase {
  clip: PlanClip;
  /** The managed playlists its content goes in: those of every path with the same content. */
  wanted: string[];
  /** Its work so far. */
  work: ClipWork;
}

/**
 * The clips to plan, by date (oldest first) then by path, with their link stand-ins resolved: to
 * the ids known now; those of playlists this plan creates, the executor's. Skipped ones are counted.
 */
export function clipsInOrder(input: PlanInput, playlists: ManagedPlaylists, out: Plan): PlanClip[] {
  const links: LinkIds = { channelId: input.channel.channelId, playlistId: (key) => playlists.id(key) };
  const clips = input.clips.flatMap((c) => {
    if (c.skip) out.skipped += 1;
    if (c.skip) return [];
    const metadata = resolveLinks(c.metadata, links);
    return [metadata === c.metadata ? c : { ...c, metadata, metadataHash: digestOf(metadata) }];
  });
  return clips.sort(byDateThenPath);
}

function byDateThenPath(a: PlanClip, b: PlanClip): number {
  const da = a.date ?? '9999-99-99';
  const db = b.date ?? '9999-99-99';
  if (da !== db) return da < db ? -1 : 1;
  return a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0;
}

/** The clips by content, in the planning order; the first path of a content is the one planned. */
export class Contents {
  readonly #paths = new Map<string, PlanClip[]>();
  readonly #planned = new Set<string>();

  constructor(clips: readonly PlanClip[]) {
    for (const c of clips) if (c.sha256 !== undefined) this.#paths.set(c.sha256, [...(this.#paths.get(c.sha256) ?? []), c]);
  }

  /**
   * The path this clip repeats, if it is a duplicate: one the library found, or a path of a content
   * already planned. Called once per clip, in order: a clip that is not a duplicate is planned.
   */
  duplicateOf(clip: PlanClip): string | undefined {
    if (clip.duplicateOf !== undefined) return clip.duplicateOf;
    if (clip.sha256 === undefined) return undefined;
    if (this.#planned.has(clip.sha256)) return this.#paths.get(clip.sha256)![0]!.relPath;
    this.#planned.add(clip.sha256);
    return undefined;
  }

  /** The paths with this clip's content, in order (the clip alone while its content is unknown). */
  siblings(clip: PlanClip): readonly PlanClip[] {
    return clip.sha256 === undefined ? [clip] : this.#paths.get(clip.sha256)!;
  }

  /** The managed playlists this clip's content goes in: those of all its paths. */
  wanted(clip: PlanClip, playlists: ManagedPlaylists): string[] {
    return [...new Set(this.siblings(clip).flatMap((c) => c.playlists))].filter((k) => playlists.has(k));
  }
}

/**
 * The planner's first part: the library's playlists on the channel. Each is known by the ledger,
 * else adopted by its title, else created; one whose title, description or privacy differs is
 * updated. With `only`, the playlists no selected clip needs are left for a full sync.
 */
import type { PlaylistSpec } from '../../library/types.ts';
import type { PlaylistRecord } from '../../state/index.ts';
import { digestOf } from '../../state/digest.ts';
import { costOf } from '../../youtube/quota.ts';
import { playlistResource, sameText } from './resources.ts';
import type { ChannelItem, ChannelPlaylist, ChannelView, Plan, PlanClip, PlanInput, PlanNotice, PlaylistResource } from './types.ts';

/** The managed playlists the clips can go in, by key, and their items on the channel. */
export class ManagedPlaylists {
  /** key → playlist id on the channel (undefined: created by this plan). */
  readonly #ids = new Map<string, string | undefined>();
  readonly #items: ChannelView['items'];

  constructor(items: ChannelView['items']) {
    this.#items = items;
  }

  add(key: string, playlistId: string | undefined): void {
    this.#ids.set(key, playlistId);
  }

  has(key: string): boolean {
    return this.#ids.has(key);
  }

  /** Its id on the channel; undefined for a playlist this plan creates (the executor learns it). */
  id(key: string): string | undefined {
    return this.#ids.get(key);
  }

  keys(): IterableIterator<string> {
    return this.#ids.keys();
  }

  /** Its items on the channel (none for a playlist this plan creates). */
  itemsOf(key: string): readonly ChannelItem[] {
    const id = this.#ids.get(key);
    return id === undefined ? [] : (this.#items.get(id) ?? []);
  }
}

/** Plans the playlists' actions and bookkeeping into `out`; returns the playlists the clips can go in. */
export function planPlaylists(input: PlanInput, out: Plan): ManagedPlaylists {
  const managed = new ManagedPlaylists(input.channel.items);
  const needed = input.only === undefined ? undefined : neededPlaylists(input.clips, input.only);
  for (const match of matchOnChannel(input, out.notices)) {
    const waits = needed !== undefined && !needed.has(match.spec.key);
    planPlaylist(match, playlistResource(match.spec, input.defaultLanguage), waits, out, managed);
  }
  return managed;
}

/** A playlist of the library, with its ledger record and the channel playlist it is (if any). */
interface Match {
  spec: PlaylistSpec;
  record: Readonly<PlaylistRecord> | undefined;
  existing: ChannelPlaylist | undefined;
}

/** Each spec's playlist on the channel: the ledger's (a notice when it is gone), else one of the same title. */
function matchOnChannel(input: PlanInput, notices: PlanNotice[]): Match[] {
  const onChannel = new Map(input.channel.playlists.map((p) => [p.id, p]));
  /** Channel playlists already matched: a title adopts each at most once. */
  const taken = new Set<string>();
  return input.playlists.map((spec) => {
    const record = input.ledger.playlists[spec.key];
    const known = record ? onChannel.get(record.playlistId) : undefined;
    if (record && !known) notices.push({ kind: 'playlist-gone', key: spec.key, playlistId: record.playlistId });
    const existing = known ?? (record ? undefined : byTitle(spec, input.channel.playlists, taken));
    if (existing) taken.add(existing.id);
    return { spec, record, existing };
  });
}

/** One playlist: create it, update it, or only record what the channel already shows. `waits`: no selected clip needs it. */
function planPlaylist({ spec, record, existing }: Match, resource: PlaylistResource, waits: boolean, out: Plan, managed: ManagedPlaylists): void {
  const hash = digestOf(resource);
  if (!existing) {
    if (waits) return;
    out.playlists.push({ kind: 'playlist.create', key: spec.key, resource, hash, cost: costOf('playlists.insert') });
    managed.add(spec.key, undefined);
    return;
  }
  managed.add(spec.key, existing.id);
  if (differs(existing, spec)) {
    if (!waits) out.playlists.push({ kind: 'playlist.update', key: spec.key, playlistId: existing.id, resource, hash, cost: costOf('playlists.update') });
  } else if (record?.playlistId !== existing.id || record.metadataHash !== hash) {
    out.bookkeeping.push({ kind: 'playlist.record', key: spec.key, playlistId: existing.id, hash });
  }
}

/** A channel playlist of the same title that no other spec took: made by an earlier run or by hand. */
function byTitle(spec: PlaylistSpec, playlists: readonly ChannelPlaylist[], taken: ReadonlySet<string>): ChannelPlaylist | undefined {
  return playlists.find((p) => !taken.has(p.id) && sameText(p.title, spec.title));
}

function differs(existing: ChannelPlaylist, spec: PlaylistSpec): boolean {
  return !sameText(existing.title, spec.title) || !sameText(existing.description, spec.description) || existing.privacy !== spec.privacy;
}

/** The playlists the selected clips go in: theirs, and those of other paths with the same content. */
function neededPlaylists(clips: readonly PlanClip[], only: ReadonlySet<string>): Set<string> {
  const selected = clips.filter((c) => only.has(c.relPath) && !c.skip);
  const shas = new Set(selected.map((c) => c.sha256).filter((s) => s !== undefined));
  const keys = new Set<string>();
  for (const c of clips) if (!c.skip && (only.has(c.relPath) || (c.sha256 !== undefined && shas.has(c.sha256)))) for (const k of c.playlists) keys.add(k);
  return keys;
}

/**
 * `{{ playlist.url }}` and `{{ channel.url }}` in templates. The library is read offline, before
 * the channel is: a playlist made by this very sync has no id yet. So the loader renders a stand-in
 * of the real address's length (`…?list=PL~KEY~~~…`, `…/channel/UC~~~…`: "~" is never in a YouTube
 * id), which `check` measures as it will be; the planner puts in the ids the channel already has,
 * and the executor those of the playlists it creates before any upload — so a first upload gets its
 * link in the same run.
 */
import { channelUrl, playlistUrl } from '../youtube/links.ts';
import type { ClipMetadata } from './types.ts';

/** A playlist id is "PL" and 32 characters; a channel id "UC" and 22. */
const PLAYLIST_ID_LENGTH = 34;
const CHANNEL_ID_LENGTH = 24;

const PLAYLIST_STAND_IN = /PL~([A-Za-z0-9_-]+)~+/g;
const CHANNEL_STAND_IN = /UC~{22}/g;


/** The address of the playlist `key`, its id standing in until the channel is read. */
export function playlistLinkStandIn(key: string): string {
  return playlistUrl(`PL~${key}~`.padEnd(PLAYLIST_ID_LENGTH, '~'));
}

/** The channel's address, its id standing in until the signed-in channel is known. */
export function channelLinkStandIn(): string {
  return channelUrl('UC'.padEnd(CHANNEL_ID_LENGTH, '~'));
}

export interface LinkIds {
  /** The signed-in channel. */
  channelId: string;
  /** A playlist's id by key; undefined while it is not made yet. */
  playlistId: (key: string) => string | undefined;
}

const hasStandIn = (text: string): boolean => text.includes('PL~') || text.includes('UC~');

function resolveText(text: string, ids: LinkIds): string {
  if (!hasStandIn(text)) return text;
  return text.replace(PLAYLIST_STAND_IN, (whole, key: string) => ids.playlistId(key) ?? whole).replace(CHANNEL_STAND_IN, ids.channelId);
}

/** Whether the metadata still holds a stand-in. */
export function hasLinkStandIns(m: ClipMetadata): boolean {
  return [m.title, m.description, ...m.tags, ...Object.values(m.localizations ?? {}).flatMap((l) => [l.title, l.description])].some(hasStandIn);
}

/** The texts of a video: its metadata, or the snippet and localizations of a resource. */
interface Texts {
  title: string;
  description: string;
  tags: string[];
}

type Localizations = Record<string, { title: string; description: string }>;

function resolveTexts<T extends Texts>(t: T, ids: LinkIds): T {
  return { ...t, title: resolveText(t.title, ids), description: resolveText(t.description, ids), tags: t.tags.map((x) => resolveText(x, ids)) };
}

function resolveLocalizations(l: Localizations, ids: LinkIds): Localizations {
  return Object.fromEntries(Object.entries(l).map(([lang, x]) => [lang, { title: resolveText(x.title, ids), description: resolveText(x.description, ids) }]));
}

/**
 * The metadata with the ids known so far in place of the stand-ins; the same object when it has
 * none (its hash is then unchanged).
 */
export function resolveLinks(m: ClipMetadata, ids: LinkIds): ClipMetadata {
  if (!hasLinkStandIns(m)) return m;
  const out = resolveTexts(m, ids);
  if (m.localizations) out.localizations = resolveLocalizations(m.localizations, ids);
  return out;
}

/** A video resource (videos.insert or update) with the ids known now in place of the stand-ins. */
export function resolveResourceLinks<R extends { snippet: Texts; localizations?: Localizations }>(r: R, ids: LinkIds): R {
  const out: R = { ...r, snippet: resolveTexts(r.snippet, ids) };
  if (r.localizations) out.localizations = resolveLocalizations(r.localizations, ids);
  return out;
}

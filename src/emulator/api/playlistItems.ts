/** playlistItems.list (playlistId / id) / insert / update (move) / delete. Order is position. */
import type { ApiContext, Route } from '../context.ts';
import type { ApiError } from '../http.ts';
import { errors, readJson, sendEmpty, sendJson } from '../http.ts';
import { playlistItemId } from '../ids.ts';
import type { EmulatorState, Json, StoredItem, StoredPlaylist } from '../store.ts';
import { LIMITS } from '../validate.ts';
import { asObject, asString, idList, oneFilter, parseParts, requiredParam, sendList, thumbnailsFor, withEtag } from './common.ts';
import { findPlaylist, playlistNotFound } from './playlists.ts';
import { videoNotFound } from './videos.ts';

const PARTS = ['id', 'snippet', 'contentDetails', 'status'];

const itemNotFound = (id: string): ApiError =>
  errors.notFound('playlistItemNotFound', `The playlist item identified with the request's <code>id</code> parameter cannot be found: ${id}`, 'youtube.playlistItem');

function render(state: EmulatorState, playlist: StoredPlaylist, item: StoredItem, position: number, parts: readonly string[]): Json {
  const video = state.videos.get(item.videoId);
  const title = video?.parts.snippet.title ?? 'Deleted video';
  return withEtag(
    'youtube#playlistItem',
    item.id,
    {
      snippet: {
        publishedAt: item.publishedAt,
        channelId: state.channel.id,
        title,
        description: video?.parts.snippet.description ?? '',
        thumbnails: thumbnailsFor(item.videoId, state.baseUrl),
        channelTitle: state.channel.title,
        playlistId: playlist.id,
        position,
        resourceId: { kind: 'youtube#video', videoId: item.videoId },
        videoOwnerChannelTitle: state.channel.title,
        videoOwnerChannelId: state.channel.id,
      },
      contentDetails: { videoId: item.videoId, videoPublishedAt: video?.parts.snippet.publishedAt },
      status: { privacyStatus: video?.parts.status.privacyStatus ?? 'private' },
    },
    parts,
  );
}

/** Every stored item with its playlist, for lookups by item id. */
function locate(state: EmulatorState, id: string): { playlist: StoredPlaylist; index: number } | undefined {
  for (const playlist of state.playlists.values()) {
    const index = playlist.items.findIndex((i) => i.id === id);
    if (index >= 0) return { playlist, index };
  }
  return undefined;
}

function list(ctx: ApiContext): void {
  const parts = parseParts(ctx.url, PARTS);
  const filter = oneFilter(ctx.url, ['playlistId', 'id']);
  const { state } = ctx;
  if (filter === 'id') {
    const found = idList(ctx.url)
      .map((id) => locate(state, id))
      .filter((f) => f !== undefined)
      .map((f) => render(state, f.playlist, f.playlist.items[f.index]!, f.index, parts));
    return sendList(ctx, 'youtube#playlistItemListResponse', found);
  }
  const id = ctx.url.searchParams.get('playlistId') ?? '';
  const playlist = findPlaylist(state, id);
  if (!playlist) throw playlistNotFound(id);
  const videoFilter = ctx.url.searchParams.get('videoId');
  const items = playlist.items
    .map((item, position) => ({ item, position }))
    .filter(({ item }) => videoFilter === null || item.videoId === videoFilter);
  sendList(ctx, 'youtube#playlistItemListResponse', items.map(({ item, position }) => render(state, playlist, item, position, parts)));
}

interface Target {
  playlist: StoredPlaylist;
  videoId: string;
  position: number | undefined;
}

function target(ctx: ApiContext, body: Json): Target {
  const snippet = asObject(body.snippet) ?? {};
  const id = asString(snippet.playlistId);
  if (!id) throw errors.badRequest('playlistIdRequired', 'The request must specify a playlist ID.', 'youtube.playlistItem');
  if (id === ctx.state.uploadsPlaylistId) {
    throw errors.forbidden('playlistItemsNotAccessible', 'The uploads playlist cannot be changed directly.', 'youtube.playlistItem');
  }
  const playlist = ctx.state.playlists.get(id);
  if (!playlist) throw playlistNotFound(id);
  const resource = asObject(snippet.resourceId) ?? {};
  const videoId = asString(resource.videoId);
  if (!videoId || (resource.kind !== undefined && resource.kind !== 'youtube#video')) {
    throw errors.badRequest('invalidResourceId', 'The request specifies an invalid resource ID.', 'youtube.playlistItem');
  }
  if (!ctx.state.videos.has(videoId)) throw videoNotFound(videoId);
  const position = snippet.position;
  if (position !== undefined && (typeof position !== 'number' || !Number.isInteger(position) || position < 0)) {
    throw errors.badRequest('invalidPlaylistItemPosition', 'The request specifies an invalid playlist item position.', 'youtube.playlistItem');
  }
  return { playlist, videoId, position };
}

async function insert(ctx: ApiContext): Promise<void> {
  const parts = parseParts(ctx.url, PARTS);
  const t = target(ctx, await readJson(ctx.req));
  if (t.playlist.items.length >= LIMITS.playlistItems) {
    throw errors.forbidden('playlistContainsMaximumNumberOfVideos', 'The playlist already contains the maximum allowed number of items.', 'youtube.playlistItem');
  }
  ctx.charge();
  const item: StoredItem = { id: playlistItemId(), videoId: t.videoId, publishedAt: new Date().toISOString() };
  const position = Math.min(t.position ?? t.playlist.items.length, t.playlist.items.length);
  t.playlist.items.splice(position, 0, item);
  sendJson(ctx.res, 200, render(ctx.state, t.playlist, item, position, parts));
}

async function update(ctx: ApiContext): Promise<void> {
  const parts = parseParts(ctx.url, PARTS);
  const body = await readJson(ctx.req);
  const id = asString(body.id);
  if (!id) throw errors.badRequest('playlistItemIdRequired', 'The request must specify a playlist item ID.', 'youtube.playlistItem');
  const found = locate(ctx.state, id);
  if (!found) throw itemNotFound(id);
  const t = target(ctx, body);
  if (t.playlist.id !== found.playlist.id) {
    throw errors.badRequest('invalidValue', 'A playlist item cannot move to another playlist.', 'youtube.playlistItem');
  }
  ctx.charge();
  const [item] = found.playlist.items.splice(found.index, 1);
  const next: StoredItem = { ...item!, videoId: t.videoId };
  const position = Math.min(t.position ?? found.index, found.playlist.items.length);
  found.playlist.items.splice(position, 0, next);
  sendJson(ctx.res, 200, render(ctx.state, found.playlist, next, position, parts));
}

function remove(ctx: ApiContext): void {
  const id = requiredParam(ctx.url, 'id');
  const found = locate(ctx.state, id);
  if (!found) throw itemNotFound(id);
  ctx.charge();
  found.playlist.items.splice(found.index, 1);
  sendEmpty(ctx.res, 204);
}

export const routes: Route[] = [
  { verb: 'GET', path: '/youtube/v3/playlistItems', method: 'playlistItems.list', access: 'read', handler: list },
  { verb: 'POST', path: '/youtube/v3/playlistItems', method: 'playlistItems.insert', access: 'write', handler: insert },
  { verb: 'PUT', path: '/youtube/v3/playlistItems', method: 'playlistItems.update', access: 'write', handler: update },
  { verb: 'DELETE', path: '/youtube/v3/playlistItems', method: 'playlistItems.delete', access: 'write', handler: remove },
];

/** playlists.list (mine / id) / insert / update / delete, including the channel's uploads playlist. */
import type { ApiContext, Route } from '../context.ts';
import type { ApiError } from '../http.ts';
import { errors, readJson, sendEmpty, sendJson } from '../http.ts';
import { playlistId } from '../ids.ts';
import type { EmulatorState, Json, StoredPlaylist } from '../store.ts';
import { checkDescription, checkLanguage, checkPrivacy, LIMITS } from '../validate.ts';
import { asObject, idList, oneFilter, parseParts, requiredParam, sendList, thumbnailsFor, withEtag } from './common.ts';

const PARTS = ['id', 'snippet', 'status', 'contentDetails', 'player', 'localizations'];

export const playlistNotFound = (id: string): ApiError =>
  errors.notFound('playlistNotFound', `The playlist identified with the request's <code>playlistId</code> parameter cannot be found: ${id}`, 'youtube.playlist');

/** The uploads playlist is not stored: it is the channel's videos, newest first. */
function uploadsPlaylist(state: EmulatorState): StoredPlaylist {
  return {
    id: state.uploadsPlaylistId,
    snippet: { publishedAt: state.channel.publishedAt, channelId: state.channel.id, title: `Uploads from ${state.channel.title}`, description: '', channelTitle: state.channel.title },
    status: { privacyStatus: 'public' },
    items: state.uploadsNewestFirst().map((v) => ({ id: `UU-${v.id}`, videoId: v.id, publishedAt: v.parts.snippet.publishedAt })),
  };
}

export function findPlaylist(state: EmulatorState, id: string): StoredPlaylist | undefined {
  return id === state.uploadsPlaylistId ? uploadsPlaylist(state) : state.playlists.get(id);
}

export function renderPlaylist(state: EmulatorState, p: StoredPlaylist, parts: readonly string[]): Json {
  const { defaultLanguage, ...snippet } = p.snippet;
  return withEtag(
    'youtube#playlist',
    p.id,
    {
      snippet: {
        ...snippet,
        thumbnails: thumbnailsFor(p.items[0]?.videoId ?? p.id, state.baseUrl),
        ...(defaultLanguage ? { defaultLanguage } : {}),
        localized: { title: p.snippet.title, description: p.snippet.description },
      },
      status: p.status,
      contentDetails: { itemCount: p.items.length },
      player: { embedHtml: `<iframe width="640" height="360" src="http://www.youtube.com/embed/videoseries?list=${p.id}"></iframe>` },
    },
    parts,
  );
}

function list(ctx: ApiContext): void {
  const parts = parseParts(ctx.url, PARTS);
  const filter = oneFilter(ctx.url, ['mine', 'id', 'channelId']);
  const { state } = ctx;
  let found: StoredPlaylist[];
  if (filter === 'id') {
    found = idList(ctx.url)
      .map((id) => findPlaylist(state, id))
      .filter((p): p is StoredPlaylist => p !== undefined);
  } else if (filter === 'mine' ? ctx.url.searchParams.get('mine') === 'true' : ctx.url.searchParams.get('channelId') === state.channel.id) {
    found = [...state.playlists.values()].reverse();
  } else {
    found = [];
  }
  sendList(ctx, 'youtube#playlistListResponse', found.map((p) => renderPlaylist(state, p, parts)));
}

function snippetOf(state: EmulatorState, body: Json, publishedAt: string): StoredPlaylist['snippet'] {
  const raw = asObject(body.snippet);
  const title = raw?.title;
  if (typeof title !== 'string' || title.trim() === '') {
    throw errors.badRequest('playlistTitleRequired', 'The request must specify a playlist title.', 'youtube.playlist');
  }
  if ([...title].length > LIMITS.playlistTitleChars || /[<>]/.test(title)) {
    throw errors.badRequest('invalidPlaylistSnippet', 'The request provides an invalid playlist snippet.', 'youtube.playlist');
  }
  const description = checkDescription(raw?.description, 'youtube.playlist');
  const snippet: StoredPlaylist['snippet'] = { publishedAt, channelId: state.channel.id, title, description, channelTitle: state.channel.title };
  const lang = checkLanguage(raw?.defaultLanguage, 'invalidDefaultLanguage');
  if (lang) snippet.defaultLanguage = lang;
  return snippet;
}

function statusOf(body: Json, previous: StoredPlaylist['status'] | undefined): StoredPlaylist['status'] {
  const raw = asObject(body.status);
  if (raw?.privacyStatus === undefined && previous) return previous;
  return { privacyStatus: checkPrivacy(raw?.privacyStatus, 'youtube.playlist') };
}

async function insert(ctx: ApiContext): Promise<void> {
  const parts = parseParts(ctx.url, PARTS);
  const body = await readJson(ctx.req);
  const playlist: StoredPlaylist = {
    id: playlistId(),
    snippet: snippetOf(ctx.state, body, new Date().toISOString()),
    status: statusOf(body, undefined),
    items: [],
  };
  ctx.charge();
  ctx.state.playlists.set(playlist.id, playlist);
  sendJson(ctx.res, 200, renderPlaylist(ctx.state, playlist, parts));
}

function owned(ctx: ApiContext, id: string): StoredPlaylist {
  if (id === ctx.state.uploadsPlaylistId) {
    throw errors.forbidden('playlistForbidden', 'The uploads playlist cannot be changed.', 'youtube.playlist');
  }
  const playlist = ctx.state.playlists.get(id);
  if (!playlist) throw playlistNotFound(id);
  return playlist;
}

async function update(ctx: ApiContext): Promise<void> {
  const parts = parseParts(ctx.url, PARTS);
  const body = await readJson(ctx.req);
  if (typeof body.id !== 'string') throw errors.badRequest('playlistIdRequired', 'The request must specify a playlist ID.', 'youtube.playlist');
  const playlist = owned(ctx, body.id);
  const snippet = parts.includes('snippet') ? snippetOf(ctx.state, body, playlist.snippet.publishedAt) : playlist.snippet;
  const status = parts.includes('status') ? statusOf(body, playlist.status) : playlist.status;
  ctx.charge();
  playlist.snippet = snippet;
  playlist.status = status;
  sendJson(ctx.res, 200, renderPlaylist(ctx.state, playlist, parts));
}

function remove(ctx: ApiContext): void {
  const id = requiredParam(ctx.url, 'id');
  owned(ctx, id);
  ctx.charge();
  ctx.state.playlists.delete(id);
  sendEmpty(ctx.res, 204);
}

export const routes: Route[] = [
  { verb: 'GET', path: '/youtube/v3/playlists', method: 'playlists.list', access: 'read', handler: list },
  { verb: 'POST', path: '/youtube/v3/playlists', method: 'playlists.insert', access: 'write', handler: insert },
  { verb: 'PUT', path: '/youtube/v3/playlists', method: 'playlists.update', access: 'write', handler: update },
  { verb: 'DELETE', path: '/youtube/v3/playlists', method: 'playlists.delete', access: 'write', handler: remove },
];

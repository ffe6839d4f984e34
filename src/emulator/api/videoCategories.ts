/**
 * videoCategories.list (developers.google.com/youtube/v3/docs/videoCategories/list): `part=snippet`
 * and exactly one of `regionCode` or `id`. Every region gets the same assignable categories;
 * `hl` is accepted and the titles stay English. An `id` no category has → 404 videoCategoryNotFound.
 */
import type { ApiContext, Route } from '../context.ts';
import { errors } from '../http.ts';
import type { Json } from '../store.ts';
import { CATEGORIES } from '../validate.ts';
import { idList, oneFilter, parseParts, sendList, withEtag } from './common.ts';

/** The channel YouTube's own categories belong to. */
const YOUTUBE_CHANNEL_ID = 'UCBR8-60-B28hp2BmDPdntcQ';

function category(id: string, title: string, parts: readonly string[]): Json {
  return withEtag('youtube#videoCategory', id, { snippet: { title, assignable: true, channelId: YOUTUBE_CHANNEL_ID } }, parts);
}

function list(ctx: ApiContext): void {
  const parts = parseParts(ctx.url, ['id', 'snippet']);
  const filter = oneFilter(ctx.url, ['id', 'regionCode']);
  let ids = [...CATEGORIES.keys()];
  if (filter === 'id') {
    const asked = idList(ctx.url);
    ids = asked.filter((id) => CATEGORIES.has(id));
    const missing = asked.find((id) => !CATEGORIES.has(id));
    if (missing !== undefined) {
      throw errors.notFound('videoCategoryNotFound', `The video category identified by the <code>id</code> parameter cannot be found: ${missing}`, 'youtube.videoCategory');
    }
  }
  sendList(ctx, 'youtube#videoCategoryListResponse', ids.map((id) => category(id, CATEGORIES.get(id)!, parts)), false);
}

export const routes: Route[] = [{ verb: 'GET', path: '/youtube/v3/videoCategories', method: 'videoCategories.list', access: 'read', handler: list }];

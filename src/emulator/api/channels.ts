/** channels.list: the signed-in user's one channel (`mine=true`) or by `id`. */
import type { ApiContext, Route } from '../context.ts';
import type { Json } from '../store.ts';
import { idList, oneFilter, parseParts, sendList, thumbnailsFor, withEtag } from './common.ts';

const PARTS = ['id', 'snippet', 'contentDetails', 'statistics', 'status', 'brandingSettings'];

function list(ctx: ApiContext): void {
  const parts = parseParts(ctx.url, PARTS);
  const filter = oneFilter(ctx.url, ['mine', 'id', 'forHandle', 'forUsername']);
  const { state } = ctx;
  const ch = state.channel;
  const mine =
    (filter === 'mine' && ctx.url.searchParams.get('mine') === 'true') || (filter === 'id' && idList(ctx.url).includes(ch.id));
  const resource: Json = {
    snippet: {
      title: ch.title,
      description: 'A channel served by the happytube emulator.',
      customUrl: '@happyschool',
      publishedAt: ch.publishedAt,
      thumbnails: thumbnailsFor(ch.id, state.baseUrl),
      localized: { title: ch.title, description: 'A channel served by the happytube emulator.' },
    },
    contentDetails: { relatedPlaylists: { likes: '', uploads: state.uploadsPlaylistId } },
    statistics: { viewCount: '0', subscriberCount: '0', hiddenSubscriberCount: false, videoCount: String(state.videos.size) },
    status: { privacyStatus: 'public', isLinked: true, longUploadsStatus: 'allowed', madeForKids: false },
    brandingSettings: { channel: { title: ch.title } },
  };
  sendList(ctx, 'youtube#channelListResponse', mine ? [withEtag('youtube#channel', ch.id, resource, parts)] : []);
}

export const routes: Route[] = [{ verb: 'GET', path: '/youtube/v3/channels', method: 'channels.list', access: 'read', handler: list }];

/** thumbnails.set: a JPEG or PNG for a video, `uploadType=media` (or multipart) on the upload endpoint. */
import { sniffImage } from '../container.ts';
import type { ApiContext, Route } from '../context.ts';
import { meteredBody } from '../faults.ts';
import { ApiError, errors, sendJson } from '../http.ts';
import { boundaryOf, readMultipart } from '../multipart.ts';
import { drainInto } from '../sink.ts';
import { LIMITS } from '../validate.ts';
import { requiredParam, thumbnailsFor } from './common.ts';
import { videoNotFound } from './videos.ts';

const tooLarge = (): ApiError =>
  new ApiError(413, 'mediaBodyTooLarge', `The thumbnail image file is too large: at most ${LIMITS.thumbnailBytes} bytes.`, { domain: 'youtube.thumbnail', close: true });

async function set(ctx: ApiContext): Promise<void> {
  const id = requiredParam(ctx.url, 'videoId');
  const video = ctx.state.videos.get(id);
  if (!video) throw videoNotFound(id);
  if (ctx.state.unverifiedChannel) {
    ctx.charge();
    throw errors.forbidden('forbidden', "The authenticated user doesn't have permissions to upload and set custom video thumbnails.", 'youtube.thumbnail');
  }
  const boundary = boundaryOf(ctx.req.headers['content-type']);
  const body = meteredBody(ctx.req, ctx.state.faults);
  const media = boundary ? (await readMultipart(body, boundary)).media : body;
  const sink = await drainInto(media, LIMITS.thumbnailBytes, tooLarge);
  if (sink.size === 0) throw errors.badRequest('mediaBodyRequired', 'The request does not include the image content.', 'youtube.thumbnail');
  const type = sniffImage(sink.head);
  if (!type) throw errors.badRequest('invalidImage', 'The provided image content is invalid: use a JPEG or PNG file.', 'youtube.thumbnail');
  ctx.charge();
  video.thumbnail = { sha256: sink.digest(), size: sink.size, type };
  sendJson(ctx.res, 200, { kind: 'youtube#thumbnailSetResponse', etag: sink.digest().slice(0, 27), items: [thumbnailsFor(id, ctx.state.baseUrl)] });
}

function withoutMedia(): never {
  throw errors.badRequest('mediaBodyRequired', 'The request does not include the image content.', 'youtube.thumbnail');
}

export const routes: Route[] = [
  { verb: 'POST', path: '/upload/youtube/v3/thumbnails/set', method: 'thumbnails.set', access: 'upload', handler: set },
  { verb: 'POST', path: '/youtube/v3/thumbnails/set', method: 'thumbnails.set', access: 'upload', handler: withoutMedia },
];

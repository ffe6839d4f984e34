/** captions.insert (multipart: the caption resource + a timed text file) and captions.list. */
import type { ApiContext, Route } from '../context.ts';
import { meteredBody } from '../faults.ts';
import { ApiError, errors, parseJsonObject, sendJson } from '../http.ts';
import { captionId } from '../ids.ts';
import { boundaryOf, readMultipart } from '../multipart.ts';
import { drainInto } from '../sink.ts';
import type { Json, StoredCaption } from '../store.ts';
import { checkLanguage, LIMITS } from '../validate.ts';
import { asObject, asString, idList, parseParts, requiredParam, sendList, withEtag } from './common.ts';
import { videoNotFound } from './videos.ts';

const PARTS = ['id', 'snippet'];

const tooLarge = (): ApiError =>
  new ApiError(413, 'mediaBodyTooLarge', `The caption file is too large: at most ${LIMITS.captionBytes} bytes.`, { domain: 'youtube.caption', close: true });

function render(c: StoredCaption, parts: readonly string[]): Json {
  return withEtag('youtube#caption', c.id, { snippet: c.snippet }, parts);
}

async function insert(ctx: ApiContext): Promise<void> {
  const parts = parseParts(ctx.url, PARTS);
  const boundary = boundaryOf(ctx.req.headers['content-type']);
  if (!boundary) throw errors.badRequest('mediaBodyRequired', 'captions.insert needs the caption resource and the file (uploadType=multipart).', 'youtube.caption');
  const body = await readMultipart(meteredBody(ctx.req, ctx.state.faults), boundary);
  const snippet = asObject(body.metadata ? parseJsonObject(body.metadata.toString('utf8')).snippet : undefined) ?? {};
  const videoId = asString(snippet.videoId);
  if (!videoId) throw errors.badRequest('videoIdRequired', 'The caption resource must specify snippet.videoId.', 'youtube.caption');
  if (!ctx.state.videos.has(videoId)) throw videoNotFound(videoId);
  const language = checkLanguage(snippet.language, 'invalidMetadata');
  if (!language) throw errors.badRequest('invalidMetadata', 'The caption resource must specify snippet.language.', 'youtube.caption');
  const sink = await drainInto(body.media, LIMITS.captionBytes, tooLarge);
  if (!sink.head.toString('utf8').includes('-->')) {
    throw errors.badRequest('contentRequired', 'The caption file has no timing: upload an SRT or WebVTT file.', 'youtube.caption');
  }
  ctx.charge();
  const caption: StoredCaption = {
    id: captionId(),
    videoId,
    sha256: sink.digest(),
    size: sink.size,
    snippet: {
      videoId,
      lastUpdated: new Date().toISOString(),
      trackKind: 'standard',
      language,
      name: asString(snippet.name) ?? '',
      audioTrackType: 'unknown',
      isCC: false,
      isLarge: false,
      isEasyReader: false,
      isDraft: snippet.isDraft === true,
      isAutoSynced: false,
      status: 'serving',
    },
  };
  ctx.state.captions.set(caption.id, caption);
  sendJson(ctx.res, 200, render(caption, parts));
}

function list(ctx: ApiContext): void {
  const parts = parseParts(ctx.url, PARTS);
  const videoId = requiredParam(ctx.url, 'videoId');
  if (!ctx.state.videos.has(videoId)) throw videoNotFound(videoId);
  const ids = idList(ctx.url);
  const found = [...ctx.state.captions.values()].filter((c) => c.videoId === videoId && (ids.length === 0 || ids.includes(c.id)));
  sendList(ctx, 'youtube#captionListResponse', found.map((c) => render(c, parts)), false);
}

export const routes: Route[] = [
  { verb: 'GET', path: '/youtube/v3/captions', method: 'captions.list', access: 'captions', handler: list },
  { verb: 'POST', path: '/upload/youtube/v3/captions', method: 'captions.insert', access: 'captions', handler: insert },
];

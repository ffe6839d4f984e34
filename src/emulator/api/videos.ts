/**
 * videos.list / update / delete, and the video resource itself (built at upload by uploads.ts).
 * `videos.update` replaces every field of each part it sends, as the reference says.
 */
import type { ApiContext, Route } from '../context.ts';
import type { ApiError } from '../http.ts';
import { errors, readJson, sendEmpty, sendJson } from '../http.ts';
import type { EmulatorState, Json, StoredVideo, VideoParts, VideoSnippet, VideoStatus } from '../store.ts';
import {
  checkBoolean,
  checkCategory,
  checkDescription,
  checkLanguage,
  checkLocalizations,
  checkPrivacy,
  checkPublishAt,
  checkTags,
  checkTitle,
  scheduledStatus,
} from '../validate.ts';
import { asObject, idList, oneFilter, parseParts, requiredParam, sendList, thumbnailsFor, withEtag } from './common.ts';

export const VIDEO_PARTS = ['id', 'snippet', 'status', 'contentDetails', 'fileDetails', 'processingDetails', 'statistics', 'recordingDetails', 'player', 'topicDetails', 'localizations'];
const UPDATABLE = ['id', 'snippet', 'status', 'recordingDetails', 'localizations'];

export const videoNotFound = (id: string): ApiError =>
  errors.notFound('videoNotFound', `The video identified by the <code>id</code> parameter could not be found: ${id}`, 'youtube.video');

/** Validated snippet of a request body (insert or update). */
function snippetFrom(state: EmulatorState, raw: Json, onUpdate: boolean, publishedAt: string): VideoSnippet {
  const title = checkTitle(raw.title);
  const description = checkDescription(raw.description);
  const tags = checkTags(raw.tags);
  const categoryId = checkCategory(raw.categoryId, onUpdate);
  const snippet: VideoSnippet = {
    publishedAt,
    channelId: state.channel.id,
    title,
    description,
    thumbnails: {},
    channelTitle: state.channel.title,
    categoryId,
    liveBroadcastContent: 'none',
    localized: { title, description },
  };
  if (tags !== undefined) snippet.tags = tags;
  const lang = checkLanguage(raw.defaultLanguage, 'invalidDefaultLanguage');
  if (lang !== undefined) snippet.defaultLanguage = lang;
  const audio = checkLanguage(raw.defaultAudioLanguage, 'invalidDefaultAudioLanguage');
  if (audio !== undefined) snippet.defaultAudioLanguage = audio;
  return snippet;
}

function statusFrom(state: EmulatorState, raw: Json, previous: VideoStatus | undefined, override?: boolean): VideoStatus {
  const asked = raw.privacyStatus === undefined && previous ? previous.privacyStatus : checkPrivacy(raw.privacyStatus);
  const scheduled = scheduledStatus(asked, checkPublishAt(raw.publishAt, asked));
  const kids = checkBoolean(raw.selfDeclaredMadeForKids, 'status.selfDeclaredMadeForKids') ?? previous?.selfDeclaredMadeForKids;
  const license = raw.license === undefined ? 'youtube' : raw.license;
  if (license !== 'youtube' && license !== 'creativeCommon') throw errors.badRequest('invalidLicense', 'Invalid license.', 'youtube.video');
  const status: VideoStatus = {
    uploadStatus: previous?.uploadStatus ?? 'processed',
    privacyStatus: state.forcePrivate ? 'private' : scheduled.privacy,
    license,
    embeddable: checkBoolean(raw.embeddable, 'status.embeddable') ?? true,
    publicStatsViewable: checkBoolean(raw.publicStatsViewable, 'status.publicStatsViewable') ?? true,
    madeForKids: override ?? kids ?? false,
  };
  if (previous?.failureReason) status.failureReason = previous.failureReason;
  if (previous?.rejectionReason) status.rejectionReason = previous.rejectionReason;
  if (scheduled.publishAt !== undefined) status.publishAt = scheduled.publishAt;
  if (kids !== undefined) status.selfDeclaredMadeForKids = kids;
  const synthetic = checkBoolean(raw.containsSyntheticMedia, 'status.containsSyntheticMedia');
  if (synthetic !== undefined) status.containsSyntheticMedia = synthetic;
  return status;
}

/**
 * The parts of a new video from the resource sent with videos.insert (validated before any byte
 * is accepted). File, processing and upload status are filled in when the bytes complete.
 */
export function newVideoParts(state: EmulatorState, body: Json): VideoParts {
  const snippet = snippetFrom(state, asObject(body.snippet) ?? {}, false, new Date().toISOString());
  const status = statusFrom(state, asObject(body.status) ?? {}, undefined);
  return {
    snippet,
    status,
    contentDetails: {},
    fileDetails: {},
    processingDetails: {},
    statistics: { viewCount: '0', likeCount: '0', favoriteCount: '0', commentCount: '0' },
    recordingDetails: asObject(body.recordingDetails) ?? {},
    localizations: checkLocalizations(body.localizations, snippet.defaultLanguage),
  };
}

/**
 * What a videos.list shows of a video's status and processing. A video of the fault `processing`
 * shows YouTube still at work (`uploaded`, `processing`) for its next reads.
 */
function processingView(video: StoredVideo): Pick<VideoParts, 'status' | 'processingDetails'> {
  const p = video.parts;
  if (!video.processingReads) return { status: p.status, processingDetails: p.processingDetails };
  return {
    status: { ...p.status, uploadStatus: 'uploaded' },
    processingDetails: { processingStatus: 'processing', processingProgress: { partsTotal: '10', partsProcessed: '3', timeLeftMs: '60000' } },
  };
}

export function renderVideo(state: EmulatorState, video: StoredVideo, parts: readonly string[]): Json {
  const p = video.parts;
  const snippet = { ...p.snippet, thumbnails: thumbnailsFor(video.id, state.baseUrl) };
  const captions = [...state.captions.values()].some((c) => c.videoId === video.id);
  const { status, processingDetails } = processingView(video);
  return withEtag(
    'youtube#video',
    video.id,
    {
      snippet,
      status,
      contentDetails: { ...p.contentDetails, caption: captions ? 'true' : 'false' },
      fileDetails: p.fileDetails,
      processingDetails,
      statistics: p.statistics,
      recordingDetails: p.recordingDetails,
      localizations: p.localizations,
      player: { embedHtml: `<iframe width="480" height="270" src="//www.youtube.com/embed/${video.id}"></iframe>` },
    },
    parts,
  );
}

function list(ctx: ApiContext): void {
  const parts = parseParts(ctx.url, VIDEO_PARTS);
  const filter = oneFilter(ctx.url, ['id', 'chart', 'myRating']);
  if (filter !== 'id') return sendList(ctx, 'youtube#videoListResponse', []);
  const ids = idList(ctx.url);
  if (ids.length > 50) throw errors.invalidParameter('id', 'Too many ids: at most 50.');
  const found = ids.map((id) => ctx.state.videos.get(id)).filter((v): v is StoredVideo => v !== undefined);
  sendList(ctx, 'youtube#videoListResponse', found.map((v) => renderVideo(ctx.state, v, parts)), false);
  for (const v of found) if (v.processingReads) v.processingReads -= 1;
}

async function update(ctx: ApiContext): Promise<void> {
  const parts = parseParts(ctx.url, VIDEO_PARTS);
  const readOnly = parts.find((p) => !UPDATABLE.includes(p));
  if (readOnly) throw errors.badRequest('invalidPart', `The part '${readOnly}' cannot be updated.`, 'youtube.part');
  const body = await readJson(ctx.req);
  const id = typeof body.id === 'string' ? body.id : undefined;
  if (!id) throw errors.badRequest('videoIdRequired', 'The request metadata must specify a video ID.', 'youtube.video');
  const video = ctx.state.videos.get(id);
  if (!video) throw videoNotFound(id);
  const next: VideoParts = { ...video.parts };
  if (parts.includes('snippet')) {
    next.snippet = snippetFrom(ctx.state, asObject(body.snippet) ?? {}, true, video.parts.snippet.publishedAt);
  }
  if (parts.includes('status')) next.status = statusFrom(ctx.state, asObject(body.status) ?? {}, video.parts.status, video.madeForKidsOverride);
  if (parts.includes('recordingDetails')) next.recordingDetails = asObject(body.recordingDetails) ?? {};
  if (parts.includes('localizations')) next.localizations = checkLocalizations(body.localizations, next.snippet.defaultLanguage);
  ctx.charge();
  video.parts = next;
  sendJson(ctx.res, 200, renderVideo(ctx.state, video, parts));
}

function remove(ctx: ApiContext): void {
  const id = requiredParam(ctx.url, 'id');
  if (!ctx.state.videos.has(id)) throw videoNotFound(id);
  ctx.charge();
  ctx.state.videos.delete(id);
  for (const playlist of ctx.state.playlists.values()) playlist.items = playlist.items.filter((i) => i.videoId !== id);
  for (const [cid, caption] of ctx.state.captions) if (caption.videoId === id) ctx.state.captions.delete(cid);
  sendEmpty(ctx.res, 204);
}

function insertWithoutMedia(): never {
  throw errors.badRequest('mediaBodyRequired', 'The request does not include the video content.', 'youtube.video');
}

export const routes: Route[] = [
  { verb: 'GET', path: '/youtube/v3/videos', method: 'videos.list', access: 'read', handler: list },
  { verb: 'PUT', path: '/youtube/v3/videos', method: 'videos.update', access: 'write', handler: update },
  { verb: 'DELETE', path: '/youtube/v3/videos', method: 'videos.delete', access: 'write', handler: remove },
  { verb: 'POST', path: '/youtube/v3/videos', method: 'videos.insert', access: 'upload', handler: insertWithoutMedia },
];

/**
 * videos.insert over the upload endpoint, as developers.google.com/youtube/v3/guides/
 * using_resumable_upload_protocol documents it:
 * - `POST /upload/youtube/v3/videos?uploadType=resumable&part=…` with the resource as JSON and
 *   `X-Upload-Content-Length` / `X-Upload-Content-Type` → 200 and the session URI in `Location`.
 * - `PUT` to the session: the whole body, or chunks with `Content-Range: bytes S-E/T`; every
 *   chunk but the last a multiple of 256 KiB (else 400); S must be where the session stands (else
 *   400, with `Range`). An unfinished chunk → 308 with `Range: bytes=0-N`; the last → 201 and the
 *   video.
 * - Status query `Content-Range: bytes *\/T` → 308 (with `Range` once bytes arrived) or the
 *   finished video again. Unknown session → 404.
 * - An interrupted request keeps the bytes up to the last 256 KiB boundary (see sink.ts).
 * - One request writes into a session at a time. A request that arrives while another one still
 *   writes waits for it (up to 5 s), or cuts it off when it is held by `stall-upload`: the
 *   server noticing the old connection gone. Under `late-notice` a dropped request is noticed only
 *   at the `notice` action; until then the session is locked, as the IETF resumable-upload draft
 *   allows: its status query reports the bytes held before that request, and a PUT of bytes gets
 *   400 "Another request for this upload is still in progress" (see faults.ts).
 * - `uploadType=multipart`: metadata and media in one `multipart/related` body → 200 and the video.
 * The bytes are hashed as they arrive and never stored.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newVideoParts, renderVideo, VIDEO_PARTS } from './api/videos.ts';
import { parseParts } from './api/common.ts';
import { sniffContainer } from './container.ts';
import type { ApiContext, Route } from './context.ts';
import { ConnectionLost, meteredBody } from './faults.ts';
import { ApiError, errors, parseJsonObject, readBody, sendApiError, sendJson } from './http.ts';
import { uploadId, videoId } from './ids.ts';
import { boundaryOf, readMultipart } from './multipart.ts';
import { ByteSink, CHUNK_GRANULARITY, releaseChunk } from './sink.ts';
import type { EmulatorState, StoredVideo, UploadSession, VideoParts, Writer } from './store.ts';

/** YouTube's largest file: 256 GB. */
const MAX_VIDEO_BYTES = 256 * 1024 ** 3;
/** How long a status query waits for a request still writing into the session. */
const SETTLE_WAIT_MS = 5000;


/** The `release` action: held requests read on. */
export function releaseHeld(state: EmulatorState): void {
  for (const session of state.sessions.values()) session.writer?.held?.release();
}

/** The `notice` action: dropped and held requests are noticed gone. */
export function noticeDropped(state: EmulatorState): void {
  for (const session of state.sessions.values()) {
    session.writer?.held?.cut();
    session.writer?.unnoticed?.();
  }
}

const badRange = (message: string, headers: Record<string, string> = {}): ApiError =>
  new ApiError(400, 'badRequest', message, { domain: 'global', headers, close: true });

function isVideoType(type: string): boolean {
  const t = type.toLowerCase().split(';')[0]!.trim();
  return t.startsWith('video/') || t === 'application/octet-stream';
}

/** upload-503 fault: answered before a byte of the body is read. */
function upload503(state: EmulatorState): void {
  if (state.faults.upload503 > 0) {
    state.faults.upload503 -= 1;
    throw new ApiError(503, 'backendError', 'Backend Error', { domain: 'global', close: true });
  }
}

/** videos.insert's `notifySubscribers`: `true` (the default) or `false`. */
function notifySubscribersOf(url: URL): boolean {
  const value = url.searchParams.get('notifySubscribers');
  if (value === null || value === 'true') return true;
  if (value === 'false') return false;
  throw errors.invalidParameter('notifySubscribers', `Invalid boolean value: '${value}'.`);
}

/**
 * Turns a session's bytes into a video: processed if they look like a container, else rejected;
 * then the faults that play YouTube's later verdicts (reject-upload, made-for-kids, processing,
 * phantom-upload).
 */
function finish(state: EmulatorState, parts: VideoParts, sink: ByteSink, fileName: string, notifySubscribers: boolean): StoredVideo {
  const container = sink.size > 0 ? sniffContainer(sink.head) : undefined;
  const next: VideoParts = { ...parts, status: { ...parts.status } };
  next.fileDetails = { fileName, fileSize: String(sink.size), fileType: container ? 'video' : 'other', ...(container ? { container } : {}) };
  const availability = {
    fileDetailsAvailability: 'available',
    processingIssuesAvailability: 'available',
    tagSuggestionsAvailability: 'available',
    editorSuggestionsAvailability: 'available',
    thumbnailsAvailability: container ? 'available' : 'unavailable',
  };
  if (container) {
    next.status.uploadStatus = 'processed';
    next.contentDetails = { duration: 'PT0S', dimension: '2d', definition: 'hd', caption: 'false', licensedContent: false, contentRating: {}, projection: 'rectangular' };
    next.processingDetails = { processingStatus: 'succeeded', processingProgress: { partsTotal: '1', partsProcessed: '1', timeLeftMs: '0' }, ...availability };
  } else {
    next.status.uploadStatus = 'rejected';
    next.status.rejectionReason = 'invalidFile';
    next.contentDetails = { duration: 'P0D', dimension: '2d', definition: 'sd', caption: 'false', licensedContent: false, contentRating: {}, projection: 'rectangular' };
    next.processingDetails = { processingStatus: 'failed', processingFailureReason: 'uploadFailed', ...availability };
  }
  const { faults } = state;
  if (container && faults.rejectUpload !== undefined) {
    next.status.uploadStatus = 'rejected';
    next.status.rejectionReason = faults.rejectUpload;
    faults.rejectUpload = undefined;
  }
  const transfer = sink.firstByteAt !== undefined && sink.lastByteAt !== undefined ? { firstByteAt: sink.firstByteAt, lastByteAt: sink.lastByteAt } : undefined;
  const video: StoredVideo = { id: videoId(), sha256: sink.digest(), size: sink.size, parts: next, thumbnail: undefined, transfer, notifySubscribers };
  if (faults.madeForKids > 0) {
    faults.madeForKids -= 1;
    video.madeForKidsOverride = true;
    next.status.madeForKids = true;
  }
  if (faults.processing > 0) {
    faults.processing -= 1;
    video.processingReads = 1;
  }
  if (faults.phantomUploads > 0) {
    faults.phantomUploads -= 1;
    return video; // answered, never stored: no videos.list finds it
  }
  state.videos.set(video.id, video);
  return video;
}

function fileNameOf(req: IncomingMessage): string {
  const slug = req.headers.slug;
  return typeof slug === 'string' && slug !== '' ? decodeURIComponent(slug) : 'video';
}

async function initiate(ctx: ApiContext): Promise<void> {
  const asked = parseParts(ctx.url, VIDEO_PARTS);
  const { req, state } = ctx;
  const lengthHeader = req.headers['x-upload-content-length'];
  let total: number | undefined;
  if (typeof lengthHeader === 'string') {
    if (!/^\d+$/.test(lengthHeader) || Number(lengthHeader) > MAX_VIDEO_BYTES) {
      throw errors.badRequest('invalidValue', `Invalid X-Upload-Content-Length: ${lengthHeader}`, 'global');
    }
    total = Number(lengthHeader);
  }
  const type = req.headers['x-upload-content-type'];
  if (typeof type === 'string' && !isVideoType(type)) {
    throw errors.badRequest('badContent', `Media type '${type}' is not supported. Valid media types: [video/*, application/octet-stream]`, 'global');
  }
  const body = await readBody(req);
  const parts = newVideoParts(state, body.length === 0 ? {} : parseJsonObject(body.toString('utf8')));
  const notifySubscribers = notifySubscribersOf(ctx.url);
  ctx.charge();
  const session: UploadSession = { id: uploadId(), parts, notifySubscribers, asked, total, fileName: fileNameOf(req), sink: new ByteSink(), video: undefined, writer: undefined };
  state.sessions.set(session.id, session);
  const location = new URL('/upload/youtube/v3/videos', state.baseUrl);
  location.searchParams.set('uploadType', 'resumable');
  location.searchParams.set('upload_id', session.id);
  if (ctx.url.searchParams.has('part')) location.searchParams.set('part', ctx.url.searchParams.get('part')!);
  ctx.res.writeHead(200, { location: location.toString(), 'x-guploader-uploadid': session.id, 'content-length': '0' });
  ctx.res.end();
}

async function multipart(ctx: ApiContext): Promise<void> {
  const asked = parseParts(ctx.url, VIDEO_PARTS);
  const { req, state } = ctx;
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) throw errors.badRequest('badContent', 'uploadType=multipart needs a multipart/related body with a boundary.', 'global');
  upload503(state);
  const body = await readMultipart(meteredBody(req, state.faults), boundary);
  if (!isVideoType(body.mediaType)) {
    throw new ApiError(400, 'badContent', `Media type '${body.mediaType}' is not supported. Valid media types: [video/*, application/octet-stream]`, { domain: 'global', close: true });
  }
  const parts = newVideoParts(state, body.metadata ? parseJsonObject(body.metadata.toString('utf8')) : {});
  const notifySubscribers = notifySubscribersOf(ctx.url);
  ctx.charge();
  const sink = new ByteSink();
  for await (const chunk of body.media) sink.write(chunk);
  const video = finish(state, parts, sink, fileNameOf(req), notifySubscribers);
  sendJson(ctx.res, 200, renderVideo(state, video, asked));
}

async function insert(ctx: ApiContext): Promise<void> {
  const type = ctx.url.searchParams.get('uploadType');
  if (type === 'resumable') return initiate(ctx);
  if (type === 'multipart') return multipart(ctx);
  throw errors.invalidParameter('uploadType', `Invalid value '${type ?? ''}': use resumable or multipart.`);
}

interface Range {
  start: number;
  end: number;
  total: number | undefined;
}

/** `bytes S-E/T`, `bytes S-E/*`, `bytes *\/T`; undefined start for a status query. */
function parseContentRange(value: string): Range | { query: true; total: number | undefined } {
  const query = /^bytes \*\/(\d+|\*)$/.exec(value.trim());
  if (query) return { query: true, total: query[1] === '*' ? undefined : Number(query[1]) };
  const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value.trim());
  if (!range) throw badRange(`Invalid Content-Range header: ${value}`);
  const start = Number(range[1]);
  const end = Number(range[2]);
  if (end < start) throw badRange(`Invalid Content-Range header: ${value}`);
  return { start, end, total: range[3] === '*' ? undefined : Number(range[3]) };
}

function rangeHeader(session: UploadSession): Record<string, string> {
  return session.sink.size > 0 ? { range: `bytes=0-${session.sink.size - 1}` } : {};
}

function incomplete(res: ServerResponse, session: UploadSession, held = session.sink.size): void {
  res.writeHead(308, { ...(held > 0 ? { range: `bytes=0-${held - 1}` } : {}), 'content-length': '0', 'x-guploader-uploadid': session.id });
  res.end();
}

/**
 * Before a request touches a session another request writes into: the writer is cut off if held
 * (noticed gone), waited for a little if it still writes. Returns the writer when the session is
 * still locked (late-notice, not yet noticed).
 */
async function settleWriter(state: EmulatorState, session: UploadSession): Promise<Writer | undefined> {
  const writer = session.writer;
  if (!writer) return undefined;
  if (state.faults.lateNotice) return writer;
  writer.held?.cut();
  await Promise.race([writer.ended, new Promise((resolve) => setTimeout(resolve, SETTLE_WAIT_MS))]);
  return undefined;
}

const stillInProgress = (): ApiError =>
  new ApiError(400, 'badRequest', 'Another request for this upload is still in progress. Wait for it to end, then ask for the session status.', {
    domain: 'global',
  });

const noSession = (): ApiError =>
  new ApiError(404, 'notFound', 'The upload session does not exist or has expired. Start a new upload.', { domain: 'global', close: true });

/** PUT to a session URI: a status query, the whole body, or one chunk. No auth: the URI is the credential. */
export async function putSession(state: EmulatorState, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { session, locked } = await sessionOf(state, url);
  const header = req.headers['content-range'];
  const range = header === undefined ? undefined : parseContentRange(header);
  if (session.video) return sendJson(res, 200, renderVideo(state, session.video, session.asked));
  if (range && 'query' in range) return answerStatus(state, res, session, range.total, locked);
  if (locked) {
    // Answered at once, the body then read and dropped (not a reset): the client reads the answer.
    sendApiError(res, stillInProgress());
    return;
  }
  const lengthHeader = req.headers['content-length'];
  const write = checkWrite(session, range, header, lengthHeader === undefined ? undefined : Number(lengthHeader));
  upload503(state);
  await receive(state, session, req, write.length);
  // Expired (fault expire-sessions) while the bytes were arriving.
  if (state.sessions.get(session.id) !== session) throw noSession();
  const complete = write.total !== undefined ? session.sink.size === write.total : write.last;
  if (!complete) return incomplete(res, session);
  session.total = session.sink.size;
  session.video = finish(state, session.parts, session.sink, session.fileName, session.notifySubscribers);
  sendJson(res, 201, renderVideo(state, session.video, session.asked));
}

/** The session a URI names, once a request still writing into it has ended or been cut off. */
async function sessionOf(state: EmulatorState, url: URL): Promise<{ session: UploadSession; locked: Writer | undefined }> {
  const session = state.sessions.get(url.searchParams.get('upload_id') ?? '');
  if (!session) throw noSession();
  const locked = await settleWriter(state, session);
  if (state.sessions.get(session.id) !== session) throw noSession();
  return { session, locked };
}

/** A status query: the bytes held (before the locking request's, or fewer under `stale-status`). */
function answerStatus(state: EmulatorState, res: ServerResponse, session: UploadSession, total: number | undefined, locked: Writer | undefined): void {
  if (total !== undefined && session.total !== undefined && total !== session.total) {
    throw badRange(`The upload's size is ${session.total} bytes, not ${total}.`);
  }
  if (locked) return incomplete(res, session, locked.before);
  const held = session.sink.size;
  if (state.faults.staleStatus > 0 && held >= CHUNK_GRANULARITY) {
    state.faults.staleStatus -= 1;
    return incomplete(res, session, held - CHUNK_GRANULARITY);
  }
  incomplete(res, session);
}

/** What a PUT of bytes will write: its length, the upload's total and whether it is the last. */
interface Write {
  length: number | undefined;
  total: number | undefined;
  last: boolean;
}

/** Refuses a PUT of bytes that does not continue the session where it stands, as YouTube does. */
function checkWrite(session: UploadSession, range: Range | undefined, header: string | undefined, declared: number | undefined): Write {
  // Without Content-Range the body is the whole file.
  const start = range ? range.start : 0;
  const length = range ? range.end - range.start + 1 : declared;
  const claimed = range ? range.total : declared;
  if (session.total !== undefined && claimed !== undefined && claimed !== session.total) {
    throw badRange(`The upload's size is ${session.total} bytes, not ${claimed}.`, rangeHeader(session));
  }
  const total = claimed ?? session.total;
  if (start !== session.sink.size) {
    throw badRange(
      `Invalid request. According to the Content-Range header, the upload offset is at byte ${start}, but the session has ${session.sink.size} bytes. Ask for the session status and resume from there.`,
      rangeHeader(session),
    );
  }
  if (range && declared !== undefined && declared !== length) {
    throw badRange(`Content-Length ${declared} does not match Content-Range ${header ?? ''}.`, rangeHeader(session));
  }
  const end = length === undefined ? undefined : start + length;
  if (total !== undefined && end !== undefined && end > total) {
    throw badRange(`Content-Range ${header ?? ''} goes past the end of the upload.`, rangeHeader(session));
  }
  const last = range === undefined || (total !== undefined && end === total);
  if (!last && length !== undefined && length % CHUNK_GRANULARITY !== 0) {
    throw badRange(
      `Invalid request. The number of bytes uploaded is required to be equal or greater than ${CHUNK_GRANULARITY}, except for the final request (it's recommended to be the exact multiple of ${CHUNK_GRANULARITY}). The received request contained ${length} bytes, which does not meet this requirement.`,
      rangeHeader(session),
    );
  }
  return { length, total, last };
}

/**
 * Reads the body into the session as its one writer: committed when all `length` bytes arrived,
 * rolled back to the last 256 KiB boundary otherwise.
 */
async function receive(state: EmulatorState, session: UploadSession, req: IncomingMessage, length: number | undefined): Promise<void> {
  let settle = (): void => undefined;
  const before = session.sink.size;
  const writer: Writer = { before, ended: new Promise<void>((resolve) => (settle = resolve)), held: undefined, unnoticed: undefined, cutOff: false };
  session.writer = writer;
  const hold = (): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      writer.held = {
        release: () => resolve(true),
        cut: () => {
          writer.cutOff = true;
          req.socket.destroy();
          resolve(false);
        },
      };
    }).finally(() => (writer.held = undefined));
  try {
    for await (const chunk of meteredBody(req, state.faults, hold)) {
      if (length !== undefined && session.sink.size - before + chunk.length > length) throw badRange('More bytes than announced.');
      session.sink.write(chunk);
      releaseChunk(chunk);
    }
    if (length !== undefined && session.sink.size - before !== length) throw badRange('Fewer bytes than announced.');
    session.sink.commit();
  } catch (error) {
    // A connection gone that the server does not notice yet: the session stays locked until `notice`.
    if (error instanceof ConnectionLost && state.faults.lateNotice && !writer.cutOff) await new Promise<void>((resolve) => (writer.unnoticed = resolve));
    session.sink.rollback();
    throw error;
  } finally {
    session.writer = undefined;
    settle();
  }
}

export const routes: Route[] = [{ verb: 'POST', path: '/upload/youtube/v3/videos', method: 'videos.insert', access: 'upload', handler: insert }];

/**
 * YouTube's resumable upload protocol (developers.google.com/youtube/v3/guides/
 * using_resumable_upload_protocol), streamed from disk over node:http/https (./http.ts).
 *
 * 1. `POST uploadRoot?uploadType=resumable&part=…` with the video resource and
 *    `X-Upload-Content-Length`/`-Type` → the session URI in `Location`, handed to `saveSession`
 *    before the first byte is sent.
 * 2. One streamed `PUT` of the whole file (or chunks of `chunkSize`, multiples of 256 KiB).
 * 3. After any failure: `PUT` with `Content-Range: bytes *\/TOTAL` → `308` + `Range: bytes=0-N`
 *    (continue from N+1), or `200/201` with the video (it had completed), or `404/410` (the session
 *    expired: start a new one). `Retry-After` is honoured; connection errors, 5xx and 429 back off
 *    exponentially with full jitter, bounded by `retry.maxAttempts` consecutive failures without
 *    progress, then a WorkLeftError (exit 3) with the session still saved. Every resume asks the
 *    server first and sends from the offset it gives, never from what this process remembers.
 * 4. A session may still be busy with a request whose connection the server has not yet seen end
 *    (a process killed mid-upload and run again at once; a power cut or a Wi-Fi drop may go
 *    unnoticed for minutes). The IETF resumable-upload draft lets a server lock it (`409`, or
 *    Google's `400 Another request for this upload is still in progress`) while its status query
 *    still reports fewer bytes than were sent; then the next PUT meets more bytes than it expected
 *    (`400 the upload offset is at byte X, but the session has Y bytes`). Both are waited out with
 *    backoff, asking the status again each time, for `busyWindowMs` (minutes): never counted as a
 *    failure, never answered with a new session (each one costs an upload from the day's 100).
 * 5. A request that goes `idleTimeoutMs` (a minute) without a byte acknowledged (a lid closed,
 *    Wi-Fi lost without a reset) is abandoned and the upload resumed. A file whose size or modification time differ as
 *    it is read (a copy from a phone still running) is not completed: the session is abandoned
 *    with a FileChangedError before its last bytes leave, so YouTube never publishes half a clip.
 *
 * A saved session is only used on the origin of the upload address: its URI carries the bearer
 * token and every byte, and `.happytube/sessions.json` may have been edited or come from elsewhere.
 *
 * The file is read once: its SHA-256 is computed from the very buffers that are sent. After a
 * resume the part already on the server is hashed from disk first, the rest on the way.
 */
import { createHash, type Hash } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { open, type FileHandle } from 'node:fs/promises';
import type http from 'node:http';
import { basename } from 'node:path';
import { AuthError, ExitCode, HappyError, InputError, WorkLeftError } from '../errors.ts';
import { upload as M } from '../i18n/catalog/upload.ts';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, sleep, type RetryPolicy } from './backoff.ts';
import { isTransientStatus, parseApiErrorBody, YouTubeApiError } from './errors.ts';
import { exchange, TransportError } from './http.ts';
import type { HttpAnswer } from './http.ts';
import { TokenBucket } from './rate-limit.ts';
import { requestTimeoutMs } from './transport.ts';

/** Chunks must be multiples of this (256 KiB). */
export const CHUNK_QUANTUM = 256 * 1024;
/** Read size: large reads keep the syscall and event-loop cost per byte low. */
export const DEFAULT_READ_SIZE = 1024 * 1024;
/** Buffers read ahead of the socket; the memory an upload holds is POOL_BUFFERS × read size. */
const POOL_BUFFERS = 4;
const PROGRESS_INTERVAL_MS = 200;
/** The file's size and mtime are checked again after this many bytes read, and before its last bytes. */
const CHANGE_CHECK_BYTES = 64 * 1024 * 1024;
/** How long a busy session is waited on before the run gives up on it for now (exit 3, kept). */
export const DEFAULT_BUSY_WINDOW_MS = 10 * 60_000;
/** The longest wait between two status queries of a busy session. */
const BUSY_MAX_DELAY_MS = 10_000;

/**
 * The file changed while it uploaded (size or modification time), or since the library was read:
 * still being copied. Its upload is abandoned, nothing is published; exit 3, run again later.
 */
export class FileChangedError extends HappyError {
  readonly file: string;
  constructor(file: string) {
    super(ExitCode.workLeft, M.fileChanged({ file }), { hint: M.fileChangedHint() });
    this.file = file;
  }
}

/**
 * Returns the headers that authorize a request (`{ Authorization: 'Bearer …' }`). Called before
 * every request; `forceRefresh` is true after YouTube answered 401, so a token that expired (or was
 * revoked server-side) mid-upload is replaced without losing any byte.
 */
export type Authorize = (options: { forceRefresh: boolean }) => Promise<Record<string, string>>;

/** A resumable session as saved in `.happytube/`: it belongs to one file at one size and mtime. */
export interface UploadSession {
  uri: string;
  size: number;
  mtimeMs: number;
  /** ISO time the session was opened (YouTube expires sessions after some time). */
  startedAt: string;
}

export interface UploadProgress {
  /** Bytes of the file now on their way or on the server (from 0, including a resumed part). */
  sent: number;
  total: number;
  /** Average speed of this run's sending, bytes per second. */
  bytesPerSec: number;
}

export interface UploadRetry {
  /** Consecutive failures without progress, from 1. */
  attempt: number;
  delayMs: number;
  /** What failed, for a log line: `HTTP 503`, `ECONNRESET`, `session expired`… */
  reason: string;
}

export interface UploadBusy {
  /** Waits on this session so far, from 1. */
  attempt: number;
  delayMs: number;
  /** What the server said (`HTTP 400 …still in progress`, `HTTP 409`, an offset it then changed). */
  reason: string;
}

export interface UploadResult {
  /** The video resource YouTube returned. */
  video: Record<string, unknown> & { id: string };
  videoId: string;
  /** Hex SHA-256 of the whole file. */
  sha256: string;
  size: number;
  /** Bytes this call put on the wire (more than size - resumed offset only after retries). */
  bytesSent: number;
  /** True when a session saved by an earlier run was continued rather than started again. */
  resumed: boolean;
}

export interface UploadEventMap {
  /** A session is in use: `isNew` when it was just opened (and saved), false when resumed. */
  session: [{ session: UploadSession; isNew: boolean; offset: number }];
  /** A PUT of bytes [from, end) starts (after a failure, `from` is the server's Range + 1). */
  send: [{ from: number; end: number; total: number }];
  progress: [UploadProgress];
  retry: [UploadRetry];
  /** The session is busy on the server's side (see the module comment): waited on, then asked again. */
  busy: [UploadBusy];
  /** A saved session was not used: its URI is not on the upload address's origin. */
  discarded: [{ session: UploadSession; origin: string }];
  done: [UploadResult];
}

export interface UploadOptions {
  /** Path of the video file. */
  file: string;
  /** Size and mtime of the file as the caller saw them; they are saved with the session. */
  size: number;
  mtimeMs: number;
  /** The video resource (snippet, status, …) sent with the initiation. */
  resource: Record<string, unknown>;
  /** The `part` list, e.g. ['snippet', 'status']. */
  parts: readonly string[];
  /** e.g. `${apiRoot}upload/youtube/v3/videos`. */
  uploadRoot: string;
  /** `X-Upload-Content-Type` and the PUT's `Content-Type` (default `video/*`). */
  contentType?: string;
  authorize: Authorize;
  /** A session saved by an earlier run; ignored (a new one is opened) if size or mtime differ. */
  session?: UploadSession;
  /** Persists a new session; awaited before the first byte is sent. */
  saveSession: (session: UploadSession) => Promise<void>;
  events?: EventEmitter<UploadEventMap>;
  /** Bytes per second (see parseRate), or a TokenBucket shared by concurrent uploads. */
  limitRate?: number | TokenBucket;
  /** Send in chunks of this many bytes (a multiple of 256 KiB). Default: one streamed PUT. */
  chunkSize?: number;
  /** Aborting stops at once with a WorkLeftError; the session stays saved. */
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  /** The file's SHA-256 if already known: the file is then not hashed again. */
  knownSha256?: string;
  /** Read size (default 1 MiB). */
  readSize?: number;
  /**
   * A request with no byte acknowledged (no socket activity) for this long is dropped and the upload
   * resumed (default: the request timeout, a minute; see `requestTimeoutMs`).
   */
  idleTimeoutMs?: number;
  /** How long a busy session is waited on (default 10 minutes). */
  busyWindowMs?: number;
}

/** `Range: bytes=0-N` → N + 1; absent → 0. */
function nextByteFromRange(range: string | undefined): number {
  const match = range === undefined ? null : /bytes=0-(\d+)/.exec(range);
  return match?.[1] === undefined ? 0 : Number(match[1]) + 1;
}

function readVideo(answer: HttpAnswer): UploadResult['video'] {
  try {
    const video = JSON.parse(answer.body) as Record<string, unknown>;
    if (typeof video.id === 'string' && video.id !== '') return video as UploadResult['video'];
  } catch {
    // fall through: not a video
  }
  throw new HappyError(ExitCode.failure, M.badVideoResponse({ status: answer.status }), { hint: M.protocolHint() });
}

type Outcome =
  | { kind: 'done'; video: UploadResult['video'] }
  | { kind: 'at'; next: number }
  | { kind: 'gone' }
  | { kind: 'unauthorized' }
  | { kind: 'retry'; reason: string; retryAfterMs: number | undefined }
  | { kind: 'busy'; reason: string }
  /** A PUT of bytes refused with 400: an offset the server moved past, or a real refusal (`error`). */
  | { kind: 'refused'; error: YouTubeApiError };

/** Google's words for a session locked by a request it has not seen end. */
const STILL_IN_PROGRESS = /still in progress/i;

/** What an answer means for the upload; permanent refusals throw. `sending`: a PUT that carried bytes. */
function interpret(answer: HttpAnswer, sending = false): Outcome {
  const { status } = answer;
  if (status === 200 || status === 201) return { kind: 'done', video: readVideo(answer) };
  if (status === 308) {
    const range: unknown = answer.headers.range;
    return { kind: 'at', next: nextByteFromRange(typeof range === 'string' ? range : undefined) };
  }
  if (status === 404 || status === 410) return { kind: 'gone' };
  if (status === 401) return { kind: 'unauthorized' };
  const detail = parseApiErrorBody(status, answer.body);
  if (isTransientStatus(status, detail.reason)) {
    return { kind: 'retry', reason: `HTTP ${status} ${detail.reason}`, retryAfterMs: parseRetryAfter(answer.headers['retry-after']) };
  }
  if (status === 409 || (status === 400 && STILL_IN_PROGRESS.test(detail.message))) {
    return { kind: 'busy', reason: `HTTP ${status} ${detail.message.slice(0, 100)}` };
  }
  const error = new YouTubeApiError(status, detail);
  if (sending && status === 400) return { kind: 'refused', error };
  throw error;
}

/** The origin of a URL, or undefined when it is not one. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Whether a session URI is on the origin of the upload address (the only place it may be used). */
export function onOrigin(sessionUri: string, uploadRoot: string): boolean {
  const origin = originOf(uploadRoot);
  return origin !== undefined && originOf(sessionUri) === origin;
}

type Step = { kind: 'initiate' } | { kind: 'query' } | { kind: 'send'; from: number };

class ResumableUpload {
  readonly #o: UploadOptions;
  readonly #policy: RetryPolicy;
  readonly #bucket: TokenBucket | undefined;
  readonly #readSize: number;
  readonly #idleTimeoutMs: number;
  readonly #hash: Hash | undefined;
  #hashedUpTo = 0;
  #session: UploadSession | undefined;
  #forceRefresh = false;
  #resumed = false;
  #bytesSent = 0;
  #confirmed = 0;
  readonly #startedAt = performance.now();
  #lastProgressAt = 0;
  readonly #busyWindowMs: number;
  /** Waits on a busy session since the last progress, and when the first of them began. */
  #busyWaits = 0;
  #busySince = 0;
  /** A PUT of bytes from `from` was refused: the next status query tells an offset from a refusal. */
  #refused: { from: number; error: YouTubeApiError } | undefined;
  /** Consecutive failures without progress. */
  #failures = 0;
  /** True until the first status query of a session saved by an earlier run has answered. */
  #reusing = false;
  /** One immediate retry after a kept-alive socket turned out closed. */
  #staleRetried = false;

  constructor(options: UploadOptions) {
    this.#o = options;
    this.#policy = { ...DEFAULT_RETRY, ...options.retry };
    const rate = options.limitRate;
    this.#bucket = rate === undefined ? undefined : typeof rate === 'number' ? new TokenBucket(rate) : rate;
    const readSize = options.readSize ?? DEFAULT_READ_SIZE;
    this.#readSize = this.#bucket ? this.#bucket.pieceSize(readSize) : readSize;
    this.#idleTimeoutMs = options.idleTimeoutMs ?? requestTimeoutMs();
    this.#busyWindowMs = options.busyWindowMs ?? DEFAULT_BUSY_WINDOW_MS;
    this.#hash = options.knownSha256 === undefined ? createHash('sha256') : undefined;
  }

  /**
   * Asks, sends and resumes until YouTube returns the video: each answer (or failed connection)
   * decides the next step, always from where the server says it stands.
   */
  async run(): Promise<UploadResult> {
    this.#checkOptions();
    let step = this.#firstStep();
    for (;;) {
      try {
        const outcome = await this.#perform(step);
        this.#answered(step, outcome);
        if (outcome.kind === 'done') return await this.#finish(outcome.video);
        step = await this.#next(step, outcome);
      } catch (error) {
        step = await this.#recover(step, error);
      }
    }
  }

  #checkOptions(): void {
    const o = this.#o;
    if (o.size <= 0) throw new InputError(M.emptyFile({ file: o.file }), { hint: M.emptyFileHint() });
    if (o.chunkSize !== undefined && (!Number.isInteger(o.chunkSize) || o.chunkSize <= 0 || o.chunkSize % CHUNK_QUANTUM !== 0)) {
      throw new InputError(M.badChunkSize({ value: o.chunkSize }), { hint: M.badChunkSizeHint() });
    }
  }

  /** A session saved for this file (same size and mtime) on the upload's origin is asked first; else one is opened. */
  #firstStep(): Step {
    const o = this.#o;
    let saved = o.session;
    if (saved && !onOrigin(saved.uri, o.uploadRoot)) {
      // Never send the token or a byte to a session URI elsewhere: open a new session instead.
      o.events?.emit('discarded', { session: saved, origin: originOf(o.uploadRoot) ?? o.uploadRoot });
      saved = undefined;
    }
    if (saved && saved.size === o.size && saved.mtimeMs === o.mtimeMs) {
      this.#session = saved;
      this.#reusing = true;
      return { kind: 'query' };
    }
    return { kind: 'initiate' };
  }

  /** What any answer settles: the stale-socket retry, the forced refresh, whether a saved session was resumed. */
  #answered(step: Step, outcome: Outcome): void {
    const o = this.#o;
    this.#staleRetried = false;
    if (outcome.kind !== 'unauthorized') this.#forceRefresh = false;
    if (this.#reusing && step.kind === 'query' && (outcome.kind === 'done' || outcome.kind === 'at')) {
      this.#reusing = false;
      const offset = outcome.kind === 'done' ? o.size : outcome.next;
      this.#resumed = offset > 0;
      if (this.#session) o.events?.emit('session', { session: this.#session, isNew: false, offset });
    }
  }

  /** The step after an answer that is not the video. */
  async #next(step: Step, outcome: Exclude<Outcome, { kind: 'done' }>): Promise<Step> {
    switch (outcome.kind) {
      case 'at':
        return this.#sendFrom(step, outcome.next);
      case 'busy':
        await this.#waitBusy(outcome.reason);
        return { kind: 'query' };
      case 'refused':
        if (step.kind !== 'send') throw outcome.error;
        this.#refused = { from: step.from, error: outcome.error };
        return { kind: 'query' };
      case 'gone':
        return this.#startAgain();
      case 'unauthorized':
        if (this.#forceRefresh) throw new AuthError(M.authRejected({ file: this.#o.file }), { hint: M.authRejectedHint() });
        this.#forceRefresh = true;
        return step.kind === 'send' ? { kind: 'query' } : step;
      case 'retry':
        await this.#backoff(outcome.reason, outcome.retryAfterMs);
        return step.kind === 'send' ? { kind: 'query' } : step;
    }
  }

  /** The server has bytes [0, next): they are sent from there, once a refused PUT is understood. */
  async #sendFrom(step: Step, next: number): Promise<Step> {
    const refused = this.#refused;
    this.#refused = undefined;
    if (refused && step.kind === 'query') {
      // The server stands where the refused PUT started: it was a real refusal.
      if (next === refused.from) throw refused.error;
      // It had more (or fewer) bytes than it said before: send from where it stands now.
      await this.#waitBusy(`HTTP 400 offset ${refused.from}, server at ${next}`);
    }
    if (next > this.#confirmed) {
      this.#failures = 0;
      this.#busyWaits = 0;
    }
    this.#confirmed = Math.max(this.#confirmed, next);
    return { kind: 'send', from: next };
  }

  /** The session expired: a new one is opened after a backoff. */
  async #startAgain(): Promise<Step> {
    this.#session = undefined;
    this.#busyWaits = 0;
    this.#reusing = false;
    await this.#backoff('session expired', undefined);
    return { kind: 'initiate' };
  }

  /**
   * After a thrown step: an abort stops with a WorkLeftError, a connection that failed is retried
   * (at once for a stale kept-alive socket, else after a wait), anything else is thrown on.
   */
  async #recover(step: Step, error: unknown): Promise<Step> {
    const o = this.#o;
    if (o.signal?.aborted) {
      throw new WorkLeftError(M.interrupted({ file: o.file, sent: this.#confirmed, total: o.size }), {
        hint: M.interruptedHint(),
        cause: error,
      });
    }
    if (!(error instanceof TransportError)) throw error;
    if (error.reusedSocket && !this.#staleRetried) {
      this.#staleRetried = true;
    } else if (this.#busyWaits > 0 && step.kind === 'send') {
      // A busy session may also answer a PUT by closing it: still the wait, not a failure.
      await this.#waitBusy(error.message);
    } else {
      await this.#backoff(error.message, undefined);
    }
    return step.kind === 'send' ? { kind: 'query' } : step;
  }

  /** Counts one more failure without progress and waits before the next attempt, or gives up with a WorkLeftError. */
  async #backoff(reason: string, retryAfterMs: number | undefined): Promise<void> {
    const o = this.#o;
    const attempt = this.#failures + 1;
    if (attempt >= this.#policy.maxAttempts) {
      throw new WorkLeftError(M.retriesExhausted({ file: o.file, attempts: attempt, reason }), {
        hint: M.retriesExhaustedHint(),
      });
    }
    if (retryAfterMs !== undefined && retryAfterMs > this.#policy.maxDelayMs) {
      throw new WorkLeftError(M.retryTooLate({ file: o.file, seconds: Math.ceil(retryAfterMs / 1000) }), {
        hint: M.retryTooLateHint(),
      });
    }
    const delayMs = Math.max(retryAfterMs ?? 0, backoffDelay(attempt, this.#policy));
    o.events?.emit('retry', { attempt, delayMs, reason });
    await sleep(delayMs, o.signal);
    this.#failures = attempt;
  }

  /**
   * Waits on a session the server reports busy (or whose offset moved under a PUT) before asking its
   * status again; past the busy window, gives up for now with a WorkLeftError, the session kept.
   */
  async #waitBusy(reason: string): Promise<void> {
    const o = this.#o;
    const now = performance.now();
    if (this.#busyWaits === 0) this.#busySince = now;
    if (now - this.#busySince >= this.#busyWindowMs) {
      throw new WorkLeftError(M.sessionBusy({ file: o.file, minutes: Math.round(this.#busyWindowMs / 60_000) }), { hint: M.sessionBusyHint() });
    }
    this.#busyWaits += 1;
    const delayMs = Math.min(BUSY_MAX_DELAY_MS, this.#policy.maxDelayMs, this.#policy.baseDelayMs * 2 ** (this.#busyWaits - 1));
    o.events?.emit('busy', { attempt: this.#busyWaits, delayMs, reason });
    await sleep(delayMs, o.signal);
  }

  async #headers(): Promise<Record<string, string>> {
    return this.#o.authorize({ forceRefresh: this.#forceRefresh });
  }

  async #perform(step: Step): Promise<Outcome> {
    if (step.kind === 'initiate') return this.#initiate();
    const session = this.#session;
    if (!session) return { kind: 'gone' };
    if (step.kind === 'query') {
      const answer = await exchange(new URL(session.uri), {
        method: 'PUT',
        headers: { ...(await this.#headers()), 'Content-Length': '0', 'Content-Range': `bytes */${this.#o.size}` },
        idleTimeoutMs: this.#idleTimeoutMs,
        signal: this.#o.signal,
      });
      return interpret(answer);
    }
    return this.#send(session, step.from);
  }

  /** Opens a session and saves it; a success is reported as "the server has 0 bytes". */
  async #initiate(): Promise<Outcome> {
    const o = this.#o;
    const url = new URL(o.uploadRoot);
    url.searchParams.set('uploadType', 'resumable');
    url.searchParams.set('part', o.parts.join(','));
    const body = JSON.stringify(o.resource);
    const answer = await exchange(url, {
      method: 'POST',
      headers: {
        ...(await this.#headers()),
        'Content-Type': 'application/json; charset=UTF-8',
        'Content-Length': String(Buffer.byteLength(body)),
        'X-Upload-Content-Length': String(o.size),
        'X-Upload-Content-Type': o.contentType ?? 'video/*',
        // The file name YouTube keeps in fileDetails.fileName: what adoption matches when state is lost.
        Slug: encodeURIComponent(basename(o.file).normalize('NFC')),
      },
      body,
      idleTimeoutMs: this.#idleTimeoutMs,
      signal: o.signal,
    });
    if (answer.status !== 200 && answer.status !== 201) {
      const outcome = interpret(answer);
      // A 404 here is the upload endpoint itself missing, not an expired session.
      if (outcome.kind === 'gone' || outcome.kind === 'done' || outcome.kind === 'at') throw YouTubeApiError.fromResponse(answer.status, answer.body);
      return outcome;
    }
    const location = answer.headers.location;
    if (!location) throw new HappyError(ExitCode.failure, M.noSessionUri({ status: answer.status }), { hint: M.protocolHint() });
    const session: UploadSession = {
      uri: new URL(location, url).href,
      size: o.size,
      mtimeMs: o.mtimeMs,
      startedAt: new Date().toISOString(),
    };
    await o.saveSession(session);
    this.#session = session;
    this.#confirmed = 0;
    o.events?.emit('session', { session, isNew: true, offset: 0 });
    return { kind: 'at', next: 0 };
  }

  /** PUTs bytes [from, end) — the rest of the file, or one chunk. */
  async #send(session: UploadSession, from: number): Promise<Outcome> {
    const o = this.#o;
    if (from >= o.size) return { kind: 'retry', reason: `server reports ${from} of ${o.size} bytes but no video`, retryAfterMs: undefined };
    await this.#hashFromDisk(from);
    const end = o.chunkSize === undefined ? o.size : Math.min(o.size, Math.floor(from / CHUNK_QUANTUM) * CHUNK_QUANTUM + o.chunkSize);
    const headers = await this.#headers();
    o.events?.emit('send', { from, end, total: o.size });
    const answer = await exchange(new URL(session.uri), {
      method: 'PUT',
      headers: {
        ...headers,
        'Content-Type': o.contentType ?? 'video/*',
        'Content-Length': String(end - from),
        'Content-Range': `bytes ${from}-${end - 1}/${o.size}`,
      },
      body: (req, stopped) => this.#stream(req, stopped, from, end),
      idleTimeoutMs: this.#idleTimeoutMs,
      signal: o.signal,
    });
    return interpret(answer, true);
  }

  /**
   * Streams [from, end) of the file into the request, hashing each buffer before it is written.
   * A fixed pool of buffers is read into in turn; a buffer is read into again only once the socket
   * has taken its previous contents, so memory stays flat for any file size and nothing is copied.
   */
  async #stream(req: http.ClientRequest, stopped: () => boolean, from: number, end: number): Promise<boolean> {
    const o = this.#o;
    const closed = new Promise<void>((resolve) => req.once('close', resolve));
    const pool = Array.from({ length: POOL_BUFFERS }, () => Buffer.allocUnsafeSlow(this.#readSize));
    const taken: Promise<void>[] = pool.map(() => Promise.resolve());
    const handle = await open(o.file, 'r');
    try {
      let position = from;
      let checkedAt = from;
      for (let turn = 0; position < end; turn = (turn + 1) % POOL_BUFFERS) {
        await Promise.race([taken[turn], closed]);
        if (stopped()) return false;
        const buffer = pool[turn] ?? Buffer.alloc(0);
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, end - position), position);
        if (bytesRead === 0) throw new InputError(M.fileShrank({ file: o.file, expected: end, got: position }), { hint: M.fileShrankHint() });
        // A file still being copied grows as it is read: its bytes go on only while it is still the
        // file the session was opened for, so its last bytes never leave (nothing is published).
        if (position + bytesRead === o.size || position + bytesRead - checkedAt >= CHANGE_CHECK_BYTES) {
          await this.#checkUnchanged(handle);
          checkedAt = position + bytesRead;
        }
        const chunk = buffer.subarray(0, bytesRead);
        this.#hashBuffer(position, chunk);
        if (this.#bucket) await this.#bucket.take(bytesRead, o.signal);
        if (stopped()) return false;
        taken[turn] = new Promise<void>((resolve) => req.write(chunk, () => resolve()));
        position += bytesRead;
        this.#bytesSent += bytesRead;
        this.#progress(position, position === end);
      }
      return !stopped();
    } finally {
      await handle.close();
    }
  }

  async #checkUnchanged(handle: FileHandle): Promise<void> {
    const now = await handle.stat();
    if (now.size !== this.#o.size || now.mtimeMs !== this.#o.mtimeMs) throw new FileChangedError(this.#o.file);
  }

  /** Hashes the part of `buffer` (at file offset `position`) not hashed yet. */
  #hashBuffer(position: number, buffer: Buffer): void {
    if (!this.#hash) return;
    const skip = this.#hashedUpTo - position;
    if (skip >= buffer.length) return;
    this.#hash.update(skip > 0 ? buffer.subarray(skip) : buffer);
    this.#hashedUpTo = position + buffer.length;
  }

  /** Brings the hash up to `offset` by reading from disk what was sent in an earlier run. */
  async #hashFromDisk(offset: number): Promise<void> {
    if (!this.#hash || this.#hashedUpTo >= offset) return;
    const buffer = Buffer.allocUnsafeSlow(DEFAULT_READ_SIZE);
    const handle = await open(this.#o.file, 'r');
    try {
      while (this.#hashedUpTo < offset) {
        const position = this.#hashedUpTo;
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, offset - position), position);
        if (bytesRead === 0) {
          throw new InputError(M.fileShrank({ file: this.#o.file, expected: offset, got: position }), { hint: M.fileShrankHint() });
        }
        this.#hashBuffer(position, buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
  }

  #progress(sent: number, force: boolean): void {
    const events = this.#o.events;
    if (!events) return;
    const now = performance.now();
    if (!force && now - this.#lastProgressAt < PROGRESS_INTERVAL_MS) return;
    this.#lastProgressAt = now;
    const seconds = (now - this.#startedAt) / 1000;
    events.emit('progress', { sent, total: this.#o.size, bytesPerSec: seconds > 0 ? Math.round(this.#bytesSent / seconds) : 0 });
  }

  async #finish(video: UploadResult['video']): Promise<UploadResult> {
    const o = this.#o;
    let sha256 = o.knownSha256;
    if (sha256 === undefined) {
      await this.#hashFromDisk(o.size);
      sha256 = this.#hash?.digest('hex') ?? '';
    }
    const result: UploadResult = { video, videoId: video.id, sha256, size: o.size, bytesSent: this.#bytesSent, resumed: this.#resumed };
    o.events?.emit('done', result);
    return result;
  }
}

/**
 * Uploads `options.file` with YouTube's resumable protocol and returns the video YouTube created.
 * Resumes `options.session` if it still belongs to the same file (size and mtime); survives dropped
 * connections, 5xx, 429, expired sessions and access tokens. Throws YouTubeApiError for a permanent
 * refusal (`reason` says why: `quotaExceeded`, `uploadLimitExceeded`, `invalidTitle`…), AuthError
 * when a fresh token is refused, WorkLeftError when retries are exhausted, a busy session stays
 * busy or the signal aborts (the session stays saved: the next call resumes it), FileChangedError
 * for a file that changed while it uploaded, InputError for an empty or shrinking file.
 * Emits on `options.events`: `session` (opened or resumed), `discarded` (a saved session on another
 * origin), `send` (a PUT of bytes starts), `progress` (at most every 200 ms), `retry` (before each
 * wait), `busy` (before each wait on a busy session), `done` (with the result).
 */
export function uploadResumable(options: UploadOptions): Promise<UploadResult> {
  return new ResumableUpload(options).run();
}

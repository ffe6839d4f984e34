/**
 * Faults the emulator injects on request, by `--fault SPEC` (repeatable) or
 * `POST /__admin/faults { "faults": [SPEC, …] }` (which replaces the pending faults; `[]` clears).
 */
import type { IncomingMessage } from 'node:http';

export interface FaultPlan {
  /** Drop the connection after this many bytes of the next upload body (one shot). */
  dropUploadAfter: number | undefined;
  /** Answer 503 to this many upload requests that carry bytes. */
  upload503: number;
  /** Answer 503 to this many Data API calls. */
  api503: number;
  /** Answer 429 to this many Data API calls, with `Retry-After` if set. */
  api429: number;
  retryAfterSeconds: number | undefined;
  /**
   * Data API writes to carry out and then drop the connection before the answer: how many, by
   * method (`videos.insert`, …) or `*` for any write.
   */
  lostAnswers: Record<string, number>;
  /** Read upload bodies at this many bytes a second (0 = full speed). */
  slowBytesPerSecond: number;
  /** Stop reading the next upload body after this many bytes, and answer nothing (one shot). */
  stallUploadAfter: number | undefined;
  /** A dropped upload connection is not noticed until the `notice` action: its session stays busy. */
  lateNotice: boolean;
  /** This many status queries report 256 KiB fewer than the session holds. */
  staleStatus: number;
  /** The next upload is rejected by YouTube with this `rejectionReason` (one shot). */
  rejectUpload: string | undefined;
  /** YouTube decides that the next N uploaded videos are made for kids, whatever they declare. */
  madeForKids: number;
  /** The next N uploaded videos still show as processing to their first videos.list. */
  processing: number;
  /** The final answer of the next N uploads names a video that is not on the channel. */
  phantomUploads: number;
}

/** One-shot actions a spec may ask for besides the plan. */
export type FaultAction =
  | 'expire-tokens'
  | 'expire-sessions'
  | 'quota-exhausted'
  | 'uploads-exhausted'
  | 'channel-upload-limit'
  | 'release'
  | 'notice';

/** The request's connection ended before its body did (dropped by a fault, or by the client). */
export class ConnectionLost extends Error {}

export interface ParsedFaults {
  plan: FaultPlan;
  actions: FaultAction[];
}

export function emptyPlan(): FaultPlan {
  return {
    dropUploadAfter: undefined,
    upload503: 0,
    api503: 0,
    api429: 0,
    retryAfterSeconds: undefined,
    lostAnswers: {},
    slowBytesPerSecond: 0,
    stallUploadAfter: undefined,
    lateNotice: false,
    staleStatus: 0,
    rejectUpload: undefined,
    madeForKids: 0,
    processing: 0,
    phantomUploads: 0,
  };
}

export class FaultSyntaxError extends Error {
  readonly spec: string;
  constructor(spec: string, why: string) {
    super(`bad fault "${spec}": ${why}`);
    this.spec = spec;
  }
}

function count(spec: string, value: string | undefined, what: string): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new FaultSyntaxError(spec, `${what} must be a whole number`);
  return Number(value);
}

/**
 * Parses fault specs. Syntax (one spec per `--fault`):
 * - `drop-upload:K` — drop the connection after K bytes of the next upload body (resumable PUT
 *   or multipart POST). The session keeps what YouTube would: the bytes up to the last whole
 *   256 KiB.
 * - `upload-503:N` — the next N upload requests that carry bytes get 503 backendError, unread.
 * - `api-503:N` — the next N Data API calls (under /youtube/v3/) get 503 backendError.
 * - `api-429:N[:RETRY_AFTER_S]` — the next N Data API calls get 429 rateLimitExceeded, with a
 *   `Retry-After` header of RETRY_AFTER_S seconds when given.
 * - `api-lost-answer:N[:METHOD]` — the next N Data API writes (POST, PUT, DELETE, including media
 *   uploads of thumbnails and captions and the start of a resumable upload, but not the bytes of
 *   a session), or the next N calls of METHOD (e.g. `playlistItems.insert`), are carried out,
 *   then the connection drops before the answer: the client cannot tell whether its insert
 *   happened (a Wi-Fi drop at the worst moment). Specs for different METHODs add up.
 * - `slow:BYTES_PER_SEC` — upload bodies are read at that rate (`slow:0` = full speed again).
 * - `stall-upload:K` — once K bytes of the next upload body arrived (a little more: what the
 *   connection handed over with the K-th byte) the emulator stops reading it and
 *   answers nothing, as a connection does when a laptop's lid closes or its Wi-Fi goes without a
 *   reset. The request is held until the `release` action (reading goes on), or until another
 *   request for its session arrives: then it is cut off as noticed gone (under `late-notice`,
 *   only at `notice`).
 * - `late-notice` — the emulator notices a dropped upload connection only at the `notice` action
 *   (a power cut or a Wi-Fi drop may go unnoticed by Google for minutes). Until then its session is
 *   busy: a status query reports the bytes it held before that request (fewer than were sent), and
 *   a PUT of bytes is refused with 400 "Another request for this upload is still in progress".
 * - `notice` — every dropped (or held) upload connection is noticed now: its session keeps the
 *   bytes up to the last whole 256 KiB and serves again.
 * - `release` — held uploads (`stall-upload`) are read again.
 * - `stale-status:N` — the next N status queries of a session holding at least 256 KiB report
 *   256 KiB fewer than it holds, as a status answer that lags what the server stored.
 * - `reject-upload[:REASON]` — the next upload completes, then YouTube rejects the video:
 *   `uploadStatus: rejected` with `rejectionReason` REASON (default `duplicate`).
 * - `made-for-kids:N` — YouTube sets the audience of the next N uploaded videos to made for kids
 *   (`status.madeForKids: true`), whatever `selfDeclaredMadeForKids` says, and keeps it so.
 * - `processing:N` — the next N uploaded videos answer their first videos.list as still
 *   processing (`uploadStatus: uploaded`, `processingStatus: processing`), then as processed.
 * - `phantom-upload:N` — the final answer of the next N uploads names a video id that is not on
 *   the channel (a forged or misdirected answer): videos.list does not find it.
 * - `expire-tokens` — every access token expires now (refresh tokens stay valid).
 * - `expire-sessions` — every resumable upload session is forgotten now, as Google forgets an
 *   expired one: its PUTs and status queries answer 404 (start a new upload). A PUT still
 *   receiving bytes ends with 404 too.
 * - `quota-exhausted` — the shared units of today are used up: their calls get 403 quotaExceeded.
 * - `uploads-exhausted` — today's videos.insert bucket is used up: an upload gets 403
 *   quotaExceeded, every other call still serves.
 * - `channel-upload-limit` — the channel itself may upload no more today: an upload gets 400
 *   uploadLimitExceeded (the channel's cap, not the project's quota).
 * Later specs override earlier ones of the same kind.
 */
export function parseFaults(specs: readonly string[]): ParsedFaults {
  const plan = emptyPlan();
  const actions: FaultAction[] = [];
  for (const spec of specs) {
    const [name, a, b, ...rest] = spec.trim().split(':');
    if (rest.length > 0) throw new FaultSyntaxError(spec, 'too many ":" parts');
    const noArgs = (): void => {
      if (a !== undefined) throw new FaultSyntaxError(spec, 'takes no value');
    };
    const oneArg = (what: string): number => {
      if (b !== undefined) throw new FaultSyntaxError(spec, 'takes one value');
      return count(spec, a, what);
    };
    switch (name) {
      case 'drop-upload':
        plan.dropUploadAfter = oneArg('K (bytes)');
        break;
      case 'upload-503':
        plan.upload503 = oneArg('N');
        break;
      case 'api-503':
        plan.api503 = oneArg('N');
        break;
      case 'api-429':
        plan.api429 = count(spec, a, 'N');
        plan.retryAfterSeconds = b === undefined ? undefined : count(spec, b, 'RETRY_AFTER_S');
        break;
      case 'api-lost-answer':
        plan.lostAnswers[b ?? '*'] = count(spec, a, 'N');
        break;
      case 'slow':
        plan.slowBytesPerSecond = oneArg('BYTES_PER_SEC');
        break;
      case 'stall-upload':
        plan.stallUploadAfter = oneArg('K (bytes)');
        break;
      case 'stale-status':
        plan.staleStatus = oneArg('N');
        break;
      case 'late-notice':
        noArgs();
        plan.lateNotice = true;
        break;
      case 'reject-upload':
        if (b !== undefined) throw new FaultSyntaxError(spec, 'takes at most one value');
        if (a !== undefined && !/^[A-Za-z]+$/.test(a)) throw new FaultSyntaxError(spec, 'REASON must be a word');
        plan.rejectUpload = a ?? 'duplicate';
        break;
      case 'made-for-kids':
        plan.madeForKids = oneArg('N');
        break;
      case 'processing':
        plan.processing = oneArg('N');
        break;
      case 'phantom-upload':
        plan.phantomUploads = oneArg('N');
        break;
      case 'expire-tokens':
      case 'expire-sessions':
      case 'quota-exhausted':
      case 'uploads-exhausted':
      case 'channel-upload-limit':
      case 'release':
      case 'notice':
        noArgs();
        actions.push(name);
        break;
      default:
        throw new FaultSyntaxError(
          spec,
          'unknown fault; use drop-upload:K, upload-503:N, api-503:N, api-429:N[:S], api-lost-answer:N[:METHOD], slow:BPS, stall-upload:K, late-notice, notice, release, stale-status:N, reject-upload[:REASON], made-for-kids:N, processing:N, phantom-upload:N, expire-tokens, expire-sessions, quota-exhausted, uploads-exhausted or channel-upload-limit',
        );
    }
  }
  return { plan, actions };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The body of an upload request as the emulator sees it: throttled by `slow`, cut by
 * `drop-upload`, held by `stall-upload` (a video's session only: `hold` given) until `hold`
 * settles: true, reading goes on; false, the connection was cut off. Throws ConnectionLost when
 * the connection ends before the body did.
 */
export async function* meteredBody(req: IncomingMessage, plan: FaultPlan, hold?: () => Promise<boolean>): AsyncGenerator<Buffer> {
  const dropAt = plan.dropUploadAfter;
  plan.dropUploadAfter = undefined;
  // Only a video's session can be held: thumbnails and captions are one request each.
  let stallAt = hold ? plan.stallUploadAfter : undefined;
  if (hold) plan.stallUploadAfter = undefined;
  let started = Date.now();
  let paced = 0;
  let seen = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (dropAt !== undefined && seen + chunk.length >= dropAt) {
      const head = chunk.subarray(0, dropAt - seen);
      if (head.length > 0) yield head;
      req.socket.destroy();
      throw new ConnectionLost('connection dropped by fault drop-upload');
    }
    seen += chunk.length;
    yield chunk;
    if (stallAt !== undefined && seen >= stallAt) {
      stallAt = undefined;
      if ((await hold?.()) === false) throw new ConnectionLost('held connection cut off');
      started = Date.now();
      paced = seen;
    }
    const rate = plan.slowBytesPerSecond;
    if (rate > 0) {
      const due = started + ((seen - paced) / rate) * 1000;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
    }
  }
  if (!req.complete) throw new ConnectionLost('connection closed before the body ended');
}

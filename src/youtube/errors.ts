/**
 * YouTube's refusals as one typed error. The API answers an error with
 * `{ error: { code, message, errors: [{ reason, domain, message }] } }`; the first reason is what
 * callers branch on (quotaExceeded stops a sync, invalidTitle fails one clip).
 */
import { ExitCode, HappyError } from '../errors.ts';
import type { Text } from '../i18n/index.ts';
import { auth as A } from '../i18n/catalog/auth.ts';
import { upload as M } from '../i18n/catalog/upload.ts';

/** Reasons after which nothing more can be uploaded today: a sync stops and exits 3. */
const STOPS_RUN = new Set(['quotaExceeded', 'dailyLimitExceeded', 'uploadLimitExceeded']);
/** 403 reasons that are per-second throttling, retried like a 429. */
const THROTTLED = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);

export interface ApiErrorDetail {
  reason: string;
  message: string;
}

/** Reads YouTube's error body; an unreadable body gives the HTTP status as the reason. */
export function parseApiErrorBody(status: number, body: string): ApiErrorDetail {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown; errors?: { reason?: unknown; message?: unknown }[] } };
    const first = parsed.error?.errors?.[0];
    const reason = typeof first?.reason === 'string' ? first.reason : `http${status}`;
    const message =
      typeof parsed.error?.message === 'string' ? parsed.error.message : typeof first?.message === 'string' ? first.message : '';
    return { reason, message: message || body.slice(0, 200) };
  } catch {
    return { reason: `http${status}`, message: body.trim().slice(0, 200) };
  }
}

function hintFor(status: number, reason: string): Text {
  if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded') return M.quotaExceededHint();
  if (reason === 'uploadLimitExceeded') return M.uploadLimitHint();
  if (status === 401) return M.unauthorizedHint();
  if (status === 403) return M.forbiddenHint();
  return M.invalidRequestHint();
}

function exitCodeFor(status: number, reason: string): ExitCode {
  if (STOPS_RUN.has(reason)) return ExitCode.workLeft;
  if (status === 401) return ExitCode.auth;
  return ExitCode.failure;
}

/**
 * A refusal from YouTube: `status` (HTTP), `reason` (`errors[0].reason`, e.g. `invalidTitle`,
 * `quotaExceeded`) and YouTube's own `apiMessage`. Exit code: 3 when the day's quota or upload limit
 * is reached, 4 for 401, otherwise 1.
 */
export class YouTubeApiError extends HappyError {
  readonly status: number;
  readonly reason: string;
  readonly apiMessage: string;
  /** The answer's `Retry-After`, in milliseconds, when it had one. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, detail: ApiErrorDetail, options: { cause?: unknown; retryAfterMs?: number | undefined } = {}) {
    super(exitCodeFor(status, detail.reason), M.apiError({ status, ...detail }), {
      hint: hintFor(status, detail.reason),
      cause: options.cause,
      detail: `YouTube: HTTP ${status} ${detail.reason}: ${detail.message}`,
    });
    this.status = status;
    this.reason = detail.reason;
    this.apiMessage = detail.message;
    this.retryAfterMs = options.retryAfterMs;
  }

  static fromResponse(status: number, body: string, retryAfterMs?: number): YouTubeApiError {
    return new YouTubeApiError(status, parseApiErrorBody(status, body), { retryAfterMs });
  }

  /** The day's quota or the channel's upload limit is reached: stop uploading until it resets. */
  get stopsRun(): boolean {
    return STOPS_RUN.has(this.reason);
  }
}

/** An answer worth retrying after a delay: 5xx, 429, and 403 per-second throttling. */
export function isTransientStatus(status: number, reason?: string): boolean {
  return status >= 500 || status === 429 || (status === 403 && reason !== undefined && THROTTLED.has(reason));
}

/**
 * An answer that is not what the Data API documents, naming the host and the call: not JSON (a
 * Wi-Fi login page, a proxy's page, a cut-off body) or longer than happytube reads — exit 3, a
 * later run can succeed — or JSON of the wrong shape, which running again will not change: exit 1
 * and the fix.
 */
export class UnexpectedAnswerError extends HappyError {
  readonly host: string;
  readonly call: string;
  readonly kind: 'notJson' | 'tooLarge' | 'shape';

  constructor(kind: { notJson: true } | { tooLarge: number } | { shape: string }, host: string, call: string, cause?: unknown) {
    const retriable = !('shape' in kind);
    const text =
      'notJson' in kind
        ? A.answerNotJson({ host, call })
        : 'tooLarge' in kind
          ? A.answerTooLarge({ host, call, megabytes: Math.round(kind.tooLarge / 1024 / 1024) })
          : A.answerWrongShape({ host, call, detail: kind.shape });
    super(retriable ? ExitCode.workLeft : ExitCode.failure, text, {
      hint: retriable ? A.answerRetryHint() : A.answerWrongShapeHint(),
      cause,
    });
    this.host = host;
    this.call = call;
    this.kind = 'notJson' in kind ? 'notJson' : 'tooLarge' in kind ? 'tooLarge' : 'shape';
  }
}

/**
 * What every request to Google shares, without loading Google's libraries (./google.ts does):
 * the user agent, the --verbose sink, the timeout of each request and the largest answer read.
 */
import pkg from '../../package.json' with { type: 'json' };
import { currentRun } from '../util/run-scope.ts';

export const VERSION = pkg.version;
export const USER_AGENT = `happytube/${VERSION}`;

/** A line of the --verbose log; it is already redacted. */
export type LogSink = (line: string) => void;

/** A request (sign-in or Data API) that has no answer after this long is abandoned and may be retried. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/**
 * The request timeout in milliseconds. Tests of a server that never answers cannot wait a minute:
 * `HAPPYTUBE_TEST_REQUEST_TIMEOUT_SECONDS` sets it, from the process environment only (the run's,
 * src/util/run-scope.ts; never from a library's .env).
 */
export function requestTimeoutMs(env: NodeJS.ProcessEnv = currentRun().env): number {
  const raw = env.HAPPYTUBE_TEST_REQUEST_TIMEOUT_SECONDS;
  const seconds = raw === undefined ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : DEFAULT_REQUEST_TIMEOUT_MS;
}

/**
 * The largest answer of the Data API or the OAuth server read: a page of 50 videos with every part
 * happytube asks for is well under 1 MB. A longer answer is cut off and the request has failed.
 */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** No answer within the timeout (the cause of a NetworkError). */
export class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';
  readonly code = 'ETIMEDOUT';
  readonly host: string;
  readonly timeoutMs: number;

  constructor(host: string, timeoutMs: number, cause?: unknown) {
    super(`no answer from ${host} in ${Math.round(timeoutMs / 1000)} s`, cause === undefined ? undefined : { cause });
    this.host = host;
    this.timeoutMs = timeoutMs;
  }
}

/** An answer longer than MAX_ANSWER_BYTES, cut off (the client names the call: UnexpectedAnswerError). */
export class AnswerTooLargeError extends Error {
  override name = 'AnswerTooLargeError';
  readonly host: string;

  constructor(host: string, cause?: unknown) {
    super(`the answer of ${host} is longer than ${MAX_ANSWER_BYTES} bytes`, cause === undefined ? undefined : { cause });
    this.host = host;
  }
}

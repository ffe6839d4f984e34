/**
 * The Data API v3 over REST: `request({ path: 'playlists', query: { part: ['snippet'], mine: true } })`
 * → the parsed JSON answer, sent with the OAuth client's access token. A refusal is a
 * YouTubeApiError carrying YouTube's reason and `Retry-After` (a missing scope becomes the
 * AuthError of ./auth/errors.ts). Media go to the upload endpoint: the file alone
 * (`uploadType=media`, thumbnails.set) or after the resource (`uploadType=multipart`,
 * captions.insert).
 */
import { randomBytes } from 'node:crypto';
import type { Redactor } from '../util/redact.ts';
import type { SignInFacts } from './auth/errors.ts';
import { classifyFailure } from './auth/errors.ts';
import type { OAuthClient } from './auth/oauth.ts';
import { parseRetryAfter } from './backoff.ts';
import { YouTubeApiError } from './errors.ts';

export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The method's path after `youtube/v3/`: `playlists`, `thumbnails/set`. */
  path: string;
  /** Arrays (`part`, `id`) are sent comma-separated. */
  query?: Record<string, QueryValue>;
  /** The resource of an insert or update, as JSON. */
  body?: object;
  /** A file for the upload endpoint; with `body`, both go in one multipart request. */
  media?: { contentType: string; data: Buffer };
  signal?: AbortSignal | undefined;
}

/** Sends one Data API request; resolves with its JSON answer (`{}` for an empty one). */
export type ApiRequester = <T>(request: ApiRequest) => Promise<T>;

export interface ApiRequesterOptions {
  /** Ends with '/': `https://youtube.googleapis.com/` or the emulator's. */
  apiRoot: string;
  oauth: OAuthClient;
  facts: () => SignInFacts;
  redactor: Redactor;
}

function multipart(resource: object, media: { contentType: string; data: Buffer }): { contentType: string; data: Buffer } {
  const boundary = `happytube-${randomBytes(12).toString('hex')}`;
  const head =
    `--${boundary}\r\ncontent-type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(resource)}\r\n` +
    `--${boundary}\r\ncontent-type: ${media.contentType}\r\n\r\n`;
  return {
    contentType: `multipart/related; boundary=${boundary}`,
    data: Buffer.concat([Buffer.from(head, 'utf8'), media.data, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
  };
}

export function apiRequester(options: ApiRequesterOptions): ApiRequester {
  const { apiRoot, oauth, facts, redactor } = options;
  return async <T>(request: ApiRequest): Promise<T> => {
    const url = new URL(`${request.media ? `${apiRoot}upload/` : apiRoot}youtube/v3/${request.path}`);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, Array.isArray(value) ? value.join(',') : String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | Buffer | undefined;
    if (request.media) {
      const payload = request.body ? multipart(request.body, request.media) : request.media;
      url.searchParams.set('uploadType', request.body ? 'multipart' : 'media');
      headers['content-type'] = payload.contentType;
      body = payload.data;
    } else if (request.body) {
      headers['content-type'] = 'application/json; charset=UTF-8';
      body = JSON.stringify(request.body);
    }
    const answer = await oauth.authorizedSend(url, { method: request.method ?? 'GET', headers, body, signal: request.signal });
    if (answer.status < 200 || answer.status > 299) {
      const refusal = YouTubeApiError.fromResponse(answer.status, answer.body, parseRetryAfter(answer.headers['retry-after']));
      throw classifyFailure(refusal, facts(), redactor) ?? refusal;
    }
    return (answer.body.trim() === '' ? {} : JSON.parse(answer.body)) as T;
  };
}

/** What every resource shares: `part` validation, pagination, list envelopes, etags. */
import type { ApiContext } from '../context.ts';
import { ApiError, errors, sendEmpty, sendJson } from '../http.ts';
import { etagOf } from '../ids.ts';
import type { Json } from '../store.ts';

export const MAX_RESULTS_LIMIT = 50;
export const DEFAULT_MAX_RESULTS = 5;

/** The `part` parameter: required, each name one the resource knows. */
export function parseParts(url: URL, allowed: readonly string[]): string[] {
  // Repeated (`part=a&part=b`, as Google's clients send arrays) or comma-separated.
  const parts = url.searchParams
    .getAll('part')
    .flatMap((v) => v.split(','))
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw errors.required('part');
  for (const p of parts) {
    if (!allowed.includes(p)) {
      throw new ApiError(400, 'unknownPart', `'${p}'`, { domain: 'youtube.part', location: 'part', locationType: 'parameter' });
    }
  }
  return [...new Set(parts)];
}

/** A resource with only the asked parts, its kind, etag and id. */
export function withEtag(kind: string, id: string, parts: Json, asked: readonly string[]): Json {
  const body: Json = {};
  for (const p of asked) if (parts[p] !== undefined) body[p] = parts[p];
  const resource: Json = { kind, etag: '', id, ...body };
  resource.etag = etagOf(resource);
  return resource;
}

function encodePageToken(offset: number): string {
  return `CA${Buffer.from(`o:${offset}`).toString('base64url')}`;
}

function decodePageToken(token: string): number {
  const text = token.startsWith('CA') ? Buffer.from(token.slice(2), 'base64url').toString('utf8') : '';
  const match = /^o:(\d+)$/.exec(text);
  if (!match) {
    throw new ApiError(400, 'invalidPageToken', 'The request specifies an invalid page token.', {
      domain: 'youtube.parameter',
      location: 'pageToken',
      locationType: 'parameter',
    });
  }
  return Number(match[1]);
}

export function maxResults(url: URL): number {
  const raw = url.searchParams.get('maxResults');
  if (raw === null) return DEFAULT_MAX_RESULTS;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > MAX_RESULTS_LIMIT) {
    throw errors.invalidParameter('maxResults', `Invalid value '${raw}'. Values must be within the range: [0, ${MAX_RESULTS_LIMIT}]`);
  }
  return n;
}

/** Sends a list response page of `all`, with pageInfo and page tokens. */
export function sendList(ctx: ApiContext, kind: string, all: readonly Json[], paginate = true): void {
  let page = all;
  const envelope: Json = { kind, etag: '' };
  if (paginate) {
    const size = maxResults(ctx.url);
    const token = ctx.url.searchParams.get('pageToken');
    const offset = token === null ? 0 : decodePageToken(token);
    page = all.slice(offset, offset + size);
    if (offset + size < all.length) envelope.nextPageToken = encodePageToken(offset + size);
    if (offset > 0) envelope.prevPageToken = encodePageToken(Math.max(0, offset - size));
    envelope.pageInfo = { totalResults: all.length, resultsPerPage: size };
  } else {
    envelope.pageInfo = { totalResults: all.length, resultsPerPage: all.length };
  }
  envelope.items = page;
  envelope.etag = etagOf({ ...envelope, etag: '' });
  ctx.charge();
  sendCached(ctx, envelope);
}

/** 200 with the body, or 304 when the client's If-None-Match names its etag. */
export function sendCached(ctx: ApiContext, body: Json): void {
  const etag = typeof body.etag === 'string' ? body.etag : '';
  const match = ctx.req.headers['if-none-match'];
  if (etag && match && match.split(',').some((m) => m.trim().replace(/^W\//, '').replace(/"/g, '') === etag)) {
    sendEmpty(ctx.res, 304, { etag: `"${etag}"` });
    return;
  }
  sendJson(ctx.res, 200, body, etag ? { etag: `"${etag}"` } : {});
}

/** Exactly one of the filters must be given. */
export function oneFilter(url: URL, names: readonly string[]): string {
  const given = names.filter((n) => url.searchParams.has(n));
  if (given.length === 0) {
    throw new ApiError(400, 'missingRequiredParameter', `No filter selected. Expected one of: ${names.join(', ')}`, {
      domain: 'youtube.parameter',
    });
  }
  if (given.length > 1) {
    throw new ApiError(400, 'incompatibleParameters', `Incompatible parameters specified in the request: ${given.join(', ')}`, {
      domain: 'youtube.parameter',
    });
  }
  return given[0]!;
}

export function idList(url: URL, name = 'id'): string[] {
  return url.searchParams
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A required id query parameter (delete). */
export function requiredParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (!value) throw errors.required(name);
  return value;
}

export function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function thumbnailsFor(id: string, base: string): Json {
  const at = (name: string, w: number, h: number): Json => ({ url: `${base}/vi/${id}/${name}.jpg`, width: w, height: h });
  return { default: at('default', 120, 90), medium: at('mqdefault', 320, 180), high: at('hqdefault', 480, 360) };
}

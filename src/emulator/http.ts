/**
 * Wire helpers shared by every emulator route: JSON answers, Google's error shapes and bounded
 * body reading. Errors follow the Data API's documented envelope:
 * `{ "error": { "code", "message", "errors": [{ "message", "domain", "reason", … }], "status" } }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  413: 'OUT_OF_RANGE',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export interface ApiErrorDetail {
  domain?: string;
  /** errors[0].message when it differs from the top message (401: "Invalid Credentials"). */
  itemMessage?: string;
  location?: string;
  locationType?: 'parameter' | 'header';
  headers?: Record<string, string>;
  /** Close the connection after answering (the request body was not read). */
  close?: boolean;
}

/** A Data API error: thrown by handlers, answered by the router in Google's shape. */
export class ApiError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly detail: ApiErrorDetail;

  constructor(code: number, reason: string, message: string, detail: ApiErrorDetail = {}) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.detail = detail;
  }

  body(): unknown {
    const item: Record<string, string> = {
      message: this.detail.itemMessage ?? this.message,
      domain: this.detail.domain ?? 'youtube.api',
      reason: this.reason,
    };
    if (this.detail.location) item.location = this.detail.location;
    if (this.detail.locationType) item.locationType = this.detail.locationType;
    return { error: { code: this.code, message: this.message, errors: [item], status: STATUS_NAMES[this.code] ?? 'UNKNOWN' } };
  }
}

/** The usual errors, named as in Google's reference pages. */
export const errors = {
  required: (name: string): ApiError =>
    new ApiError(400, 'required', `Required parameter: ${name}`, { domain: 'global', location: name, locationType: 'parameter' }),
  invalidParameter: (name: string, message: string): ApiError =>
    new ApiError(400, 'invalidParameter', message, { domain: 'global', location: name, locationType: 'parameter' }),
  badRequest: (reason: string, message: string, domain = 'youtube.api'): ApiError => new ApiError(400, reason, message, { domain }),
  notFound: (reason: string, message: string, domain = 'youtube.api'): ApiError => new ApiError(404, reason, message, { domain }),
  forbidden: (reason: string, message: string, domain = 'youtube.api'): ApiError => new ApiError(403, reason, message, { domain }),
  unauthenticated: (): ApiError =>
    new ApiError(
      401,
      'authError',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      {
        domain: 'global',
        itemMessage: 'Invalid Credentials',
        location: 'Authorization',
        locationType: 'header',
        headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
      },
    ),
  notImplemented: (path: string): ApiError => new ApiError(404, 'notFound', `Not Found: ${path}`, { domain: 'global' }),
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-length': '0', ...headers });
  res.end();
}

export function sendApiError(res: ServerResponse, error: ApiError): void {
  const headers = { ...error.detail.headers };
  if (error.detail.close) headers.connection = 'close';
  sendJson(res, error.code, error.body(), headers);
}

/** Reads a whole (small) body; over `limit` bytes → 413. */
export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ApiError(413, 'uploadTooLarge', `Request body exceeds ${limit} bytes.`, { domain: 'global', close: true });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON object body; an empty body is `{}`. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req);
  if (body.length === 0) return {};
  return parseJsonObject(body.toString('utf8'));
}

export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'parseError', 'Parse Error', { domain: 'global' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'parseError', 'The request body must be a JSON object.', { domain: 'global' });
  }
  return value as Record<string, unknown>;
}

/** Reads a form-urlencoded (or JSON) body, as Google's OAuth endpoints accept both. */
export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const body = (await readBody(req)).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json') && body.trim() !== '') {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parseJsonObject(body))) if (typeof v === 'string') out[k] = v;
    return out;
  }
  return Object.fromEntries(new URLSearchParams(body));
}

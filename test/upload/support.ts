/**
 * Shared pieces of the uploader tests: random clip files, a token source against the emulator's
 * OAuth endpoints, and the options of one upload with its saved sessions recorded.
 */
import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Authorize, UploadEventMap, UploadOptions, UploadRetry, UploadSession } from '../../src/youtube/resumable.ts';

export const KiB = 1024;
export const QUANTUM = 256 * KiB;

export interface Clip {
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'happytube-upload-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes `size` random bytes behind an MP4 `ftyp` box, so the emulator takes it for a video. */
export async function makeClip(dir: string, name: string, size: number): Promise<Clip> {
  const bytes = randomBytes(size);
  const ftyp = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31]);
  ftyp.copy(bytes, 0, 0, Math.min(size, ftyp.length));
  const path = join(dir, name);
  await writeFile(path, bytes);
  const info = await stat(path);
  return { path, size, mtimeMs: info.mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export interface TokenSource {
  authorize: Authorize;
  /** How many times a refresh was forced (after a 401). */
  forced: () => number;
  refreshToken: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Access tokens from the emulator: a ready sign-in from /__admin/tokens, kept until the uploader
 * says it was refused (`forceRefresh`), then refreshed with the refresh_token grant — as a client
 * that does not know a token was expired early would behave.
 */
export async function tokenSource(url: string): Promise<TokenSource> {
  const response = await fetch(`${url}/__admin/tokens`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  const sign = (await response.json()) as { refresh_token: string; access_token: string; client_id: string; client_secret: string };
  let access = sign.access_token;
  let forced = 0;
  return {
    refreshToken: sign.refresh_token,
    clientId: sign.client_id,
    clientSecret: sign.client_secret,
    forced: () => forced,
    authorize: async ({ forceRefresh }) => {
      if (forceRefresh) {
        forced += 1;
        const refreshed = await fetch(`${url}/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: sign.refresh_token,
            client_id: sign.client_id,
            client_secret: sign.client_secret,
          }),
        });
        access = ((await refreshed.json()) as { access_token: string }).access_token;
      }
      return { Authorization: `Bearer ${access}` };
    },
  };
}

export function videoResource(title: string): Record<string, unknown> {
  return {
    snippet: { title, description: 'Bé tập thể dục buổi sáng.', categoryId: '27', defaultLanguage: 'vi' },
    status: { privacyStatus: 'unlisted', selfDeclaredMadeForKids: false },
  };
}

export interface Recorded {
  options: UploadOptions;
  saved: UploadSession[];
  retries: UploadRetry[];
  events: EventEmitter<UploadEventMap>;
}

/** Options for one upload of `clip`, recording saved sessions and retries; fast retries. */
export function uploadOptions(url: string, clip: Clip, tokens: TokenSource, extra: Partial<UploadOptions> = {}): Recorded {
  const saved: UploadSession[] = [];
  const retries: UploadRetry[] = [];
  const events = new EventEmitter<UploadEventMap>();
  events.on('retry', (r) => retries.push(r));
  const options: UploadOptions = {
    file: clip.path,
    size: clip.size,
    mtimeMs: clip.mtimeMs,
    resource: videoResource('Hội thi bé khỏe'),
    parts: ['snippet', 'status'],
    uploadRoot: `${url}/upload/youtube/v3/videos`,
    authorize: tokens.authorize,
    saveSession: (session) => {
      saved.push(session);
      return Promise.resolve();
    },
    events,
    retry: { maxAttempts: 6, baseDelayMs: 5, maxDelayMs: 2000 },
    ...extra,
  };
  return { options, saved, retries, events };
}

/**
 * Passes `req` on to `target` (the emulator) and its answer back, with session URIs rewritten from
 * `target` to the proxy's `origin`; the caller pipes the body into the request this returns.
 */
function forwardTo(target: string, origin: string, req: IncomingMessage, res: ServerResponse): ClientRequest {
  const forward = httpRequest(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
    const headers = { ...answer.headers };
    if (typeof headers.location === 'string') headers.location = headers.location.replace(target, origin);
    res.writeHead(answer.statusCode ?? 502, headers);
    answer.pipe(res);
  });
  forward.on('error', () => res.destroy());
  return forward;
}

export interface FaultProxy {
  url: string;
  /** Requests answered by the proxy itself (not forwarded). */
  refused: () => number;
  close: () => Promise<void>;
}

/**
 * A real HTTP proxy in front of the emulator for the one fault the emulator does not inject on
 * uploads: the first `count` PUTs that carry bytes get `status` with `Retry-After` and YouTube's
 * error JSON; everything else is forwarded, with session URIs rewritten to point at the proxy.
 */
export async function faultProxy(target: string, fault: { status: number; reason: string; retryAfterSeconds: number; count: number }): Promise<FaultProxy> {
  let refused = 0;
  let origin = '';
  const server = createServer((req, res) => {
    const carriesBytes = req.method === 'PUT' && Number(req.headers['content-length'] ?? '0') > 0;
    if (carriesBytes && refused < fault.count) {
      refused += 1;
      const body = JSON.stringify({ error: { code: fault.status, message: 'Slow down.', errors: [{ reason: fault.reason, domain: 'usageLimits', message: 'Slow down.' }] } });
      // Answer once the body is read, so the client always sees the answer (never a reset).
      req.resume();
      req.on('end', () => {
        res.writeHead(fault.status, { 'content-type': 'application/json', 'retry-after': String(fault.retryAfterSeconds) });
        res.end(body);
      });
      return;
    }
    const forward = forwardTo(target, origin, req, res);
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface NetworkProxy {
  url: string;
  /** Resets (TCP RST) the next upload body after `bytes` bytes, then refuses connections until `reopen`. */
  resetNextBody: (bytes: number) => void;
  wasReset: () => boolean;
  reopen: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * A real HTTP proxy in front of the emulator for a Wi-Fi switch in the middle of an upload: one
 * upload body is cut with a TCP reset, then the port refuses connections (ECONNREFUSED) until
 * `reopen` listens on it again. Session URIs are rewritten to point at the proxy.
 */
export async function networkProxy(target: string): Promise<NetworkProxy> {
  let resetAfter: number | undefined;
  let reset = false;
  let origin = '';
  const server = createServer((req, res) => {
    const carriesBytes = req.method === 'PUT' && Number(req.headers['content-length'] ?? '0') > 0;
    const cutAt = carriesBytes ? resetAfter : undefined;
    const forward = forwardTo(target, origin, req, res);
    if (cutAt === undefined) {
      req.pipe(forward);
      return;
    }
    resetAfter = undefined;
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      if (reset) return;
      seen += chunk.length;
      forward.write(chunk);
      if (seen < cutAt) return;
      reset = true;
      forward.destroy();
      req.socket.resetAndDestroy();
      // The network is gone: nothing listens on the port until reopen().
      server.close();
      server.closeAllConnections();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    resetNextBody: (bytes) => void (resetAfter = bytes),
    wasReset: () => reset,
    reopen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        if (!server.listening) return resolve();
        server.close(() => resolve());
      }),
  };
}

/**
 * The router: OAuth, /__admin/, the Data API under /youtube/v3/ and uploads under
 * /upload/youtube/v3/. For a Data API call it applies, in order: injected faults, the bearer token
 * (401 authError), the scope (403 insufficientPermissions), the call count, and quota (a valid
 * call pays its cost, an invalid one at least 1 unit).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { admin } from './admin.ts';
import { routes as captionRoutes } from './api/captions.ts';
import { routes as channelRoutes } from './api/channels.ts';
import { routes as playlistItemRoutes } from './api/playlistItems.ts';
import { routes as playlistRoutes } from './api/playlists.ts';
import { routes as thumbnailRoutes } from './api/thumbnails.ts';
import { routes as videoCategoryRoutes } from './api/videoCategories.ts';
import { routes as videoRoutes } from './api/videos.ts';
import type { Access, ApiContext, Route } from './context.ts';
import { ApiError, errors, sendApiError, sendJson } from './http.ts';
import { authorize, revoke, token } from './oauth.ts';
import { isSpent } from './quota.ts';
import type { EmulatorState } from './store.ts';
import type { AccessGrant } from './tokens.ts';
import { putSession, routes as uploadRoutes } from './uploads.ts';

// Not `import { createServer } from 'node:http'`: building the ES module facade of node:http reads
// every export, and its lazy `WebSocket` getter loads Node's bundled undici (~13 MB RSS) that the
// emulator never uses. getBuiltinModule hands over the plain module (bench/emulator-upload.ts).
const { createServer } = process.getBuiltinModule('node:http');

const ROUTES: readonly Route[] = [
  ...channelRoutes,
  ...playlistRoutes,
  ...playlistItemRoutes,
  ...videoRoutes,
  ...thumbnailRoutes,
  ...captionRoutes,
  ...videoCategoryRoutes,
  ...uploadRoutes,
];

const SCOPE = 'https://www.googleapis.com/auth/';
const ACCEPTS: Record<Access, string[]> = {
  read: ['youtube', 'youtube.force-ssl', 'youtube.readonly'],
  write: ['youtube', 'youtube.force-ssl'],
  upload: ['youtube', 'youtube.force-ssl', 'youtube.upload'],
  captions: ['youtube', 'youtube.force-ssl'],
};

function bearer(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  return url.searchParams.get('access_token') ?? undefined;
}

/** 503 / 429 faults for Data API calls (not uploads). */
function apiFault(state: EmulatorState): ApiError | undefined {
  const plan = state.faults;
  if (plan.api503 > 0) {
    plan.api503 -= 1;
    return new ApiError(503, 'backendError', 'Backend Error', { domain: 'global' });
  }
  if (plan.api429 > 0) {
    plan.api429 -= 1;
    const headers: Record<string, string> = plan.retryAfterSeconds === undefined ? {} : { 'retry-after': String(plan.retryAfterSeconds) };
    return new ApiError(429, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your rate limit.', {
      domain: 'youtube.quota',
      headers,
    });
  }
  return undefined;
}

/** The `api-lost-answer` fault: the call is carried out, but its answer never reaches the client. */
function loseAnswer(res: ServerResponse): void {
  res.end = ((): ServerResponse => {
    res.socket?.destroy();
    return res;
  }) as ServerResponse['end'];
}

async function api(state: EmulatorState, route: Route, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (url.pathname.startsWith('/youtube/')) {
    const fault = apiFault(state);
    if (fault) throw fault;
  }
  const lost = state.faults.lostAnswers;
  const key = (lost[route.method] ?? 0) > 0 ? route.method : '*';
  if (route.verb !== 'GET' && (lost[key] ?? 0) > 0) {
    lost[key]! -= 1;
    loseAnswer(res);
  }
  const accessToken = bearer(req, url);
  const grant: AccessGrant | undefined = accessToken === undefined ? undefined : state.tokens.check(accessToken);
  if (!grant) throw errors.unauthenticated();
  const scopes = grant.scope.split(' ');
  if (!ACCEPTS[route.access].some((s) => scopes.includes(SCOPE + s))) {
    throw new ApiError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.', { domain: 'global' });
  }
  state.countCall(route.method);
  if (isSpent(state.quota.snapshot(), route.method)) {
    state.quota.charge(route.method); // throws quotaExceeded
  }
  let charged = false;
  const ctx: ApiContext = {
    state,
    url,
    req,
    res,
    grant,
    method: route.method,
    charge: () => {
      if (charged) return;
      state.quota.charge(route.method);
      charged = true;
    },
  };
  try {
    await route.handler(ctx);
  } catch (error) {
    if (!charged && error instanceof ApiError && error.code >= 400 && error.code < 500 && error.reason !== 'quotaExceeded') {
      state.quota.chargeInvalid();
    }
    throw error;
  }
}

async function handle(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', state.baseUrl);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const verb = req.method ?? 'GET';
  if (path.startsWith('/__admin/')) {
    if (await admin(state, path, req, res)) return;
  } else if (path === '/o/oauth2/v2/auth' && verb === 'GET') {
    return authorize(state, url, res);
  } else if (path === '/token' && verb === 'POST') {
    return token(state, req, res);
  } else if (path === '/revoke' && verb === 'POST') {
    return revoke(state, url, req, res);
  } else if (path === '/upload/youtube/v3/videos' && verb === 'PUT' && url.searchParams.has('upload_id')) {
    return putSession(state, url, req, res);
  } else {
    const route = ROUTES.find((r) => r.path === path && r.verb === verb);
    if (route) return api(state, route, url, req, res);
  }
  throw errors.notImplemented(path);
}

export function createEmulatorServer(state: EmulatorState): Server {
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed || !res.socket || res.socket.destroyed) {
        res.destroy();
        return;
      }
      if (error instanceof ApiError) {
        sendApiError(res, error);
      } else {
        const message = error instanceof Error ? error.message : String(error);
        sendJson(res, 500, new ApiError(500, 'internalError', `Internal error: ${message}`, { domain: 'global' }).body());
      }
      // A body we did not read: close rather than drain a large upload.
      if (!req.complete) res.once('finish', () => req.destroy());
    });
  });
  // Large uploads on a slow link may take long: no request timeout.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 5000;
  return server;
}

/**
 * Google OAuth 2.0 for installed apps (developers.google.com/identity/protocols/oauth2/native-app):
 * an authorization endpoint that consents at once, the token endpoint (authorization_code with
 * PKCE, refresh_token) and revoke. Errors are Google's `{ "error", "error_description" }`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { opaqueToken } from './ids.ts';
import { readForm, sendEmpty, sendJson } from './http.ts';
import type { EmulatorState } from './store.ts';

const KNOWN_SCOPES = new Set([
  'https://www.googleapis.com/auth/youtube',
  'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.readonly',
  'openid',
  'email',
  'profile',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/userinfo.profile',
]);

const CODE_LIFETIME_MS = 10 * 60 * 1000;

function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description });
}

/** `http://127.0.0.1:PORT/…`, `http://[::1]:PORT/…` or `http://localhost:PORT/…`. */
export function isLoopbackRedirect(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
}

function sha256base64url(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** GET /o/oauth2/v2/auth: the user consents at once; 302 to the loopback redirect with code and state. */
export function authorize(state: EmulatorState, url: URL, res: ServerResponse): void {
  const q = url.searchParams;
  const clientId = q.get('client_id');
  const redirectUri = q.get('redirect_uri');
  if (!clientId) return oauthError(res, 400, 'invalid_request', 'Missing required parameter: client_id');
  if (!redirectUri) return oauthError(res, 400, 'invalid_request', 'Missing required parameter: redirect_uri');
  if (!isLoopbackRedirect(redirectUri)) {
    return oauthError(
      res,
      400,
      'invalid_request',
      `redirect_uri "${redirectUri}" is not allowed: a desktop client may only redirect to a loopback address (http://127.0.0.1:PORT).`,
    );
  }
  const back = new URL(redirectUri);
  const redirectWith = (params: Record<string, string>): void => {
    for (const [k, v] of Object.entries(params)) back.searchParams.set(k, v);
    const st = q.get('state');
    if (st !== null) back.searchParams.set('state', st);
    res.writeHead(302, { location: back.toString(), 'content-length': '0' });
    res.end();
  };
  if (q.get('response_type') !== 'code') {
    return redirectWith({ error: 'unsupported_response_type' });
  }
  const scope = (q.get('scope') ?? '').split(/\s+/).filter(Boolean);
  if (scope.length === 0) return oauthError(res, 400, 'invalid_request', 'Missing required parameter: scope');
  const unknown = scope.find((s) => !KNOWN_SCOPES.has(s));
  if (unknown) return oauthError(res, 400, 'invalid_scope', `Some requested scopes were invalid: {invalid=[${unknown}]}`);
  const challenge = q.get('code_challenge') ?? undefined;
  const method = q.get('code_challenge_method') ?? (challenge ? 'plain' : 'S256');
  if (method !== 'S256' && method !== 'plain') {
    return oauthError(res, 400, 'invalid_request', `Invalid code_challenge_method: ${method}`);
  }
  if (challenge !== undefined && !/^[A-Za-z0-9._~-]{43,128}$/.test(challenge)) {
    return oauthError(res, 400, 'invalid_request', 'Invalid code_challenge.');
  }
  const code = opaqueToken('4/0A');
  state.tokens.codes.set(code, {
    clientId,
    redirectUri,
    scope: scope.join(' '),
    challenge,
    challengeMethod: method,
    expiresAt: Date.now() + CODE_LIFETIME_MS,
  });
  redirectWith({ code, scope: scope.join(' ') });
}

function clientCredentials(req: IncomingMessage, form: Record<string, string>): { id?: string; secret?: string } {
  const header = req.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const [id, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    return { id: id ? decodeURIComponent(id) : undefined, secret: secret ? decodeURIComponent(secret) : undefined };
  }
  return { id: form.client_id, secret: form.client_secret };
}

/** POST /token: authorization_code (single use, PKCE checked) and refresh_token grants. */
export async function token(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const client = clientCredentials(req, form);
  if (!client.id) return oauthError(res, 400, 'invalid_request', 'Could not determine client ID from request.');
  if (!client.secret) return oauthError(res, 400, 'invalid_request', 'client_secret is missing.');
  const known = state.tokens.clients.get(client.id);
  if (known !== undefined && known !== client.secret) return oauthError(res, 401, 'invalid_client', 'Unauthorized');
  state.tokens.clients.set(client.id, client.secret);

  if (form.grant_type === 'authorization_code') {
    const code = form.code ? state.tokens.codes.get(form.code) : undefined;
    if (!form.code) return oauthError(res, 400, 'invalid_request', 'Missing required parameter: code');
    if (!code) return oauthError(res, 400, 'invalid_grant', 'Malformed auth code.');
    // Single use: a replayed code is refused.
    state.tokens.codes.delete(form.code);
    if (code.expiresAt <= Date.now()) return oauthError(res, 400, 'invalid_grant', 'Bad Request');
    if (code.clientId !== client.id) return oauthError(res, 400, 'invalid_grant', 'Bad Request');
    if (form.redirect_uri !== code.redirectUri) return oauthError(res, 400, 'redirect_uri_mismatch', 'Bad Request');
    if (code.challenge !== undefined) {
      const verifier = form.code_verifier;
      if (!verifier) return oauthError(res, 400, 'invalid_grant', 'Missing code verifier.');
      const computed = code.challengeMethod === 'S256' ? sha256base64url(verifier) : verifier;
      if (!sameString(computed, code.challenge)) return oauthError(res, 400, 'invalid_grant', 'Invalid code verifier.');
    }
    const refreshToken = state.tokens.issueRefresh(client.id, code.scope);
    const access = state.tokens.issueAccess(client.id, code.scope, refreshToken);
    return sendJson(res, 200, {
      access_token: access.token,
      expires_in: access.expiresIn,
      refresh_token: refreshToken,
      scope: code.scope,
      token_type: 'Bearer',
    });
  }
  if (form.grant_type === 'refresh_token') {
    if (!form.refresh_token) return oauthError(res, 400, 'invalid_request', 'Missing required parameter: refresh_token');
    const grant = state.tokens.refresh.get(form.refresh_token);
    if (!grant || grant.revoked) return oauthError(res, 400, 'invalid_grant', 'Token has been expired or revoked.');
    if (grant.clientId !== client.id) return oauthError(res, 401, 'unauthorized_client', 'Unauthorized');
    const access = state.tokens.issueAccess(client.id, grant.scope, form.refresh_token);
    return sendJson(res, 200, { access_token: access.token, expires_in: access.expiresIn, scope: grant.scope, token_type: 'Bearer' });
  }
  return oauthError(res, 400, 'unsupported_grant_type', `Invalid grant_type: ${form.grant_type ?? ''}`);
}

/** POST /revoke?token=… (or token in the form body). */
export async function revoke(state: EmulatorState, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const value = form.token ?? url.searchParams.get('token');
  if (!value) return oauthError(res, 400, 'invalid_request', 'Missing required parameter: token');
  if (!state.tokens.revoke(value)) return oauthError(res, 400, 'invalid_token', 'Token expired or revoked');
  sendEmpty(res, 200);
}

/** POST /__admin/tokens: a ready sign-in for tests and headless runs. */
export async function adminTokens(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const clientId = form.client_id ?? 'test-client.apps.googleusercontent.com';
  const clientSecret = form.client_secret ?? 'test-secret';
  const scope = form.scope ?? 'https://www.googleapis.com/auth/youtube.force-ssl';
  if (!state.tokens.clients.has(clientId)) state.tokens.clients.set(clientId, clientSecret);
  const refreshToken = state.tokens.issueRefresh(clientId, scope);
  const access = state.tokens.issueAccess(clientId, scope, refreshToken);
  sendJson(res, 200, {
    refresh_token: refreshToken,
    access_token: access.token,
    expires_in: access.expiresIn,
    client_id: clientId,
    client_secret: state.tokens.clients.get(clientId),
    scope,
    token_type: 'Bearer',
  });
}

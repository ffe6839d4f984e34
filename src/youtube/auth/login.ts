/**
 * `auth login`: the OAuth flow for a desktop app (docs/youtube.md) — PKCE S256, a random `state`, the
 * loopback listener of loopback.ts, the system browser or a pasted address — then channels.list
 * (mine) to learn the channel, and the profile saved in the credential store.
 */
import { randomBytes } from 'node:crypto';
import type { Credentials } from 'google-auth-library';
import type { Environment } from '../../config/env.ts';
import { AuthError } from '../../errors.ts';
import { auth as A } from '../../i18n/catalog/auth.ts';
import { Redactor } from '../../util/redact.ts';
import { caller, fetchMyChannel } from '../client.ts';
import type { LogSink } from '../transport.ts';
import { resolveClientCredentials } from './credentials.ts';
import { YOUTUBE_SCOPE, hasYouTubeScope } from './errors.ts';
import type { SignInFacts } from './errors.ts';
import { startLoopback } from './loopback.ts';
import type { CredentialStore, SignedInChannel } from './store.ts';
import { checkProfileName, mergeTokens, storeFor } from './store.ts';

/** The listener gives up after 5 minutes (docs/architecture.md, Security). */
export const LOGIN_TIMEOUT_MS = 5 * 60_000;

export interface LoginOptions {
  environment: Environment;
  cwd?: string;
  store?: CredentialStore;
  log?: LogSink | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  /** The authorization address is ready: show it (always; the browser may not open). */
  onUrl: (url: string) => void;
  /** Opens the system browser; absent with --no-browser. */
  openBrowser?: ((url: string) => Promise<unknown>) | undefined;
  onBrowserError?: (detail: string) => void;
  /** Lines the user pastes: the browser's final address, for a browser on another device. */
  pasted?: AsyncIterable<string> | undefined;
  /** A pasted line that is not a sign-in address. */
  onIgnoredPaste?: () => void;
}

export interface LoginResult {
  profile: string;
  channel: SignedInChannel;
  scope: string;
  /** Milliseconds since the epoch. */
  expiryDate: number | undefined;
  file: string;
}

async function feed(lines: AsyncIterable<string>, deliver: (line: string) => boolean, onIgnored?: () => void): Promise<void> {
  for await (const line of lines) {
    if (line.trim() === '') continue;
    if (deliver(line)) return;
    onIgnored?.();
  }
}

export async function login(options: LoginOptions): Promise<LoginResult> {
  const { environment, log } = options;
  const profile = checkProfileName(environment.profile);
  const store = options.store ?? storeFor(environment);
  const credentials = resolveClientCredentials(environment, options.cwd);
  const redactor = new Redactor();
  const facts = (): SignInFacts => ({ profile, clientId: credentials.clientId, fromEnvironment: false });
  const google = await import('../google.ts');
  const oauth = google.createOAuthClient({ environment, credentials, redactor, log, facts });

  const { codeVerifier, codeChallenge } = await google.pkcePair(oauth);
  redactor.add(codeVerifier);
  const state = randomBytes(24).toString('base64url');
  const loopback = await startLoopback({ state, timeoutMs: options.timeoutMs ?? LOGIN_TIMEOUT_MS, signal: options.signal, log });
  try {
    const url = google.authorizationUrl(oauth, { scope: YOUTUBE_SCOPE, state, codeChallenge, redirectUri: loopback.redirectUri });
    options.onUrl(url);
    options.openBrowser?.(url).catch((error: unknown) => options.onBrowserError?.(error instanceof Error ? error.message : String(error)));
    if (options.pasted) void feed(options.pasted, (line) => loopback.deliver(line), options.onIgnoredPaste).catch(() => undefined);

    const code = await loopback.code;
    redactor.add(code);
    const { tokens } = await oauth.getToken({ code, codeVerifier, redirect_uri: loopback.redirectUri });
    google.useTokens(oauth, redactor, tokens);
    if (!tokens.refresh_token) throw new AuthError(A.noRefreshToken(), { hint: A.noRefreshTokenHint() });
    const scope = tokens.scope ?? YOUTUBE_SCOPE;
    if (!hasYouTubeScope(scope)) {
      throw new AuthError(A.missingScope({ scope: YOUTUBE_SCOPE }), { hint: A.missingScopeHint({ profile }) });
    }
    const youtube = google.createYouTube(oauth, environment.apiRoot);
    const channel = await fetchMyChannel({ call: caller(oauth, youtube, environment.apiRoot) });

    // channels.list may have refreshed already: keep the newest access token with the refresh token.
    const newest: Credentials = { ...tokens, ...oauth.credentials, refresh_token: tokens.refresh_token };
    const saved = mergeTokens({ refresh_token: tokens.refresh_token }, newest);
    const now = new Date().toISOString();
    await store.update(profile, () => ({
      version: 1,
      profile,
      clientId: credentials.clientId,
      scope,
      channel,
      tokens: saved,
      signedInAt: now,
      lastUsedAt: now,
    }));
    return { profile, channel, scope, expiryDate: saved.expiry_date, file: store.fileOf(profile) };
  } finally {
    await loopback.close();
  }
}

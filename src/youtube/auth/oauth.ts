/**
 * The OAuth 2.0 client of an installed app (YOUTUBE.md; RFC 6749, RFC 7636): the authorization
 * address with PKCE, the code exchange, refresh and revocation — against Google's endpoints or the
 * emulator's (SPEC §3) — and the access token of every API request, refreshed ahead of its expiry,
 * one refresh at a time, and once more after a 401.
 *
 * Every request of the tool except the upload's own bytes goes out through `send`: the user agent
 * `happytube/VERSION`, the `--verbose` line (method, URL, status, time; secrets redacted), and
 * failures turned into the typed errors of ./errors.ts. Hand-written over ../http.ts rather than
 * google-auth-library: these are four form POSTs, and that library with its dependencies costs
 * ~50 ms of start-up in every run.
 */
import { createHash, randomBytes } from 'node:crypto';
import pkg from '../../../package.json' with { type: 'json' };
import type { Environment } from '../../config/env.ts';
import { AuthError } from '../../errors.ts';
import { auth as A } from '../../i18n/catalog/auth.ts';
import type { Redactor } from '../../util/redact.ts';
import { exchange, TransportError } from '../http.ts';
import type { Exchange, HttpAnswer } from '../http.ts';
import type { ClientCredentials } from './credentials.ts';
import type { SignInFacts } from './errors.ts';
import { classifyFailure, NetworkError, OAuthRefusal } from './errors.ts';
import type { OAuthGrant } from './errors.ts';

export const USER_AGENT = `happytube/${pkg.version}`;

/** A line of the --verbose log; it is already redacted. */
export type LogSink = (line: string) => void;

/** What the token endpoint issues, with `expiry_date` (ms since the epoch) for `expires_in`. */
export interface Tokens {
  access_token?: string | undefined;
  refresh_token?: string | undefined;
  expiry_date?: number | undefined;
  scope?: string | undefined;
  token_type?: string | undefined;
}

export interface OAuthClientOptions {
  environment: Pick<Environment, 'oauthAuthUrl' | 'oauthTokenUrl' | 'oauthRevokeUrl'>;
  /** Absent for revocation, which needs only the token. */
  credentials?: ClientCredentials | undefined;
  redactor: Redactor;
  log?: LogSink | undefined;
  /** What is known about the sign-in, read when a failure needs explaining. */
  facts: () => SignInFacts;
}

/** A token that expires within this is refreshed before use (as Google's own clients do). */
const EAGER_REFRESH_MS = 5 * 60_000;

/** A PKCE verifier (43 characters of base64url, RFC 7636 §4.1) and its S256 challenge. */
export function pkcePair(): { codeVerifier: string; codeChallenge: string } {
  const codeVerifier = randomBytes(32).toString('base64url');
  return { codeVerifier, codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url') };
}

function form(fields: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) params.set(name, value);
  return params.toString();
}

export class OAuthClient {
  /** The tokens in use; `setCredentials` replaces them, a refresh merges into them. */
  credentials: Tokens = {};
  readonly #o: OAuthClientOptions;
  readonly #listeners: ((tokens: Tokens) => void)[] = [];
  #refreshing: Promise<Tokens> | undefined;

  constructor(options: OAuthClientOptions) {
    this.#o = options;
    options.redactor.add(options.credentials?.clientSecret);
  }

  setCredentials(tokens: Tokens): void {
    this.credentials = { ...tokens };
    this.#o.redactor.add(tokens.access_token, tokens.refresh_token);
  }

  /** Called with what the token endpoint issued, after each refresh or code exchange. */
  onTokens(listener: (tokens: Tokens) => void): void {
    this.#listeners.push(listener);
  }

  /** The address the user opens to grant access (offline: with a refresh token; consent asked each time). */
  authUrl(o: { scope: string; state: string; codeChallenge: string; redirectUri: string }): string {
    const url = new URL(this.#o.environment.oauthAuthUrl);
    const params = {
      client_id: this.#clientId(),
      redirect_uri: o.redirectUri,
      response_type: 'code',
      scope: o.scope,
      access_type: 'offline',
      prompt: 'consent',
      state: o.state,
      code_challenge: o.codeChallenge,
      code_challenge_method: 'S256',
    };
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url.href;
  }

  /** The authorization code (and the PKCE verifier) → tokens, which become this client's. */
  async exchangeCode(o: { code: string; codeVerifier: string; redirectUri: string }): Promise<Tokens> {
    this.#o.redactor.add(o.code, o.codeVerifier);
    const tokens = await this.#grant('authorization_code', {
      code: o.code,
      code_verifier: o.codeVerifier,
      redirect_uri: o.redirectUri,
    });
    this.setCredentials(tokens);
    return tokens;
  }

  /** A new access token from the refresh token (concurrent callers share one request). */
  refresh(): Promise<Tokens> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refresh(): Promise<Tokens> {
    const refreshToken = this.credentials.refresh_token;
    if (!refreshToken) {
      const { profile } = this.#o.facts();
      throw new AuthError(A.notSignedIn({ profile }), { hint: A.notSignedInHint({ profile }) });
    }
    const fresh = await this.#grant('refresh_token', { refresh_token: refreshToken });
    this.setCredentials({ ...this.credentials, ...fresh, refresh_token: fresh.refresh_token ?? refreshToken });
    return this.credentials;
  }

  /** An access token good for the next minutes: the current one, or a refreshed one. */
  async accessToken(options: { forceRefresh?: boolean } = {}): Promise<string> {
    const { access_token: token, expiry_date: expiry } = this.credentials;
    const usable = token !== undefined && (expiry === undefined || expiry - Date.now() > EAGER_REFRESH_MS);
    if (usable && options.forceRefresh !== true) return token;
    const refreshed = await this.refresh();
    if (!refreshed.access_token) throw new OAuthRefusal(200, 'invalid_response', 'refresh_token', 'no access_token in the answer');
    return refreshed.access_token;
  }

  /** Ends the grant of `token` (a refresh token ends its access tokens too). */
  async revoke(token: string): Promise<void> {
    this.#o.redactor.add(token);
    const answer = await this.send(new URL(this.#o.environment.oauthRevokeUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ token }),
    });
    if (answer.status !== 200) throw this.#refusal(answer, 'revoke');
  }

  /**
   * A request with the access token. After a 401 the token is refreshed once and the request sent
   * again (the body must be a string or a Buffer, which can be sent twice).
   */
  async authorizedSend(url: URL, init: Exchange): Promise<HttpAnswer> {
    const attempt = async (forceRefresh: boolean): Promise<HttpAnswer> =>
      this.send(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${await this.accessToken({ forceRefresh })}` } });
    const answer = await attempt(false);
    return answer.status === 401 && this.credentials.refresh_token ? attempt(true) : answer;
  }

  /** One request, logged; a request that never got an answer is a NetworkError (exit 3). */
  async send(url: URL, init: Exchange): Promise<HttpAnswer> {
    const started = performance.now();
    const line = (outcome: string): string =>
      `${init.method} ${this.#o.redactor.url(url.href)} → ${outcome} (${Math.round(performance.now() - started)} ms)`;
    try {
      const answer = await exchange(url, { ...init, headers: { 'user-agent': USER_AGENT, ...init.headers } });
      this.#o.log?.(line(String(answer.status)));
      return answer;
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      this.#o.log?.(line(error.code));
      throw new NetworkError(error.host, this.#o.redactor.error(error));
    }
  }

  #clientId(): string {
    return this.#o.credentials?.clientId ?? '';
  }

  /** POST to the token endpoint with the client's credentials; a refusal becomes a typed error. */
  async #grant(grant: Exclude<OAuthGrant, 'revoke'>, fields: Record<string, string>): Promise<Tokens> {
    const answer = await this.send(new URL(this.#o.environment.oauthTokenUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form({ grant_type: grant, client_id: this.#clientId(), client_secret: this.#o.credentials?.clientSecret, ...fields }),
    });
    if (answer.status !== 200) throw this.#refusal(answer, grant);
    let issued: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown; scope?: unknown; token_type?: unknown };
    try {
      issued = JSON.parse(answer.body) as typeof issued;
    } catch {
      throw new OAuthRefusal(answer.status, 'invalid_response', grant, answer.body.slice(0, 200));
    }
    const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
    const tokens: Tokens = {
      access_token: text(issued.access_token),
      refresh_token: text(issued.refresh_token),
      expiry_date: typeof issued.expires_in === 'number' ? Date.now() + issued.expires_in * 1000 : undefined,
      scope: text(issued.scope),
      token_type: text(issued.token_type),
    };
    this.#o.redactor.add(tokens.access_token, tokens.refresh_token);
    for (const listener of this.#listeners) listener(tokens);
    return tokens;
  }

  /** The typed error for a refusal of the OAuth server (`{"error": "invalid_grant", …}`). */
  #refusal(answer: HttpAnswer, grant: OAuthGrant): Error {
    let code = `http${answer.status}`;
    let description = answer.body.slice(0, 200);
    try {
      const body = JSON.parse(answer.body) as { error?: unknown; error_description?: unknown };
      if (typeof body.error === 'string') code = body.error;
      if (typeof body.error_description === 'string') description = body.error_description;
    } catch {
      // not JSON: the status is the code
    }
    const refusal = new OAuthRefusal(answer.status, code, grant, this.#o.redactor.text(description));
    return classifyFailure(refusal, this.#o.facts(), this.#o.redactor) ?? refusal;
  }
}

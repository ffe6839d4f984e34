/**
 * Google's own clients, set up for happytube: google-auth-library's OAuth2Client (sign-in, refresh,
 * revocation) and @googleapis/youtube (every Data API call), both over one gaxios transporter.
 *
 * This module is the only one that imports them, and it is loaded with `import()` by the code that
 * talks to Google (./client.ts, ./auth/login.ts, ./auth/logout.ts): `--help`, `check` and `init`
 * never load the libraries (test/cli/lazy-google.test.ts).
 *
 * The transporter's own hooks (gaxios options and interceptors) do what the project needs of every
 * request, so that nothing is wrapped by hand:
 * - the connections: the kept-alive, proxy-aware agents of ./http.ts (HTTPS_PROXY, HTTP_PROXY,
 *   NO_PROXY), shared with the resumable upload;
 * - a timeout on every request (`requestTimeoutMs`) and a cap on the size of an answer
 *   (`MAX_ANSWER_BYTES`): a server that never answers or sends without end is a failed request;
 * - the `--verbose` line of each request (method, address, status or failure, time), secrets redacted;
 * - failures turned into the project's typed errors: a refusal of the OAuth server is an
 *   OAuthRefusal, of the Data API a YouTubeApiError, no answer a NetworkError, each then explained
 *   by ./auth/errors.ts (a dead sign-in is exit 4, no network exit 3…).
 * Token calls are retried by google-auth-library itself (gaxios: on no answer, 5xx and 429, with
 * backoff); Data API calls are not (`retry: false`): ./api.ts retries them with its own policy,
 * which knows which calls are safe to repeat.
 */
import googleAuth from 'google-auth-library';
import type { Credentials, gaxios, OAuth2Client } from 'google-auth-library';
import youtubeApi from '@googleapis/youtube';
import type { youtube_v3 } from '@googleapis/youtube';
import type { Environment } from '../config/env.ts';
import type { Text } from '../i18n/index.ts';
import { auth as A } from '../i18n/catalog/auth.ts';
import type { Redactor } from '../util/redact.ts';
import { agentFor } from './http.ts';
import { parseRetryAfter } from './backoff.ts';
import { UnexpectedAnswerError, YouTubeApiError } from './errors.ts';
import type { SignInFacts, OAuthGrant } from './auth/errors.ts';
import { classifyFailure, NetworkError, OAuthRefusal } from './auth/errors.ts';
import { AnswerTooLargeError, MAX_ANSWER_BYTES, requestTimeoutMs, RequestTimeoutError, USER_AGENT, VERSION } from './transport.ts';
import type { LogSink } from './transport.ts';

const { OAuth2Client: OAuth2ClientClass, CodeChallengeMethod } = googleAuth;

/** A token that expires within this is refreshed before use (Google's clients' own default too). */
const EAGER_REFRESH_MS = 5 * 60_000;

export interface GoogleOptions {
  environment: Pick<Environment, 'oauthAuthUrl' | 'oauthTokenUrl' | 'oauthRevokeUrl'>;
  /** Absent for revocation, which needs only the token. */
  credentials?: { clientId: string; clientSecret: string } | undefined;
  redactor: Redactor;
  log?: LogSink | undefined;
  /** What is known about the sign-in, read when a failure needs explaining. */
  facts: () => SignInFacts;
  /** A token call is tried again by gaxios: the line that says so. */
  onTokenRetry?: ((text: Text) => void) | undefined;
}

/** Tries of a token call when no answer came (google-auth-library asks gaxios for 2 retries; one more here). */
const TOKEN_TRIES_WITHOUT_ANSWER = 4;

/** What the interceptors keep on a request's options (own enumerable: gaxios copies it into its errors). */
interface Stamped {
  happytubeStartedAt?: number;
  /** Read before the request is sent: gaxios redacts `grant_type` in the copy its error keeps. */
  happytubeGrant?: OAuthGrant;
}

function grantOf(config: { url: URL | string; data?: unknown }, revokeUrl: string): OAuthGrant {
  const stamped = (config as Stamped).happytubeGrant;
  if (stamped !== undefined) return stamped;
  if (String(config.url).split('?')[0] === revokeUrl.split('?')[0]) return 'revoke';
  const data = config.data;
  const grant = data instanceof URLSearchParams ? data.get('grant_type') : undefined;
  return grant === 'authorization_code' ? 'authorization_code' : 'refresh_token';
}

function textOf(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data === undefined || data === null) return '';
  try {
    return JSON.stringify(data);
  } catch {
    return '';
  }
}

/** The code of a failure without an answer (`ECONNRESET`, `TimeoutError`, `max-size`…), else its message. */
function failureCode(error: gaxios.GaxiosError): string {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    const type = (current as { type?: unknown }).type;
    if (type === 'max-size') return 'max-size';
    current = (current as { cause?: unknown }).cause;
  }
  return error.message;
}

/** The project's error for what gaxios threw (an answer outside 2xx, or none at all). */
function typedFailure(error: gaxios.GaxiosError, options: GoogleOptions, timeoutMs: number): Error {
  const url = error.config.url instanceof URL ? error.config.url : new URL(String(error.config.url));
  const tokenCall = url.href.startsWith(options.environment.oauthTokenUrl) || url.href.startsWith(options.environment.oauthRevokeUrl);
  const response = error.response;
  if (!response) {
    const code = failureCode(error);
    const cause = options.redactor.error(error);
    if (code === 'max-size') return new AnswerTooLargeError(url.host, cause);
    if (code === 'TimeoutError') return new NetworkError(url.host, new RequestTimeoutError(url.host, timeoutMs, cause));
    return new NetworkError(url.host, Object.assign(new Error(code), { code, cause }));
  }
  const body = textOf(response.data);
  if (tokenCall) {
    let code = `http${response.status}`;
    let description = body.slice(0, 200);
    const data = response.data as { error?: unknown; error_description?: unknown } | undefined;
    if (data && typeof data === 'object') {
      if (typeof data.error === 'string') code = data.error;
      if (typeof data.error_description === 'string') description = data.error_description;
    }
    const refusal = new OAuthRefusal(response.status, code, grantOf(error.config, options.environment.oauthRevokeUrl), options.redactor.text(description));
    return classifyFailure(refusal, options.facts(), options.redactor) ?? refusal;
  }
  const refusal = YouTubeApiError.fromResponse(response.status, body, parseRetryAfter(response.headers.get('retry-after') ?? undefined));
  return classifyFailure(refusal, options.facts(), options.redactor) ?? refusal;
}

/**
 * An OAuth2Client for the endpoints of the environment (Google's or the emulator's), with
 * happytube's transporter. Every token it is given or issues is added to the redactor.
 */
export function createOAuthClient(options: GoogleOptions): OAuth2Client {
  const { environment, redactor, log } = options;
  const timeoutMs = requestTimeoutMs();
  redactor.add(options.credentials?.clientSecret);
  const oauth = new OAuth2ClientClass({
    clientId: options.credentials?.clientId,
    clientSecret: options.credentials?.clientSecret,
    endpoints: {
      oauth2AuthBaseUrl: environment.oauthAuthUrl,
      oauth2TokenUrl: environment.oauthTokenUrl,
      oauth2RevokeUrl: environment.oauthRevokeUrl,
    },
    eagerRefreshThresholdMillis: EAGER_REFRESH_MS,
    transporterOptions: {
      agent: (url: URL) => agentFor(url),
      timeout: timeoutMs,
      // node-fetch stops reading an answer beyond this (gaxios' maxContentLength only checks the header).
      size: MAX_ANSWER_BYTES,
      maxContentLength: MAX_ANSWER_BYTES,
      headers: { 'user-agent': USER_AGENT },
    },
  });
  const interceptors = oauth.transporter.interceptors;
  interceptors.request.add({ resolved: (config) => Promise.resolve(prepareRequest(config, options, timeoutMs)) });
  interceptors.response.add({
    resolved: (response: gaxios.GaxiosResponse) => {
      log?.(requestLine(redactor, response.config, String(response.status)));
      return checkTokenAnswer(response, options);
    },
    rejected: (error: gaxios.GaxiosError) => {
      log?.(requestLine(redactor, error.config, error.response ? String(error.response.status) : failureCode(error)));
      throw typedFailure(error, options, timeoutMs);
    },
  });
  oauth.on('tokens', (tokens: Credentials) => redactor.add(tokens.access_token ?? undefined, tokens.refresh_token ?? undefined, tokens.id_token ?? undefined));
  return oauth;
}

/** The `--verbose` line of a request: method, redacted URL, outcome and time taken. */
function requestLine(redactor: Redactor, config: { method?: string | undefined; url: URL | string }, outcome: string): string {
  const started = (config as Stamped).happytubeStartedAt;
  const ms = started === undefined ? 0 : Math.round(performance.now() - started);
  return `${config.method ?? 'GET'} ${redactor.url(String(config.url))} → ${outcome} (${ms} ms)`;
}

/** Stamps a request with its start and, for a token call, its grant and how gaxios retries it. */
function prepareRequest(config: gaxios.GaxiosOptionsPrepared, options: GoogleOptions, timeoutMs: number): gaxios.GaxiosOptionsPrepared {
  const { environment, redactor, log } = options;
  (config as Stamped).happytubeStartedAt = performance.now();
  const href = config.url.href;
  if (href.startsWith(environment.oauthTokenUrl) || href.startsWith(environment.oauthRevokeUrl)) {
    (config as Stamped).happytubeGrant = grantOf(config, environment.oauthRevokeUrl);
    // google-auth-library asks gaxios to retry token calls: on no answer (a reset, a kept-alive
    // socket the server closed, a timeout), on 5xx and 429. One more try on no answer than its
    // default, and a line for each.
    config.retryConfig = {
      ...config.retryConfig,
      noResponseRetries: TOKEN_TRIES_WITHOUT_ANSWER - 1,
      onRetryAttempt: (error: gaxios.GaxiosError) => {
        const code = error.response ? String(error.response.status) : failureCode(error);
        log?.(requestLine(redactor, config, code));
        const attempt = (error.config.retryConfig?.currentRetryAttempt ?? 0) + 1;
        const attempts = TOKEN_TRIES_WITHOUT_ANSWER;
        options.onTokenRetry?.(
          code === 'TimeoutError'
            ? A.tokenRetryTimeout({ seconds: Math.round(timeoutMs / 1000), attempt, attempts })
            : A.tokenRetry({ reason: error.response ? `HTTP ${code}` : code, attempt, attempts }),
        );
      },
    };
  }
  return config;
}

/** A token endpoint's answer must be what google-auth-library would take as the tokens: its JSON, with an access token. */
function checkTokenAnswer(response: gaxios.GaxiosResponse, options: GoogleOptions): Promise<gaxios.GaxiosResponse> {
  const { environment, redactor } = options;
  const url = response.config.url;
  if (url.href.startsWith(environment.oauthTokenUrl)) {
    const call = `oauth2 token (${grantOf(response.config, environment.oauthRevokeUrl)})`;
    const data: unknown = response.data;
    if (typeof data === 'string') {
      try {
        JSON.parse(data);
      } catch (error) {
        return Promise.reject(new UnexpectedAnswerError({ notJson: true }, url.host, call, redactor.error(error)));
      }
    }
    const token = data !== null && typeof data === 'object' ? (data as { access_token?: unknown }).access_token : undefined;
    if (typeof token !== 'string' || token === '') {
      return Promise.reject(new UnexpectedAnswerError({ shape: 'no "access_token"' }, url.host, call));
    }
  }
  return Promise.resolve(response);
}

/** Sets the tokens in use (adding them to the redactor). */
export function useTokens(oauth: OAuth2Client, redactor: Redactor, tokens: Credentials): void {
  redactor.add(tokens.access_token ?? undefined, tokens.refresh_token ?? undefined);
  oauth.setCredentials(tokens);
}

/** The address the user opens to grant access: PKCE S256, offline (a refresh token), consent asked each time. */
export function authorizationUrl(
  oauth: OAuth2Client,
  o: { scope: string; state: string; codeChallenge: string; redirectUri: string },
): string {
  return oauth.generateAuthUrl({
    redirect_uri: o.redirectUri,
    scope: o.scope,
    access_type: 'offline',
    prompt: 'consent',
    state: o.state,
    code_challenge: o.codeChallenge,
    code_challenge_method: CodeChallengeMethod.S256,
  });
}

/** A PKCE verifier and its S256 challenge (RFC 7636), made by google-auth-library. */
export async function pkcePair(oauth: OAuth2Client): Promise<{ codeVerifier: string; codeChallenge: string }> {
  const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
  return { codeVerifier, codeChallenge: codeChallenge ?? '' };
}

/** The Data API v3 client at `apiRoot` (Google's or the emulator's), authorized by `oauth`. */
export function createYouTube(oauth: OAuth2Client, apiRoot: string): youtube_v3.Youtube {
  return youtubeApi.youtube({
    version: 'v3',
    auth: oauth,
    rootUrl: apiRoot,
    userAgentDirectives: [{ product: 'happytube', version: VERSION }],
  });
}

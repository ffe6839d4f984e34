/**
 * The one YouTube client factory every command uses. It picks the sign-in (the stored profile, or
 * HAPPYTUBE_REFRESH_TOKEN for unattended runs), sets up Google's own clients (./google.ts, loaded
 * only here, when a command talks to Google) for the endpoints of the environment (Google's or the
 * emulator's), saves refreshed tokens back to the store, and turns sign-in and network failures
 * into typed errors (src/youtube/auth/errors.ts).
 *
 *   const client = await createYouTubeClient({ environment: ctx.environment([libraryDir]), log });
 *   checkChannelGuard(config.channel?.id, await client.signedInChannel(), { file: 'happytube.yaml' });
 *   const page = await client.call('playlists.list', (yt, o) => yt.playlists.list({ part: ['snippet'], mine: true }, o), { expect: 'youtube#playlistListResponse' });
 *   const headers = await client.authorize(); // for the resumable uploader's own HTTP
 *   await client.flush(); // before exit: refreshed tokens are on disk
 */
import type { youtube_v3 } from '@googleapis/youtube';
import type { Credentials, OAuth2Client } from 'google-auth-library';
import type { Environment } from '../config/env.ts';
import { AuthError, InputError } from '../errors.ts';
import type { Text } from '../i18n/index.ts';
import { auth as A } from '../i18n/catalog/auth.ts';
import { Redactor } from '../util/redact.ts';
import { resolveClientCredentials, type ResolvedClient } from './auth/credentials.ts';
import type { SignInFacts } from './auth/errors.ts';
import { YOUTUBE_SCOPE, classifyFailure, hasYouTubeScope } from './auth/errors.ts';
import type { CredentialStore, SignedInChannel, StoredProfile } from './auth/store.ts';
import { checkProfileName, mergeTokens, storeFor } from './auth/store.ts';
import { UnexpectedAnswerError, YouTubeApiError } from './errors.ts';
import { AnswerTooLargeError, MAX_ANSWER_BYTES, requestTimeoutMs, USER_AGENT } from './transport.ts';
import type { LogSink } from './transport.ts';

export type { SignedInChannel } from './auth/store.ts';
export type { LogSink } from './transport.ts';

export interface YouTubeClientOptions {
  /** The environment (`ctx.environment([libraryDir])`, see docs/architecture.md); its `profile` is the one used. */
  environment: Environment;
  /** Where a relative HAPPYTUBE_CLIENT_SECRET_FILE is resolved from. */
  cwd?: string;
  /** The --verbose log; lines arrive redacted. */
  log?: LogSink | undefined;
  /** Default: the file store under HAPPYTUBE_CONFIG_DIR or the OS config folder. */
  store?: CredentialStore;
}

/** What a Data API method of @googleapis/youtube is given besides its parameters. */
export interface CallOptions {
  /** The media address of a method is built from this option of the call, not from the client's. */
  rootUrl: string;
  retry: false;
  timeout: number;
  signal?: AbortSignal | undefined;
}

/** One Data API method of @googleapis/youtube, called with the client's options. */
export type CallRunner<T> = (youtube: youtube_v3.Youtube, options: CallOptions) => Promise<{ data: T }>;

export interface CallSettings {
  signal?: AbortSignal | undefined;
  /** The `kind` YouTube documents for the answer (`youtube#playlistListResponse`); none for a delete. */
  expect?: string | undefined;
  /** The call sends a file (thumbnails, captions): it may take longer than a plain call. */
  media?: boolean;
}

export interface YouTubeClient {
  /** The sign-in (google-auth-library); refreshes by itself and the refreshed tokens are saved back. */
  readonly oauth: OAuth2Client;
  /**
   * One Data API call (`name` is its method, `playlists.list`): authorized, sent once (./api.ts
   * retries), a 401 answered by one refresh and one more try, the answer checked to be what the
   * API documents; a refusal is a YouTubeApiError, a failure to reach YouTube a NetworkError.
   */
  call<T>(name: string, run: CallRunner<T>, settings?: CallSettings): Promise<T>;
  /** Base of the Data API, ends with '/'. */
  readonly apiRoot: string;
  /** Base of media uploads, ends with '/': `uploadRoot + 'youtube/v3/videos'`. */
  readonly uploadRoot: string;
  readonly userAgent: string;
  readonly profile: string;
  /** The OAuth client id in use. */
  readonly clientId: string;
  /** Where the sign-in came from. */
  readonly source: 'stored' | 'environment';
  /** The stored profile (channel, scope, dates); undefined for HAPPYTUBE_REFRESH_TOKEN. */
  readonly stored: StoredProfile | undefined;
  /** Cleans text of this run's secrets, for callers that log on their own. */
  readonly redactor: Redactor;
  /** The signed-in channel: the stored one, or asked once with channels.list (mine). */
  signedInChannel(): Promise<SignedInChannel>;
  /** An access token good for the next minutes (refreshed ahead of its expiry). */
  accessToken(): Promise<string>;
  /** Headers for a request sent on its own (the upload): Authorization and User-Agent. */
  authorize(options?: { forceRefresh?: boolean }): Promise<Record<string, string>>;
  /** The typed error for a failure of a request made outside this client (or the error itself). */
  explain(error: unknown): unknown;
  /** Waits until refreshed tokens are written; rethrows a failed write. */
  flush(): Promise<void>;
  /** Calls `listener` with a line to show when a token call is tried again (no answer in time, 5xx…). */
  onRetry(listener: (text: Text) => void): void;
}

/** Why `data` is not an answer of the documented `kind`, or undefined when it is. */
function shapeProblem(data: unknown, expect: string | undefined): string | undefined {
  if (expect === undefined) return undefined;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return `expected an object of kind "${expect}"`;
  const { kind, items } = data as { kind?: unknown; items?: unknown };
  if (kind !== expect) return `expected kind "${expect}", got ${kind === undefined ? 'none' : JSON.stringify(kind).slice(0, 60)}`;
  if (items !== undefined && !Array.isArray(items)) return '"items" is not a list';
  if (Array.isArray(items) && items.some((item) => item === null || typeof item !== 'object')) return '"items" holds something other than resources';
  return undefined;
}

/** A Data API answer as the client reads it: JSON (an object), or text when it was not JSON. */
function readAnswer<T>(data: unknown, host: string, name: string, expect: string | undefined): T {
  let value = data;
  if (typeof value === 'string') {
    if (value.trim() === '') return {} as T;
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw new UnexpectedAnswerError({ notJson: true }, host, name, error);
    }
  }
  if (value === undefined || value === null) value = {};
  const problem = shapeProblem(value, expect);
  if (problem !== undefined) throw new UnexpectedAnswerError({ shape: problem }, host, name);
  return value as T;
}

/** channels.list (mine): the channel the sign-in belongs to. None → exit 4. */
export async function fetchMyChannel(client: Pick<YouTubeClient, 'call'>): Promise<SignedInChannel> {
  const res = await client.call<youtube_v3.Schema$ChannelListResponse>(
    'channels.list',
    (yt, o) => yt.channels.list({ part: ['snippet'], mine: true }, o),
    { expect: 'youtube#channelListResponse' },
  );
  const first = res.items?.[0];
  if (!first?.id) throw new AuthError(A.noChannel(), { hint: A.noChannelHint() });
  return { id: first.id, title: first.snippet?.title ?? first.id };
}

/**
 * The library's `channel.id` must be the signed-in channel; otherwise exit 2 before anything is
 * sent (a school with two channels must not publish to the wrong one).
 */
export function checkChannelGuard(
  configChannelId: string | undefined,
  signedIn: SignedInChannel,
  where: { file?: string; profile?: string } = {},
): void {
  if (!configChannelId || configChannelId === signedIn.id) return;
  throw new InputError(
    A.channelMismatch({
      file: where.file ?? 'happytube.yaml',
      configured: configChannelId,
      signedIn: signedIn.id,
      title: signedIn.title,
      profile: where.profile ?? 'default',
    }),
    { hint: A.channelMismatchHint() },
  );
}

/**
 * The `call` of a client: `youtube` with `oauth`'s sign-in at `apiRoot`. Used by createYouTubeClient
 * and by `auth login` (which has no stored profile yet).
 */
export function caller(oauth: OAuth2Client, youtube: youtube_v3.Youtube, apiRoot: string): YouTubeClient['call'] {
  const host = new URL(apiRoot).host;
  const timeout = requestTimeoutMs();
  return async <T>(name: string, run: CallRunner<T>, settings: CallSettings = {}): Promise<T> => {
    const options: CallOptions = { rootUrl: apiRoot, retry: false, timeout: settings.media ? timeout * 5 : timeout, signal: settings.signal };
    const once = async (): Promise<T> => readAnswer<T>((await run(youtube, options)).data, host, name, settings.expect);
    try {
      try {
        return await once();
      } catch (error) {
        // An access token YouTube no longer takes (expired early, revoked server-side): one refresh, one more try.
        if (!(error instanceof YouTubeApiError && error.status === 401 && oauth.credentials.refresh_token)) throw error;
        await oauth.refreshAccessToken();
        return await once();
      }
    } catch (error) {
      if (error instanceof AnswerTooLargeError) throw new UnexpectedAnswerError({ tooLarge: MAX_ANSWER_BYTES }, error.host, name, error);
      throw error;
    }
  };
}

export async function createYouTubeClient(options: YouTubeClientOptions): Promise<YouTubeClient> {
  const { environment, log } = options;
  const { profile, store, stored, refreshToken, credentials } = await readSignIn(options);
  const redactor = new Redactor();
  const facts: SignInFacts = {
    profile,
    clientId: credentials.clientId,
    fromEnvironment: stored === undefined,
    signedInAt: stored?.signedInAt,
    lastUsedAt: stored?.lastUsedAt,
  };
  const google = await import('./google.ts');
  const retryListeners: ((text: Text) => void)[] = [];
  const onTokenRetry = (text: Text): void => {
    for (const listener of retryListeners) listener(text);
  };
  const oauth = google.createOAuthClient({ environment, credentials, redactor, log, facts: () => facts, onTokenRetry });
  google.useTokens(oauth, redactor, stored ? { ...stored.tokens } : { refresh_token: refreshToken });
  const flush = stored ? saveRefreshedTokens(oauth, store, profile, refreshToken) : () => Promise.resolve();

  const call = caller(oauth, google.createYouTube(oauth, environment.apiRoot), environment.apiRoot);
  let channel: Promise<SignedInChannel> | undefined = stored ? Promise.resolve(stored.channel) : undefined;
  const accessToken = async (): Promise<string> => {
    const { token } = await oauth.getAccessToken();
    if (!token) throw new AuthError(A.notSignedIn({ profile }), { hint: A.notSignedInHint({ profile }) });
    return token;
  };

  return {
    oauth,
    call,
    apiRoot: environment.apiRoot,
    uploadRoot: `${environment.apiRoot}upload/`,
    userAgent: USER_AGENT,
    profile,
    clientId: credentials.clientId,
    source: stored ? 'stored' : 'environment',
    stored,
    redactor,
    signedInChannel() {
      channel ??= fetchMyChannel({ call });
      return channel;
    },
    accessToken,
    async authorize(options = {}) {
      if (options.forceRefresh === true) await oauth.refreshAccessToken();
      return { authorization: `Bearer ${await accessToken()}`, 'user-agent': USER_AGENT };
    },
    explain(error: unknown) {
      return classifyFailure(error, facts, redactor) ?? error;
    },
    flush,
    onRetry(listener) {
      retryListeners.push(listener);
    },
  };
}

/** The sign-in a client uses: the profile's stored one, or a refresh token from the environment. */
async function readSignIn(options: YouTubeClientOptions): Promise<{
  profile: string;
  store: CredentialStore;
  stored: StoredProfile | undefined;
  refreshToken: string;
  credentials: ResolvedClient;
}> {
  const { environment } = options;
  const profile = checkProfileName(environment.profile);
  const store = options.store ?? storeFor(environment);
  const envToken = environment.refreshToken;
  const stored = envToken ? undefined : await store.load(profile);
  if (!envToken && !stored) throw new AuthError(A.notSignedIn({ profile }), { hint: A.notSignedInHint({ profile }) });

  const credentials = resolveClientCredentials(environment, options.cwd);
  if (stored && stored.clientId !== credentials.clientId) {
    throw new AuthError(A.otherClient({ profile, stored: stored.clientId, current: credentials.clientId }), {
      hint: A.otherClientHint({ profile }),
    });
  }
  if (stored && !hasYouTubeScope(stored.scope)) {
    throw new AuthError(A.missingScope({ scope: YOUTUBE_SCOPE }), { hint: A.missingScopeHint({ profile }) });
  }
  return { profile, store, stored, refreshToken: stored ? stored.tokens.refresh_token : envToken!, credentials };
}

/**
 * Refreshed tokens go back to the store one write at a time, merged into what is on disk then.
 * Returns the client's `flush`: waits for the last write and throws the first that failed.
 */
function saveRefreshedTokens(oauth: OAuth2Client, store: CredentialStore, profile: string, refreshToken: string): () => Promise<void> {
  let saving: Promise<unknown> = Promise.resolve();
  let saveError: Error | undefined;
  oauth.on('tokens', (fresh: Credentials) => {
    const usedAt = new Date().toISOString();
    saving = store
      .update(profile, (current) =>
        // Logged out or signed in again elsewhere meanwhile: leave that alone.
        current && current.tokens.refresh_token === refreshToken
          ? { ...current, tokens: mergeTokens(current.tokens, fresh), lastUsedAt: usedAt }
          : undefined,
      )
      .catch((error: unknown) => {
        saveError ??= error instanceof Error ? error : new Error(String(error));
      });
  });
  return async () => {
    await saving;
    if (saveError !== undefined) throw saveError;
  };
}

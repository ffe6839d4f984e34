/**
 * The one YouTube client factory every command uses. It picks the sign-in (the stored profile, or
 * HAPPYTUBE_REFRESH_TOKEN for unattended runs), points the OAuth client and the Data API requests
 * at the endpoints of SPEC §3 (Google's or the emulator's), saves refreshed tokens back to the
 * store, and turns sign-in and network failures into typed errors (src/youtube/auth/errors.ts).
 *
 *   const client = await createYouTubeClient({ environment: ctx.environment([libraryDir]), log });
 *   checkChannelGuard(config.channel?.id, await client.signedInChannel(), { file: 'happytube.yaml' });
 *   await client.request({ path: 'playlists', query: { part: ['snippet'], mine: true } });
 *   const headers = await client.authorize(); // for the resumable uploader's own HTTP
 *   await client.flush(); // before exit: refreshed tokens are on disk
 */
import type { Environment } from '../config/env.ts';
import { AuthError, InputError } from '../errors.ts';
import { auth as A } from '../i18n/catalog/auth.ts';
import { Redactor } from '../util/redact.ts';
import { resolveClientCredentials } from './auth/credentials.ts';
import type { SignInFacts } from './auth/errors.ts';
import { YOUTUBE_SCOPE, classifyFailure, hasYouTubeScope } from './auth/errors.ts';
import type { LogSink } from './auth/oauth.ts';
import { OAuthClient, USER_AGENT } from './auth/oauth.ts';
import type { CredentialStore, SignedInChannel, StoredProfile } from './auth/store.ts';
import { checkProfileName, mergeTokens, storeFor } from './auth/store.ts';
import type { Channel, ListResponse } from './resources.ts';
import { apiRequester } from './rest.ts';
import type { ApiRequester } from './rest.ts';

export type { SignedInChannel } from './auth/store.ts';
export type { LogSink } from './auth/oauth.ts';

export interface YouTubeClientOptions {
  /** The environment of SPEC §3 (`ctx.environment([libraryDir])`); its `profile` is the one used. */
  environment: Environment;
  /** Where a relative HAPPYTUBE_CLIENT_SECRET_FILE is resolved from. */
  cwd?: string;
  /** The --verbose log; lines arrive redacted. */
  log?: LogSink | undefined;
  /** Default: the file store under HAPPYTUBE_CONFIG_DIR or the OS config folder. */
  store?: CredentialStore;
}

export interface YouTubeClient {
  /** The sign-in's tokens; refreshes by itself and the refreshed tokens are saved back. */
  readonly oauth: OAuthClient;
  /** A Data API request to `apiRoot + 'youtube/v3/…'`, authorized. */
  readonly request: ApiRequester;
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
  /** Headers for a request sent on its own (the upload): Authorization and User-Agent. */
  authorize(options?: { forceRefresh?: boolean }): Promise<Record<string, string>>;
  /** The typed error for a failure of a request made outside this client (or the error itself). */
  explain(error: unknown): unknown;
  /** Waits until refreshed tokens are written; rethrows a failed write. */
  flush(): Promise<void>;
}

/** channels.list (mine): the channel the sign-in belongs to. None → exit 4. */
export async function fetchMyChannel(request: ApiRequester): Promise<SignedInChannel> {
  const res = await request<ListResponse<Channel>>({ path: 'channels', query: { part: ['snippet'], mine: true } });
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

export async function createYouTubeClient(options: YouTubeClientOptions): Promise<YouTubeClient> {
  const { environment, log } = options;
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

  const redactor = new Redactor();
  const facts: SignInFacts = {
    profile,
    clientId: credentials.clientId,
    fromEnvironment: stored === undefined,
    signedInAt: stored?.signedInAt,
    lastUsedAt: stored?.lastUsedAt,
  };
  const oauth = new OAuthClient({ environment, credentials, redactor, log, facts: () => facts });
  const refreshToken = stored ? stored.tokens.refresh_token : envToken!;
  oauth.setCredentials(stored ? { ...stored.tokens } : { refresh_token: refreshToken });

  // Refreshed tokens go back to the store one write at a time, merged into what is on disk then.
  let saving: Promise<unknown> = Promise.resolve();
  let saveError: Error | undefined;
  if (stored) {
    oauth.onTokens((fresh) => {
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
  }

  const request = apiRequester({ apiRoot: environment.apiRoot, oauth, facts: () => facts, redactor });
  let channel: Promise<SignedInChannel> | undefined = stored ? Promise.resolve(stored.channel) : undefined;

  return {
    oauth,
    request,
    apiRoot: environment.apiRoot,
    uploadRoot: `${environment.apiRoot}upload/`,
    userAgent: USER_AGENT,
    profile,
    clientId: credentials.clientId,
    source: stored ? 'stored' : 'environment',
    stored,
    redactor,
    signedInChannel() {
      channel ??= fetchMyChannel(request);
      return channel;
    },
    async authorize(options = {}) {
      return { authorization: `Bearer ${await oauth.accessToken(options)}`, 'user-agent': USER_AGENT };
    },
    explain(error: unknown) {
      return classifyFailure(error, facts, redactor) ?? error;
    },
    async flush() {
      await saving;
      if (saveError !== undefined) throw saveError;
    },
  };
}

/**
 * `auth status`: which profile and channel, the scope, the access token's expiry, and whether a
 * refresh works right now (it is tried). Offline, the refresh is reported as not checked.
 */
import { HappyError } from '../../errors.ts';
import type { Text } from '../../i18n/index.ts';
import type { YouTubeClientOptions } from '../client.ts';
import { createYouTubeClient } from '../client.ts';
import { NetworkError } from './errors.ts';
import type { SignedInChannel } from './store.ts';
import { storeFor } from './store.ts';

export interface AuthStatus {
  profile: string;
  source: 'stored' | 'environment';
  /** The token file, for a stored profile. */
  file: string | undefined;
  clientId: string;
  channel: SignedInChannel | undefined;
  scope: string | undefined;
  /** ISO time the access token expires. */
  expiresAt: string | undefined;
  signedInAt: string | undefined;
  refresh: 'ok' | 'failed' | 'offline';
  /** Why the refresh failed or could not be tried. */
  problem: HappyError | undefined;
}

export async function authStatus(options: YouTubeClientOptions & { onRetry?: (text: Text) => void }): Promise<AuthStatus> {
  const store = options.store ?? storeFor(options.environment);
  const client = await createYouTubeClient({ ...options, store });
  if (options.onRetry) client.onRetry(options.onRetry);
  let refresh: AuthStatus['refresh'] = 'ok';
  let problem: HappyError | undefined;
  let channel = client.stored?.channel;
  try {
    await client.oauth.refreshAccessToken();
    channel ??= await client.signedInChannel();
  } catch (error) {
    const explained = client.explain(error);
    if (!(explained instanceof HappyError)) throw explained;
    refresh = explained instanceof NetworkError ? 'offline' : 'failed';
    problem = explained;
  }
  await client.flush();
  const expiry = client.oauth.credentials.expiry_date;
  return {
    profile: client.profile,
    source: client.source,
    file: client.stored ? store.fileOf(client.profile) : undefined,
    clientId: client.clientId,
    channel,
    scope: client.oauth.credentials.scope ?? client.stored?.scope,
    expiresAt: typeof expiry === 'number' ? new Date(expiry).toISOString() : undefined,
    signedInAt: client.stored?.signedInAt,
    refresh,
    problem,
  };
}

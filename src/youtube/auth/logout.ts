/**
 * `auth logout`: revoke the refresh token at Google (which ends the access token too), then delete
 * the profile. Offline or refused, the profile is still deleted and the caller warns.
 */
import type { Environment } from '../../config/env.ts';
import { HappyError } from '../../errors.ts';
import { Redactor } from '../../util/redact.ts';
import { NetworkError, OAuthRefusal, isNetworkFailure } from './errors.ts';
import type { LogSink } from '../transport.ts';
import type { CredentialStore, StoredProfile } from './store.ts';
import { checkProfileName, storeFor } from './store.ts';

export interface LogoutOptions {
  environment: Environment;
  store?: CredentialStore;
  log?: LogSink | undefined;
}

export interface LogoutResult {
  profile: string;
  /** A profile was stored (and is now deleted). */
  deleted: boolean;
  /** `revoked`: Google ended the access (or it was already dead); otherwise why not. */
  revocation: 'revoked' | 'offline' | 'failed' | 'none';
  /** Google's refusal, when `failed`. */
  detail: string | undefined;
}

export async function logout(options: LogoutOptions): Promise<LogoutResult> {
  const { environment, log } = options;
  const profile = checkProfileName(environment.profile);
  const store = options.store ?? storeFor(environment);
  let stored: StoredProfile | undefined;
  try {
    stored = await store.load(profile);
  } catch (error) {
    // A damaged file cannot be revoked, but it can still be deleted.
    if (!(error instanceof HappyError)) throw error;
  }
  let revocation: LogoutResult['revocation'] = 'none';
  let detail: string | undefined;
  if (stored) {
    const redactor = new Redactor();
    redactor.add(stored.tokens.refresh_token, stored.tokens.access_token);
    const google = await import('../google.ts');
    const oauth = google.createOAuthClient({
      environment,
      redactor,
      log,
      facts: () => ({ profile, clientId: stored.clientId, fromEnvironment: false }),
    });
    try {
      await oauth.revokeToken(stored.tokens.refresh_token);
      revocation = 'revoked';
    } catch (error) {
      if (error instanceof NetworkError || isNetworkFailure(error)) revocation = 'offline';
      else if (error instanceof OAuthRefusal && error.status === 400) revocation = 'revoked'; // Google: the token is already invalid
      else {
        revocation = 'failed';
        detail = redactor.text(error instanceof Error ? error.message : String(error));
      }
    }
  }
  const deleted = await store.delete(profile);
  return { profile, deleted, revocation, detail };
}

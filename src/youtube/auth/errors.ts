/**
 * Turns what Google's OAuth server and the network throw into the typed errors of src/errors.ts:
 * a dead refresh token (`invalid_grant`) is exit 4 with its likely cause and the fix; a missing
 * scope is exit 4; a wrong client is exit 2; no network is a plain sentence, exit 3 (nothing is
 * lost, run again later). Everything else passes through unchanged.
 */
import { AuthError, InputError, WorkLeftError } from '../../errors.ts';
import type { Text } from '../../i18n/index.ts';
import { joinText } from '../../i18n/index.ts';
import { auth as A } from '../../i18n/catalog/auth.ts';
import type { Redactor } from '../../util/redact.ts';
import { YouTubeApiError } from '../errors.ts';
import { TransportError } from '../http.ts';

export const YOUTUBE_SCOPE = 'https://www.googleapis.com/auth/youtube.force-ssl';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ECONNABORTED',
  'TimeoutError',
]);

/** No network: Google (or the emulator) could not be reached. Exit 3: run again later. */
export class NetworkError extends WorkLeftError {
  readonly host: string;

  constructor(host: string, cause?: unknown) {
    super(A.network({ host }), { hint: A.networkHint(), cause });
    this.host = host;
  }
}

/** The grant a request to the OAuth server was for. */
export type OAuthGrant = 'authorization_code' | 'refresh_token' | 'revoke';

/** The OAuth server refused: its answer's `error` (`invalid_grant`, `invalid_client`, …) and status. */
export class OAuthRefusal extends Error {
  override name = 'OAuthRefusal';
  readonly status: number;
  readonly error: string;
  readonly grant: OAuthGrant;

  constructor(status: number, error: string, grant: OAuthGrant, description: string) {
    super(`HTTP ${status} ${error}${description ? `: ${description}` : ''}`);
    this.status = status;
    this.error = error;
    this.grant = grant;
  }
}

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  cause?: unknown;
  host?: unknown;
}

function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && out.length < 8) {
    out.push(current);
    current = (current as ErrorLike).cause;
  }
  return out;
}

/** True for a failure to reach the server at all (refused, unknown host, timeout, reset). */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof OAuthRefusal || error instanceof YouTubeApiError) return false;
  return chain(error).some((e) => e instanceof TransportError || (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) || e.name === 'TimeoutError');
}

function hostOf(error: unknown): string {
  const host = chain(error).find((e) => typeof e.host === 'string')?.host;
  return typeof host === 'string' ? host : 'Google';
}

/** What is known about the sign-in that failed, to say which cause of `invalid_grant` is likely. */
export interface SignInFacts {
  profile: string;
  clientId: string;
  /** The token came from HAPPYTUBE_REFRESH_TOKEN, not from the store. */
  fromEnvironment: boolean;
  signedInAt?: string | undefined;
  lastUsedAt?: string | undefined;
}

const DAY = 86_400_000;

function daysSince(iso: string | undefined, now: number): number | undefined {
  const time = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(time) ? undefined : Math.floor((now - time) / DAY);
}

/** The message for a dead refresh token: what happened, the likely cause first, then the others. */
export function invalidGrantError(facts: SignInFacts, cause?: unknown, now = Date.now()): AuthError {
  if (facts.fromEnvironment) return new AuthError(A.invalidGrantEnv(), { hint: A.invalidGrantEnvHint(), cause });
  const age = daysSince(facts.signedInAt, now);
  const idle = daysSince(facts.lastUsedAt, now);
  let likely: Text;
  if (idle !== undefined && idle >= 180) likely = A.causeUnused({ days: idle });
  else if (age !== undefined && age >= 6 && age <= 8) likely = A.causeTesting({ days: age });
  else likely = A.causeRevoked();
  return new AuthError(joinText([A.invalidGrant({ profile: facts.profile }), likely, A.causeOthers()]), {
    hint: A.invalidGrantHint({ profile: facts.profile }),
    cause,
  });
}

/**
 * The typed error for a failure of an OAuth or API request, or undefined when it is none of the
 * cases handled here (the caller keeps the original). `redactor` cleans the cause kept for --verbose.
 */
export function classifyFailure(error: unknown, facts: SignInFacts, redactor?: Redactor): Error | undefined {
  if (error instanceof AuthError || error instanceof InputError || error instanceof NetworkError) return error;
  const cause = redactor ? redactor.error(error) : error;
  if (isNetworkFailure(error)) return new NetworkError(hostOf(error), cause);
  const oauth = error instanceof OAuthRefusal ? error.error : undefined;
  if (oauth === 'invalid_grant') {
    if (error instanceof OAuthRefusal && error.grant === 'authorization_code') return new AuthError(A.codeRejected(), { hint: A.retryLoginHint(), cause });
    return invalidGrantError(facts, cause);
  }
  if (oauth === 'invalid_client' || oauth === 'unauthorized_client' || oauth === 'deleted_client') {
    return new InputError(A.invalidClient({ clientId: facts.clientId }), { hint: A.invalidClientHint(), cause });
  }
  const reason = error instanceof YouTubeApiError ? error.reason : undefined;
  if (reason === 'insufficientPermissions' || reason === 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' || oauth === 'insufficient_scope') {
    return new AuthError(A.missingScope({ scope: YOUTUBE_SCOPE }), { hint: A.missingScopeHint({ profile: facts.profile }), cause });
  }
  return undefined;
}

/** Scopes that grant what happytube needs: the one it asks for, or the wider `youtube`. */
const SUFFICIENT = new Set([YOUTUBE_SCOPE, 'https://www.googleapis.com/auth/youtube']);

/** Whether a space-separated scope list grants what happytube needs. */
export function hasYouTubeScope(scope: string | undefined): boolean {
  return (scope ?? '').split(/\s+/).some((s) => SUFFICIENT.has(s));
}

/**
 * The OAuth side of the emulator's state: authorization codes (single use, PKCE), refresh tokens
 * and access tokens that expire after `tokenTtl` seconds.
 */
import { opaqueToken } from './ids.ts';

export const FULL_SCOPE = 'https://www.googleapis.com/auth/youtube.force-ssl';

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  challenge: string | undefined;
  challengeMethod: 'S256' | 'plain';
  expiresAt: number;
}

export interface RefreshGrant {
  clientId: string;
  scope: string;
  revoked: boolean;
}

export interface AccessGrant {
  clientId: string;
  scope: string;
  refreshToken: string | undefined;
  expiresAt: number;
}

export class TokenStore {
  tokenTtlSeconds: number;
  readonly codes = new Map<string, AuthCode>();
  readonly refresh = new Map<string, RefreshGrant>();
  readonly access = new Map<string, AccessGrant>();
  /** The secret first used with each client id: a later different one is refused. */
  readonly clients = new Map<string, string>();

  constructor(tokenTtlSeconds: number) {
    this.tokenTtlSeconds = tokenTtlSeconds;
  }

  issueRefresh(clientId: string, scope: string): string {
    const token = opaqueToken('1//');
    this.refresh.set(token, { clientId, scope, revoked: false });
    return token;
  }

  issueAccess(clientId: string, scope: string, refreshToken: string | undefined): { token: string; expiresIn: number } {
    const token = opaqueToken('ya29.');
    this.access.set(token, { clientId, scope, refreshToken, expiresAt: Date.now() + this.tokenTtlSeconds * 1000 });
    return { token, expiresIn: this.tokenTtlSeconds };
  }

  /** The grant behind a live access token, or undefined (unknown, expired or revoked). */
  check(token: string): AccessGrant | undefined {
    const grant = this.access.get(token);
    if (!grant || grant.expiresAt <= Date.now()) return undefined;
    if (grant.refreshToken !== undefined && this.refresh.get(grant.refreshToken)?.revoked) return undefined;
    return grant;
  }

  /** Revokes an access or refresh token together with its family. False when unknown. */
  revoke(token: string): boolean {
    const access = this.access.get(token);
    const refreshToken = access ? access.refreshToken : this.refresh.has(token) ? token : undefined;
    if (!access && refreshToken === undefined) return false;
    if (access) access.expiresAt = 0;
    if (refreshToken !== undefined) {
      const grant = this.refresh.get(refreshToken);
      if (grant) grant.revoked = true;
      for (const a of this.access.values()) if (a.refreshToken === refreshToken) a.expiresAt = 0;
    }
    return true;
  }

  expireAll(): void {
    for (const grant of this.access.values()) grant.expiresAt = 0;
  }

  wipe(): void {
    this.codes.clear();
    this.refresh.clear();
    this.access.clear();
    this.clients.clear();
  }

  snapshot(): { access: number; refresh: number; clients: string[] } {
    const now = Date.now();
    return {
      access: [...this.access.keys()].filter((t) => (this.access.get(t)?.expiresAt ?? 0) > now && this.check(t)).length,
      refresh: [...this.refresh.values()].filter((g) => !g.revoked).length,
      clients: [...this.clients.keys()],
    };
  }
}

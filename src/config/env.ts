/**
 * The environment of SPEC §3, read in one place. `.env` files (in the library folder, then the
 * current folder) fill in what the real environment leaves unset; they never override it and are
 * never written into process.env.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';

export const GOOGLE_DEFAULTS = {
  apiRoot: 'https://youtube.googleapis.com/',
  authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  revokeUrl: 'https://oauth2.googleapis.com/revoke',
} as const;

export interface Environment {
  clientId: string | undefined;
  clientSecret: string | undefined;
  clientSecretFile: string | undefined;
  profile: string;
  configDir: string | undefined;
  refreshToken: string | undefined;
  lang: string | undefined;
  /** Always ends with '/'. */
  apiRoot: string;
  oauthAuthUrl: string;
  oauthTokenUrl: string;
  oauthRevokeUrl: string;
}

function readDotenv(dir: string): Record<string, string> {
  try {
    return parse(readFileSync(join(dir, '.env')));
  } catch {
    return {};
  }
}

/**
 * Reads the environment. `dotenvDirs` are searched in order (the library folder first, then the
 * current folder); the first value found wins, and the real environment beats them all.
 */
export function readEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  dotenvDirs: readonly string[] = [],
): Environment {
  const files = dotenvDirs.map(readDotenv);
  const get = (name: string): string | undefined => {
    const value = env[name] ?? files.find((f) => f[name] !== undefined)?.[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const root = get('HAPPYTUBE_API_ROOT') ?? GOOGLE_DEFAULTS.apiRoot;
  return {
    clientId: get('HAPPYTUBE_CLIENT_ID'),
    clientSecret: get('HAPPYTUBE_CLIENT_SECRET'),
    clientSecretFile: get('HAPPYTUBE_CLIENT_SECRET_FILE'),
    profile: get('HAPPYTUBE_PROFILE') ?? 'default',
    configDir: get('HAPPYTUBE_CONFIG_DIR'),
    refreshToken: get('HAPPYTUBE_REFRESH_TOKEN'),
    lang: get('HAPPYTUBE_LANG'),
    apiRoot: root.endsWith('/') ? root : `${root}/`,
    oauthAuthUrl: get('HAPPYTUBE_OAUTH_AUTH_URL') ?? GOOGLE_DEFAULTS.authUrl,
    oauthTokenUrl: get('HAPPYTUBE_OAUTH_TOKEN_URL') ?? GOOGLE_DEFAULTS.tokenUrl,
    oauthRevokeUrl: get('HAPPYTUBE_OAUTH_REVOKE_URL') ?? GOOGLE_DEFAULTS.revokeUrl,
  };
}

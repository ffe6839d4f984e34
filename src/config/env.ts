/**
 * The environment listed in docs/architecture.md, read in one place. `.env` files (in the library folder, then the
 * current folder) fill in what the real environment leaves unset; they never override it and are
 * never written into process.env.
 *
 * A library folder travels (a USB stick, a shared drive, a zip), and its `.env` with it. So a
 * `.env` may give only the OAuth client and harmless settings; where the sign-in and the API calls
 * go (the endpoint addresses), which refresh token is used and where tokens are kept come from the
 * process environment alone (the emulator and the demo set them there). Otherwise a library could
 * send the refresh token, the client secret and every access token to a host of its choosing.
 */
import { join } from 'node:path';
import { parse } from 'dotenv';
import { InputError } from '../errors.ts';
import { M } from '../i18n/messages.ts';
import { readRegularFile } from '../util/regular-file.ts';

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

/** What a `.env` file may set: the OAuth client, the profile and the language. */
export const DOTENV_VARIABLES: ReadonlySet<string> = new Set([
  'HAPPYTUBE_CLIENT_ID',
  'HAPPYTUBE_CLIENT_SECRET',
  'HAPPYTUBE_CLIENT_SECRET_FILE',
  'HAPPYTUBE_PROFILE',
  'HAPPYTUBE_LANG',
]);

/** The most a `.env` may hold: a few lines of client id and secret. */
const DOTENV_MAX_BYTES = 64 * 1024;

/**
 * The HAPPYTUBE_* values of `.env` in `dir`. Any other HAPPYTUBE_* variable there is refused
 * (exit 2) naming the file and the variable: silently ignoring it would leave the user wondering
 * why the setting has no effect, and leave a hostile library unnoticed.
 */
function readDotenv(dir: string): Record<string, string> {
  const file = join(dir, '.env');
  // None, or not a regular file (a pipe there must not make every command wait): no values.
  const read = readRegularFile(file, DOTENV_MAX_BYTES);
  if (!read.ok) return {};
  const values = parse(read.bytes);
  for (const name of Object.keys(values)) {
    if (name.startsWith('HAPPYTUBE_') && !DOTENV_VARIABLES.has(name)) {
      throw new InputError(M.cli.dotenvRefused({ file, name }), { hint: M.cli.dotenvRefusedFix({ name, allowed: [...DOTENV_VARIABLES] }) });
    }
  }
  return values;
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
  // Only ever the process environment: see the top of this file.
  const fromProcess = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const root = fromProcess('HAPPYTUBE_API_ROOT') ?? GOOGLE_DEFAULTS.apiRoot;
  return {
    clientId: get('HAPPYTUBE_CLIENT_ID'),
    clientSecret: get('HAPPYTUBE_CLIENT_SECRET'),
    clientSecretFile: get('HAPPYTUBE_CLIENT_SECRET_FILE'),
    profile: get('HAPPYTUBE_PROFILE') ?? 'default',
    configDir: fromProcess('HAPPYTUBE_CONFIG_DIR'),
    refreshToken: fromProcess('HAPPYTUBE_REFRESH_TOKEN'),
    lang: get('HAPPYTUBE_LANG'),
    apiRoot: root.endsWith('/') ? root : `${root}/`,
    oauthAuthUrl: fromProcess('HAPPYTUBE_OAUTH_AUTH_URL') ?? GOOGLE_DEFAULTS.authUrl,
    oauthTokenUrl: fromProcess('HAPPYTUBE_OAUTH_TOKEN_URL') ?? GOOGLE_DEFAULTS.tokenUrl,
    oauthRevokeUrl: fromProcess('HAPPYTUBE_OAUTH_REVOKE_URL') ?? GOOGLE_DEFAULTS.revokeUrl,
  };
}

/**
 * The origins (scheme, host, port) of the endpoints that are not Google's, in a stable order; an
 * empty list for a normal run. A run against anything else says so (src/cli/program.ts).
 */
export function foreignEndpoints(environment: Pick<Environment, 'apiRoot' | 'oauthAuthUrl' | 'oauthTokenUrl' | 'oauthRevokeUrl'>): string[] {
  const pairs: [string, string][] = [
    [environment.apiRoot, GOOGLE_DEFAULTS.apiRoot],
    [environment.oauthAuthUrl, GOOGLE_DEFAULTS.authUrl],
    [environment.oauthTokenUrl, GOOGLE_DEFAULTS.tokenUrl],
    [environment.oauthRevokeUrl, GOOGLE_DEFAULTS.revokeUrl],
  ];
  const origins = pairs.filter(([value, google]) => value !== google).map(([value]) => originOf(value));
  return [...new Set(origins)];
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * The OAuth client kept in a profile: `happytube setup` checks the `client_secret_….json` the
 * school downloaded from Google Cloud and keeps a copy as `CONFIG/profiles/NAME/client_secret.json`
 * (0600, in a 0700 folder), next to the sign-in and never in the library, so that the library
 * folder can be shared. Every command of that profile then signs in with it, unless the
 * environment names a client (HAPPYTUBE_CLIENT_ID/_SECRET or HAPPYTUBE_CLIENT_SECRET_FILE).
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Environment } from '../../config/env.ts';
import { InputError } from '../../errors.ts';
import { auth as A } from '../../i18n/catalog/auth.ts';
import { same } from '../../i18n/index.ts';
import { readRegularFile } from '../../util/regular-file.ts';
import { checkProfileName, configDirOf } from './store.ts';

/** An OAuth client: what Google's client file, the environment or a profile gives. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Google's suffix of every OAuth client id. */
const CLIENT_ID_SUFFIX = '.apps.googleusercontent.com';

export const CLIENT_FILE_NAME = 'client_secret.json';

export function profileClientFile(environment: Pick<Environment, 'configDir' | 'profile'>): string {
  return join(configDirOf(environment), 'profiles', checkProfileName(environment.profile), CLIENT_FILE_NAME);
}

/**
 * A path as a terminal types it when a file is dragged into it: quoted ('…' or "…") when it holds
 * spaces, or with backslash-escaped spaces (macOS, Linux); Windows paths keep their backslashes.
 */
export function unquotePath(typed: string): string {
  const text = typed.trim();
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  if (quoted) return quoted[2]!;
  if (/^[A-Za-z]:\\|^\\\\/.test(text)) return text;
  return text.replace(/\\(.)/g, '$1');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A client_secret file is under 1 KB; anything much bigger is the wrong file. */
export const CLIENT_FILE_MAX_BYTES = 64 * 1024;

/**
 * Where JSON.parse stopped, as "line 3"; never its message, which quotes the file's text (and so
 * the client secret, or whatever else the path points at).
 */
export function jsonErrorLine(error: unknown, raw: string): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /\(line (\d+) column \d+\)/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /at position (\d+)/.exec(message);
  if (position) return raw.slice(0, Number(position[1])).split('\n').length;
  return undefined;
}

/**
 * Reads and checks a downloaded client file: a "Desktop app" (installed) client, an id that ends
 * in .apps.googleusercontent.com, a secret. Anything else is bad input (exit 2) saying what the
 * file is and which client to download instead. Read bounded, never quoted (it holds a secret).
 */
export function readClientFile(path: string, cwd: string = process.cwd()): { file: string; credentials: ClientCredentials; json: unknown } {
  const file = resolve(cwd, unquotePath(path));
  const read = readRegularFile(file, CLIENT_FILE_MAX_BYTES);
  if (!read.ok) {
    const detail =
      read.reason === 'too-big' ? A.secretFileTooBig({ bytes: read.bytes }) : read.reason === 'not-file' ? A.secretFileNotFile() : read.reason === 'missing' ? A.clientFileMissing() : same(read.code);
    throw new InputError(A.clientFileUnreadable({ file, detail }), { hint: A.clientFileHint() });
  }
  const raw = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new InputError(A.clientFileNotJson({ file, line: jsonErrorLine(error, raw) }), { hint: A.clientFileHint() });
  }
  if (isRecord(json) && isRecord(json.web) && !('installed' in json)) {
    throw new InputError(A.clientFileWebApp({ file }), { hint: A.clientFileHint() });
  }
  const installed = isRecord(json) ? json.installed : undefined;
  if (!isRecord(installed)) throw new InputError(A.clientFileNotClient({ file }), { hint: A.clientFileHint() });
  const clientId = typeof installed.client_id === 'string' ? installed.client_id.trim() : '';
  if (!clientId.endsWith(CLIENT_ID_SUFFIX) || clientId.length === CLIENT_ID_SUFFIX.length) {
    throw new InputError(A.clientFileBadId({ file, clientId, suffix: CLIENT_ID_SUFFIX }), { hint: A.clientFileHint() });
  }
  const clientSecret = typeof installed.client_secret === 'string' ? installed.client_secret.trim() : '';
  if (clientSecret === '') throw new InputError(A.clientFileNoSecret({ file }), { hint: A.clientFileHint() });
  return { file, credentials: { clientId, clientSecret }, json };
}

/** Keeps a checked client file in the profile (0600 in a 0700 folder); returns where. */
export async function keepClientFile(environment: Pick<Environment, 'configDir' | 'profile'>, json: unknown): Promise<string> {
  const file = profileClientFile(environment);
  const dir = dirname(file);
  await mkdir(dirname(dir), { recursive: true, mode: 0o700 });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  await writeFileAtomic(file, `${JSON.stringify(json, null, 2)}\n`, { mode: 0o600 });
  return file;
}

/** The client kept in the profile, or undefined when there is none. A damaged one is bad input. */
export function storedClient(environment: Pick<Environment, 'configDir' | 'profile'>): { file: string; credentials: ClientCredentials } | undefined {
  const file = profileClientFile(environment);
  if (!existsSync(file)) return undefined;
  const { credentials } = readClientFile(file);
  return { file, credentials };
}

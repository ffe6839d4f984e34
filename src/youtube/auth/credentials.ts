/**
 * The OAuth "Desktop app" client listed in docs/architecture.md: HAPPYTUBE_CLIENT_ID and HAPPYTUBE_CLIENT_SECRET (the
 * environment, or `.env` in the library then the current folder — src/config/env.ts does that
 * lookup), or HAPPYTUBE_CLIENT_SECRET_FILE, the JSON Google Cloud offers for download.
 */
import { resolve } from 'node:path';
import * as v from 'valibot';
import type { Environment } from '../../config/env.ts';
import { InputError } from '../../errors.ts';
import { auth as A } from '../../i18n/catalog/auth.ts';
import { same, tr } from '../../i18n/index.ts';
import { readRegularFile } from '../../util/regular-file.ts';
import { CLIENT_FILE_MAX_BYTES, jsonErrorLine, storedClient } from './client-file.ts';
import type { ClientCredentials } from './client-file.ts';

/** Google's client_secret_….json: `{"installed": {...}}` for a desktop app (`web` is accepted too). */
const ClientBody = v.object({ client_id: v.pipe(v.string(), v.minLength(1)), client_secret: v.pipe(v.string(), v.minLength(1)) });
const ClientSecretFile = v.union([v.object({ installed: ClientBody }), v.object({ web: ClientBody })]);

function readSecretFile(path: string, cwd: string): ClientCredentials {
  const file = resolve(cwd, path);
  const read = readRegularFile(file, CLIENT_FILE_MAX_BYTES);
  if (!read.ok) {
    const detail = read.reason === 'too-big' ? A.secretFileTooBig({ bytes: read.bytes }) : read.reason === 'not-file' ? A.secretFileNotFile() : same(read.code);
    throw new InputError(A.secretFileUnreadable({ file, detail: tr(detail) }), { hint: A.secretFileHint() });
  }
  const raw = read.bytes.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new InputError(A.secretFileNotJson({ file, line: jsonErrorLine(error, raw) }), { hint: A.secretFileHint() });
  }
  const parsed = v.safeParse(ClientSecretFile, json);
  if (!parsed.success) {
    throw new InputError(A.secretFileInvalid({ file, detail: 'no "installed.client_id" / "installed.client_secret"' }), {
      hint: A.secretFileHint(),
    });
  }
  const body = 'installed' in parsed.output ? parsed.output.installed : parsed.output.web;
  return { clientId: body.client_id, clientSecret: body.client_secret };
}

/** Where the client in use comes from: the environment's pair, its file, or the profile (`setup`). */
export type ClientSource = 'environment' | 'secret-file' | 'profile';

export interface ResolvedClient extends ClientCredentials {
  source: ClientSource;
  /** The file read, for 'secret-file' and 'profile'. */
  file?: string;
}

/**
 * The client to sign in with. The id/secret pair wins over the file, the environment over the
 * client `happytube setup` kept in the profile; a missing client is bad input (exit 2): it is
 * set-up, nothing was sent, and `happytube setup` (or the README's "Google Cloud setup") fixes it.
 */
export function resolveClientCredentials(environment: Environment, cwd: string = process.cwd()): ResolvedClient {
  const { clientId, clientSecret, clientSecretFile } = environment;
  if (clientId && clientSecret) return { clientId, clientSecret, source: 'environment' };
  if (clientSecretFile && !clientId && !clientSecret) {
    return { ...readSecretFile(clientSecretFile, cwd), source: 'secret-file', file: resolve(cwd, clientSecretFile) };
  }
  if (clientId || clientSecret) {
    const [present, missing] = clientId
      ? ['HAPPYTUBE_CLIENT_ID', 'HAPPYTUBE_CLIENT_SECRET']
      : ['HAPPYTUBE_CLIENT_SECRET', 'HAPPYTUBE_CLIENT_ID'];
    throw new InputError(A.missingClientSecret({ present, missing }), { hint: A.missingClientSecretHint({ missing }) });
  }
  const kept = storedClient(environment);
  if (kept) return { ...kept.credentials, source: 'profile', file: kept.file };
  throw new InputError(A.noClientCredentials(), { hint: A.noClientCredentialsHint({ profile: environment.profile }) });
}

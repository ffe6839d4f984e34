/**
 * The OAuth "Desktop app" client of SPEC §3: HAPPYTUBE_CLIENT_ID and HAPPYTUBE_CLIENT_SECRET (the
 * environment, or `.env` in the library then the current folder — src/config/env.ts does that
 * lookup), or HAPPYTUBE_CLIENT_SECRET_FILE, the JSON Google Cloud offers for download.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as v from 'valibot';
import type { Environment } from '../../config/env.ts';
import { InputError } from '../../errors.ts';
import { auth as A } from '../../i18n/catalog/auth.ts';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Google's client_secret_….json: `{"installed": {...}}` for a desktop app (`web` is accepted too). */
const ClientBody = v.object({ client_id: v.pipe(v.string(), v.minLength(1)), client_secret: v.pipe(v.string(), v.minLength(1)) });
const ClientSecretFile = v.union([v.object({ installed: ClientBody }), v.object({ web: ClientBody })]);

async function readSecretFile(path: string, cwd: string): Promise<ClientCredentials> {
  const file = resolve(cwd, path);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'ENOENT' : String((error as Error).message);
    throw new InputError(A.secretFileUnreadable({ file, detail }), { hint: A.secretFileHint() });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new InputError(A.secretFileInvalid({ file, detail: (error as Error).message }), { hint: A.secretFileHint() });
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

/**
 * The client to sign in with. The id/secret pair wins over the file; a missing client is bad
 * input (exit 2): it is set-up, nothing was sent, and the README's "Google Cloud setup" fixes it.
 */
export async function resolveClientCredentials(environment: Environment, cwd: string = process.cwd()): Promise<ClientCredentials> {
  const { clientId, clientSecret, clientSecretFile } = environment;
  if (clientId && clientSecret) return { clientId, clientSecret };
  if (clientSecretFile && !clientId && !clientSecret) return readSecretFile(clientSecretFile, cwd);
  if (clientId || clientSecret) {
    const [present, missing] = clientId
      ? ['HAPPYTUBE_CLIENT_ID', 'HAPPYTUBE_CLIENT_SECRET']
      : ['HAPPYTUBE_CLIENT_SECRET', 'HAPPYTUBE_CLIENT_ID'];
    throw new InputError(A.missingClientSecret({ present, missing }), { hint: A.missingClientSecretHint({ missing }) });
  }
  throw new InputError(A.noClientCredentials(), { hint: A.noClientCredentialsHint() });
}

/**
 * `happytube setup` in-process (startMain), with a "browser" that follows the sign-in address it
 * prints: the emulator's consent, then the loopback answer delivered with an HTTP client.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consent } from '../auth/session.ts';
import type { RunResult } from '../helpers/cli.ts';
import { startMain } from '../helpers/cli.ts';
import type { EmulatorHandle } from '../helpers/emulator.ts';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from '../helpers/emulator.ts';

export interface Run extends RunResult {
  /** How many sign-in addresses were printed and followed. */
  signIns: number;
}

/** Runs the CLI; every sign-in address it prints on its own line is followed, as a browser would. */
export async function runSigningIn(args: readonly string[], env: Record<string, string | undefined>, cwd: string): Promise<Run> {
  const run = startMain(args, { cwd, env });
  let stderr = '';
  let signIns = 0;
  const followed: Promise<unknown>[] = [];
  run.stderr.on('data', (d: string) => {
    stderr += d;
    const urls = [...stderr.matchAll(/^(http:\/\/\S+\/o\/oauth2\/v2\/auth\?\S+)$/gm)].map((m) => m[1]!);
    while (signIns < urls.length) {
      const url = urls[signIns]!;
      signIns += 1;
      followed.push(consent(url).then((answer) => fetch(answer)));
    }
  });
  run.stdin.end();
  const result = await run.result;
  await Promise.allSettled(followed);
  return { ...result, signIns };
}

/** The emulator's addresses only: no client, no sign-in from the environment. */
export function bareEnv(emulator: EmulatorHandle, config: string): Record<string, string | undefined> {
  return {
    ...emulator.env(),
    HAPPYTUBE_CLIENT_ID: undefined,
    HAPPYTUBE_CLIENT_SECRET: undefined,
    HAPPYTUBE_REFRESH_TOKEN: undefined,
    HAPPYTUBE_CONFIG_DIR: config,
    HAPPYTUBE_LANG: 'en',
  };
}

/** A temp folder with a config folder, a working folder and a client file as Google Cloud gives it. */
export async function workspace(client: unknown = defaultClient()): Promise<{ root: string; config: string; clientFile: string }> {
  const root = await mkdtemp(join(tmpdir(), 'happytube-setup-'));
  const clientFile = join(root, 'client_secret_123-abc.apps.googleusercontent.com.json');
  await writeFile(clientFile, JSON.stringify(client));
  return { root, config: join(root, 'config'), clientFile };
}

export function defaultClient(): unknown {
  return {
    installed: {
      client_id: TEST_CLIENT_ID,
      project_id: 'happytube-mn-thien-duc',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: 'https://oauth2.googleapis.com/token',
      client_secret: TEST_CLIENT_SECRET,
      redirect_uris: ['http://localhost'],
    },
  };
}

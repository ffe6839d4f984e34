/**
 * `happytube setup` as a child process, with a "browser" that follows the sign-in address it
 * prints: the emulator's consent, then the loopback answer delivered with an HTTP client.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consent } from '../auth/session.ts';
import type { RunResult } from '../helpers/cli.ts';
import { BIN, cleanEnv } from '../helpers/cli.ts';
import type { EmulatorHandle } from '../helpers/emulator.ts';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from '../helpers/emulator.ts';

export interface Run extends RunResult {
  /** How many sign-in addresses were printed and followed. */
  signIns: number;
}

/** Runs the CLI; every sign-in address it prints on its own line is followed, as a browser would. */
export function runSigningIn(args: readonly string[], env: Record<string, string | undefined>, cwd: string): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let signIns = 0;
  const followed: Promise<unknown>[] = [];
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    const urls = [...stderr.matchAll(/^(http:\/\/\S+\/o\/oauth2\/v2\/auth\?\S+)$/gm)].map((m) => m[1]!);
    while (signIns < urls.length) {
      const url = urls[signIns]!;
      signIns += 1;
      followed.push(consent(url).then((answer) => fetch(answer)));
    }
  });
  child.stdin.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      void Promise.allSettled(followed).then(() => resolve({ code, stdout, stderr, signIns }));
    });
  });
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

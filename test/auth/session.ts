/**
 * Drives `happytube auth login --no-browser` in-process (startMain): waits for the printed sign-in
 * address, lets the emulator consent, and hands the loopback answer to the listener or to stdin.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../helpers/cli.ts';
import { startMain } from '../helpers/cli.ts';

export interface LoginSession {
  /** The authorization address the CLI printed on its own line. */
  authUrl: Promise<string>;
  /** Writes a line on the CLI's stdin (the pasted address). */
  paste(line: string): void;
  result: Promise<RunResult>;
}

export function startLogin(args: readonly string[], env: Record<string, string | undefined>, cwd: string): LoginSession {
  const run = startMain([...args, 'auth', 'login', '--no-browser'], { cwd, env });
  let stderr = '';
  let found: (url: string) => void = () => undefined;
  const authUrl = new Promise<string>((resolve) => (found = resolve));
  run.stderr.on('data', (d: string) => {
    stderr += d;
    const match = /^(http:\/\/\S+\/o\/oauth2\/v2\/auth\?\S+)$/m.exec(stderr);
    if (match) found(match[1]!);
  });
  return { authUrl, paste: (line) => run.stdin.write(`${line}\n`), result: run.result };
}

/** The emulator's consent: the 302 from the authorization endpoint, i.e. the loopback answer. */
export async function consent(authUrl: string): Promise<URL> {
  const res = await fetch(authUrl, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`no consent redirect: ${res.status} ${await res.text()}`);
  return new URL(location);
}

/** A fresh config folder (HAPPYTUBE_CONFIG_DIR) and a working folder. */
export async function tempDirs(): Promise<{ config: string; cwd: string }> {
  const root = await mkdtemp(join(tmpdir(), 'happytube-auth-'));
  const config = join(root, 'config');
  return { config, cwd: root };
}

/**
 * Drives `happytube auth login --no-browser` as a child process: waits for the printed sign-in
 * address, lets the emulator consent, and hands the loopback answer to the listener or to stdin.
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../helpers/cli.ts';
import { BIN, cleanEnv } from '../helpers/cli.ts';

export interface LoginSession {
  /** The authorization address the CLI printed on its own line. */
  authUrl: Promise<string>;
  /** Writes a line on the CLI's stdin (the pasted address). */
  paste(line: string): void;
  result: Promise<RunResult>;
}

export function startLogin(args: readonly string[], env: Record<string, string | undefined>, cwd: string): LoginSession {
  const child = spawn(process.execPath, [BIN, ...args, 'auth', 'login', '--no-browser'], {
    cwd,
    env: cleanEnv(env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let found: (url: string) => void = () => undefined;
  const authUrl = new Promise<string>((resolve) => (found = resolve));
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    const match = /^(http:\/\/\S+\/o\/oauth2\/v2\/auth\?\S+)$/m.exec(stderr);
    if (match) found(match[1]!);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const result = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  return { authUrl, paste: (line) => child.stdin.write(`${line}\n`), result };
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

/**
 * What a library folder (and its `.env`) may not do: send the sign-in elsewhere, bring its own
 * refresh token or token folder. What HAPPYTUBE_CLIENT_SECRET_FILE may not do: print its content
 * in an error, or hang the CLI. And the one line that says a run's endpoints are not Google's.
 * The CLI runs in-process (runMain); a small hostile server here records every request it gets.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import type { RunResult } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { makeLibrary, removeLibrary } from '../library/helpers.ts';

const emulator = useEmulator();
const roots: string[] = [];
afterAll(() => roots.forEach(removeLibrary));

/** A server that answers every request with a made-up token and a made-up channel, and keeps them. */
const received: string[] = [];
const hostile = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8').on('data', (d: string) => (body += d));
  req.on('end', () => {
    received.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''} ${body}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'stolen', expires_in: 3600, token_type: 'Bearer', items: [] }));
  });
});
let hostileUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => hostile.close(() => resolve())));

function library(dotenv: string): string {
  const root = makeLibrary({ '.env': dotenv });
  roots.push(root);
  return root;
}

/** The emulator's endpoints, in the process environment, without a client (the `.env` gives it). */
function endpointsOnly(): Record<string, string | undefined> {
  return { ...emulator.env(), HAPPYTUBE_CLIENT_ID: undefined, HAPPYTUBE_CLIENT_SECRET: undefined };
}

const notGoogle = /Not Google's servers: the sign-in and the YouTube calls go to http:\/\/127\.0\.0\.1:\d+/g;

describe("a library's .env", () => {
  it.each([
    ['HAPPYTUBE_API_ROOT', () => `HAPPYTUBE_API_ROOT=${hostileUrl}/\nHAPPYTUBE_OAUTH_TOKEN_URL=${hostileUrl}/token\n`],
    ['HAPPYTUBE_OAUTH_TOKEN_URL', () => `HAPPYTUBE_OAUTH_TOKEN_URL=${hostileUrl}/token\n`],
    ['HAPPYTUBE_REFRESH_TOKEN', () => 'HAPPYTUBE_REFRESH_TOKEN=1//the-library-owner-s-channel\n'],
    ['HAPPYTUBE_CONFIG_DIR', () => 'HAPPYTUBE_CONFIG_DIR=./tokens-here\n'],
  ])('may not set %s: refused naming the file and the variable, nothing sent anywhere', async (name, dotenv) => {
    received.length = 0;
    const { refresh_token, client_id, client_secret } = await emulator.admin.tokens();
    const root = library(`HAPPYTUBE_CLIENT_ID=${client_id}\nHAPPYTUBE_CLIENT_SECRET=${client_secret}\n${dotenv()}`);
    // Google's endpoints (unreachable here) unless the .env could change them.
    const r = await runMain(['sync', '--dry-run', root], { env: { HAPPYTUBE_REFRESH_TOKEN: refresh_token }, timeoutMs: 30_000 });
    expect(received).toEqual([]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${join(root, '.env')} sets ${name}, which is never taken from a .env file`);
    expect(r.stderr).toContain(`Delete the ${name} line from the .env file`);
  });

  it('may give the client, the profile and the language; the run says once that its endpoints are not Google', async () => {
    const { client_id, client_secret } = await emulator.admin.tokens();
    const root = library(`HAPPYTUBE_CLIENT_ID=${client_id}\nHAPPYTUBE_CLIENT_SECRET=${client_secret}\nHAPPYTUBE_LANG=en\nHAPPYTUBE_PROFILE=default\n`);
    const r = await runMain(['sync', '--dry-run', root], { env: endpointsOnly() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(notGoogle)?.length, r.stderr).toBe(1);
    expect(r.stderr).toContain(emulator.url);
  });

  it('the notice is there with --quiet too, and not for a command that contacts nothing', async () => {
    const root = library('');
    const quiet = await runMain(['--quiet', 'sync', '--dry-run', root], { env: emulator.env() });
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr.match(notGoogle)?.length, quiet.stderr).toBe(1);
    const check = await runMain(['check', root], { env: emulator.env() });
    expect(check.stderr).not.toMatch(notGoogle);
  });
});

describe('HAPPYTUBE_CLIENT_SECRET_FILE', () => {
  function secretFile(content: string | undefined): { root: string; file: string } {
    const root = library('');
    const file = join(root, '..', `${root.split('/').pop()!}-client_secret.json`);
    if (content !== undefined) writeFileSync(file, content);
    roots.push(file);
    return { root, file };
  }

  function run(root: string, file: string): Promise<RunResult> {
    const env = { ...endpointsOnly(), HAPPYTUBE_CLIENT_SECRET_FILE: file };
    return runMain(['--lang', 'en', 'sync', '--dry-run', root], { env, timeoutMs: 30_000 });
  }

  it('that is not JSON: named, its content never printed', async () => {
    const { root, file } = secretFile('GOCSPX-leaked-secret-value\n');
    const r = await run(root, file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} (HAPPYTUBE_CLIENT_SECRET_FILE) is not valid JSON: it is not the client_secret file downloaded from Google`);
    expect(r.stderr).not.toContain('GOCSPX');
  });

  it('cut short: named with its line, its content never printed', async () => {
    const { root, file } = secretFile('{\n  "installed": {\n    "client_id": "x.apps.googleusercontent.com",\n    "client_secret": "GOCSPX-leaked" oops\n');
    const r = await run(root, file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not valid JSON (an error on line 4)');
    expect(r.stderr).not.toContain('GOCSPX');
  });

  it.skipIf(process.platform === 'win32')('a pipe or a device: refused at once, no wait', async () => {
    const { root, file } = secretFile(undefined);
    execFileSync('mkfifo', [file]);
    const r = await run(root, file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Cannot read ${file} (HAPPYTUBE_CLIENT_SECRET_FILE): it is not an ordinary file`);
    const zero = await run(root, '/dev/zero');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('it is not an ordinary file');
  });

  it('a huge file: refused without reading it all', async () => {
    const { root, file } = secretFile(`{"installed": {"client_id": "x", "client_secret": "${'s'.repeat(32 * 1024 * 1024)}"}}`);
    const r = await run(root, file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/it holds \d+ bytes, where a client_secret file is about 1 KB/);
  });
});

/**
 * A server that misbehaves, between the CLI and the emulator: a small HTTP server in the test that
 * passes every request on to the emulator, except those a test tells it to spoil — never answer,
 * answer without end, answer with a Wi-Fi login page or JSON of the wrong shape, or drop the
 * connection. The CLI runs with its API and token addresses pointing at it, and a request timeout
 * of 1 s (HAPPYTUBE_TEST_REQUEST_TIMEOUT_SECONDS) instead of 60.
 */
import { createServer, request } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunResult } from '../helpers/cli.ts';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { useExampleLibrary } from './helpers.ts';

type Spoil = 'hang' | 'endless' | 'login-page' | 'truncated-json' | 'wrong-shape' | 'reset' | 'reset-reused' | 'expire-tokens-first';

interface Rule {
  method: string;
  path: string;
  spoil: Spoil;
  /** How many matching requests to spoil (then they pass). */
  times: number;
}

const emulator = useEmulator();
const library = useExampleLibrary();
let server: Server;
let front: string;
let rules: Rule[] = [];
/** Connections that already carried a request: a request on one of them came on a kept-alive socket. */
const served = new WeakSet<Socket>();
/** Bytes of the endless answers written before the client hung up. */
let endlessBytes = 0;

function pass(req: IncomingMessage, res: ServerResponse): void {
  const upstream = request(new URL(req.url ?? '/', emulator.url), { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

function spoil(kind: Spoil, req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  if (kind === 'hang') return; // read, never answered
  if (kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (kind === 'login-page') {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Đăng nhập Wi-Fi của trường</body></html>');
    return;
  }
  if (kind === 'truncated-json') {
    res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' }).end('{"kind": "youtube#playlistListResponse", "items": [');
    return;
  }
  if (kind === 'wrong-shape') {
    res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' }).end(JSON.stringify({ kind: 'youtube#searchListResponse', items: [] }));
    return;
  }
  // endless: a JSON list that never ends, written as fast as the client reads it
  res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
  res.write('{"kind": "youtube#playlistListResponse", "items": [');
  const chunk = Buffer.from(`${'{"id": "PLxxxxxxxxxxxxxxxx"},'.repeat(2048)}`);
  const more = (): void => {
    for (let flowing = true; flowing && !res.destroyed; ) {
      endlessBytes += chunk.length;
      flowing = res.write(chunk);
    }
  };
  res.on('drain', more);
  more();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const reused = served.has(req.socket);
    served.add(req.socket);
    const rule = rules.find((r) => r.times > 0 && r.method === req.method && r.path === path && (r.spoil !== 'reset-reused' || reused));
    if (!rule) return pass(req, res);
    rule.times -= 1;
    if (rule.spoil === 'expire-tokens-first') {
      // The access token dies while the run goes on (as after a laptop's sleep): this call gets 401.
      void emulator.admin.expireTokens().then(() => pass(req, res));
      return;
    }
    spoil(rule.spoil === 'reset-reused' ? 'reset' : rule.spoil, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  front = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  rules = [];
  endlessBytes = 0;
});

function cli(args: string[], lang = 'en'): Promise<RunResult> {
  return runMain(args, {
    env: {
      ...emulator.env(),
      HAPPYTUBE_API_ROOT: `http://${front}/`,
      HAPPYTUBE_OAUTH_TOKEN_URL: `http://${front}/token`,
      HAPPYTUBE_TEST_REQUEST_TIMEOUT_SECONDS: '1',
      HAPPYTUBE_LANG: lang,
    },
    timeoutMs: 120_000,
  });
}

describe('a server that misbehaves', () => {
  it('does not answer: the run says so and tries again, in English and in Vietnamese', async () => {
    rules = [{ method: 'GET', path: '/youtube/v3/playlists', spoil: 'hang', times: 1 }];
    const run = await cli(['sync', library.dir, '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('YouTube did not answer in 1 s (playlists.list); trying again (2/8).');
    expect((await emulator.admin.state()).videos.length).toBe(6);

    rules = [{ method: 'GET', path: '/youtube/v3/playlists', spoil: 'hang', times: 1 }];
    const vi = await cli(['playlists', library.dir], 'vi');
    expect(vi.code, vi.stderr).toBe(0);
    expect(vi.stderr).toContain('YouTube không trả lời trong 1 giây (playlists.list); đang thử lại (2/8).');
  });

  it('answers without end: the answer is cut off, the call tried again', async () => {
    rules = [{ method: 'GET', path: '/youtube/v3/playlists', spoil: 'endless', times: 1 }];
    const run = await cli(['playlists', library.dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/YouTube failed for a moment \(playlists\.list: .*longer than 16 MB.*\); trying again \(2\/8\)\./);
    // Cut at 16 MB: what the server got out before the client hung up is that and the sockets' buffers.
    expect(endlessBytes).toBeGreaterThan(16 * 1024 * 1024);
    expect(endlessBytes).toBeLessThan(48 * 1024 * 1024);
  });

  it('answers with a Wi-Fi login page or cut-off JSON: exit 3 naming the host and the call, no parser message', async () => {
    for (const kind of ['login-page', 'truncated-json'] as const) {
      rules = [{ method: 'GET', path: '/youtube/v3/playlists', spoil: kind, times: 1 }];
      const run = await cli(['playlists', library.dir]);
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr).toContain(`${front} answered playlists.list with something that is not the YouTube Data API's answer (not JSON).`);
      expect(run.stderr).toContain('Wi-Fi login page');
      expect(run.stderr).not.toMatch(/SyntaxError|Unexpected (token|end)|JSON\.parse/);
    }
  });

  it('answers with JSON of the wrong shape: exit 1 naming the host and the call, with the fix; not "no YouTube channel"', async () => {
    rules = [{ method: 'GET', path: '/youtube/v3/channels', spoil: 'wrong-shape', times: 1 }];
    const run = await cli(['sync', library.dir, '--yes']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(
      `${front} answered channels.list with JSON that is not what the YouTube Data API documents (expected kind "youtube#channelListResponse", got "youtube#searchListResponse").`,
    );
    expect(run.stderr).toContain('HAPPYTUBE_API_ROOT');
    expect(run.stderr).not.toContain('no YouTube channel');
    expect((await emulator.admin.state()).calls).toEqual({});
  });

  it('drops the connection of an API call: the call is tried again, with a line that says so', async () => {
    rules = [{ method: 'GET', path: '/youtube/v3/playlists', spoil: 'reset', times: 1 }];
    const run = await cli(['playlists', library.dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('YouTube failed for a moment (playlists.list: ECONNRESET); trying again (2/8).');
  });

  // `auth status` refreshes and asks for the channel once, with no retries of its own: what recovers
  // here is the token call itself.
  it('closes the kept-alive connection a token refresh after a 401 goes out on: the refresh is tried again', async () => {
    rules = [
      { method: 'GET', path: '/youtube/v3/channels', spoil: 'expire-tokens-first', times: 1 },
      { method: 'POST', path: '/token', spoil: 'reset-reused', times: 1 },
    ];
    const run = await cli(['--verbose', 'auth', 'status']);
    expect(run.code, run.stderr).toBe(0);
    expect(rules.map((r) => r.times)).toEqual([0, 0]);
    expect(run.stdout).toMatch(/Refresh:\s+works/);
    expect(run.stderr).toMatch(new RegExp(`GET http://${front}/youtube/v3/channels\\S* → 401`));
    expect(run.stderr).toMatch(new RegExp(`POST http://${front}/token → ECONNRESET`));
  });

  it('does not answer a token refresh: the run says so and tries again', async () => {
    rules = [{ method: 'POST', path: '/token', spoil: 'hang', times: 1 }];
    const run = await cli(['auth', 'status']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Refresh:\s+works/);
    expect(run.stderr).toContain("Google's sign-in server did not answer in 1 s; trying again (2/4).");
  });

  it('drops the connection of a token refresh: the refresh is tried again', async () => {
    rules = [{ method: 'POST', path: '/token', spoil: 'reset', times: 1 }];
    const run = await cli(['--verbose', 'auth', 'status']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Refresh:\s+works/);
    expect(run.stderr).toContain("Google's sign-in server failed for a moment (ECONNRESET); trying again (2/4).");
    expect(run.stderr).toMatch(new RegExp(`POST http://${front}/token → ECONNRESET`));
    expect(run.stderr).toMatch(new RegExp(`POST http://${front}/token → 200`));
  });
});

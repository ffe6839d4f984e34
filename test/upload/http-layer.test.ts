/**
 * The HTTP layer (src/youtube/http.ts) as it meets the world: TLS with a real certificate check,
 * and a school network's proxy. Real servers on 127.0.0.1 — an https server with a certificate
 * made here by openssl, a plain forward proxy — and the client in a child process, so that it
 * starts as the CLI does and reads NODE_EXTRA_CA_CERTS and the proxy variables from its
 * environment. Then the whole CLI behind the proxy, in-process (runMain) with the proxy in its
 * run's environment only: Google's clients (sign-in, Data API) and the upload's own requests all
 * go through it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, request } from 'node:http';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain, runNode } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { exampleCopy } from '../sync/helpers.ts';

const HTTP_MODULE = pathToFileURL(join(import.meta.dirname, '../../src/youtube/http.ts')).href;

interface Echo {
  status: number;
  method: string;
  url: string;
  body: string;
  socket: string;
}

/** Answers every request with what it received, as JSON. */
function echo(req: IncomingMessage, res: { writeHead(status: number, headers: Record<string, string>): unknown; end(body: string): unknown }): void {
  let body = '';
  req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ method: req.method, url: req.url, body, socket: `${req.socket.remotePort}` }));
  });
}

/** A forward proxy: requests arrive in absolute form, are noted by `seen` and passed on. */
function forwardProxy(seen: (req: IncomingMessage) => void): HttpServer {
  return createHttpServer((req, res) => {
    seen(req);
    const upstream = request(new URL(req.url ?? ''), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
}

function listen(server: HttpServer | HttpsServer): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** A GET then a POST through exchange() in a fresh Node; prints their answers, or the failure's name and code. */
async function client(base: string, env: Record<string, string>): Promise<{ a?: Echo; b?: Echo; failed?: string; code?: string }> {
  const script = `
    import { exchange } from ${JSON.stringify(HTTP_MODULE)};
    const read = (answer) => ({ status: answer.status, ...JSON.parse(answer.body) });
    try {
      const a = await exchange(new URL('${base}/one?x=1'), { method: 'GET', headers: {} });
      const b = await exchange(new URL('${base}/two'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'héllo' });
      console.log(JSON.stringify({ a: read(a), b: read(b) }));
    } catch (error) {
      console.log(JSON.stringify({ failed: error.name, code: error.code }));
    }
    process.exit(0);
  `;
  // The proxy variables and extra certificates are only those of the test (runNode leaves out the shell's proxies).
  const run = await runNode(['--input-type=module', '-e', script], { env: { NODE_EXTRA_CA_CERTS: undefined, ...env } });
  return JSON.parse(run.stdout.trim()) as { a?: Echo; b?: Echo; failed?: string; code?: string };
}

describe('exchange() over https', () => {
  let dir: string;
  let server: HttpsServer;
  let origin: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'happytube-https-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    server = createHttpsServer({ key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) }, echo);
    origin = `https://127.0.0.1:${await listen(server)}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('sends and reads requests on one kept-alive TLS connection', async () => {
    const result = await client(origin, { NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') });
    expect(result.a).toMatchObject({ status: 200, method: 'GET', url: '/one?x=1', body: '' });
    expect(result.b).toMatchObject({ status: 200, method: 'POST', url: '/two', body: 'héllo' });
    expect(result.b?.socket).toBe(result.a?.socket);
  });

  it('checks the certificate: an untrusted one is a TransportError, nothing is sent', async () => {
    const result = await client(origin, {});
    expect(result.failed).toBe('TransportError');
    expect(result.code).toMatch(/CERT|SIGNED|VERIFY/);
  });
});

describe('exchange() behind a proxy (HTTP_PROXY, NO_PROXY)', () => {
  let target: HttpServer;
  let proxy: HttpServer;
  let base: string;
  let proxyUrl: string;
  const proxied: string[] = [];

  beforeAll(async () => {
    target = createHttpServer(echo);
    base = `http://127.0.0.1:${await listen(target)}`;
    proxy = forwardProxy((req) => proxied.push(`${req.method} ${req.url}`));
    proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
  });

  afterAll(async () => {
    await Promise.all([new Promise((resolve) => proxy.close(resolve)), new Promise((resolve) => target.close(resolve))]);
  });

  it('goes through the proxy the environment names', async () => {
    proxied.length = 0;
    const result = await client(base, { HTTP_PROXY: proxyUrl });
    expect(result.a).toMatchObject({ status: 200, method: 'GET', url: '/one?x=1' });
    expect(result.b).toMatchObject({ status: 200, method: 'POST', body: 'héllo' });
    expect(proxied).toEqual([`GET ${base}/one?x=1`, `POST ${base}/two`]);
  });

  it('goes straight to a host listed in NO_PROXY', async () => {
    proxied.length = 0;
    const result = await client(base, { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' });
    expect(result.b).toMatchObject({ status: 200, method: 'POST', body: 'héllo' });
    expect(proxied).toEqual([]);
  });
});

describe('happytube sync behind a proxy (HTTP_PROXY, NO_PROXY)', () => {
  const emulator = useEmulator();
  let proxy: HttpServer;
  let proxyUrl: string;
  const proxied: string[] = [];

  beforeAll(async () => {
    proxy = forwardProxy((req) => proxied.push(`${req.method} ${new URL(req.url ?? '').pathname}`));
    proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
  });

  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it('sends the sign-in, every Data API call and the upload bytes through the proxy; none with NO_PROXY', async () => {
    const library = await exampleCopy();
    try {
      proxied.length = 0;
      const run = await runMain(['sync', library.dir, '--yes'], { env: { ...emulator.env(), HAPPYTUBE_LANG: 'en', HTTP_PROXY: proxyUrl } });
      expect(run.code, run.stderr).toBe(0);
      expect((await emulator.admin.state()).videos.length).toBe(6);
      for (const expected of [
        'POST /token',
        'GET /youtube/v3/channels',
        'GET /youtube/v3/playlists',
        'POST /youtube/v3/playlists',
        'POST /upload/youtube/v3/videos',
        'POST /youtube/v3/playlistItems',
        'POST /upload/youtube/v3/thumbnails/set',
        'POST /upload/youtube/v3/captions',
      ]) {
        expect(proxied).toContain(expected);
      }
      // The bytes of the resumable sessions.
      expect(proxied.filter((line) => line.startsWith('PUT /upload/')).length).toBeGreaterThanOrEqual(6);

      await emulator.admin.wipe();
      await rm(join(library.dir, '.happytube'), { recursive: true, force: true });
      proxied.length = 0;
      const direct = await runMain(['sync', library.dir, '--yes'], { env: { ...emulator.env(), HAPPYTUBE_LANG: 'en', HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' } });
      expect(direct.code, direct.stderr).toBe(0);
      expect(proxied).toEqual([]);
    } finally {
      await library.remove();
    }
  });
});

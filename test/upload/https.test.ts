/**
 * The HTTP layer over TLS, as it talks to Google: a real https server on 127.0.0.1 with a
 * certificate made here by openssl. The client runs in a child process, so that it starts as the
 * CLI does (node:https loaded on the first https request) and trusts the certificate only through
 * NODE_EXTRA_CA_CERTS.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HTTP_MODULE = pathToFileURL(join(import.meta.dirname, '../../src/youtube/http.ts')).href;

let dir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'happytube-https-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  server = createServer({ key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) }, (req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, url: req.url, body, socket: `${req.socket.remotePort}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** Two requests through exchange() in a fresh Node; prints their answers, or the failure's name and code. */
function client(extraCa: boolean): Promise<string> {
  const script = `
    import { exchange } from ${JSON.stringify(HTTP_MODULE)};
    try {
      const a = await exchange(new URL('${origin}/one?x=1'), { method: 'GET', headers: {} });
      const b = await exchange(new URL('${origin}/two'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'héllo' });
      console.log(JSON.stringify({ a: { status: a.status, ...JSON.parse(a.body) }, b: { status: b.status, ...JSON.parse(b.body) } }));
    } catch (error) {
      console.log(JSON.stringify({ failed: error.name, code: error.code }));
    }
    process.exit(0);
  `;
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: extraCa ? join(dir, 'cert.pem') : '' };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', () => resolve(out.trim()));
  });
}

describe('exchange() over https', () => {
  it('sends and reads requests on one kept-alive TLS connection', async () => {
    const result = JSON.parse(await client(true)) as { a: Record<string, string | number>; b: Record<string, string | number> };
    expect(result.a).toMatchObject({ status: 200, method: 'GET', url: '/one?x=1', body: '' });
    expect(result.b).toMatchObject({ status: 200, method: 'POST', url: '/two', body: 'héllo' });
    expect(result.b.socket).toBe(result.a.socket);
  });

  it('checks the certificate: an untrusted one is a TransportError, nothing is sent', async () => {
    const result = JSON.parse(await client(false)) as { failed: string; code: string };
    expect(result.failed).toBe('TransportError');
    expect(result.code).toMatch(/CERT|SIGNED|VERIFY/);
  });
});

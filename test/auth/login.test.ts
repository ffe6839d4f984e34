import { stat, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../src/errors.ts';
import { startLoopback } from '../../src/youtube/auth/loopback.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { consent, startLogin, tempDirs } from './session.ts';

const emulator = useEmulator();

function envFor(config: string): Record<string, string | undefined> {
  return { ...emulator.env(), HAPPYTUBE_REFRESH_TOKEN: undefined, HAPPYTUBE_CONFIG_DIR: config };
}

/** Whether a TCP connection to host:port is accepted. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function nonLoopbackAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.internal && !a.address.startsWith('fe80:')) // link-local needs a scope
    .map((a) => a!.address);
}

describe('auth login --no-browser', () => {
  it('signs in through the loopback listener, stores the token 0600 in a 0700 folder, prints the channel', async () => {
    const { config, cwd } = await tempDirs();
    const session = startLogin([], envFor(config), cwd);
    const authUrl = new URL(await session.authUrl);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authUrl.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/youtube.force-ssl');
    expect(authUrl.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32);
    const redirect = new URL(authUrl.searchParams.get('redirect_uri')!);
    expect(redirect.hostname).toBe('127.0.0.1');

    // While it waits, the listener answers on 127.0.0.1 only.
    const port = Number(redirect.port);
    expect(await reachable('127.0.0.1', port)).toBe(true);
    for (const address of nonLoopbackAddresses()) expect(await reachable(address, port)).toBe(false);
    expect(await reachable('::1', port)).toBe(false);

    const answer = await consent(authUrl.toString());
    const page = await fetch(answer);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Signed in');
    const r = await session.result;
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack
    expect(r.code).toBe(0);
    const channel = (await emulator.admin.state()).channel;
    expect(r.stdout).toContain(`"${channel.title}" (${channel.id})`);

    const dir = join(config, 'profiles', 'default');
    const file = join(dir, 'token.json');
    if (process.platform !== 'win32') {
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
    const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> & { tokens: Record<string, unknown> };
    expect(saved).toMatchObject({
      version: 1,
      profile: 'default',
      clientId: 'test-client.apps.googleusercontent.com',
      scope: 'https://www.googleapis.com/auth/youtube.force-ssl',
      channel: { id: channel.id, title: channel.title },
    });
    expect(saved.tokens.refresh_token).toEqual(expect.any(String));
    expect(saved.tokens.access_token).toEqual(expect.any(String));
    expect(saved.tokens.expiry_date).toBeGreaterThan(Date.now());

    // One answer, then the listener is gone: the same answer again cannot even connect.
    expect(await reachable('127.0.0.1', port)).toBe(false);
    await expect(fetch(answer)).rejects.toThrow();
  });

  it('ignores any answer without its state, whatever it carries, and keeps waiting for the real one', async () => {
    const { config, cwd } = await tempDirs();
    const session = startLogin([], envFor(config), cwd);
    const answer = await consent(await session.authUrl);
    const forged = new URL(answer);
    forged.searchParams.set('state', 'forged-state-from-another-page');
    const forgedPage = await fetch(forged);
    expect(forgedPage.status).toBe(400);
    expect(await forgedPage.text()).toContain('so it was ignored');
    // Any local page can cancel nothing, and say nothing: an `error` without the state is ignored too.
    const cancel = new URL(answer.origin + answer.pathname);
    cancel.searchParams.set('error', 'access_denied <script>alert(1)</script> \u001b[2J');
    const cancelPage = await fetch(cancel);
    expect(cancelPage.status).toBe(400);
    expect(await cancelPage.text()).not.toContain('<script>');
    expect((await fetch(answer)).status).toBe(200);
    const r = await session.result;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('access_denied');
    await stat(join(config, 'profiles', 'default', 'token.json'));
  });

  it('shows an error that carries the state escaped and cut, never raw', async () => {
    const { config, cwd } = await tempDirs();
    const session = startLogin([], envFor(config), cwd);
    const authUrl = new URL(await session.authUrl);
    const denied = new URL(authUrl.searchParams.get('redirect_uri')!);
    denied.searchParams.set('state', authUrl.searchParams.get('state')!);
    denied.searchParams.set('error', `access_denied\u001b]0;pwned\u0007\u001b[2J${'x'.repeat(200)}`);
    expect((await fetch(denied)).status).toBe(400);
    const r = await session.result;
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('Google did not grant access ("access_denied\\u001b]0;pwned\\u0007\\u001b[2J');
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).not.toContain('x'.repeat(100));
    await expect(stat(join(config, 'profiles', 'default', 'token.json'))).rejects.toThrow();
  });

  it('refuses a replayed authorization code', async () => {
    const first = await tempDirs();
    const one = startLogin([], envFor(first.config), first.cwd);
    const used = await consent(await one.authUrl);
    expect((await fetch(used)).status).toBe(200);
    expect((await one.result).code).toBe(0);

    // A second sign-in gets the first one's code back (with its own state): Google refuses it.
    const second = await tempDirs();
    const two = startLogin([], envFor(second.config), second.cwd);
    const own = await consent(await two.authUrl);
    own.searchParams.set('code', used.searchParams.get('code')!);
    await fetch(own);
    const r = await two.result;
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('refused the sign-in code');
    await expect(stat(join(second.config, 'profiles', 'default', 'token.json'))).rejects.toThrow();
  });

  it('accepts the final address pasted on stdin (a browser on another device)', async () => {
    const { config, cwd } = await tempDirs();
    const session = startLogin(['--profile', 'office'], envFor(config), cwd);
    const answer = await consent(await session.authUrl);
    session.paste('not an address');
    session.paste(answer.toString());
    const r = await session.result;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('is not a sign-in address');
    expect(r.stdout).toContain('Signed in to the channel');
    const saved = JSON.parse(await readFile(join(config, 'profiles', 'office', 'token.json'), 'utf8')) as { profile: string };
    expect(saved.profile).toBe('office');
    // The listener closed after the pasted answer too.
    expect(await reachable('127.0.0.1', Number(answer.port))).toBe(false);
  });

  it('rejects a profile name that is not a plain folder name (exit 2)', async () => {
    const { config, cwd } = await tempDirs();
    const r = await startLogin(['--profile', '../elsewhere'], envFor(config), cwd).result;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"../elsewhere" is not valid');
  });
});

describe('the loopback listener', () => {
  it('binds 127.0.0.1 only', async () => {
    const loopback = await startLoopback({ state: 's', timeoutMs: 5000 });
    expect(loopback.address.address).toBe('127.0.0.1');
    expect(loopback.redirectUri).toBe(`http://127.0.0.1:${loopback.address.port}/oauth2callback`);
    await loopback.close();
  });

  it('gives up after its time limit and refuses a late answer', async () => {
    const loopback = await startLoopback({ state: 'the-state', timeoutMs: 300 });
    const late = `${loopback.redirectUri}?code=abc&state=the-state`;
    const error: unknown = await loopback.code.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).exitCode).toBe(4);
    expect((error as AuthError).text.en).toContain('did not finish within');
    await expect(fetch(late)).rejects.toThrow();
    expect(loopback.deliver(late)).toBe(true); // understood, but too late: nothing changes
    await expect(loopback.code).rejects.toBe(error);
  });

  it('ignores other paths (a browser asks for /favicon.ico) and keeps waiting', async () => {
    const loopback = await startLoopback({ state: 'st', timeoutMs: 5000 });
    const origin = `http://127.0.0.1:${loopback.address.port}`;
    expect((await fetch(`${origin}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`${loopback.redirectUri}?code=the-code&state=st`)).status).toBe(200);
    await expect(loopback.code).resolves.toBe('the-code');
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredProfile } from '../../src/youtube/auth/store.ts';
import { FileCredentialStore } from '../../src/youtube/auth/store.ts';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { tempDirs } from './session.ts';

const emulator = useEmulator();
const DAY = 86_400_000;

/** A stored sign-in made from a fresh emulator grant (what `auth login` would have saved). */
async function storedProfile(config: string, change: Partial<StoredProfile> = {}): Promise<StoredProfile> {
  const grant = await emulator.admin.tokens();
  const channel = (await emulator.admin.state()).channel;
  const profile: StoredProfile = {
    version: 1,
    profile: 'default',
    clientId: grant.client_id,
    scope: 'https://www.googleapis.com/auth/youtube.force-ssl',
    channel: { id: channel.id, title: channel.title },
    tokens: { refresh_token: grant.refresh_token, access_token: grant.access_token, expiry_date: Date.now() + 3_000_000 },
    signedInAt: new Date().toISOString(),
    lastUsedAt: new Date().toISOString(),
    ...change,
  };
  await new FileCredentialStore(config).update(profile.profile, () => profile);
  return profile;
}

async function revoke(token: string): Promise<void> {
  const res = await fetch(`${emulator.url}/revoke?token=${encodeURIComponent(token)}`, { method: 'POST' });
  expect(res.status).toBe(200);
}

/** A port nobody listens on. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function storedEnv(config: string): Record<string, string | undefined> {
  return { ...emulator.env(), HAPPYTUBE_REFRESH_TOKEN: undefined, HAPPYTUBE_CONFIG_DIR: config };
}

describe('sign-in errors', () => {
  it('a revoked sign-in: exit 4 with the likely cause and the fix, in English and Vietnamese', async () => {
    const { config, cwd } = await tempDirs();
    const stored = await storedProfile(config, { signedInAt: new Date(Date.now() - 7 * DAY).toISOString() });
    await revoke(stored.tokens.refresh_token);
    const en = await runMain(['auth', 'status'], { env: storedEnv(config), cwd });
    expect(en.code).toBe(4);
    expect(en.stdout).toContain('Refresh:        FAILS');
    expect(en.stderr).toContain('Google no longer accepts the sign-in of profile "default" (invalid_grant)');
    expect(en.stderr).toContain('"Testing" status, where a sign-in lasts only 7 days (this one is 7 days old)');
    expect(en.stderr).toContain('Fix: Run "happytube auth login" to sign in again.');
    expect(en.stderr).not.toMatch(/\n\s+at /);

    const vi = await runMain(['--lang', 'vi', 'auth', 'status'], { env: storedEnv(config), cwd });
    expect(vi.code).toBe(4);
    expect(vi.stderr).toContain('Google không còn chấp nhận lần đăng nhập của hồ sơ mặc định.');
    expect(vi.stderr).not.toContain('invalid_grant');
    expect(vi.stderr).toContain('mỗi lần đăng nhập chỉ dùng được 7 ngày');
    expect(vi.stderr).toContain('Cách sửa: Chạy “happytube auth login” để đăng nhập lại.');
  });

  it('a recent sign-in that dies is most likely revoked; an idle one, unused for 6 months', async () => {
    const { config, cwd } = await tempDirs();
    const fresh = await storedProfile(config);
    await revoke(fresh.tokens.refresh_token);
    const r = await runMain(['auth', 'status', '--json'], { env: storedEnv(config), cwd });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout)).toMatchObject({ refresh: 'failed' });
    expect(r.stderr).toContain('Likely cause: the access was revoked');

    const idle = await storedProfile(config, { lastUsedAt: new Date(Date.now() - 200 * DAY).toISOString() });
    await revoke(idle.tokens.refresh_token);
    const old = await runMain(['auth', 'status'], { env: storedEnv(config), cwd });
    expect(old.code).toBe(4);
    expect(old.stderr).toContain('not used for over 6 months (200 days)');
  });

  it('a revoked HAPPYTUBE_REFRESH_TOKEN says how to replace it', async () => {
    const { config, cwd } = await tempDirs();
    const grant = await emulator.admin.tokens();
    await revoke(grant.refresh_token);
    const r = await runMain(['auth', 'status'], { env: { ...emulator.env(), HAPPYTUBE_REFRESH_TOKEN: grant.refresh_token, HAPPYTUBE_CONFIG_DIR: config }, cwd });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('Google no longer accepts HAPPYTUBE_REFRESH_TOKEN');
  });

  it('HAPPYTUBE_REFRESH_TOKEN works with no stored sign-in, and nothing is written', async () => {
    const { config, cwd } = await tempDirs();
    const r = await runMain(['auth', 'status', '--json'], { env: { ...emulator.env(), HAPPYTUBE_CONFIG_DIR: config }, cwd });
    expect(r.code).toBe(0);
    const channel = (await emulator.admin.state()).channel;
    expect(JSON.parse(r.stdout)).toMatchObject({ source: 'environment', refresh: 'ok', channel: { id: channel.id } });
    await expect(readFile(join(config, 'profiles', 'default', 'token.json'))).rejects.toThrow();
  });

  it('not signed in: exit 4 and "run happytube auth login" (with the profile)', async () => {
    const { config, cwd } = await tempDirs();
    const r = await runMain(['--profile', 'office', 'auth', 'status'], { env: storedEnv(config), cwd });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('Not signed in (profile "office")');
    expect(r.stderr).toContain('happytube auth login --profile office');
  });

  it('no OAuth client: exit 2 pointing to happytube setup and the README; a client_secret JSON file works instead', async () => {
    const { config, cwd } = await tempDirs();
    await storedProfile(config);
    const bare = { ...storedEnv(config), HAPPYTUBE_CLIENT_ID: undefined, HAPPYTUBE_CLIENT_SECRET: undefined };
    const missing = await runMain(['auth', 'status'], { env: bare, cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No OAuth client');
    expect(missing.stderr).toContain('Run "happytube setup"');
    expect(missing.stderr).toContain('the “One-time setup: Google Cloud” section of README.md');

    const half = await runMain(['auth', 'status'], { env: { ...bare, HAPPYTUBE_CLIENT_ID: 'x.apps.googleusercontent.com' }, cwd });
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('HAPPYTUBE_CLIENT_ID is set but HAPPYTUBE_CLIENT_SECRET is missing');

    const file = join(cwd, 'client_secret_123.json');
    const env = emulator.env();
    await writeFile(file, JSON.stringify({ installed: { client_id: env.HAPPYTUBE_CLIENT_ID, client_secret: env.HAPPYTUBE_CLIENT_SECRET, redirect_uris: ['http://localhost'] } }));
    const viaFile = await runMain(['auth', 'status'], { env: { ...bare, HAPPYTUBE_CLIENT_SECRET_FILE: 'client_secret_123.json' }, cwd });
    expect(viaFile.code).toBe(0);
    expect(viaFile.stdout).toContain('Refresh:        works');

    await writeFile(file, '{"web": {}}');
    const broken = await runMain(['auth', 'status'], { env: { ...bare, HAPPYTUBE_CLIENT_SECRET_FILE: file }, cwd });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`${file} (HAPPYTUBE_CLIENT_SECRET_FILE) is not a Google client_secret file`);
  });

  it('the client id and secret may come from .env in the current folder', async () => {
    const { config, cwd } = await tempDirs();
    await storedProfile(config);
    const env = emulator.env();
    await writeFile(join(cwd, '.env'), `HAPPYTUBE_CLIENT_ID=${env.HAPPYTUBE_CLIENT_ID}\nHAPPYTUBE_CLIENT_SECRET=${env.HAPPYTUBE_CLIENT_SECRET}\n`);
    const r = await runMain(['auth', 'status'], { env: { ...storedEnv(config), HAPPYTUBE_CLIENT_ID: undefined, HAPPYTUBE_CLIENT_SECRET: undefined }, cwd });
    expect(r.code).toBe(0);
  });

  it('a stored sign-in without the YouTube scope: exit 4', async () => {
    const { config, cwd } = await tempDirs();
    await storedProfile(config, { scope: 'https://www.googleapis.com/auth/youtube.readonly' });
    const r = await runMain(['auth', 'status'], { env: storedEnv(config), cwd });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('does not include https://www.googleapis.com/auth/youtube.force-ssl');
  });

  it('no network: a plain sentence, exit 3, no stack (the stack only with --verbose)', async () => {
    const { config, cwd } = await tempDirs();
    await storedProfile(config);
    const port = await deadPort();
    const env = { ...storedEnv(config), HAPPYTUBE_OAUTH_TOKEN_URL: `http://127.0.0.1:${port}/token` };
    const r = await runMain(['auth', 'status'], { env, cwd });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('not checked (no network)');
    expect(r.stderr).toContain(`Cannot reach 127.0.0.1:${port}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const verbose = await runMain(['--verbose', 'auth', 'status'], { env, cwd });
    expect(verbose.code).toBe(3);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });

  it('logout revokes at Google, then deletes; offline it deletes and warns', async () => {
    const { config, cwd } = await tempDirs();
    const stored = await storedProfile(config);
    const r = await runMain(['auth', 'logout'], { env: storedEnv(config), cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Revoked the access and deleted the profile "default"');
    expect(emulator.running.state.tokens.refresh.get(stored.tokens.refresh_token)?.revoked).toBe(true);
    await expect(readFile(join(config, 'profiles', 'default', 'token.json'))).rejects.toThrow();

    const again = await runMain(['auth', 'logout'], { env: storedEnv(config), cwd });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to sign out');

    const kept = await storedProfile(config);
    const offline = await runMain(['auth', 'logout'], {
      env: { ...storedEnv(config), HAPPYTUBE_OAUTH_REVOKE_URL: `http://127.0.0.1:${await deadPort()}/revoke` },
      cwd,
    });
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain('Deleted the profile "default"');
    expect(offline.stderr).toContain('Could not reach Google, so the access was not revoked');
    expect(emulator.running.state.tokens.refresh.get(kept.tokens.refresh_token)?.revoked).toBe(false);
    await expect(readFile(join(config, 'profiles', 'default', 'token.json'))).rejects.toThrow();
  });
});

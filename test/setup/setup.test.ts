/**
 * `happytube setup --yes --no-browser --client-secret-file F DIR` against the emulator: a library
 * that passes check, a signed-in profile that keeps its client (every command of the profile uses
 * it, no HAPPYTUBE_CLIENT_* needed), the channel guard in happytube.yaml, and doctor all green;
 * run again, every step is already done.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { bareEnv, defaultClient, runSigningIn, workspace } from './helpers.ts';

const emulator = useEmulator();

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String);
}

describe('happytube setup --yes', () => {
  it('leaves a checked library, a signed-in profile with its client, the channel guard; doctor passes until the access is revoked', async () => {
    const { root, config, clientFile } = await workspace();
    const env = bareEnv(emulator, config);
    const lib = join(root, 'Thư viện trường');
    const first = await runSigningIn(['setup', '--yes', '--no-browser', '--client-secret-file', clientFile, lib], env, root);
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(first.code).toBe(0);
    expect(first.signIns).toBe(1);
    // One run, however many commands it runs inside: the emulator's address is noted once.
    expect(first.stderr.match(/Not Google's servers/g)).toHaveLength(1);
    const channel = (await emulator.admin.state()).channel;
    expect(first.stdout).toContain(`Signed in to the channel "${channel.title}" (${channel.id})`);
    // check, then the dry-run plan with its cost, then the one command that publishes.
    expect(first.stdout).toMatch(/0 clips · 0 errors/);
    expect(first.stdout).toMatch(/Create playlist/);
    expect(first.stdout).toMatch(/Cost: 200 quota units/);
    expect(first.stdout).toContain(`happytube sync "${lib}"`);

    // The guard is in happytube.yaml, and the file's comments are all still there.
    const yamlText = await readFile(join(lib, 'happytube.yaml'), 'utf8');
    expect((parse(yamlText) as { channel: { id: string } }).channel.id).toBe(channel.id);
    const template = await readFile(join(import.meta.dirname, '../../templates/happytube.yaml'), 'utf8');
    for (const line of template.split('\n').filter((l) => l.trimStart().startsWith('#'))) expect(yamlText).toContain(line);

    // The client is kept in the profile, 0600, and nowhere in the library.
    const kept = join(config, 'profiles', 'default', 'client_secret.json');
    expect(JSON.parse(await readFile(kept, 'utf8'))).toEqual(defaultClient());
    if (process.platform !== 'win32') expect((await stat(kept)).mode & 0o777).toBe(0o600);
    const inLibrary = await filesUnder(lib);
    expect(inLibrary.filter((f) => /client_secret|token/.test(f))).toEqual([]);
    for (const f of inLibrary) {
      const file = join(lib, f);
      if ((await stat(file)).isFile()) expect(await readFile(file, 'utf8')).not.toContain('test-secret');
    }

    // Every command of the profile uses it: no HAPPYTUBE_CLIENT_* in the environment.
    expect((await runMain(['check', lib], { env, cwd: root })).code).toBe(0);
    const plan = await runMain(['sync', '--dry-run', lib], { env, cwd: root });
    expect(plan.stderr).toContain('Dry run: nothing was sent or written.');
    expect(plan.stderr).not.toContain('Error');
    expect(plan.code).toBe(0);
    const doctor = await runMain(['doctor', lib], { env, cwd: root });
    expect(doctor.stdout).not.toContain('✗');
    expect(doctor.stdout).toContain(`✓ The sign-in works (a refresh was tried): channel "${channel.title}" (${channel.id})`);
    expect(doctor.stdout).toContain('kept in the profile by happytube setup');
    expect(doctor.code).toBe(0);

    // The user removes the app's access at Google: doctor's ✗ names the sign-in.
    const token = JSON.parse(await readFile(join(config, 'profiles', 'default', 'token.json'), 'utf8')) as { tokens: { refresh_token: string } };
    const revoked = await fetch(`${emulator.url}/revoke?token=${encodeURIComponent(token.tokens.refresh_token)}`, { method: 'POST' });
    expect(revoked.status).toBe(200);
    const after = await runMain(['doctor', lib], { env, cwd: root });
    expect(after.code).toBe(1);
    const failed = after.stdout.split('\n').filter((l) => l.startsWith('✗'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/^✗ The sign-in \(profile "default"\) does not work: .*invalid_grant/);
    expect(after.stdout).toContain('Fix: Run "happytube auth login"');
    expect(after.stderr).toContain('1 check did not pass');

    // Run again: only what is missing is done — here, the sign-in.
    const again = await runSigningIn(['setup', '--yes', '--no-browser', lib], env, root);
    expect(again.code).toBe(0);
    expect(again.signIns).toBe(1);
    expect(again.stdout).toContain(`The library is there: ${lib}`);
    expect(again.stdout).toContain(`The client is kept in the profile: ${kept}`);
    expect(again.stdout).toContain('already works with this channel only');
    expect((await runMain(['doctor', lib], { env, cwd: root })).code).toBe(0);

    // Once more: nothing at all is missing, no sign-in is asked for.
    const third = await runSigningIn(['setup', '--yes', '--no-browser', lib], env, root);
    expect(third.code).toBe(0);
    expect(third.signIns).toBe(0);
    expect(await readFile(join(lib, 'happytube.yaml'), 'utf8')).toBe(yamlText);
  });

  it('auth logout deletes the sign-in but keeps the client for the next login; the environment still wins over it', async () => {
    const { root, config, clientFile } = await workspace();
    const env = bareEnv(emulator, config);
    const lib = join(root, 'lib');
    expect((await runSigningIn(['setup', '--yes', '--no-browser', '--client-secret-file', clientFile, lib], env, root)).code).toBe(0);
    const other = await runMain(['auth', 'status'], { env: { ...env, HAPPYTUBE_CLIENT_ID: 'other.apps.googleusercontent.com', HAPPYTUBE_CLIENT_SECRET: 'x' }, cwd: lib });
    expect(other.code).toBe(4);
    expect(other.stderr).toContain('other.apps.googleusercontent.com');
    expect((await runMain(['auth', 'logout'], { env, cwd: lib })).code).toBe(0);
    expect(existsSync(join(config, 'profiles', 'default', 'token.json'))).toBe(false);
    expect(existsSync(join(config, 'profiles', 'default', 'client_secret.json'))).toBe(true);
    const login = await runSigningIn(['auth', 'login', '--no-browser'], env, lib);
    expect(login.code).toBe(0);
  });

  it('--yes without a client asks for --client-secret-file (exit 2), after making the library', async () => {
    const { root, config } = await workspace();
    const lib = join(root, 'lib');
    const r = await runMain(['setup', '--yes', '--no-browser', lib], { env: bareEnv(emulator, config), cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('happytube setup --yes needs the client file');
    expect(r.stderr).toContain('--client-secret-file');
    expect(existsSync(join(lib, 'happytube.yaml'))).toBe(true);
    expect(existsSync(join(config, 'profiles'))).toBe(false);
  });

  it.each([
    ['a Web application client', { web: { client_id: 'a.apps.googleusercontent.com', client_secret: 's' } }, /belongs to a "Web application" client; happytube needs a "Desktop app" client/],
    ['an id that is not Google\'s', { installed: { client_id: 'a.example.com', client_secret: 's' } }, /the client id "a\.example\.com" does not end in \.apps\.googleusercontent\.com/],
    ['no secret', { installed: { client_id: 'a.apps.googleusercontent.com', client_secret: '' } }, /has no "client_secret"/],
    ['something else', { hello: 1 }, /has no "installed" part/],
  ])('refuses %s with the file, what is wrong and where to get the right one (exit 2, nothing kept)', async (_name, client, message) => {
    const { root, config, clientFile } = await workspace(client);
    const r = await runMain(['setup', '--yes', '--no-browser', '--client-secret-file', clientFile, join(root, 'lib')], { env: bareEnv(emulator, config), cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(clientFile);
    expect(r.stderr).toContain('Download JSON');
    expect(existsSync(join(config, 'profiles'))).toBe(false);
  });

  it('refuses to work without a terminal unless --yes', async () => {
    const { root, config } = await workspace();
    const r = await runMain(['setup', join(root, 'lib')], { env: bareEnv(emulator, config), cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes --client-secret-file FILE');
    expect(existsSync(join(root, 'lib'))).toBe(false);
  });
});

import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthError, InputError } from '../../src/errors.ts';
import type { StoredProfile } from '../../src/youtube/auth/store.ts';
import { FileCredentialStore, checkProfileName, configDirOf, mergeTokens } from '../../src/youtube/auth/store.ts';
import { tempDirs } from './session.ts';

function profile(expiry: number): StoredProfile {
  return {
    version: 1,
    profile: 'default',
    clientId: 'c.apps.googleusercontent.com',
    scope: 'https://www.googleapis.com/auth/youtube.force-ssl',
    channel: { id: 'UC1', title: 'School' },
    tokens: { refresh_token: '1//refresh', access_token: 'ya29.first', expiry_date: expiry },
    signedInAt: '2025-01-01T00:00:00.000Z',
    lastUsedAt: '2025-01-01T00:00:00.000Z',
  };
}

describe('merging refreshed tokens', () => {
  it('keeps the refresh token when a refresh answer has none, and takes a new one when given', () => {
    const stored = profile(1000).tokens;
    expect(mergeTokens(stored, { access_token: 'ya29.new', expiry_date: 2000 })).toEqual({
      ...stored,
      access_token: 'ya29.new',
      expiry_date: 2000,
    });
    expect(mergeTokens(stored, { access_token: 'ya29.new', expiry_date: 2000, refresh_token: null }).refresh_token).toBe('1//refresh');
    expect(mergeTokens(stored, { refresh_token: '1//rotated', expiry_date: 2000 }).refresh_token).toBe('1//rotated');
  });

  it('never goes back to an older access token that finishes late', () => {
    const stored = profile(5000).tokens;
    expect(mergeTokens(stored, { access_token: 'ya29.older', expiry_date: 4000 })).toBe(stored);
  });
});

describe('the file credential store', () => {
  it('writes token.json 0600 in a 0700 profile folder, atomically, and reads it back', async () => {
    const { config } = await tempDirs();
    const store = new FileCredentialStore(config);
    await store.update('default', () => profile(1));
    expect(await store.load('default')).toEqual(profile(1));
    if (process.platform !== 'win32') {
      expect((await stat(join(config, 'profiles', 'default'))).mode & 0o777).toBe(0o700);
      expect((await stat(store.fileOf('default'))).mode & 0o777).toBe(0o600);
    }
    expect(await store.delete('default')).toBe(true);
    expect(await store.load('default')).toBeUndefined();
    expect(await store.delete('default')).toBe(false);
  });

  it('loses no write when many refreshes save at once, in this process and from another store', async () => {
    const { config } = await tempDirs();
    const one = new FileCredentialStore(config);
    const other = new FileCredentialStore(config); // as another process would: only the lock file is shared
    await one.update('default', () => profile(0));
    const bump = (current: StoredProfile | undefined): StoredProfile | undefined =>
      current && { ...current, tokens: mergeTokens(current.tokens, { access_token: 'ya29.x', expiry_date: current.tokens.expiry_date! + 1 }) };
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? one : other).update('default', bump)));
    const saved = JSON.parse(await readFile(one.fileOf('default'), 'utf8')) as StoredProfile;
    expect(saved.tokens.expiry_date).toBe(30);
    expect(saved.tokens.refresh_token).toBe('1//refresh');
  });

  it('a damaged token file is exit 4 naming the file; a bad profile name is exit 2', async () => {
    const { config } = await tempDirs();
    const store = new FileCredentialStore(config);
    await store.update('default', () => profile(1));
    await writeFile(store.fileOf('default'), '{"version": 1, "tokens": {}}');
    const error: unknown = await store.load('default').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).text.en).toContain(store.fileOf('default'));
    for (const name of ['../up', 'a/b', 'a\\b', '.hidden', '', '..', 'x'.repeat(65)]) {
      expect(() => checkProfileName(name)).toThrow(InputError);
    }
    expect(checkProfileName('school-2.main_1')).toBe('school-2.main_1');
  });

  it('lives under HAPPYTUBE_CONFIG_DIR, else the OS config folder', () => {
    expect(configDirOf({ configDir: '/x/y' })).toBe('/x/y');
    expect(configDirOf({ configDir: undefined })).toMatch(/happytube$/);
  });
});

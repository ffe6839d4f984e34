/**
 * Where sign-ins live (docs/architecture.md): `CONFIG/profiles/NAME/token.json`, the folder 0700 and the file
 * 0600, under HAPPYTUBE_CONFIG_DIR or the OS config folder; never in the library. Writes are
 * atomic (write-file-atomic) and go one at a time: within the process through a queue, across
 * processes under a lock on the profile folder; each write re-reads the file and merges into it.
 */
import { chmod, mkdir, readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import envPaths from 'env-paths';
import writeFileAtomic from 'write-file-atomic';
import * as v from 'valibot';
import type { Environment } from '../../config/env.ts';
import { AuthError, InputError } from '../../errors.ts';
import { auth as A } from '../../i18n/catalog/auth.ts';
import { finiteNumber, issueText, map } from '../../util/schema.ts';

const StoredTokens = map(
  v.object({
    access_token: v.optional(v.string()),
    refresh_token: v.pipe(v.string(), v.minLength(1)),
    /** Milliseconds since the epoch. */
    expiry_date: v.optional(finiteNumber()),
    token_type: v.optional(v.string()),
    scope: v.optional(v.string()),
  }),
);
export type StoredTokens = v.InferOutput<typeof StoredTokens>;

const SignedInChannel = map(v.object({ id: v.string(), title: v.string() }));
export type SignedInChannel = v.InferOutput<typeof SignedInChannel>;

const StoredProfile = map(
  v.object({
    version: v.literal(1),
    profile: v.string(),
    clientId: v.string(),
    scope: v.string(),
    channel: SignedInChannel,
    tokens: StoredTokens,
    /** When `auth login` obtained the refresh token (ISO): the 7-day "Testing" clock. */
    signedInAt: v.string(),
    /** When the refresh token last worked (ISO): the 6-months-unused clock. */
    lastUsedAt: v.string(),
  }),
);
export type StoredProfile = v.InferOutput<typeof StoredProfile>;

/** What the rest of the tool needs from a token store; tests and other back ends implement it. */
export interface CredentialStore {
  /** Where a profile's token file is (for messages). */
  fileOf(profile: string): string;
  load(profile: string): Promise<StoredProfile | undefined>;
  /** Re-reads the stored profile and writes what `change` returns (nothing: no write). Serialised. */
  update(profile: string, change: (current: StoredProfile | undefined) => StoredProfile | undefined): Promise<StoredProfile | undefined>;
  /** Removes the profile; false when there was none. */
  delete(profile: string): Promise<boolean>;
}

const PROFILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/;

/** A profile name is a folder name: no slashes, no "..", nothing hidden. Bad → exit 2. */
export function checkProfileName(name: string): string {
  if (!PROFILE_NAME.test(name)) throw new InputError(A.badProfileName({ name }), { hint: A.badProfileNameHint() });
  return name;
}

/** HAPPYTUBE_CONFIG_DIR, else the OS config folder (`~/.config/happytube` on Linux). */
export function configDirOf(environment: Pick<Environment, 'configDir'>): string {
  return environment.configDir ?? envPaths('happytube', { suffix: '' }).config;
}

/** Merges freshly issued tokens into stored ones: the refresh token is never lost, expiry never goes back. */
export function mergeTokens(stored: StoredTokens, fresh: Partial<Record<keyof StoredTokens, string | number | null>>): StoredTokens {
  const freshExpiry = typeof fresh.expiry_date === 'number' ? fresh.expiry_date : undefined;
  if (freshExpiry !== undefined && stored.expiry_date !== undefined && freshExpiry < stored.expiry_date && !fresh.refresh_token) {
    return stored; // an older refresh finishing late
  }
  const text = (value: unknown, fallback: string | undefined): string | undefined =>
    typeof value === 'string' && value !== '' ? value : fallback;
  return {
    access_token: text(fresh.access_token, stored.access_token),
    refresh_token: text(fresh.refresh_token, stored.refresh_token) ?? stored.refresh_token,
    expiry_date: freshExpiry ?? stored.expiry_date,
    token_type: text(fresh.token_type, stored.token_type),
    scope: text(fresh.scope, stored.scope),
  };
}

export class FileCredentialStore implements CredentialStore {
  readonly root: string;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(configDir: string) {
    this.root = configDir;
  }

  dirOf(profile: string): string {
    return join(this.root, 'profiles', checkProfileName(profile));
  }

  fileOf(profile: string): string {
    return join(this.dirOf(profile), 'token.json');
  }

  async load(profile: string): Promise<StoredProfile | undefined> {
    const file = this.fileOf(profile);
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw new AuthError(A.tokenFileDamaged({ file, detail: (error as Error).message }), { hint: A.loginAgainHint({ profile }) });
    }
    const result = v.safeParse(StoredProfile, parsed);
    if (!result.success) {
      const issue = result.issues[0];
      const detail = `${v.getDotPath(issue) ?? '(root)'}: ${issueText(StoredProfile, issue)}`;
      throw new AuthError(A.tokenFileDamaged({ file, detail }), { hint: A.loginAgainHint({ profile }) });
    }
    return result.output;
  }

  update(
    profile: string,
    change: (current: StoredProfile | undefined) => StoredProfile | undefined,
  ): Promise<StoredProfile | undefined> {
    const run = async (): Promise<StoredProfile | undefined> => {
      const dir = await this.#ensureDir(profile);
      // Loaded only when a write happens (most runs only read the store). A CommonJS module: its
      // exports are the default export (named ones exist only under Node's own loader).
      const { default: lockfile } = await import('proper-lockfile');
      const release = await lockfile.lock(dir, {
        realpath: false,
        stale: 10_000,
        retries: { retries: 50, minTimeout: 20, maxTimeout: 200 },
      });
      try {
        const next = change(await this.load(profile));
        if (next) await writeFileAtomic(this.fileOf(profile), `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
        return next;
      } finally {
        await release();
      }
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Removes the sign-in only: the client `happytube setup` kept beside it stays for the next login. */
  delete(profile: string): Promise<boolean> {
    const dir = this.dirOf(profile);
    const run = async (): Promise<boolean> => {
      const existed = (await this.load(profile).catch(() => 'damaged')) !== undefined;
      await rm(this.fileOf(profile), { force: true });
      await rmdir(dir).catch(() => undefined); // still holds the kept client: stays
      return existed;
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #ensureDir(profile: string): Promise<string> {
    const dir = this.dirOf(profile);
    await mkdir(join(this.root, 'profiles'), { recursive: true, mode: 0o700 });
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700); // a folder made earlier, or by hand, may be wider
    return dir;
  }
}

export function storeFor(environment: Pick<Environment, 'configDir'>): FileCredentialStore {
  return new FileCredentialStore(configDirOf(environment));
}

/**
 * What the menu and `setup` remember between runs, in the user's configuration folder (never in
 * the library): the library folder used last, offered as the answer next time.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Environment } from '../config/env.ts';
import { configDirOf } from '../youtube/auth/store.ts';

const FILE = 'remembered.json';

export async function rememberedLibrary(environment: Pick<Environment, 'configDir'>): Promise<string | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(join(configDirOf(environment), FILE), 'utf8'));
    const library = typeof value === 'object' && value !== null ? (value as { library?: unknown }).library : undefined;
    return typeof library === 'string' && library !== '' ? library : undefined;
  } catch {
    return undefined; // nothing remembered yet, or a file damaged by hand: ask without a default
  }
}

export async function rememberLibrary(environment: Pick<Environment, 'configDir'>, library: string): Promise<void> {
  const dir = configDirOf(environment);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(join(dir, FILE), `${JSON.stringify({ library }, null, 2)}\n`, { mode: 0o600 });
}

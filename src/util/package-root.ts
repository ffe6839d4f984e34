/**
 * Where happytube's shipped folders (templates/, examples/) are. Run from a package or a clone,
 * they sit beside its package.json, found from this module upwards, so that it is right both from
 * src/util/ (run from source) and from dist/ (the bundle of scripts/build.ts). In the single
 * executable (scripts/release.ts) there is no folder at all: the files travel inside it as SEA
 * assets and are written once to the user's cache folder, then read from there like any folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as SeaModule from 'node:sea';
import envPaths from 'env-paths';

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`happytube's package.json was not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

/** The asset of the single executable that lists the others (written by scripts/release.ts). */
export const ASSET_MANIFEST = 'happytube-assets.json';

/** What ASSET_MANIFEST holds: the asset keys, each a path relative to the package root with '/' separators. */
export interface AssetManifest {
  files: string[];
}

type Sea = typeof SeaModule;

/** node:sea when this process is a single executable application (Node 22+ has the module). */
function runningSea(): Sea | undefined {
  const sea = process.getBuiltinModule('node:sea') as Sea | undefined;
  return sea?.isSea() ? sea : undefined;
}

/** This process is the single executable (scripts/release.ts), not Node running a script. */
export function isSingleExecutable(): boolean {
  return runningSea() !== undefined;
}

/**
 * The assets written out under the cache folder, once per content (the manifest's hash names the
 * folder): a new version gets its own folder, and a folder is only ever seen complete because it
 * is written under a temporary name and renamed.
 */
function extractedAssets(sea: Sea): string {
  const manifestText = Buffer.from(sea.getAsset(ASSET_MANIFEST));
  const manifest = JSON.parse(manifestText.toString('utf8')) as AssetManifest;
  const cache = envPaths('happytube', { suffix: '' }).cache;
  const target = join(cache, `assets-${createHash('sha256').update(manifestText).digest('hex').slice(0, 16)}`);
  const complete = join(target, '.complete');
  if (existsSync(complete)) return target;
  mkdirSync(cache, { recursive: true });
  const temp = mkdtempSync(`${target}.tmp-`);
  try {
    for (const key of manifest.files) {
      const file = join(temp, ...key.split('/'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, Buffer.from(sea.getAsset(key)));
    }
    writeFileSync(join(temp, '.complete'), '');
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  try {
    // A folder left incomplete by a process that was stopped half-way (it has no .complete).
    if (existsSync(target) && !existsSync(complete)) rmSync(target, { recursive: true, force: true });
    renameSync(temp, target);
    return target;
  } catch {
    // Another happytube wrote the same folder at the same moment: theirs is as good as ours.
    if (existsSync(complete)) {
      rmSync(temp, { recursive: true, force: true });
      return target;
    }
    // On Windows an antivirus still reading the new files can refuse the rename for a while: this
    // run uses the files where they were written, the next one tries again.
    return temp;
  }
}

/** A folder shipped with happytube (`templates` or `examples`), as a real folder on disk. */
export function shippedFolder(name: 'templates' | 'examples'): string {
  const sea = runningSea();
  return join(sea ? extractedAssets(sea) : packageRoot(), name);
}

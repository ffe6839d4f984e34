// Which code bin/happytube.js runs: dist/ (the bundle that scripts/build.ts makes, one file for
// what most commands need) when it is there and newer than everything it is built from, else the
// TypeScript sources — so a source edited, pulled or checked out since the last build is what runs.
// The npm package ships no src/ (package.json "files"): there the choice was made when it was
// packed, and an installed happytube runs its bundle without looking at any source.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The module to import, given the package's root folder.
 * @param {string} root
 * @returns {string}
 */
export function chooseEntry(root) {
  const source = join(root, 'src', 'cli', 'main.ts');
  const bundle = join(root, 'dist', 'main.js');
  const sources = join(root, 'src');
  if (!existsSync(sources)) return bundle;
  if (!existsSync(bundle)) return source;
  const built = statSync(bundle).mtimeMs;
  if (statSync(join(root, 'package.json')).mtimeMs > built) return source;
  for (const entry of readdirSync(sources, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > built) return source;
  }
  return bundle;
}

/**
 * The folder of happytube's own package.json, where templates/ and examples/ are. Found from this
 * module upwards, so that it is right both from src/util/ (run from source) and from dist/ (the
 * bundle of scripts/build.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`happytube's package.json was not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

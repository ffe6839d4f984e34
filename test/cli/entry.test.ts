/**
 * bin/entry.js: the bundle runs only when it is newer than everything it is built from, so that a
 * source edited, pulled or checked out since the last build is what runs. Real files in a temp
 * folder, their modification times set explicitly. And the sources, run directly, do what the
 * bundle (which runCli runs) does.
 */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseEntry } from '../../bin/entry.js';
import { runNode } from '../helpers/cli.ts';

let root: string;
const SOURCE = (): string => join(root, 'src', 'cli', 'main.ts');
const BUNDLE = (): string => join(root, 'dist', 'main.js');

/** Writes a file and dates it `seconds` after a fixed moment. */
async function file(relPath: string, seconds: number): Promise<void> {
  const path = join(root, relPath);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, '');
  const time = new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
  await utimes(path, time, time);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'happytube-entry-'));
  await file('package.json', 0);
  await file('src/cli/main.ts', 0);
  await file('src/library/load.ts', 0);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('chooseEntry', () => {
  it('runs the sources when there is no bundle', () => {
    expect(chooseEntry(root)).toBe(SOURCE());
  });

  it('runs the bundle when it is newer than every source and package.json', async () => {
    await file('dist/main.js', 10);
    expect(chooseEntry(root)).toBe(BUNDLE());
  });

  it('runs the sources when one of them changed after the build, however deep', async () => {
    await file('dist/main.js', 10);
    await file('src/library/load.ts', 20);
    expect(chooseEntry(root)).toBe(SOURCE());
  });

  it('runs the sources when a source file was added after the build', async () => {
    await file('dist/main.js', 10);
    await file('src/youtube/new.ts', 20);
    expect(chooseEntry(root)).toBe(SOURCE());
  });

  it('runs the sources when package.json changed after the build (dependencies, version)', async () => {
    await file('dist/main.js', 10);
    await file('package.json', 20);
    expect(chooseEntry(root)).toBe(SOURCE());
  });

  it('runs the bundle of an installed package that has no sources', async () => {
    await rm(join(root, 'src'), { recursive: true });
    await file('dist/main.js', 0);
    expect(chooseEntry(root)).toBe(BUNDLE());
  });

  it('runs the bundle of a package without sources whatever the dates its installer gave (the choice was made when it was packed)', async () => {
    await rm(join(root, 'src'), { recursive: true });
    await file('dist/main.js', 0);
    await file('package.json', 20);
    expect(chooseEntry(root)).toBe(BUNDLE());
  });
});

describe('the sources, run without the bundle', () => {
  it('run the demo as the bundle does: a whole sync, the status and the report', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'happytube-source-'));
    const main = pathToFileURL(join(import.meta.dirname, '../../src/cli/main.ts')).href;
    const script = `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(['demo', '--lang', 'en']);`;
    try {
      const result = await runNode(['--input-type=module', '-e', script], { env: { TMPDIR: tmp, HAPPYTUBE_CONFIG_DIR: join(tmp, 'config') } });
      expect(result.stderr).not.toMatch(/Error:/);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('uploaded: 6');
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * bin/entry.js: the bundle runs only when it is newer than everything it is built from, so that a
 * source edited, pulled or checked out since the last build is what runs. Real files in a temp
 * folder, their modification times set explicitly. And the sources, run directly, do what the
 * bundle (which the other CLI tests run) does.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseEntry } from '../../bin/entry.js';

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
});

describe('the sources, run without the bundle', () => {
  it('run the demo as the bundle does: a whole sync, the status and the report', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'happytube-source-'));
    const main = pathToFileURL(join(import.meta.dirname, '../../src/cli/main.ts')).href;
    const script = `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(['demo', '--lang', 'en']);`;
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, HAPPYTUBE_CONFIG_DIR: join(tmp, 'config'), NO_COLOR: '1' };
    for (const key of Object.keys(env)) if (key.startsWith('HAPPYTUBE_') && key !== 'HAPPYTUBE_CONFIG_DIR') delete env[key];
    try {
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
      expect(result.stderr).not.toMatch(/Error:/);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('uploaded: 6');
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});

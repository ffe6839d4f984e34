/**
 * happytube-<version>.tgz installed as a user with Node installs it (npm install -g, here into a
 * temporary prefix): no build step, no compiler, and the installed happytube runs its bundle.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEntry } from '../../bin/entry.js';
import pkg from '../../package.json' with { type: 'json' };
import { RELEASE } from '../../scripts/release.ts';
import { cleanEnv } from '../helpers/cli.ts';
import { runProgram } from './run.ts';

let dir: string;
let installed: string;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'happytube-package-'));
  const prefix = join(dir, 'prefix');
  // The Node of the tests (the `node` devDependency) first on the PATH: the one npm and happytube run on.
  const path = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);
  const npmCli = process.env.npm_execpath;
  const args = ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(RELEASE, `happytube-${pkg.version}.tgz`)];
  const options = { cwd: dir, env: cleanEnv({ PATH: path }), maxBuffer: 16 * 1024 * 1024 };
  await (npmCli ? promisify(execFile)(process.execPath, [npmCli, ...args], options) : promisify(execFile)('npm', args, options));
  installed = join(prefix, 'lib', 'node_modules', 'happytube');
  env = { PATH: join(prefix, 'bin') + delimiter + dirname(process.execPath), TMPDIR: dir, HAPPYTUBE_CONFIG_DIR: join(dir, 'config') };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(`npm install -g happytube-${pkg.version}.tgz`, () => {
  it('installs the bundle and no sources, so the bundle is what runs', async () => {
    expect(existsSync(join(installed, 'dist', 'main.js'))).toBe(true);
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(existsSync(join(installed, 'test'))).toBe(false);
    expect(chooseEntry(installed)).toBe(join(installed, 'dist', 'main.js'));
    // The source maps name the sources for stacks (--verbose) without carrying them.
    for (const map of (await readdir(join(installed, 'dist'))).filter((f) => f.endsWith('.map'))) {
      expect(JSON.parse(await readFile(join(installed, 'dist', map), 'utf8')), map).not.toHaveProperty('sourcesContent');
    }
  });

  it('happytube --version', async () => {
    const result = await runProgram(join(dir, 'prefix', 'bin', 'happytube'), ['--version'], { cwd: dir, env });
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('happytube demo: the whole sync against the built-in emulator', async () => {
    const result = await runProgram(join(dir, 'prefix', 'bin', 'happytube'), ['demo', '--lang', 'en'], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('uploaded: 6');
    expect(await readFile(join(dir, 'happytube-demo-report.html'), 'utf8')).toContain('Trường Mầm non Thiên Đức');
  });
});

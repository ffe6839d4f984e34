/**
 * happytube-linux-x64 as a user gets it: copied alone to a folder outside the repository and run
 * with a PATH that holds no Node (nor anything else), a HOME of its own. Everything it needs is
 * inside the file: the program, templates/ for init, examples/ and the emulator for demo.
 */
import { access, chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { RELEASE } from '../../scripts/release.ts';
import { runProgram } from './run.ts';

let dir: string;
let program: string;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'happytube-sea-'));
  program = join(dir, 'happytube');
  await copyFile(join(RELEASE, 'happytube-linux-x64'), program);
  await chmod(program, 0o755);
  for (const sub of ['bin', 'home', 'tmp']) await mkdir(join(dir, sub));
  env = {
    PATH: join(dir, 'bin'),
    HOME: join(dir, 'home'),
    TMPDIR: join(dir, 'tmp'),
    XDG_CACHE_HOME: undefined,
    XDG_CONFIG_HOME: undefined,
    XDG_DATA_HOME: undefined,
    XDG_STATE_HOME: undefined,
  };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('happytube-linux-x64, alone in a folder, no Node on the PATH', () => {
  it('runs from outside the repository, with no node to be found', async () => {
    expect(relative(join(import.meta.dirname, '..', '..'), program).startsWith('..')).toBe(true);
    for (const folder of env.PATH!.split(delimiter)) await expect(access(join(folder, 'node'))).rejects.toThrow();
  });

  it('--version', async () => {
    const result = await runProgram(program, ['--version'], { cwd: dir, env });
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('init --yes writes a library from the templates inside the file, and check accepts it', async () => {
    const library = join(dir, 'thư viện');
    await mkdir(library);
    const init = await runProgram(program, ['init', '--yes'], { cwd: library, env });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(await readFile(join(library, 'happytube.yaml'), 'utf8')).toContain('Trường Mầm non Thiên Đức');
    expect((await readdir(library)).sort()).toEqual(
      ['.env.example', '.gitignore', '01-muc-dich', '02-bo-tieu-chi', '03-qua-trinh-ket-qua', '04-mo-hinh-hay', 'happytube.yaml', 'templates'].sort(),
    );
    const check = await runProgram(program, ['check'], { cwd: library, env });
    expect(check.code).toBe(0);
  });

  it('demo: the example library synced to the emulator inside the file, the report written', async () => {
    const result = await runProgram(program, ['demo', '--lang', 'en'], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Started the YouTube emulator at http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stdout).toContain('uploaded: 6');
    expect(await readFile(join(dir, 'tmp', 'happytube-demo-report.html'), 'utf8')).toContain('Trường Mầm non Thiên Đức');
  });
});

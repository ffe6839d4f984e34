/**
 * `happytube doctor` through the real CLI against the emulator: one line per check, ✓ or ✗ with
 * its fix; exit 0 only when every check passes. (The whole green run, and red after a revoke, is
 * in test/setup/setup.test.ts.)
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { exampleCopy } from '../sync/helpers.ts';

const emulator = useEmulator();
const locked = useEmulator({ forcePrivate: true });

interface Report {
  ok: boolean;
  checks: { id: string; ok: boolean; message: string; fix: string | null }[];
}

function byId(report: Report): Record<string, { ok: boolean; message: string; fix: string | null }> {
  return Object.fromEntries(report.checks.map((c) => [c.id, c]));
}

async function doctor(args: string[], env: Record<string, string | undefined>, cwd: string): Promise<{ code: number | null; report: Report; stderr: string }> {
  const r = await runMain(['doctor', '--json', ...args], { env: { HAPPYTUBE_LANG: 'en', ...env }, cwd });
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

/** The pid of a process that has ended. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('error', reject);
    child.on('close', () => resolve(child.pid!));
  });
}

describe('happytube doctor', () => {
  it('on a computer with nothing set up: the client, the sign-in and the library fail, each with its fix (exit 1)', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'happytube-doctor-'));
    const env = { ...emulator.env(), HAPPYTUBE_CLIENT_ID: undefined, HAPPYTUBE_CLIENT_SECRET: undefined, HAPPYTUBE_REFRESH_TOKEN: undefined, HAPPYTUBE_CONFIG_DIR: join(cwd, 'config') };
    const { code, report, stderr } = await doctor([], env, cwd);
    expect(code).toBe(1);
    expect(stderr).toContain('3 checks did not pass');
    const checks = byId(report);
    expect(report.checks.map((c) => c.id)).toEqual(['versions', 'clock', 'oauth-host', 'api-host', 'client', 'sign-in', 'library']);
    expect(checks.versions!.message).toBe(`happytube 0.1.0, Node.js ${process.versions.node}`);
    expect(checks.clock!.ok).toBe(true);
    expect(checks['api-host']!.message).toMatch(/reachable \(direct connection\)/);
    expect(checks.client).toMatchObject({ ok: false, message: expect.stringContaining('No OAuth client') as unknown, fix: expect.stringContaining('happytube setup') as unknown });
    expect(checks['sign-in']!.ok).toBe(false);
    expect(checks.library).toMatchObject({ ok: false, message: expect.stringContaining('No library in') as unknown, fix: expect.stringContaining('happytube setup') as unknown });
    expect(report.ok).toBe(false);
  });

  it('names the proxy on the way, without its password, and NO_PROXY takes the host out of it', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'happytube-doctor-'));
    const env = { ...emulator.env(), HTTP_PROXY: 'http://staff:s3cret@127.0.0.1:9' };
    const through = await doctor([], env, cwd);
    const api = byId(through.report)['api-host']!;
    expect(api.ok).toBe(false);
    expect(api.message).toContain('through the proxy http://***@127.0.0.1:9');
    expect(api.fix).toContain('NO_PROXY');
    expect(JSON.stringify(through.report)).not.toContain('s3cret');
    const direct = await doctor([], { ...env, NO_PROXY: '127.0.0.1' }, cwd);
    expect(byId(direct.report)['api-host']).toMatchObject({ ok: true, message: expect.stringContaining('(direct connection)') as unknown });
  });

  it('reports the state: a lock left by a dead run, uploads to resume, damaged files', async () => {
    const library = await exampleCopy();
    const state = join(library.dir, '.happytube');
    await mkdir(state, { recursive: true });
    const pid = await deadPid();
    await writeFile(join(state, 'lock'), JSON.stringify({ pid, host: hostname(), since: new Date().toISOString(), token: 'x' }));
    const env = emulator.env();
    const first = byId((await doctor([library.dir], env, library.dir)).report);
    expect(first.lock).toMatchObject({ ok: true, message: expect.stringContaining(`process ${pid} is gone`) as unknown });
    expect(first.state!.ok).toBe(true);

    await writeFile(join(state, 'sessions.json'), '{"version": 1, "sessions": ');
    const damaged = await doctor([library.dir], env, library.dir);
    expect(damaged.code).toBe(1);
    const checks = byId(damaged.report);
    expect(checks.state!.ok).toBe(false);
    expect(checks.state!.message).toContain('sessions.json');
    expect(checks.state!.fix).not.toBeNull();
    await library.remove();
  });

  it("after a sync: today's quota as recorded (✗ once used up, with the reset time) and the private lock it saw", async () => {
    const library = await exampleCopy();
    const env = locked.env();
    const only = join(library.dir, '04-mo-hinh-hay/2025-01-08 Góc đọc sách của bé.mp4');
    expect((await runMain(['sync', library.dir, '--yes', '--only', only], { env, cwd: library.dir })).code).toBe(0);
    const after = await doctor([library.dir], env, library.dir);
    const checks = byId(after.report);
    expect(checks.quota).toMatchObject({ ok: true, message: expect.stringMatching(/^Today's quota \(as this computer recorded it\): [1-9]\d*\/10000 units, 1\/100 uploads; resets at \d\d:\d\d on /) as unknown });
    expect(checks['private-lock']).toMatchObject({ ok: false, message: expect.stringContaining('YouTube locked videos private') as unknown });
    expect(checks['private-lock']!.fix).toContain('support.google.com/youtube/contact/yt_api_form');
    expect(after.code).toBe(1);

    // A project allowed one upload a day has used it up.
    const config = join(library.dir, 'happytube.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace('uploads: 100', 'uploads: 1'));
    const spent = byId((await doctor([library.dir], env, library.dir)).report);
    expect(spent.quota).toMatchObject({ ok: false, message: expect.stringContaining('1/1 uploads') as unknown, fix: expect.stringMatching(/run again after \d\d:\d\d/) as unknown });
    await library.remove();
  });

  it('prints one line per check, ✓ or ✗ with the fix under it', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'happytube-doctor-'));
    const r = await runMain(['doctor'], { env: { ...emulator.env(), HAPPYTUBE_LANG: 'vi' }, cwd });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => /^[✓✗] /.test(l))).toHaveLength(7);
    expect(r.stdout).toMatch(/^✗ Không có thư viện ở .*\n {4}Cách sửa: /m);
    expect(r.stdout).toMatch(/^✓ Đăng nhập hoạt động \(đã thử làm mới\): kênh “.*” \(UC[\w-]+\), hồ sơ “default”, từ HAPPYTUBE_REFRESH_TOKEN$/m);
  });
});

/**
 * What a school's network and a real Google do to `happytube upload`, against the emulator taught
 * to do it: a server that notices a killed upload's connection only later (the session stays
 * locked), a stalled connection, a clip still being copied while it uploads or just before, and a
 * saved session that points at another host. The runs are in-process (runMain), but for the one
 * killed with kill -9: a child process.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, runMain, startMain } from '../helpers/cli.ts';
import type { RunResult } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/happy-school', import.meta.url));
const FIXTURE = '01-muc-dich/2024-09-05 Khai giảng năm học mới.mp4';
const BIG = '01-muc-dich/2025-03-01 Lễ hội mùa xuân.mp4';
const LATER = '01-muc-dich/2025-04-02 Ngày hội đọc sách.mp4';

const emulator = useEmulator();
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'happytube-upload-faults-'));
  await cp(EXAMPLE, dir, { recursive: true });
  // A real MP4 header, then ~1.6 MB of noise: the CLI sniffs the header, the emulator only counts bytes.
  const header = await readFile(join(dir, FIXTURE));
  await writeFile(join(dir, BIG), Buffer.concat([header, randomBytes(1600 * 1024)]));
  await writeFile(join(dir, LATER), Buffer.concat([header, randomBytes(300 * 1024)]));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const environment = (extra: Record<string, string> = {}): Record<string, string> => ({ ...emulator.env(), HAPPYTUBE_LANG: 'en', ...extra });

/** Resolves once `stream` (text) has said `text`; rejects if `ended` settles first without it. */
function watchStderr(stream: Readable, ended: Promise<unknown>): (text: string | RegExp) => Promise<void> {
  let stderr = '';
  const waiting: { test: (s: string) => boolean; resolve: () => void }[] = [];
  stream.on('data', (d: string) => {
    stderr += d;
    for (const w of waiting.splice(0)) {
      if (w.test(stderr)) w.resolve();
      else waiting.push(w);
    }
  });
  return (text) =>
    new Promise<void>((resolve, reject) => {
      const test = (s: string): boolean => (typeof text === 'string' ? s.includes(text) : text.test(s));
      if (test(stderr)) return resolve();
      waiting.push({ test, resolve });
      void ended.then(() => (test(stderr) ? resolve() : reject(new Error(`ended without ${String(text)}:\n${stderr}`))));
    });
}

/** `happytube ARGS` in the library, in-process (runMain), watched as it runs. */
function start(args: string[], env: Record<string, string>): { waitFor: (text: string | RegExp) => Promise<void>; done: Promise<RunResult> } {
  const run = startMain(args, { cwd: dir, env });
  run.stdin.end();
  return { waitFor: watchStderr(run.stderr, run.result), done: run.result };
}

interface Child {
  waitFor: (text: string | RegExp) => Promise<void>;
  kill: () => void;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** `happytube ARGS` in the library as a child process, for a test that kills it. */
function startChild(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { waitFor: watchStderr(child.stderr, done), kill: () => child.kill('SIGKILL'), done };
}

async function sha256Of(relPath: string): Promise<string> {
  return createHash('sha256').update(await readFile(join(dir, relPath))).digest('hex');
}

async function savedSessions(): Promise<Record<string, { sessionUri: string }>> {
  try {
    return (JSON.parse(await readFile(join(dir, '.happytube', 'sessions.json'), 'utf8')) as { sessions: Record<string, { sessionUri: string }> }).sessions;
  } catch {
    return {};
  }
}

describe('happytube upload killed mid-upload while YouTube has not noticed the old connection end', () => {
  it('waits on the busy session, in the same run and the next, then finishes on its first session with the exact bytes', async () => {
    // The connection drops at 600 kB, and the emulator notices only at `notice`: meanwhile the
    // status query says 0 bytes and every PUT is refused "still in progress".
    await emulator.admin.faults(['late-notice', 'drop-upload:600000']);
    const first = startChild(['upload', BIG], environment());
    await first.waitFor('still holds the previous connection of this upload session');
    first.kill();
    expect((await first.done).signal).toBe('SIGKILL');

    const rerun = start(['upload', BIG], environment());
    await rerun.waitFor('still holds the previous connection of this upload session');
    await emulator.admin.faults(['notice']);
    const result = await rerun.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('refused');
    const state = await emulator.admin.state();
    expect(state.calls['videos.insert']).toBe(1);
    expect(state.videos).toHaveLength(1);
    expect(state.videos[0]!.sha256).toBe(await sha256Of(BIG));
  });
});

describe('a stalled upload connection', () => {
  it('is abandoned after the stall time and the upload resumes on the same session', async () => {
    await emulator.admin.faults(['stall-upload:600000']);
    const result = await runMain(['upload', BIG], { cwd: dir, env: environment({ HAPPYTUBE_TEST_REQUEST_TIMEOUT_SECONDS: '1' }), timeoutMs: 25_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/temporary failure \(no activity for 1000 ms\)/);
    const state = await emulator.admin.state();
    expect(state.calls['videos.insert']).toBe(1);
    expect(state.videos[0]!.sha256).toBe(await sha256Of(BIG));
  });
});

describe('a clip still being copied', () => {
  it('that grows while it uploads is not published; the message says to wait for the copy', async () => {
    // --limit-rate: the file is read as it is sent, so the copy goes on while it uploads.
    const run = start(['upload', BIG, '--limit-rate', '400k'], environment());
    await run.waitFor(/Lễ hội mùa xuân\.mp4: \d+%/);
    await appendFile(join(dir, BIG), randomBytes(64 * 1024));
    const result = await run.done;
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toContain('is changing');
    expect(result.stderr).toContain('Wait for the copy to finish');
    expect((await emulator.admin.state()).videos).toHaveLength(0);
    expect(Object.keys(await savedSessions())).toHaveLength(0);

    await emulator.admin.faults([]);
    const again = await runMain(['upload', BIG], { cwd: dir, env: environment() });
    expect(again.code, again.stderr).toBe(0);
    const state = await emulator.admin.state();
    expect(state.videos).toHaveLength(1);
    expect(state.videos[0]!.sha256).toBe(await sha256Of(BIG));
  });

  it('that changed since the library was read is skipped with a warning, the others go on', async () => {
    await emulator.admin.faults(['slow:600000']);
    const run = start(['upload', BIG, LATER], environment());
    await run.waitFor(/Lễ hội mùa xuân\.mp4: \d+%/);
    await appendFile(join(dir, LATER), randomBytes(1024));
    await emulator.admin.faults([]);
    const result = await run.done;
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/Ngày hội đọc sách\.mp4" is changing/);
    const state = await emulator.admin.state();
    expect(state.videos).toHaveLength(1);
    expect(state.videos[0]!.sha256).toBe(await sha256Of(BIG));
  });
});

describe('a saved upload session on another host', () => {
  it('is dropped with a clear line: no token and no byte go there, a new session is opened', async () => {
    let requests = 0;
    const elsewhere = createServer((req, res) => {
      requests += 1;
      req.resume();
      res.writeHead(308, { range: 'bytes=0-99' });
      res.end();
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = elsewhere.address() as AddressInfo;
      const size = (await readFile(join(dir, BIG))).length;
      const { mtimeMs } = await import('node:fs/promises').then((fs) => fs.stat(join(dir, BIG)));
      await mkdir(join(dir, '.happytube'), { recursive: true });
      const session = {
        relPath: BIG,
        sessionUri: `http://127.0.0.1:${port}/upload/youtube/v3/videos?upload_id=stolen`,
        size,
        mtimeMs,
        startedAt: new Date().toISOString(),
        resource: {},
      };
      await writeFile(join(dir, '.happytube', 'sessions.json'), JSON.stringify({ version: 1, sessions: { [BIG]: session } }));
      const result = await runMain(['upload', BIG], { cwd: dir, env: environment() });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('points somewhere other than');
      expect(requests).toBe(0);
      const state = await emulator.admin.state();
      expect(state.videos).toHaveLength(1);
      expect(state.videos[0]!.sha256).toBe(await sha256Of(BIG));
    } finally {
      await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
    }
  });
});

describe('a computer that sleeps in the middle of a run', () => {
  it('wakes past the quota day and an expired access token: the run takes the new day\'s quota and goes on', async () => {
    const DAY_SECONDS = 3;
    // One upload a day for this project: the second clip fits only in the next day's quota.
    const config = join(dir, 'happytube.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace('uploads: 100', 'uploads: 1'));
    await emulator.admin.faults(['stall-upload:300000']);
    const run = start(['upload', BIG, LATER], environment({ HAPPYTUBE_TEST_QUOTA_DAY_SECONDS: String(DAY_SECONDS) }));
    await run.waitFor('→ Upload 01-muc-dich/2025-03-01 Lễ hội mùa xuân.mp4');
    while ((await emulator.admin.state()).busySessions === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    // Asleep: the connection is frozen until the day is over, and the access token expires.
    const dayMs = DAY_SECONDS * 1000;
    await new Promise((resolve) => setTimeout(resolve, dayMs - (Date.now() % dayMs) + 50));
    await emulator.admin.expireTokens();
    await emulator.admin.faults(['release']);
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    const state = await emulator.admin.state();
    expect(state.videos).toHaveLength(2);
    const quota = JSON.parse(await readFile(join(dir, '.happytube', 'quota.json'), 'utf8')) as { uploads: number };
    expect(quota.uploads).toBe(1);
  });
});

describe('a new clip of the same size as an unrelated video on the channel', () => {
  it('is not read ahead of its upload: adoption would need its title or file name too', async () => {
    expect((await runMain(['upload', BIG], { cwd: dir, env: environment() })).code).toBe(0);
    const other = await mkdtemp(join(tmpdir(), 'happytube-upload-faults-other-'));
    try {
      await cp(EXAMPLE, other, { recursive: true });
      const size = (await readFile(join(dir, BIG))).length;
      const header = await readFile(join(other, FIXTURE));
      const same = '01-muc-dich/2025-05-05 Bé trồng cây.mp4';
      await writeFile(join(other, same), Buffer.concat([header, randomBytes(size - header.length)]));
      // No upload can start: what was hashed before it would stay in the hash cache.
      await emulator.admin.faults(['uploads-exhausted']);
      const result = await runMain(['upload', same], { cwd: other, env: environment() });
      await emulator.admin.resetQuota();
      expect(result.code, result.stderr).toBe(3);
      const hashes = await readFile(join(other, '.happytube', 'hashes.json'), 'utf8').catch(() => '');
      expect(hashes).not.toContain('Bé trồng cây');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});

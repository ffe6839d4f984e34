/**
 * `kill -9` of `happytube upload` in the middle of a slow upload (the emulator reads upload bodies
 * at 600 KB/s), then a rerun: it resumes the saved session and YouTube ends with exactly one video
 * holding the file's bytes. The kill needs a child process; it comes when the emulator (in this
 * process) has received 2 of the file's chunks of 256 KiB, seen in its state, not after a delay.
 * The rerun is in-process (runMain).
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_GRANULARITY } from '../../src/emulator/sink.ts';
import { BIN, cleanEnv, runMain } from '../helpers/cli.ts';
import { bytesArriving, useEmulator } from '../helpers/emulator.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/happy-school', import.meta.url));
const FIXTURE = '01-muc-dich/2024-09-05 Khai giảng năm học mới.mp4';
const BIG = '01-muc-dich/2025-03-01 Lễ hội mùa xuân.mp4';

const emulator = useEmulator();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'happytube-upload-kill-'));
  await cp(EXAMPLE, dir, { recursive: true });
  // A real MP4 header, then ~1.6 MB of noise: the CLI sniffs the header, the emulator only counts bytes.
  await writeFile(join(dir, BIG), Buffer.concat([await readFile(join(dir, FIXTURE)), randomBytes(1600 * 1024)]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the upload and SIGKILLs it once the emulator holds more than `bytes` of it; resolves with its stderr. */
async function uploadKilledPast(environment: Record<string, string>, bytes: number): Promise<{ stderr: string; killed: boolean }> {
  const child = spawn(process.execPath, [BIN, 'upload', BIG], { cwd: dir, env: cleanEnv(environment), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let closed = false;
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<{ stderr: string; killed: boolean }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      closed = true;
      resolve({ stderr, killed: signal === 'SIGKILL' });
    });
  });
  // The emulator answers in this process: its state is looked at every few milliseconds.
  while (!closed && bytesArriving(emulator) <= bytes) await sleep(5);
  child.kill('SIGKILL');
  return done;
}

describe('happytube upload killed mid-upload', () => {
  it('resumes on the next run and leaves exactly one video with the right bytes', async () => {
    const environment = { ...emulator.env(), HAPPYTUBE_LANG: 'en' };
    await emulator.admin.faults(['slow:600000']);
    const first = await uploadKilledPast(environment, 2 * CHUNK_GRANULARITY);
    expect(first.killed, `the upload ended before the kill:\n${first.stderr}`).toBe(true);
    expect((await emulator.admin.state()).videos).toHaveLength(0);

    // The rerun comes once the emulator has noticed the killed connection (a server that notices
    // it late is test/upload-cli/faults.test.ts's): on a busy machine that may take a while.
    while ((await emulator.admin.state()).busySessions > 0) await sleep(5);
    await emulator.admin.faults([]);
    const rerun = await runMain(['upload', BIG], { cwd: dir, env: environment });
    expect(rerun.code, rerun.stderr).toBe(0);
    // It kept the 2 whole chunks it had (512 KiB of ~1.6 MB): at least 30 %.
    expect(rerun.stderr, rerun.stderr).toMatch(/Upload .*Lễ hội mùa xuân\.mp4: resuming from ([3-9]\d)%/);
    const state = await emulator.admin.state();
    expect(state.calls['videos.insert']).toBe(1);
    expect(state.videos).toHaveLength(1);
    const bytes = await readFile(join(dir, BIG));
    expect(state.videos[0]!.size).toBe(bytes.length);
    expect(state.videos[0]!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(rerun.stdout).toContain(`https://www.youtube.com/watch?v=${state.videos[0]!.id}`);
  });
});

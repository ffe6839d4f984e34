/**
 * kill -9 mid-upload, then a new process: it resumes the saved session from the server's Range,
 * and the channel ends up with exactly one video holding the file's bytes. The kill comes when the
 * emulator (in this process) has received half the file, seen in its state, not after a delay.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UploadResult, UploadSession } from '../../src/youtube/resumable.ts';
import { bytesArriving, useEmulator } from '../helpers/emulator.ts';
import type { Clip } from './support.ts';
import { makeClip, QUANTUM, tempDir } from './support.ts';

const CHILD = fileURLToPath(new URL('./child-upload.ts', import.meta.url));
const emulator = useEmulator();
const SIZE = 8 * QUANTUM + 4321;

let tmp: Awaited<ReturnType<typeof tempDir>>;
let clip: Clip;

beforeAll(async () => {
  tmp = await tempDir();
  clip = await makeClip(tmp.dir, 'Ngày hội đến trường.mp4', SIZE);
});
afterAll(async () => {
  await emulator.admin.faults([]);
  await tmp.remove();
});

function runChild(sessionFile: string): { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>; kill: () => void } {
  const child = spawn(process.execPath, [CHILD, emulator.url, clip.path, sessionFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout }));
  });
  return { done, kill: () => child.kill('SIGKILL') };
}

async function sessionBytes(sessionFile: string): Promise<number> {
  const session = JSON.parse(await readFile(sessionFile, 'utf8')) as UploadSession;
  const answer = await fetch(session.uri, { method: 'PUT', headers: { 'content-range': `bytes */${SIZE}` } });
  const range = answer.headers.get('range');
  return range === null ? 0 : Number(range.split('-')[1]) + 1;
}

it('a process killed with SIGKILL mid-upload is resumed by the next one', async () => {
  const sessionFile = join(tmp.dir, 'session.json');
  // 512 KiB/s: the 2 MiB upload takes 4 s; it is killed once the emulator has half of it, so the
  // server keeps the 4 whole chunks of 256 KiB it got and forgets the bytes after them. The
  // emulator answers in this process: its state is looked at every few milliseconds.
  await emulator.admin.faults([`slow:${2 * QUANTUM}`]);
  const first = runChild(sessionFile);
  let ended = false;
  void first.done.then(() => (ended = true));
  while (!ended && bytesArriving(emulator) <= 4 * QUANTUM) await sleep(5);
  first.kill();
  const killed = await first.done;
  expect(killed.signal).toBe('SIGKILL');
  // Asked once the emulator has noticed the killed connection: while a request still writes
  // into the session, its status says what the session held before that request.
  while ((await emulator.admin.state()).busySessions > 0) await sleep(5);
  const kept = await sessionBytes(sessionFile);
  expect(kept).toBeGreaterThanOrEqual(4 * QUANTUM);
  expect(kept).toBeLessThan(SIZE);

  await emulator.admin.faults([]);
  const second = await runChild(sessionFile).done;
  expect(second.code).toBe(0);
  const result = JSON.parse(second.stdout) as UploadResult;
  expect(result.resumed).toBe(true);
  expect(result.bytesSent).toBe(SIZE - kept);
  expect(result.sha256).toBe(clip.sha256);

  const videos = (await emulator.admin.state()).videos;
  expect(videos).toHaveLength(1);
  expect(videos[0]?.id).toBe(result.videoId);
  expect(videos[0]?.sha256).toBe(clip.sha256);
  expect(videos[0]?.size).toBe(SIZE);
});

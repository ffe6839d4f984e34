import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { access, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acquireLock, FOREIGN_LOCK_STALE_HOURS, LibraryLockedError, stateDir } from '../../src/state/index.ts';
import type { LockOwner } from '../../src/state/index.ts';
import { tempLibrary } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./fixtures/lock-child.ts', import.meta.url));

interface Child {
  /** resolves once the child waits for `go` */
  ready: Promise<void>;
  /** resolves with the child's verdict line: `won` or `lost: …` */
  verdict: Promise<string>;
  go(): void;
  /** closes stdin: a winner then releases (or just exits) and the child ends */
  finish(): Promise<{ code: number | null; stderr: string }>;
}

function startChild(library: string, ending: 'release' | 'exit' = 'release'): Child {
  const child = spawn(process.execPath, [CHILD, library, ending], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    for (const w of waiters) w();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const ended = new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = (n: number): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const lines = stdout.split('\n');
        if (lines.length > n + 1) resolve(lines[n]!);
      };
      waiters.push(check);
      check();
      void ended.then(() => reject(new Error(`child ended: ${stdout} ${stderr}`)));
    });
  return {
    ready: line(0).then(() => undefined),
    verdict: line(1),
    go: () => child.stdin.write('go\n'),
    finish: async () => {
      child.stdin.end();
      return { code: await ended, stderr };
    },
  };
}

async function race(library: string, runs: number): Promise<string[]> {
  const children = Array.from({ length: runs }, () => startChild(library));
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.go();
  const verdicts = await Promise.all(children.map((c) => c.verdict));
  for (const c of children) expect(await c.finish()).toEqual({ code: 0, stderr: '' });
  return verdicts.map((v) => v.split(':')[0]!).sort();
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid!;
  await new Promise((resolve) => child.on('exit', resolve));
  return pid;
}

async function writeLock(library: string, owner: Partial<LockOwner>): Promise<string> {
  await mkdir(stateDir(library), { recursive: true });
  const file = path.join(stateDir(library), 'lock');
  const full: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID(), ...owner };
  await writeFile(file, JSON.stringify(full));
  return file;
}

const lockOwner = async (library: string): Promise<LockOwner> =>
  JSON.parse(await readFile(path.join(stateDir(library), 'lock'), 'utf8')) as LockOwner;

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

describe('the library lock', () => {
  it('refuses a second run at once, saying who holds the lock', async () => {
    const lib = await tempLibrary();
    const release = await acquireLock(lib);
    expect(await lockOwner(lib)).toMatchObject({ pid: process.pid, host: hostname() });
    const started = performance.now();
    const error = (await acquireLock(lib).catch((e: unknown) => e)) as LibraryLockedError;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(LibraryLockedError);
    expect(error.exitCode).toBe(1);
    expect(error.owner.pid).toBe(process.pid);
    expect(error.text.en).toContain(`process ${process.pid} on ${hostname()}`);
    expect(error.text.vi).toContain(`trên máy ${hostname()}, từ `);
    expect(error.text.vi).toMatch(/từ \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\)/);
    expect(error.text.en).toContain(path.join(stateDir(lib), 'lock'));
    expect(error.hint?.en).toBe('Wait for that run to finish, then run again.');

    await release();
    await release(); // idempotent
    expect(await exists(path.join(stateDir(lib), 'lock'))).toBe(false);
    const again = await acquireLock(lib);
    await again();
  });

  it('refuses a run in another process while this one holds the library', async () => {
    const lib = await tempLibrary();
    const release = await acquireLock(lib);
    const child = startChild(lib);
    await child.ready;
    child.go();
    expect(await child.verdict).toContain(`lost: Another happytube run is working on this library (process ${process.pid}`);
    expect(await child.finish()).toEqual({ code: 0, stderr: '' });
    await release();
  });

  it('takes over at once a lock left by a dead process', async () => {
    const lib = await tempLibrary();
    const pid = await deadPid();
    await writeLock(lib, { pid, since: '2024-01-01T00:00:00.000Z' });
    const release = await acquireLock(lib);
    expect((await lockOwner(lib)).pid).toBe(process.pid);
    await release();
  });

  it('lets exactly one of two racing runs win', async () => {
    const lib = await tempLibrary();
    expect(await race(lib, 2)).toEqual(['lost', 'won']);
    expect(await exists(path.join(stateDir(lib), 'lock'))).toBe(false);
  });

  it('lets exactly one of three runs take over the same dead lock', async () => {
    const lib = await tempLibrary();
    await writeLock(lib, { pid: await deadPid() });
    expect(await race(lib, 3)).toEqual(['lost', 'lost', 'won']);
  });

  it('is released when the process exits without releasing it', async () => {
    const lib = await tempLibrary();
    const child = startChild(lib, 'exit');
    await child.ready;
    child.go();
    expect(await child.verdict).toBe('won');
    expect(await exists(path.join(stateDir(lib), 'lock'))).toBe(true);
    expect(await child.finish()).toEqual({ code: 0, stderr: '' });
    expect(await exists(path.join(stateDir(lib), 'lock'))).toBe(false);
  });

  it('treats a lock from another computer as held until it has not been refreshed for hours', async () => {
    const lib = await tempLibrary();
    const file = await writeLock(lib, { pid: 4242, host: 'office-pc' });
    const error = (await acquireLock(lib).catch((e: unknown) => e)) as LibraryLockedError;
    expect(error).toBeInstanceOf(LibraryLockedError);
    expect(error.text.en).toContain('process 4242 on office-pc');
    expect(error.hint?.en).toContain(`not been refreshed for ${FOREIGN_LOCK_STALE_HOURS} hours`);
    expect(error.hint?.en).toContain(file);

    const old = new Date(Date.now() - (FOREIGN_LOCK_STALE_HOURS + 1) * 3600_000);
    await utimes(file, old, old);
    const release = await acquireLock(lib);
    expect((await lockOwner(lib)).host).toBe(hostname());
    await release();
  });

  it('never removes a lock it does not own', async () => {
    const lib = await tempLibrary();
    const release = await acquireLock(lib);
    const file = await writeLock(lib, { pid: process.pid, token: 'someone-else' });
    await release();
    expect((await lockOwner(lib)).token).toBe('someone-else');
    expect(await exists(file)).toBe(true);
  });
});

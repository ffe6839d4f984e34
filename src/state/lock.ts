/**
 * One run at a time per library: `.happytube/lock`, created atomically (`open` with `wx`), holding
 * who owns it (pid, host, since when). A second run fails at once and says who holds the lock.
 *
 * A lock whose process is dead (same host, `kill(pid, 0)` → ESRCH) is taken over at once. A lock
 * from another host cannot be checked: it counts as held until its owner has not refreshed it for
 * `FOREIGN_LOCK_STALE_HOURS` (the owner touches it every few minutes). Taking over is itself
 * exclusive: of several runs that find the same dead lock, exactly one gets the library.
 *
 * (proper-lockfile was considered: it records no owner, so it could neither name the holder nor
 * see that the holder died; it only waits for the lock to age.)
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, open, readFile, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExitCode, HappyError } from '../errors.ts';
import { M } from '../i18n/messages.ts';
import { isErrno, stateDir } from './files.ts';

/** A lock from another host counts as abandoned once not refreshed for this long. */
export const FOREIGN_LOCK_STALE_HOURS = 4;
/** How often the owner refreshes the lock's mtime. */
const HEARTBEAT_MS = 5 * 60 * 1000;
/** A lock file still empty after this long was left by a run that died while creating it. */
const BLANK_LOCK_STALE_MS = 10_000;
const LOCK_NAME = 'lock';

/** Who holds a library's lock. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** when the lock was taken, ISO 8601 */
  readonly since: string;
  /** unique per acquisition, so that a run only ever removes its own lock */
  readonly token: string;
}

/** Releases the lock (idempotent); resolves once the lock file is gone. */
export type ReleaseLock = () => Promise<void>;

/** Another run holds the library. Exit 1: the run did nothing; try again once the other one ends. */
export class LibraryLockedError extends HappyError {
  readonly owner: LockOwner;
  readonly file: string;

  constructor(file: string, owner: LockOwner, foreign: boolean) {
    super(ExitCode.failure, M.state.locked({ file, pid: owner.pid, host: owner.host, since: owner.since }), {
      hint: foreign ? M.state.lockedOtherHostHint({ file, hours: FOREIGN_LOCK_STALE_HOURS }) : M.state.lockedHint(),
    });
    this.owner = owner;
    this.file = file;
  }
}

/**
 * Takes the library's lock or throws `LibraryLockedError` at once. The lock is released by the
 * returned function, and in any case when the process exits normally.
 */
export async function acquireLock(libraryDir: string): Promise<ReleaseLock> {
  const dir = stateDir(libraryDir);
  const file = path.join(dir, LOCK_NAME);
  await mkdir(dir, { recursive: true });
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID() };
  const text = JSON.stringify(owner);

  for (;;) {
    if (await createExclusive(file, text)) break;
    const held = await readLock(file);
    if (held === undefined) continue; // released meanwhile: try again
    const verdict = judge(held, file);
    if (verdict === 'held') throw new LibraryLockedError(file, held.owner!, held.owner!.host !== owner.host);
    if (verdict === 'wait') await sleep(20);
    else await takeOver(file, held);
  }
  return holdLock(file, owner);
}

/** What a library's lock says, without taking it (for `happytube doctor`). */
export type LockReport =
  | { readonly state: 'free' }
  /** `alive`: the owner's process runs on this computer; `dead`: it does not (the next run takes over); `foreign`: another computer's. */
  | { readonly state: 'alive' | 'dead' | 'foreign'; readonly file: string; readonly owner: LockOwner }
  /** Empty or unreadable content. */
  | { readonly state: 'blank'; readonly file: string };

export async function inspectLock(libraryDir: string): Promise<LockReport> {
  const file = path.join(stateDir(libraryDir), LOCK_NAME);
  const held = await readLock(file);
  if (!held) return { state: 'free' };
  if (!held.owner) return { state: 'blank', file };
  if (held.owner.host !== hostname()) return { state: 'foreign', file, owner: held.owner };
  return { state: isAlive(held.owner.pid) ? 'alive' : 'dead', file, owner: held.owner };
}

interface HeldLock {
  /** the file's exact content, to make sure a takeover removes this lock and no later one */
  readonly text: string;
  readonly mtimeMs: number;
  /** undefined while the owner is still writing it, or if it was left empty */
  readonly owner: LockOwner | undefined;
}

async function createExclusive(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

async function readLock(file: string): Promise<HeldLock | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { text, mtimeMs: info.mtimeMs, owner: parseOwner(text) };
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw new HappyError(ExitCode.failure, M.state.lockUnreadable({ file, detail: String(error) }), {
      hint: M.state.lockUnreadableHint({ file }),
      cause: error,
    });
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    const ok =
      typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.since === 'string' && typeof value.token === 'string';
    return ok ? (value as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/** `held`: refuse; `stale`: take it over; `wait`: being written right now, look again. */
function judge(held: HeldLock, file: string): 'held' | 'stale' | 'wait' {
  const age = Date.now() - held.mtimeMs;
  if (!held.owner) {
    if (age < BLANK_LOCK_STALE_MS) return 'wait';
    if (held.text.trim() === '') return 'stale';
    throw new HappyError(ExitCode.failure, M.state.lockUnreadable({ file, detail: held.text.slice(0, 200) }), {
      hint: M.state.lockUnreadableHint({ file }),
    });
  }
  if (held.owner.host !== hostname()) return age > FOREIGN_LOCK_STALE_HOURS * 3600_000 ? 'stale' : 'held';
  return isAlive(held.owner.pid) ? 'held' : 'stale';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !isErrno(error, 'ESRCH'); // EPERM: alive, owned by another user
  }
}

/**
 * Removes a dead lock, exclusively: only the run that creates the marker named after that lock may
 * remove it, and only if the lock is still that very one. Whoever loses simply looks again.
 */
async function takeOver(file: string, dead: HeldLock): Promise<void> {
  const id = dead.owner?.token ?? `blank-${Math.trunc(dead.mtimeMs)}`;
  const marker = `${file}.takeover-${id.replace(/[^\w-]/g, '')}`;
  if (!(await createExclusive(marker, String(process.pid)))) {
    // Another run is taking it over; a marker left by a run that died in these few milliseconds ages out.
    const info = await stat(marker).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > BLANK_LOCK_STALE_MS) await unlink(marker).catch(() => undefined);
    else await sleep(20);
    return;
  }
  try {
    const now = await readLock(file);
    if (now && now.text === dead.text && now.mtimeMs === dead.mtimeMs) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(marker).catch(() => undefined);
  }
}

function holdLock(file: string, owner: LockOwner): ReleaseLock {
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(file, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const releaseSync = (): void => {
    try {
      if (parseOwner(readFileSync(file, 'utf8'))?.token === owner.token) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', releaseSync);
  let released: Promise<void> | undefined;
  return () => {
    released ??= (async () => {
      clearInterval(heartbeat);
      process.off('exit', releaseSync);
      const held = await readLock(file).catch(() => undefined);
      if (held?.owner?.token === owner.token) await unlink(file).catch(() => undefined);
    })();
    return released;
  };
}


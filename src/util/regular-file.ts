/**
 * Reading a small file named by someone else (a library, a `.env`, HAPPYTUBE_CLIENT_SECRET_FILE)
 * without trusting the name: it may be a pipe (opening it would wait for a writer forever), a
 * folder, a device, a file nobody may read, or endless (`/dev/zero`). It is opened without
 * blocking, checked to be a regular file, and read up to a cap, never further.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';

export type OpenFailure = { ok: false; reason: 'missing' | 'not-file' | 'unreadable'; code: string };
export type Opened = { ok: true; fd: number; stats: Stats } | OpenFailure;

// O_NONBLOCK: opening a pipe with nobody writing to it returns at once instead of waiting. Not on
// Windows, where such a file cannot be met by a name.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Why a path cannot be opened or read, from the error of the attempt. */
export function failureOf(error: unknown): OpenFailure {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'EISDIR' ? 'not-file' : 'unreadable';
  return { ok: false, reason, code };
}

/** Opens `path` for reading when it is a regular file. The caller closes the descriptor. */
export function openRegularFile(path: string): Opened {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return failureOf(error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isFile()) return { ok: true, fd, stats };
    closeSync(fd);
    return { ok: false, reason: 'not-file', code: 'ENOTFILE' };
  } catch (error) {
    closeSync(fd);
    return failureOf(error);
  }
}

/** Up to `max` bytes from the start of an open file. */
export function readUpTo(fd: number, max: number): Buffer {
  const buffer = Buffer.alloc(max);
  let filled = 0;
  while (filled < max) {
    const read = readSync(fd, buffer, filled, max - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

export type ReadResult = { ok: true; bytes: Buffer } | OpenFailure | { ok: false; reason: 'too-big'; bytes: number };

/**
 * The whole of a regular file of at most `max` bytes. The size a file claims is not trusted: one
 * that grows while it is read stops at the cap too.
 */
export function readRegularFile(path: string, max: number): ReadResult {
  const opened = openRegularFile(path);
  if (!opened.ok) return opened;
  try {
    if (opened.stats.size > max) return { ok: false, reason: 'too-big', bytes: opened.stats.size };
    const bytes = readUpTo(opened.fd, max + 1);
    return bytes.length > max ? { ok: false, reason: 'too-big', bytes: bytes.length } : { ok: true, bytes };
  } catch (error) {
    return failureOf(error);
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * How the library reads a file it names. A library comes from a USB stick, a network drive or a
 * zip: any name in it may be a pipe (opening it would wait forever), a folder, a device, a file
 * nobody may read, a symbolic link to somewhere else on the computer, or text in an old encoding.
 * Every file is therefore resolved (after symbolic links) inside the library, opened without
 * blocking, checked to be a regular file of a sane size, and (for text) decoded as strict UTF-8;
 * anything else is a problem naming the file, never an exception or a hang.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Text } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';

/**
 * The most a YAML file of the library (happytube.yaml, a sidecar, a template) may hold. The
 * largest real one is a few kilobytes (a description is at most 5,000 bytes); a bigger file is a
 * mistake, and parsing it would take seconds and gigabytes.
 */
export const YAML_MAX_BYTES = 1024 * 1024;

export interface FileProblem {
  message: Text;
  fix: Text;
  /** The line, for text that is not UTF-8. */
  line?: number;
}

export type Opened = { ok: true; fd: number; stats: Stats } | ({ ok: false } & FileProblem);

// O_NONBLOCK: opening a pipe with nobody writing to it returns at once instead of waiting. Not on
// Windows, where a library file cannot be a pipe.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The real path of the library's root, against which every file it names is checked. */
export function libraryRealRoot(root: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return root;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function openProblem(error: unknown, shown: string): FileProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { message: M.files.fileMissing({ file: shown }), fix: M.files.fileMissingFix() };
  if (code === 'EACCES' || code === 'EPERM') return { message: M.files.fileUnreadable({ file: shown, detail: code }), fix: M.files.fileUnreadableFix() };
  if (code === 'EISDIR') return { message: M.files.notRegularFile({ file: shown }), fix: M.files.notRegularFileFix() };
  return { message: M.files.fileUnreadable({ file: shown, detail: code ?? String(error) }), fix: M.files.fileUnreadableFix() };
}

/**
 * Opens `path` for reading when it is a regular file inside `realRoot` (after symbolic links).
 * `shown` is how problems name it. The caller closes the descriptor.
 */
export function openLibraryFile(path: string, shown: string, realRoot: string | undefined): Opened {
  let real = path;
  if (realRoot !== undefined) {
    try {
      real = realpathSync.native(path);
    } catch (error) {
      return { ok: false, ...openProblem(error, shown) };
    }
    if (!inside(realRoot, real)) return { ok: false, message: M.files.fileOutside({ file: shown }), fix: M.files.fileOutsideFix() };
  }
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, ...openProblem(error, shown) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      closeSync(fd);
      return { ok: false, message: M.files.notRegularFile({ file: shown }), fix: M.files.notRegularFileFix() };
    }
    return { ok: true, fd, stats: st };
  } catch (error) {
    closeSync(fd);
    return { ok: false, ...openProblem(error, shown) };
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

/** The offset of the first byte that is not part of valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const [length, min] = b >= 0xc2 && b <= 0xdf ? [2, 0x80] : b >= 0xe0 && b <= 0xef ? [3, 0x800] : b >= 0xf0 && b <= 0xf4 ? [4, 0x10000] : [0, 0];
    if (length === 0 || i + length > bytes.length) return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

/**
 * The UTF-8 text of a library file (without a byte order mark), or the problem that keeps it from
 * being read: not inside the library, not a regular file, unreadable, over `maxBytes`, not UTF-8.
 */
export function readLibraryText(
  path: string,
  shown: string,
  options: { maxBytes: number; realRoot: string | undefined },
): { ok: true; text: string } | ({ ok: false } & FileProblem) {
  const opened = openLibraryFile(path, shown, options.realRoot);
  if (!opened.ok) return opened;
  let bytes: Buffer;
  try {
    if (opened.stats.size > options.maxBytes) return { ok: false, message: M.files.fileTooBig({ file: shown, bytes: opened.stats.size, max: options.maxBytes }), fix: M.files.fileTooBigFix() };
    // The size a file claims is not trusted: a file that grows while read stops at the cap too.
    bytes = readUpTo(opened.fd, options.maxBytes + 1);
  } catch (error) {
    return { ok: false, ...openProblem(error, shown) };
  } finally {
    closeSync(opened.fd);
  }
  if (bytes.length > options.maxBytes) return { ok: false, message: M.files.fileTooBig({ file: shown, bytes: bytes.length, max: options.maxBytes }), fix: M.files.fileTooBigFix() };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line += 1;
    return { ok: false, line, message: M.files.notUtf8({ file: shown, line }), fix: M.files.notUtf8Fix() };
  }
  const text = bytes.toString('utf8');
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

/**
 * How the library reads a file it names. A library comes from a USB stick, a network drive or a
 * zip: any name in it may be a pipe (opening it would wait forever), a folder, a device, a file
 * nobody may read, a symbolic link to somewhere else on the computer, or text in an old encoding.
 * Every file is therefore resolved (after symbolic links) inside the library, opened without
 * blocking, checked to be a regular file of a sane size, and (for text) decoded as strict UTF-8;
 * anything else is a problem naming the file, never an exception or a hang.
 */
import { realpathSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Text } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import type { OpenFailure } from '../util/regular-file.ts';
import { failureOf, openRegularFile, readRegularFile } from '../util/regular-file.ts';

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

function problemOf(failure: OpenFailure, shown: string): FileProblem {
  if (failure.reason === 'missing') return { message: M.files.fileMissing({ file: shown }), fix: M.files.fileMissingFix() };
  if (failure.reason === 'not-file') return { message: M.files.notRegularFile({ file: shown }), fix: M.files.notRegularFileFix() };
  return { message: M.files.fileUnreadable({ file: shown, detail: failure.code }), fix: M.files.fileUnreadableFix() };
}

/** `path` after symbolic links, when it is inside `realRoot`; else the problem. */
function resolveInside(path: string, shown: string, realRoot: string | undefined): { ok: true; real: string } | ({ ok: false } & FileProblem) {
  if (realRoot === undefined) return { ok: true, real: path };
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch (error) {
    return { ok: false, ...problemOf(failureOf(error), shown) };
  }
  if (!inside(realRoot, real)) return { ok: false, message: M.files.fileOutside({ file: shown }), fix: M.files.fileOutsideFix() };
  return { ok: true, real };
}

/**
 * Opens `path` for reading when it is a regular file inside `realRoot` (after symbolic links).
 * `shown` is how problems name it. The caller closes the descriptor.
 */
export function openLibraryFile(path: string, shown: string, realRoot: string | undefined): Opened {
  const resolved = resolveInside(path, shown, realRoot);
  if (!resolved.ok) return resolved;
  const opened = openRegularFile(resolved.real);
  return opened.ok ? opened : { ok: false, ...problemOf(opened, shown) };
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
  const resolved = resolveInside(path, shown, options.realRoot);
  if (!resolved.ok) return resolved;
  const read = readRegularFile(resolved.real, options.maxBytes);
  if (!read.ok) {
    if (read.reason === 'too-big') return { ok: false, message: M.files.fileTooBig({ file: shown, bytes: read.bytes, max: options.maxBytes }), fix: M.files.fileTooBigFix() };
    return { ok: false, ...problemOf(read, shown) };
  }
  const { bytes } = read;
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line += 1;
    return { ok: false, line, message: M.files.notUtf8({ file: shown, line }), fix: M.files.notUtf8Fix() };
  }
  const text = bytes.toString('utf8');
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

/**
 * A clip's picture size and length from its container's header, without decoding: ISO BMFF
 * (MP4, MOV, M4V: `moov` → `mvhd`, `trak` → `tkhd`, `mdia` → `hdlr`, `mdhd`) and EBML (MKV,
 * WebM: `Segment` → `Info` → `TimestampScale`, `Duration`; `Tracks` → `TrackEntry` → `Video` →
 * `PixelWidth`, `PixelHeight`). It is what tells a Short (vertical or square, 3 minutes or less)
 * from a regular video.
 *
 * A clip comes from anywhere: every size and offset is checked against the file and the buffer,
 * reads are small and bounded (box headers, and at most MAX_BOX bytes of the boxes read whole),
 * the number of boxes and elements visited is capped, and anything unexpected gives "unknown"
 * (undefined), never an exception or a long walk.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { MediaInfo } from './types.ts';

/** YouTube's rule: a vertical or square video of up to 3 minutes is a Short. */
export const SHORT_MAX_SECONDS = 180;

/** The largest box or element read whole (a moov of a long film is a few MB; the parts we read are small). */
const MAX_BOX = 1024 * 1024;
/** Boxes or elements visited per file, at most. */
const MAX_STEPS = 4096;
/** Bytes read at a time around the boxes looked at. */
const WINDOW = 64 * 1024;
/** Bytes of an MKV/WebM head searched for Info and Tracks (they come before the first Cluster). */
const EBML_HEAD = 256 * 1024;

export function isShort(media: MediaInfo): boolean {
  return media.height >= media.width && media.durationSec <= SHORT_MAX_SECONDS;
}

/** Reads at most `length` bytes at `position`. */
type ReadAt = (position: number, length: number) => Buffer;

interface Budget {
  steps: number;
}

/** The clip's size and duration, or undefined when its header cannot tell them. */
export function readMediaInfo(path: string): MediaInfo | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return mediaInfoOf(fd, fstatSync(fd).size);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The same from a file already open (the loader's, checked to be a regular file of the library) of `size` bytes. */
export function mediaInfoOf(fd: number, size: number): MediaInfo | undefined {
  try {
    // Reads go through one window of WINDOW bytes: the few boxes looked at usually sit together
    // (a whole moov of a short clip fits in one), so a clip costs a handful of reads, not dozens.
    let window = Buffer.alloc(0);
    let windowAt = 0;
    const readAt: ReadAt = (position, length) => {
      const wanted = Math.max(0, Math.min(length, size - position));
      if (position >= windowAt && position + wanted <= windowAt + window.length) return window.subarray(position - windowAt, position - windowAt + wanted);
      const buffer = Buffer.allocUnsafe(Math.max(wanted, Math.min(WINDOW, size - position)));
      const read = buffer.length === 0 ? 0 : readSync(fd, buffer, 0, buffer.length, position);
      window = buffer.subarray(0, read);
      windowAt = position;
      return window.subarray(0, Math.min(read, wanted));
    };
    const head = readAt(0, 16);
    if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return ebmlInfo(readAt(0, EBML_HEAD));
    return bmffInfo(readAt, size);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// ISO BMFF (MP4, MOV)

interface Box {
  type: string;
  /** Where the box's content starts and ends (absolute positions). */
  start: number;
  end: number;
}

/** The boxes between `from` and `to`, read header by header. */
function* boxes(readAt: ReadAt, from: number, to: number, budget: Budget): Generator<Box> {
  let at = from;
  while (at + 8 <= to && budget.steps-- > 0) {
    const header = readAt(at, 16);
    if (header.length < 8) return;
    let size = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    let headerSize = 8;
    if (size === 1) {
      if (header.length < 16) return;
      const large = header.readBigUInt64BE(8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) return;
      size = Number(large);
      headerSize = 16;
    } else if (size === 0) {
      size = to - at; // to the end of the enclosing box or file
    }
    if (size < headerSize || at + size > to) return;
    yield { type, start: at + headerSize, end: at + size };
    at += size;
  }
}

function child(readAt: ReadAt, parent: Box, type: string, budget: Budget): Box | undefined {
  for (const box of boxes(readAt, parent.start, parent.end, budget)) if (box.type === type) return box;
  return undefined;
}

/** A small box's content, read whole (undefined when it is larger than the cap). */
function content(readAt: ReadAt, box: Box, max = 256): Buffer | undefined {
  const length = box.end - box.start;
  if (length > Math.min(max, MAX_BOX)) return undefined;
  const data = readAt(box.start, length);
  return data.length === length ? data : undefined;
}

/** Timescale and duration of an `mvhd` or `mdhd` (full boxes of the same layout up to there). */
function timing(data: Buffer | undefined): { seconds: number } | undefined {
  if (!data || data.length < 4) return undefined;
  const version = data[0];
  let timescale: number;
  let duration: number;
  if (version === 1) {
    if (data.length < 32) return undefined;
    timescale = data.readUInt32BE(20);
    duration = Number(data.readBigUInt64BE(24));
  } else {
    if (data.length < 20) return undefined;
    timescale = data.readUInt32BE(12);
    duration = data.readUInt32BE(16);
  }
  if (timescale === 0 || !Number.isFinite(duration)) return undefined;
  return { seconds: duration / timescale };
}

/** Width and height of a `tkhd`, turned as its matrix turns them (a phone's portrait clip is often 1920×1080 turned 90°). */
function trackSize(data: Buffer | undefined): { width: number; height: number } | undefined {
  if (!data || data.length < 4) return undefined;
  const base = data[0] === 1 ? 4 + 32 : 4 + 20; // after version/flags and the times, ids and duration
  const matrix = base + 8 + 8; // reserved (8), layer, alternate group, volume, reserved (8)
  const dims = matrix + 36;
  if (data.length < dims + 8) return undefined;
  const a = data.readInt32BE(matrix);
  const d = data.readInt32BE(matrix + 16);
  let width = data.readUInt32BE(dims) / 65536;
  let height = data.readUInt32BE(dims + 4) / 65536;
  if (a === 0 && d === 0) [width, height] = [height, width];
  return width > 0 && height > 0 ? { width: Math.round(width), height: Math.round(height) } : undefined;
}

function bmffInfo(readAt: ReadAt, size: number): MediaInfo | undefined {
  const budget: Budget = { steps: MAX_STEPS };
  let moov: Box | undefined;
  for (const box of boxes(readAt, 0, size, budget)) {
    if (box.type === 'moov') {
      moov = box;
      break;
    }
  }
  if (!moov) return undefined;
  let seconds = timing(content(readAt, child(readAt, moov, 'mvhd', budget) ?? moov, 128))?.seconds;
  for (const trak of boxes(readAt, moov.start, moov.end, budget)) {
    if (trak.type !== 'trak') continue;
    const mdia = child(readAt, trak, 'mdia', budget);
    const hdlr = mdia && content(readAt, child(readAt, mdia, 'hdlr', budget) ?? mdia, 1024);
    if (!hdlr || hdlr.length < 12 || hdlr.toString('latin1', 8, 12) !== 'vide') continue;
    const dims = trackSize(content(readAt, child(readAt, trak, 'tkhd', budget) ?? trak, 128));
    if (!dims) return undefined;
    if (!seconds) seconds = timing(content(readAt, child(readAt, mdia, 'mdhd', budget) ?? mdia, 128))?.seconds;
    return seconds === undefined ? undefined : { ...dims, durationSec: seconds };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// EBML (Matroska, WebM)

const EBML_ID = {
  segment: 0x18538067,
  info: 0x1549a966,
  timestampScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackType: 0x83,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
} as const;

interface Element {
  id: number;
  start: number;
  /** End of the content; the buffer's end for an element of unknown size. */
  end: number;
}

/** A variable-length integer at `at`: its value (marker kept for ids) and length. */
function vint(buffer: Buffer, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | undefined {
  const first = buffer[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23; // 1 for 0b1xxxxxxx … 8 for 0b00000001
  if (at + length > buffer.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = buffer[at + i]!;
    value = value * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function* elements(buffer: Buffer, from: number, to: number, budget: Budget): Generator<Element> {
  let at = from;
  while (at < to && budget.steps-- > 0) {
    const id = vint(buffer, at, true);
    if (!id || id.length > 4) return;
    const size = vint(buffer, at + id.length, false);
    if (!size) return;
    const start = at + id.length + size.length;
    const end = size.unknown ? to : start + size.value;
    if (start > to) return;
    yield { id: id.value, start, end: Math.min(end, to) };
    if (size.unknown || end > to) return; // nothing follows an element we cannot see the end of
    at = end;
  }
}

function uint(buffer: Buffer, e: Element): number | undefined {
  const length = e.end - e.start;
  if (length < 1 || length > 6) return undefined;
  return buffer.readUIntBE(e.start, length);
}

function float(buffer: Buffer, e: Element): number | undefined {
  const length = e.end - e.start;
  if (length === 4) return buffer.readFloatBE(e.start);
  if (length === 8) return buffer.readDoubleBE(e.start);
  return undefined;
}

function ebmlInfo(buffer: Buffer): MediaInfo | undefined {
  const budget: Budget = { steps: MAX_STEPS };
  let segment: Element | undefined;
  for (const e of elements(buffer, 0, buffer.length, budget)) {
    if (e.id === EBML_ID.segment) {
      segment = e;
      break;
    }
  }
  if (!segment) return undefined;
  let scale = 1_000_000;
  let ticks: number | undefined;
  let size: { width: number; height: number } | undefined;
  for (const e of elements(buffer, segment.start, segment.end, budget)) {
    if (e.id === EBML_ID.cluster) break;
    if (e.id === EBML_ID.info) {
      for (const f of elements(buffer, e.start, e.end, budget)) {
        if (f.id === EBML_ID.timestampScale) scale = uint(buffer, f) ?? scale;
        else if (f.id === EBML_ID.duration) ticks = float(buffer, f);
      }
    } else if (e.id === EBML_ID.tracks) {
      for (const entry of elements(buffer, e.start, e.end, budget)) {
        if (entry.id !== EBML_ID.trackEntry || size) continue;
        let type: number | undefined;
        let width: number | undefined;
        let height: number | undefined;
        for (const f of elements(buffer, entry.start, entry.end, budget)) {
          if (f.id === EBML_ID.trackType) type = uint(buffer, f);
          else if (f.id === EBML_ID.video) {
            for (const g of elements(buffer, f.start, f.end, budget)) {
              if (g.id === EBML_ID.pixelWidth) width = uint(buffer, g);
              else if (g.id === EBML_ID.pixelHeight) height = uint(buffer, g);
            }
          }
        }
        if (type === 1 && width && height) size = { width, height };
      }
    }
    if (size && ticks !== undefined) break;
  }
  if (!size || ticks === undefined || !Number.isFinite(ticks) || ticks < 0) return undefined;
  return { ...size, durationSec: (ticks * scale) / 1e9 };
}

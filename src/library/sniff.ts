/**
 * What a file really is, from its first bytes: video containers for clips, JPEG/PNG for
 * thumbnails, from the head of the file (src/library/files.ts opens and reads it).
 */
/** Bytes read from the head of a clip: enough for MPEG-TS's second sync byte (196 in M2TS). */
export const SNIFF_BYTES = 512;

const QUICKTIME_ATOMS = new Set(['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);
const ASF = Buffer.from([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11]);

/** The container a file's head shows, or undefined when it is no video container. */
export function videoContainer(head: Buffer): string | undefined {
  const ascii = (start: number, end: number): string => head.subarray(start, end).toString('latin1');
  if (head.length >= 8 && QUICKTIME_ATOMS.has(ascii(4, 8))) return ascii(4, 8) === 'ftyp' ? 'mp4' : 'quicktime';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'matroska';
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12).startsWith('AVI')) return 'avi';
  if (head.length >= 8 && head.subarray(0, 8).equals(ASF)) return 'asf';
  if (head.length >= 4 && ascii(0, 3) === 'FLV' && head[3] === 1) return 'flv';
  if (head.length >= 4 && head[0] === 0 && head[1] === 0 && head[2] === 1 && (head[3] === 0xba || head[3] === 0xb3)) return 'mpeg-ps';
  const ts = (offset: number): boolean => head[offset] === 0x47 && (head.length <= offset + 188 || head[offset + 188] === 0x47);
  if (head.length > 0 && ts(0)) return 'mpeg-ts';
  if (head.length > 4 && ts(4)) return 'm2ts';
  return undefined;
}

/** 'jpeg' or 'png' from the magic bytes, else undefined. */
export function imageType(head: Buffer): 'jpeg' | 'png' | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  return undefined;
}

/** Does a body start like a video container? Only the first bytes are looked at. */

/** How many leading bytes `sniffContainer` needs. */
export const SNIFF_BYTES = 400;

const ASF_GUID = Buffer.from('3026b2758e66cf11a6d900aa0062ce6c', 'hex');
const QUICKTIME_ATOMS = new Set(['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** The container name YouTube reports in fileDetails.container, or undefined when not a video. */
export function sniffContainer(head: Buffer): string | undefined {
  if (head.length >= 8 && QUICKTIME_ATOMS.has(head.toString('latin1', 4, 8))) return 'mov';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 11) === 'AVI') return 'avi';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x000001ba) return 'mpeg';
  if (head.length >= 16 && head.subarray(0, 16).equals(ASF_GUID)) return 'asf';
  if (head.length >= 3 && head.toString('latin1', 0, 3) === 'FLV') return 'flv';
  // MPEG-TS: a 0x47 sync byte every 188 bytes.
  if (head.length > 0 && head[0] === 0x47 && (head.length <= 188 || head[188] === 0x47) && (head.length <= 376 || head[376] === 0x47)) return 'mpegts';
  return undefined;
}

/** JPEG or PNG, by magic number. */
export function sniffImage(head: Buffer): 'image/jpeg' | 'image/png' | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))) return 'image/png';
  return undefined;
}

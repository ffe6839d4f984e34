/**
 * The picture size and length of a clip from its container's header (src/library/media.ts): real
 * tiny clips, the same made vertical, turned, long, moved around; and broken or hostile files,
 * which give "unknown" — never an exception, never a long walk.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isShort, readMediaInfo } from '../../src/library/media.ts';
import { fixture, mp4 } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'happytube-media-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(bytes: Buffer): string {
  const path = join(dir, `clip-${n++}`);
  writeFileSync(path, bytes);
  return path;
}

describe('readMediaInfo', () => {
  it('reads MP4, MOV (moov after mdat) and WebM', () => {
    for (const name of ['tiny.mp4', 'tiny.mov', 'tiny.webm']) {
      expect(readMediaInfo(file(fixture(name))), name).toEqual({ width: 64, height: 64, durationSec: 1 });
    }
  });

  it('tells a Short: vertical or square and 3 minutes or less', () => {
    const vertical = readMediaInfo(file(mp4({ width: 72, height: 128 })))!;
    expect(vertical).toEqual({ width: 72, height: 128, durationSec: 1 });
    expect(isShort(vertical)).toBe(true);
    expect(isShort(readMediaInfo(file(mp4({ width: 128, height: 72 })))!)).toBe(false);
    expect(isShort(readMediaInfo(file(mp4({ width: 72, height: 128, seconds: 180 })))!)).toBe(true);
    expect(isShort(readMediaInfo(file(mp4({ width: 72, height: 128, seconds: 181 })))!)).toBe(false);
  });

  it('turns the size as the track matrix turns it (a phone\'s portrait clip stored landscape)', () => {
    expect(readMediaInfo(file(mp4({ width: 128, height: 72, turned: true })))).toEqual({ width: 72, height: 128, durationSec: 1 });
  });

  it('reads WebM whose size is in PixelWidth/PixelHeight', () => {
    const bytes = Buffer.from(fixture('tiny.webm'));
    // PixelWidth (0xB0) and PixelHeight (0xBA), one-byte sizes of one byte: 64 → 40 wide, 90 high.
    const w = bytes.indexOf(Buffer.from([0xb0, 0x81, 64]));
    const h = bytes.indexOf(Buffer.from([0xba, 0x81, 64]));
    expect(w).toBeGreaterThan(0);
    expect(h).toBeGreaterThan(0);
    bytes[w + 2] = 40;
    bytes[h + 2] = 90;
    expect(readMediaInfo(file(bytes))).toEqual({ width: 40, height: 90, durationSec: 1 });
  });

  it('gives undefined, without throwing, for every truncation of a clip and for hostile headers', () => {
    for (const name of ['tiny.mp4', 'tiny.mov', 'tiny.webm']) {
      const whole = fixture(name);
      for (let length = 0; length < whole.length; length += 7) {
        const info = readMediaInfo(file(whole.subarray(0, length)));
        if (info !== undefined) expect(info, `${name} cut at ${length}`).toEqual({ width: 64, height: 64, durationSec: 1 });
      }
    }
    const box = (size: number, type: string, body: Buffer = Buffer.alloc(0)): Buffer => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(size, 0);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, body]);
    };
    const hostile = [
      Buffer.alloc(0),
      Buffer.from('not a video at all'),
      box(0xffffffff, 'moov'), // claims 4 GB
      box(1, 'moov', Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])), // 64-bit size past any file
      box(4, 'ftyp'), // smaller than its header
      Buffer.concat([box(16, 'ftyp', Buffer.alloc(8)), box(24, 'moov', box(16, 'trak', box(8, 'mdia')))]), // no handler, no header
      Buffer.concat(Array.from({ length: 20_000 }, () => box(8, 'free'))), // a long walk of empty boxes
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // EBML of unknown size, then nothing
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80, 0x18, 0x53, 0x80, 0x67, 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // a Segment larger than the file
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x00, 0x00]), // an invalid size marker
    ];
    for (const [i, bytes] of hostile.entries()) expect(readMediaInfo(file(bytes)), `hostile #${i}`).toBeUndefined();
    expect(readMediaInfo(join(dir, 'no-such-file'))).toBeUndefined();
  });
});

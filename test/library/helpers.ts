/**
 * Builds real library folders for the library tests: happytube.yaml, a default template and real
 * tiny clips (test/fixtures/clips, made once with ffmpeg) in a fresh temp folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/clips/', import.meta.url));

export const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

/** A real mp4 made distinct by `n` trailing bytes (MP4 readers ignore them): no duplicates. */
export function clip(n = 0): Buffer {
  return Buffer.concat([fixture('tiny.mp4'), Buffer.alloc(n, 0x20)]);
}

export const CONFIG = `language: vi
school:
  name: "Trường Mầm non Thiên Đức"
  website: "https://thienduc.example"
defaults:
  template: default
  privacy: unlisted
  madeForKids: false
  category: "27"
  language: vi
playlists:
  - key: muc-dich
    folder: 01-muc-dich
    title: "Mục đích kế hoạch Trường học hạnh phúc"
    description: "Mục đích của kế hoạch"
  - key: mo-hinh-hay
    folder: 04-mo-hinh-hay
    title: "Mô hình hay"
`;

export const TEMPLATE = `title: "{{ title }} | {{ school.name }}"
description: |
  {{ description }}
  Ngày: {{ date | date_vi }}
tags: "{{ playlist.key }}, trường học hạnh phúc"
`;

export type Files = Record<string, string | Buffer | null>;

/** Writes a library; `null` removes a default file. Returns its folder. */
export function makeLibrary(files: Files = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'happytube-lib-'));
  const all: Files = {
    'happytube.yaml': CONFIG,
    'templates/default.yaml': TEMPLATE,
    '01-muc-dich/2024-11-20 Hội thi bé khỏe.mp4': clip(0),
    ...files,
  };
  for (const [rel, content] of Object.entries(all)) {
    if (content === null) continue;
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return root;
}

export function removeLibrary(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Where a box's content starts (after its 8-byte header), found by its type. */
function boxContent(bytes: Buffer, type: string): number {
  const at = bytes.indexOf(type, 0, 'latin1');
  if (at < 0) throw new Error(`no ${type}`);
  return at + 4;
}

/** tiny.mp4 with its video track's size (and, if given, its rotation matrix and movie duration) changed. */
export function mp4(options: { width?: number; height?: number; turned?: boolean; seconds?: number } = {}): Buffer {
  const bytes = Buffer.from(fixture('tiny.mp4'));
  const tkhd = boxContent(bytes, 'tkhd');
  const base = bytes[tkhd] === 1 ? 36 : 24;
  const matrix = tkhd + base + 16;
  const dims = matrix + 36;
  if (options.width !== undefined) bytes.writeUInt32BE(options.width * 65536, dims);
  if (options.height !== undefined) bytes.writeUInt32BE(options.height * 65536, dims + 4);
  if (options.turned) {
    // 90°: a = d = 0, b = 1, c = −1 (16.16)
    bytes.writeInt32BE(0, matrix);
    bytes.writeInt32BE(65536, matrix + 4);
    bytes.writeInt32BE(-65536, matrix + 12);
    bytes.writeInt32BE(0, matrix + 16);
  }
  if (options.seconds !== undefined) {
    const mvhd = boxContent(bytes, 'mvhd');
    const timescale = bytes.readUInt32BE(mvhd + 12);
    bytes.writeUInt32BE(options.seconds * timescale, mvhd + 16);
  }
  return bytes;
}

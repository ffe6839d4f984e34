/**
 * release/ as npm run release left it (global-setup.ts built it): the three downloads and their
 * SHA256SUMS, the Windows executable a Windows program carrying happytube, the npm package only
 * what an installed happytube runs. The Linux executable, the package and the Windows build under
 * Wine are run by the other files of this folder.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { RELEASE, SEA_FUSE, SEA_RESOURCE } from '../../scripts/release.ts';

const TARBALL = `happytube-${pkg.version}.tgz`;
const FILES = ['happytube-linux-x64', 'happytube-win-x64.exe', TARBALL];

/** The asset list that the executables carry: every file of templates/ and examples/, sorted. */
async function expectedManifest(): Promise<string> {
  const root = join(import.meta.dirname, '..', '..');
  const files: string[] = [];
  for (const folder of ['templates', 'examples']) {
    for (const entry of await readdir(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(`${folder}/${join(entry.parentPath, entry.name).slice(join(root, folder).length + 1).split('\\').join('/')}`);
    }
  }
  return JSON.stringify({ files: files.sort() });
}

describe('release/', () => {
  it('holds the two executables, the package and SHA256SUMS, nothing else', async () => {
    expect((await readdir(RELEASE)).sort()).toEqual([...FILES, 'SHA256SUMS'].sort());
  });

  it('SHA256SUMS gives the SHA-256 of each download, in the format of sha256sum -c', async () => {
    const lines = (await readFile(join(RELEASE, 'SHA256SUMS'), 'utf8')).trimEnd().split('\n');
    const sums = new Map(lines.map((line) => [line.slice(66), line.slice(0, 64)]));
    expect([...sums.keys()].sort()).toEqual([...FILES].sort());
    for (const line of lines) expect(line).toMatch(/^[0-9a-f]{64} {2}\S+$/);
    for (const file of FILES) {
      const hash = createHash('sha256')
        .update(await readFile(join(RELEASE, file)))
        .digest('hex');
      expect(sums.get(file), file).toBe(hash);
    }
  });
});

describe.each([
  { file: 'happytube-win-x64.exe', format: 'PE' },
  { file: 'happytube-linux-x64', format: 'ELF' },
])('$file', ({ file, format }) => {
  it(`is a 64-bit x86 ${format} program`, async () => {
    const bytes = await readFile(join(RELEASE, file));
    if (format === 'PE') {
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('MZ');
      const pe = bytes.readUInt32LE(0x3c);
      expect(bytes.subarray(pe, pe + 4).toString('latin1')).toBe('PE\0\0');
      expect(bytes.readUInt16LE(pe + 4)).toBe(0x8664); // IMAGE_FILE_MACHINE_AMD64
    } else {
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
      expect(bytes[4]).toBe(2); // ELFCLASS64
      expect(bytes.readUInt16LE(18)).toBe(62); // EM_X86_64
    }
  });

  it("carries the SEA blob, postject's fuse flipped: Node starts the program inside it", async () => {
    const bytes = await readFile(join(RELEASE, file));
    expect(bytes.includes(`${SEA_FUSE}:1`)).toBe(true);
    expect(bytes.includes(`${SEA_FUSE}:0`)).toBe(false);
    // PE resources are named in UTF-16; on Linux the blob is a note named in ASCII.
    expect(bytes.includes(Buffer.from(SEA_RESOURCE, format === 'PE' ? 'utf16le' : 'latin1'))).toBe(true);
    // The bundle (its first line) and the list of assets (templates/, examples/) are in the blob.
    expect(bytes.includes("var __happytubeUrl = require('node:url')")).toBe(true);
    expect(bytes.includes(await expectedManifest())).toBe(true);
  });
});

describe('happytube-win-x64.exe', () => {
  it('is unsigned: the Node.js project\'s signature, which no longer matches, was taken off', async () => {
    const bytes = await readFile(join(RELEASE, 'happytube-win-x64.exe'));
    const optional = bytes.readUInt32LE(0x3c) + 24;
    expect(bytes.readUInt16LE(optional)).toBe(0x20b); // PE32+
    const security = optional + 112 + 4 * 8; // IMAGE_DIRECTORY_ENTRY_SECURITY
    expect([bytes.readUInt32LE(security), bytes.readUInt32LE(security + 4)]).toEqual([0, 0]);
  });
});

describe(TARBALL, () => {
  it('ships the bundle, bin/, templates/ and examples/: no tests, no sources, no dev files', async () => {
    const { stdout } = await promisify(execFile)('tar', ['-tzf', join(RELEASE, TARBALL)], { maxBuffer: 16 * 1024 * 1024 });
    const paths = stdout.trim().split('\n').map((p) => p.replace(/^package\//, ''));
    expect(paths).toContain('dist/main.js');
    expect(paths).toContain('bin/happytube.js');
    expect(paths).toContain('bin/entry.js');
    expect(paths).toContain('templates/happytube.yaml');
    expect(paths).toContain('examples/happy-school/happytube.yaml');
    const top = new Set(paths.map((p) => (p.includes('/') ? `${p.split('/')[0]!}/` : p)));
    expect([...top].sort()).toEqual(['README.md', 'README.vi.md', 'bin/', 'dist/', 'examples/', 'package.json', 'templates/']);
  });
});

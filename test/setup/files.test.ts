/** The small file work of setup: a dragged-in path, and the channel guard written into happytube.yaml. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChannelGuard, writeChannelGuard } from '../../src/library/channel-guard.ts';
import { unquotePath } from '../../src/youtube/auth/client-file.ts';

describe('a path dragged into the terminal', () => {
  it.each([
    ["'/home/co giao/Tải về/client_secret.json'", '/home/co giao/Tải về/client_secret.json'], // Linux terminals
    ['/Users/co\\ giao/Downloads/client_secret.json ', '/Users/co giao/Downloads/client_secret.json'], // macOS Terminal
    ['"C:\\Users\\Cô giáo\\Downloads\\client_secret.json"', 'C:\\Users\\Cô giáo\\Downloads\\client_secret.json'], // Windows, with spaces
    ['C:\\Users\\CoGiao\\Downloads\\client_secret.json', 'C:\\Users\\CoGiao\\Downloads\\client_secret.json'], // Windows, backslashes kept
  ])('%s', (typed, path) => {
    expect(unquotePath(typed)).toBe(path);
  });
});

describe('the channel guard in happytube.yaml', () => {
  const id = 'UCabcdefghijklmnopqrstuv';

  async function file(text: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'happytube-guard-'));
    await writeFile(join(dir, 'happytube.yaml'), text);
    return dir;
  }

  it('is added at the end with its comment; the rest of the file is unchanged to the byte', async () => {
    const text = 'language: vi   # tiếng Việt\nschool:\n  name: "Trường"     # tên\n# channel:\n#   id: "UC…"\nplaylists: []'; // no final newline
    const dir = await file(text);
    await writeChannelGuard(dir, id, 'Kênh "Trường": chỉ kênh này');
    const after = await readFile(join(dir, 'happytube.yaml'), 'utf8');
    expect(after).toBe(`${text}\n\n# Kênh "Trường": chỉ kênh này\nchannel:\n  id: "${id}"\n`);
    expect(await readChannelGuard(dir)).toBe(id);
  });

  it('replaces the id in place, in a flow map too', async () => {
    const text = 'language: vi\nchannel: { id: "UC0000000000000000000000" }   # the school\nplaylists: []\n';
    const dir = await file(text);
    await writeChannelGuard(dir, id, 'unused');
    expect(await readFile(join(dir, 'happytube.yaml'), 'utf8')).toBe(text.replace('UC0000000000000000000000', id));
  });

  it('leaves a file with a YAML mistake alone (exit 2)', async () => {
    const dir = await file('language: vi\nschool: { name: "x"\n');
    await expect(writeChannelGuard(dir, id, 'x')).rejects.toMatchObject({ exitCode: 2 });
    expect(await readFile(join(dir, 'happytube.yaml'), 'utf8')).toBe('language: vi\nschool: { name: "x"\n');
  });
});

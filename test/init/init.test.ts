import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fillConfig, INIT_DEFAULTS, SKELETON_DIR } from '../../src/init/index.ts';
import { runMain, startMain } from '../helpers/cli.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'happytube-init-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Every file under dir with its content, for before/after comparisons. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

interface Config {
  language: string;
  school: { name: string };
  defaults: { privacy: string; madeForKids: boolean; template: string };
  playlists: { key: string; folder: string; title: string; description: string }[];
  report: { departmentEmail: string };
}

describe('happytube init', () => {
  it('writes a ready library with --yes and --school', async () => {
    const dir = join(tmp, 'new', 'nested', 'lib');
    const r = await runMain(['init', dir, '--yes', '--school', 'Trường Tiểu học "Hoa Sen": cơ sở 2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = (await readdir(dir, { recursive: true })).map((f) => f.split('\\').join('/')).sort();
    expect(files).toEqual(
      expect.arrayContaining(['happytube.yaml', 'templates/default.yaml', '.env.example', '.gitignore', '01-muc-dich/README.txt', '04-mo-hinh-hay/README.txt']),
    );
    const text = await readFile(join(dir, 'happytube.yaml'), 'utf8');
    const config = parse(text) as Config;
    expect(config.school.name).toBe('Trường Tiểu học "Hoa Sen": cơ sở 2');
    expect(config.defaults.madeForKids).toBe(false);
    expect(text).toMatch(/^ {2}madeForKids: false$/m);
    expect(config.defaults.privacy).toBe('unlisted');
    expect(config.language).toBe('vi');
    expect(config.report.departmentEmail).toBe('truonghochhanhphuctphcm@gmail.com');
    expect(config.playlists.map((p) => p.folder)).toEqual(['01-muc-dich', '02-bo-tieu-chi', '03-qua-trinh-ket-qua', '04-mo-hinh-hay']);
    expect(config.playlists.map((p) => p.key)).toEqual(['muc-dich', 'bo-tieu-chi', 'qua-trinh-ket-qua', 'mo-hinh-hay']);
    for (const p of config.playlists) {
      expect(p.title).toMatch(/[ạ-ỹà-ýđ]/);
      expect(p.description.length).toBeGreaterThan(40);
      expect((await stat(join(dir, p.folder))).isDirectory()).toBe(true);
    }
    // The comments of the skeleton are kept.
    expect(text).toContain('# schedule:');
    expect(text).toContain('# Khai báo bắt buộc với YouTube');
    const gitignore = (await readFile(join(dir, '.gitignore'), 'utf8')).split('\n');
    expect(gitignore).toEqual(expect.arrayContaining(['.env', '.happytube/']));
    const env = await readFile(join(dir, '.env.example'), 'utf8');
    expect(env).toMatch(/^HAPPYTUBE_CLIENT_ID=$/m);
    expect(env).toMatch(/^HAPPYTUBE_CLIENT_SECRET=$/m);
    const template = parse(await readFile(join(dir, 'templates/default.yaml'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(template).sort()).toEqual(['description', 'tags', 'title']);
    // What was created, and the next steps.
    expect(r.stdout).toContain('happytube.yaml');
    expect(r.stdout).toContain('happytube auth login');
    expect(r.stdout).toContain('happytube check');
    expect(r.stdout).toContain('happytube sync --dry-run');
  });

  it('never overwrites an existing library', async () => {
    const dir = join(tmp, 'twice');
    expect((await runMain(['init', dir, '--yes'])).code).toBe(0);
    const config = join(dir, 'happytube.yaml');
    await writeFile(config, `${await readFile(config, 'utf8')}\n# edited by the school\n`);
    const before = await snapshot(dir);
    const r = await runMain(['init', dir, '--yes', '--school', 'Another school']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(config);
    expect(r.stderr).toContain('never overwrites');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('keeps files that are already in the folder and fills in the rest', async () => {
    const dir = join(tmp, 'existing');
    await mkdir(join(dir, '01-muc-dich'), { recursive: true });
    await writeFile(join(dir, '.gitignore'), 'node_modules/\n');
    const r = await runMain(['init', dir, '--yes', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n');
    expect(r.stdout).toContain('.gitignore (already there, kept)');
    expect(parse(await readFile(join(dir, 'happytube.yaml'), 'utf8'))).toMatchObject({ school: { name: INIT_DEFAULTS.school } });
  });

  it('refuses a DIR that is a file', async () => {
    const file = join(tmp, 'a-file');
    await writeFile(file, 'x');
    const r = await runMain(['init', file, '--yes', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} is a file`);
  });

  it('fails at once without a terminal and without --yes, saying what to pass', async () => {
    const dir = join(tmp, 'no-tty');
    // Its stdin stays open and silent: a run that waited for an answer would never end.
    const run = startMain(['init', dir, '--school', 'X', '--lang', 'en'], { timeoutMs: 10_000 });
    const r = await run.result;
    run.stdin.end();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(r.stderr).toContain('--school');
    await expect(stat(dir)).rejects.toThrow(/ENOENT/);
  });

  it('speaks the language of --lang and writes it into the library', async () => {
    const en = await runMain(['init', join(tmp, 'en'), '--yes', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Created the library in');
    expect(en.stdout).toContain('Next steps:');
    expect((parse(await readFile(join(tmp, 'en', 'happytube.yaml'), 'utf8')) as Config).language).toBe('en');
    const vi = await runMain(['init', join(tmp, 'vi'), '--yes', '--lang', 'vi']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Đã tạo thư viện trong');
    expect(vi.stdout).toContain('Bước tiếp theo:');
    const refused = await runMain(['init', join(tmp, 'vi'), '--yes', '--lang', 'vi']);
    expect(refused.stderr).toContain('không bao giờ ghi đè');
    const noTty = await runMain(['init', join(tmp, 'vi2'), '--lang', 'vi']);
    expect(noTty.stderr).toContain('Thêm --yes');
  });
});

describe('the skeleton happytube.yaml', () => {
  it('takes the answers and changes nothing else, byte for byte', async () => {
    const text = await readFile(join(SKELETON_DIR, 'happytube.yaml'), 'utf8');
    const filled = fillConfig(text, { school: 'A "quoted": name # not a comment', language: 'en', privacy: 'private', madeForKids: true, notifySubscribers: false });
    const config = parse(filled) as Config;
    expect(config.school.name).toBe('A "quoted": name # not a comment');
    expect(config).toMatchObject({ language: 'en', defaults: { privacy: 'private', madeForKids: true, notifySubscribers: false } });
    const before = text.split('\n');
    const after = filled.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [after[i]!.trim()]));
    expect(changed).toEqual([
      'language: en',
      'name: "A \\"quoted\\": name # not a comment"',
      'privacy: private          # public (công khai) | unlisted (không công khai) | private (riêng tư)',
      'madeForKids: true',
      'notifySubscribers: false',
    ]);
    expect(fillConfig(text, { ...INIT_DEFAULTS })).toBe(text);
  });
});

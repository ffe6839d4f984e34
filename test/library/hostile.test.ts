/**
 * Hostile and broken libraries, as a copied USB stick or a downloaded zip may hold them: alias
 * bombs, huge files, runaway templates, pipes, folders and links where files should be, paths
 * out of the library, old encodings, control characters. Each runs the real CLI as a child with a
 * small heap (200 MB) and must end with exit 2 naming the file; a hang is killed by the runner
 * and fails, as does running out of memory. The big and hostile inputs are made here, at run time.
 * What needs no small heap (sync and upload refusing a library, `check --json` of a small one)
 * runs in-process (runMain).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runMain, runNode } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { terminal } from '../helpers/terminal.ts';
import type { RunOptions, RunResult } from '../helpers/cli.ts';
import { CONFIG, TEMPLATE, fixture, makeLibrary, removeLibrary } from './helpers.ts';
import type { Files } from './helpers.ts';

const C = '01-muc-dich/2024-11-20 Hội thi bé khỏe';
const SIDECAR = `${C}.yaml`;
const emulator = useEmulator();
const roots: string[] = [];
afterAll(() => roots.forEach(removeLibrary));

function library(files: Files = {}): string {
  const root = makeLibrary(files);
  roots.push(root);
  return root;
}

/** `happytube check` in a child with a 200 MB heap; killed (code null) if it runs 30 s. */
function check(root: string, lang: 'en' | 'vi' = 'en', as: RunOptions = {}): Promise<RunResult> {
  return runNode(['--max-old-space-size=200', BIN, '--lang', lang, 'check', root], { timeoutMs: 30_000, ...as });
}

/** A YAML alias bomb: nine levels of nine aliases each, a billion strings once expanded. */
function aliasBomb(): string {
  const lines = ['a0: &a0 ["lol"]'];
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

const mkfifo = (path: string): void => void execFileSync('mkfifo', [path]);
const posix = process.platform !== 'win32';
const root = typeof process.getuid === 'function' && process.getuid() === 0;
/**
 * Root reads a mode-000 file anyway: as root (this machine, CI) the CLI runs under `setpriv`
 * without the two capabilities that let root pass file permissions (util-linux, on every Debian).
 * It stays root, so wherever the repository is cloned it can still run it.
 */
const AS_PLAIN_USER: RunOptions = root ? { wrapper: ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--'] } : {};

/** Exit 2, and the report (stdout + stderr) says `what` about `file` with a fix. */
function expectRefused(r: RunResult, file: string, what: RegExp): string {
  const out = `${r.stdout}\n${r.stderr}`;
  expect(r.code, out).toBe(2);
  expect(out).toContain(file);
  expect(out).toMatch(what);
  expect(out).toMatch(/Fix:|Cách sửa:/);
  return out;
}

describe('YAML that would exhaust memory', () => {
  it('an alias bomb in happytube.yaml is a library error naming the file', async () => {
    const r = await check(library({ 'happytube.yaml': `${CONFIG}${aliasBomb().replace(/^a/gm, 'x-a')}` }));
    expectRefused(r, 'happytube.yaml', /too many YAML aliases/);
  });

  it('an alias bomb in a sidecar is an error of that sidecar', async () => {
    const r = await check(library({ [SIDECAR]: `vars:\n${aliasBomb().replace(/^/gm, '  ').trimEnd()}\n` }));
    expectRefused(r, SIDECAR, /too many YAML aliases/);
  });

  it('a 48 MB happytube.yaml is refused as too big, without parsing it', async () => {
    const r = await check(library({ 'happytube.yaml': `${CONFIG}# ${'x'.repeat(48 * 1024 * 1024)}\n` }));
    expectRefused(r, 'happytube.yaml', /is too big \(48\.0 MB\)/);
  });

  it('a 2 MB sidecar and a 2 MB template are refused as too big', async () => {
    const big = `description: "${'Bé khỏe '.repeat(250_000)}"\n`;
    const r = await check(library({ [SIDECAR]: big, 'templates/default.yaml': `${TEMPLATE}# ${'x'.repeat(2 * 1024 * 1024)}\n` }));
    const out = expectRefused(r, SIDECAR, /is too big/);
    expect(out).toContain('templates/default.yaml is too big');
  });
});

describe('runaway templates', () => {
  const template = (title: string): Files => ({ 'templates/default.yaml': TEMPLATE.replace('"{{ title }} | {{ school.name }}"', `"${title}"`) });

  it.each([
    ['a hundred million turns', '{% for i in (1..100000000) %}x{% endfor %}'],
    ['nested loops', '{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}'],
    ['60 MB of output', `{% for i in (1..999999) %}${'x'.repeat(60)}{% endfor %}`],
    ['a string doubled until it is huge', `{% assign s = 'xxxxxxxxxx' %}${'{% assign s = s | append: s %}'.repeat(40)}{{ s | size }}`],
  ])('%s: stopped, naming the template', async (_name, title) => {
    const r = await check(library({ ...template(title), '01-muc-dich/2024-11-21 Bé vẽ tranh.mp4': fixture('tiny.mp4') }));
    const out = expectRefused(r, 'templates/default.yaml', /The template "templates\/default\.yaml" was stopped: it does far too much work/);
    expect(out).toContain('Shorten the {% for %} loops');
  });
});

describe.skipIf(!posix)('special files where the library expects a file', () => {
  it('a pipe as happytube.yaml', async () => {
    const dir = library({ 'happytube.yaml': null });
    mkfifo(join(dir, 'happytube.yaml'));
    expectRefused(await check(dir), 'happytube.yaml', /is not an ordinary file \(it is a folder, a pipe or a device\)/);
  });

  it('a pipe as a sidecar, a template, a thumbnail and a caption', async () => {
    const dir = library({ 'templates/khac.yaml': null });
    mkfifo(join(dir, SIDECAR));
    mkfifo(join(dir, 'templates/khac.yaml'));
    mkfifo(join(dir, `${C}.jpg`));
    mkfifo(join(dir, `${C}.vi.srt`));
    const out = expectRefused(await check(dir), SIDECAR, /not an ordinary file/);
    for (const file of ['templates/khac.yaml', `${C}.jpg`, `${C}.vi.srt`]) expect(out).toContain(`${file} is not an ordinary file`);
  });

  it('a folder as a named thumbnail and as a named caption', async () => {
    const dir = library({ [SIDECAR]: 'thumbnail: anh\ncaptions:\n  vi: phu-de.srt\n' });
    mkdirSync(join(dir, '01-muc-dich/anh'));
    mkdirSync(join(dir, '01-muc-dich/phu-de.srt'));
    const out = expectRefused(await check(dir), SIDECAR, /line 1, thumbnail: anh is not an ordinary file/);
    expect(out).toContain('line 3, captions.vi: phu-de.srt is not an ordinary file');
  });

  it('an unreadable sidecar and happytube.yaml', async () => {
    const dir = library({ [SIDECAR]: 'title: "Hội thi"\n' });
    // Readable first: so the CLI works as it is run here, and what the chmod changes is all that is tested.
    const readable = await check(dir, 'en', AS_PLAIN_USER);
    expect(readable.code, `${readable.stdout}\n${readable.stderr}`).toBe(0);
    chmodSync(join(dir, SIDECAR), 0o000);
    expectRefused(await check(dir, 'en', AS_PLAIN_USER), SIDECAR, /cannot be read \(EACCES\)/);
    chmodSync(join(dir, 'happytube.yaml'), 0o000);
    expectRefused(await check(dir, 'en', AS_PLAIN_USER), 'happytube.yaml', /cannot be read \(EACCES\)/);
  });
});

describe('paths that leave the library', () => {
  const outside = mkdtempSync(join(tmpdir(), 'happytube-outside-'));
  afterAll(() => rmSync(outside, { recursive: true, force: true }));
  writeFileSync(join(outside, 'x.jpg'), fixture('thumb.jpg'));
  writeFileSync(join(outside, 'x.vi.srt'), '1\n00:00:00,000 --> 00:00:00,500\nChào\n');

  it('a sidecar thumbnail up and out, and an absolute caption path: refused naming the sidecar and key', async () => {
    // From 01-muc-dich in a temp library, ../../ is the temp folder, where `outside` is too.
    const dir = library({ [SIDECAR]: `thumbnail: ../../${basename(outside)}/x.jpg\ncaptions:\n  vi: ${JSON.stringify(join(outside, 'x.vi.srt'))}\n` });
    const out = expectRefused(await check(dir), SIDECAR, /is outside the library folder/);
    expect(out).toMatch(/line 1, thumbnail: .*x\.jpg is outside the library folder/);
    expect(out).toMatch(/line 3, captions\.vi: .*x\.vi\.srt is outside the library folder/);
  });

  it('nothing of such a library reaches YouTube: sync and upload stop with exit 2', async () => {
    const dir = library({ [SIDECAR]: `thumbnail: ${JSON.stringify(join(outside, 'x.jpg'))}\n` });
    const env = emulator.env();
    const sync = await runMain(['--lang', 'en', 'sync', dir], { env, timeoutMs: 30_000 });
    expect(sync.code, sync.stderr).toBe(2);
    expect(sync.stderr).toContain('x.jpg is outside the library folder');
    const upload = await runMain(['--lang', 'en', 'upload', join(dir, `${C}.mp4`)], { env, timeoutMs: 30_000 });
    expect(upload.code, upload.stderr).toBe(2);
    expect(upload.stderr).toContain('x.jpg is outside the library folder');
    expect((await emulator.admin.state()).videos).toEqual([]);
  });

  it.skipIf(!posix)('a thumbnail, caption or sidecar that is a link to a file outside', async () => {
    const dir = library();
    symlinkSync(join(outside, 'x.jpg'), join(dir, `${C}.jpg`));
    symlinkSync(join(outside, 'x.vi.srt'), join(dir, `${C}.vi.srt`));
    writeFileSync(join(outside, 'side.yaml'), 'title: "Ở ngoài"\n');
    symlinkSync(join(outside, 'side.yaml'), join(dir, SIDECAR));
    const out = expectRefused(await check(dir), `${C}.jpg`, /is outside the library folder/);
    expect(out).toContain(`${C}.vi.srt is outside the library folder`);
    expect(out).toContain(`${SIDECAR} is outside the library folder`);
  });
});

describe('text that is not UTF-8', () => {
  it('a Latin-1 sidecar: refused naming the file and line, saying to save it as UTF-8', async () => {
    const latin1 = Buffer.from('template: default\ntitle: "Tr\xf4ng \xe9t\xe9"\n', 'latin1');
    const out = expectRefused(await check(library({ [SIDECAR]: latin1 })), SIDECAR, /is not saved as UTF-8 \(a bad character on line 2\)/);
    expect(out).toContain('Save As with the encoding UTF-8');
    expect(out).toMatch(/line 2: /);
    const vi = expectRefused(await check(library({ [SIDECAR]: latin1 }), 'vi'), SIDECAR, /không được lưu bằng bảng mã UTF-8/);
    expect(vi).toContain('dòng 2');
  });

  it('a UTF-8 byte order mark is fine', async () => {
    const r = await check(library({ [SIDECAR]: `\uFEFFtitle: "Hội thi"\n` }));
    expect(r.code, r.stdout).toBe(0);
  });
});

describe('control characters', () => {
  it('in a title from a sidecar and in a file name: refused, and never printed raw', async () => {
    const dir = library({
      [SIDECAR]: 'title: "Hội thi\\e]0;pwned\\a\\e[2J"\ndescription: "Bé\\u0000 khỏe"\n',
      '01-muc-dich/2024-11-22 Bé\u001b[31m hát\u0007.mp4': fixture('tiny.mp4'),
    });
    const r = await check(dir);
    const out = expectRefused(r, SIDECAR, /"title" holds invisible control characters/);
    expect(out).toMatch(/line 2, description: .*"description" holds invisible control characters/);
    expect(out).toContain('2024-11-22 Bé\\x1b[31m hát\\x07.mp4');
    expect(out).toContain('Hội thi\\x1b]0;pwned\\x07\\x1b[2J');
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it.skipIf(!posix)("on a colour terminal too: only the CLI's own colours are raw", async () => {
    const dir = library({
      [SIDECAR]: 'title: "Hội thi\\e[2J"\n',
      '01-muc-dich/2024-11-22 Bé\u001b[8m ẩn.mp4': fixture('tiny.mp4'),
    });
    const screen = terminal(['--lang', 'en', 'check', dir], { NO_COLOR: undefined });
    expect(await screen.exit).toBe(2);
    const out = screen.output();
    expect(out).toContain('\u001b[1m'); // the CLI's bold: this is a colour terminal
    expect(out).toContain('2024-11-22 Bé\\x1b[8m ẩn.mp4');
    expect(out).toContain('Hội thi\\x1b[2J');
    expect(out).not.toContain('\u001b[8m');
    expect(out).not.toContain('\u001b[2J');
  });

  it('a right-to-left override in a description: a warning, shown escaped, in --json too', async () => {
    const dir = library({ [SIDECAR]: 'description: "ảnh \\u202Egpj.exe"\n' });
    const r = await check(dir);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('"description" holds invisible text-direction characters');
    expect(r.stdout).not.toContain('\u202e');
    const json = await runMain(['check', '--json', dir]);
    expect(json.stdout).not.toContain('\u202e');
    const parsed = JSON.parse(json.stdout) as { clips: { metadata: { description: string } }[] };
    expect(parsed.clips[0]!.metadata.description).toContain('ảnh \u202egpj.exe');
  });
});

describe('addresses in happytube.yaml', () => {
  it.each([
    ['report.departmentEmail', `${CONFIG}report:\n  departmentEmail: "phong-gd@example.vn\\nBcc: all@example.vn"\n`, 20],
    ['report.departmentEmail', `${CONFIG}report:\n  departmentEmail: "Phòng GD <phong gd@example>"\n`, 20],
    ['school.website', CONFIG.replace('https://thienduc.example', 'javascript:alert(1)'), 4],
  ])('%s must be a valid address (%#)', async (field, config, line) => {
    const out = expectRefused(await check(library({ 'happytube.yaml': config })), 'happytube.yaml', new RegExp(`line ${line}, ${field.replace('.', '\\.')}: "${field.replace('.', '\\.')}" is not an? (email|http\\(s\\) web) address`));
    expect(out).not.toContain('\nBcc:');
  });

  it('a plain address passes', async () => {
    const r = await check(library({ 'happytube.yaml': `${CONFIG}report:\n  departmentEmail: "phong-gd@thienduc.edu.vn"\n` }));
    expect(r.code, r.stdout).toBe(0);
  });
});

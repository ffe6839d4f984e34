/**
 * What a Vietnamese reader sees, command by command: every `--help`, the common usage errors, and
 * demo, check, sync --dry-run, status, report and the sign-in errors — with no English sentence and
 * no raw internal value (test/helpers/english.ts says what counts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProgram } from '../../src/cli/program.ts';
import { Ui } from '../../src/cli/ui.ts';
import { runMain } from '../helpers/cli.ts';
import type { RunResult } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { englishIn, foreignLines, rawValuesIn } from '../helpers/english.ts';
import { exampleCopy } from '../sync/helpers.ts';

const emulator = useEmulator();
let config: string;
let library: Awaited<ReturnType<typeof exampleCopy>>;

beforeAll(async () => {
  config = await mkdtemp(join(tmpdir(), 'happytube-vi-config-'));
  library = await exampleCopy();
});
afterAll(async () => {
  await rm(config, { recursive: true, force: true });
  await library.remove();
});

/** The CLI in Vietnamese (as staff with HAPPYTUBE_LANG=vi see it), signed out unless `env` signs in. */
function vi(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return runMain(['--lang', 'vi', ...args], { env: { HAPPYTUBE_CONFIG_DIR: config, ...env }, cwd: library.dir });
}

function expectVietnamese(result: RunResult): void {
  const output = `${result.stdout}\n${result.stderr}`;
  expect(output.normalize('NFC')).toBe(output);
  expect(foreignLines(output)).toEqual([]);
}

/** Every command path of the program: [], ['init'], ['auth'], ['auth', 'login'], … */
function commandPaths(): string[][] {
  const stream = new PassThrough();
  const ui = new Ui({ stdout: stream, stderr: stream }, { color: false, verbose: false, quiet: false });
  const program = makeProgram({ ui, env: {}, cwd: process.cwd(), signal: new AbortController().signal, run: () => Promise.resolve(0) });
  const paths: string[][] = [[]];
  const walk = (command: typeof program, path: string[]): void => {
    for (const sub of command.commands) {
      paths.push([...path, sub.name()]);
      walk(sub, [...path, sub.name()]);
    }
  };
  walk(program, []);
  return paths;
}

describe('the detector', () => {
  it("flags commander's English and raw values, and lets Vietnamese through", () => {
    expect(englishIn("error: required option '--format <format>' not specified")).not.toEqual([]);
    expect(englishIn('  --fault <spec>  gây lỗi có chủ ý, lặp lại được: uploads-exhausted (default: [])')).not.toEqual([]);
    expect(englishIn('Lỗi: Ngôn ngữ "fr" is not supported; use vi or en.')).not.toEqual([]);
    expect(englishIn('Dùng thật: xem README.md, mục “One-time setup: Google Cloud”.')).not.toEqual([]);
    expect(englishIn('6 video trong 4 danh sách phát · chờ YouTube xác nhận · in kết quả dạng JSON')).toEqual([]);
    expect(englishIn('Chạy “happytube sync --dry-run” để xem trước; đường dẫn: C:\\Users\\Lan\\Videos\\kenh-truong')).toEqual([]);
    expect(rawValuesIn('cấp lại lúc 2025-01-06T12:00:00.000Z')).not.toEqual([]);
    expect(rawValuesIn('YouTube từ chối ảnh thu nhỏ (403)')).not.toEqual([]);
    expect(rawValuesIn('đã được gán cho playlists[0]')).not.toEqual([]);
    expect(rawValuesIn('Sẽ dùng 1.050 đơn vị hạn mức (miễn phí)')).toEqual([]);
  });
});

describe('Vietnamese help', () => {
  it('every command prints its help with no English sentence', async () => {
    const paths = commandPaths();
    expect(paths).toContainEqual(['auth', 'login']);
    for (const path of paths) {
      const result = await vi([...path, '--help']);
      expect(result.code, path.join(' ')).toBe(0);
      expect(foreignLines(result.stdout), path.join(' ')).toEqual([]);
    }
  });
});

describe('Vietnamese usage errors', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown command', ['chek'], /không có lệnh “chek”. Có phải bạn muốn gõ “check”\?/],
    ['an unknown option', ['sync', '--dry-rn'], /không có tùy chọn “--dry-rn”. Có phải bạn muốn gõ “--dry-run”\?/],
    ['a missing required option', ['report'], /thiếu tùy chọn bắt buộc “--format <ĐỊNH_DẠNG>”/],
    ['a value outside the choices', ['report', '--format', 'pdf'], /“pdf” không dùng được cho “--format <ĐỊNH_DẠNG>”; chọn một trong: “csv”/],
    ['a missing argument', ['upload'], /còn thiếu TỆP/],
    ['an option without its value', ['sync', '--limit-rate'], /tùy chọn “--limit-rate <TỐC_ĐỘ>” cần có giá trị/],
    ['too many arguments', ['check', 'Video', 'trường'], /lệnh “check” chỉ nhận 1 giá trị, nhưng đã gõ: Video, trường/],
    ['a rate that is no rate', ['sync', '--limit-rate', 'nhanh'], /Tốc độ “nhanh” không dùng được/],
  ];
  for (const [what, args, expected] of cases) {
    it(`${what}: exit 2, said in Vietnamese`, async () => {
      const result = await vi(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(expected);
      expectVietnamese(result);
    });
  }

  it('a language happytube does not have, asked while the environment chose Vietnamese', async () => {
    const result = await runMain(['--lang', 'fr', 'check'], { env: { HAPPYTUBE_LANG: 'vi' }, cwd: library.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Ngôn ngữ “fr” chưa có');
    expectVietnamese(result);
  });

  it("commander's own words come only with --verbose", async () => {
    const plain = await vi(['report', '--format', 'pdf']);
    expect(plain.stderr).not.toContain('Allowed choices');
    const verbose = await vi(['--verbose', 'chek']);
    expect(verbose.stderr).toContain('không có lệnh “chek”');
  });
});

describe('Vietnamese output of the everyday commands', () => {
  it('check, sync --dry-run, status and report', async () => {
    const check = await vi(['check']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('Chế độ hiển thị: Không công khai · Lên lịch: không');
    expectVietnamese(check);

    const dryRun = await vi(['sync', '--dry-run'], emulator.env());
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/Sẽ dùng 1\.\d{3} đơn vị hạn mức và 6 lượt tải lên \(miễn phí; hôm nay còn \d\.\d{3} đơn vị, 100 lượt\)/);
    expect(dryRun.stderr).toContain('bản xem trước');
    expectVietnamese(dryRun);

    const status = await vi(['status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/đã dùng 0\/10\.000 đơn vị, 0\/100 lượt tải lên; được làm mới lúc (?:14|15):00 ngày \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\)/);
    expectVietnamese(status);

    const report = await vi(['report', '--format', 'md'], emulator.env());
    expect(report.code).toBe(0);
    expectVietnamese(report);
  });

  it('the sign-in errors', async () => {
    const notSignedIn = await vi(['auth', 'status'], { HAPPYTUBE_CLIENT_ID: 'x.apps.googleusercontent.com', HAPPYTUBE_CLIENT_SECRET: 's' });
    expect(notSignedIn.code).toBe(4);
    expect(notSignedIn.stderr).toContain('Chưa đăng nhập YouTube');
    expect(notSignedIn.stderr).not.toContain('HAPPYTUBE_REFRESH_TOKEN');
    expectVietnamese(notSignedIn);

    const noClient = await vi(['auth', 'login', '--no-browser']);
    expect(noClient.code).toBe(2);
    expect(noClient.stderr).toContain('mục “Cài đặt một lần: Google Cloud” trong README.vi.md');
    expectVietnamese(noClient);
  });

  it('demo', async () => {
    const demoTmp = await mkdtemp(join(tmpdir(), 'happytube-vi-demo-'));
    try {
      const result = await runMain(['--lang', 'vi', 'demo'], { env: { TMPDIR: demoTmp, HAPPYTUBE_CONFIG_DIR: config } });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/hạn mức đã dùng: 1\.\d{3} đơn vị/);
      expect(result.stdout).toMatch(/Chạy thử xong trong \d+,\d giây/);
      expectVietnamese(result);
    } finally {
      await rm(demoTmp, { recursive: true, force: true });
    }
  });
});

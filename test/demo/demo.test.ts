/**
 * `happytube demo` as a user runs it: a child process with its own TMPDIR (so os.tmpdir() is a
 * folder this test watches alone) and an empty HAPPYTUBE_CONFIG_DIR standing for the user's real
 * sign-in, which must stay untouched. So it stays a child process (runCli): os.tmpdir() is the
 * process's own. How long it takes is measured by `npm run bench -- --only=demo`, not here.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const made: string[] = [];

afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function runDemo(args: string[]) {
  const tmp = await mkdtemp(join(tmpdir(), 'happytube-demo-test-'));
  const userConfig = await mkdtemp(join(tmpdir(), 'happytube-demo-config-'));
  made.push(tmp, userConfig);
  const res = await runCli(['demo', ...args], { env: { TMPDIR: tmp, HAPPYTUBE_CONFIG_DIR: userConfig }, timeoutMs: 60_000 });
  const left = (await readdir(tmp)).filter((name) => name.startsWith('happytube'));
  return { res, tmp, left, userConfig: await readdir(userConfig) };
}

describe('happytube demo', () => {
  it('syncs the example library to an in-process emulator, prints the status and keeps only the HTML report', async () => {
    const { res, tmp, left, userConfig } = await runDemo([]);
    expect(res.stderr).not.toMatch(/Lỗi:|Error:/);
    expect(res.code).toBe(0);
    const report = join(tmp, 'happytube-demo-report.html');
    // the library's language (vi): the steps, the summary, the status
    expect(res.stdout).toContain('Đã đăng nhập');
    expect(res.stdout).toContain('đã tải lên: 6');
    expect(res.stdout).toMatch(/Vườn rau của bé \| Trường Mầm non Thiên Đức {2}https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}/);
    expect(res.stdout).toContain(report);
    // the progress of the sync, on stderr
    expect(res.stderr).toContain('Hội thi bé khỏe.mp4');
    const html = await readFile(report, 'utf8');
    for (const clip of ['Khai giảng năm học mới', 'Giới thiệu Bộ tiêu chí Trường học hạnh phúc', 'Hội thi bé khỏe', 'Ngày hội gia đình', 'Góc đọc sách của bé', 'Vườn rau của bé']) {
      expect(html).toContain(clip);
    }
    expect(html.match(/href="https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}"/g)?.length).toBeGreaterThanOrEqual(6);
    // nothing else left behind, and the user's own sign-in folder untouched
    expect(left).toEqual(['happytube-demo-report.html']);
    expect(userConfig).toEqual([]);
  });

  it('speaks English with --lang en', async () => {
    const { res, left } = await runDemo(['--lang', 'en']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Signed in');
    expect(res.stdout).toContain('uploaded: 6');
    expect(res.stdout).toContain('The HTML report for the school portal');
    expect(left).toEqual(['happytube-demo-report.html']);
  });
});

/**
 * The computer is kept awake while a sync or an upload sends a video, and let sleep again after;
 * without the tool the sync goes on. On Linux the tool is systemd-inhibit: this machine's own refuses (no logind),
 * so a stand-in on PATH records how it was started and whether it was stopped.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { keepAwakeCommand } from '../../src/util/keep-awake.ts';
import { runMain } from '../helpers/cli.ts';
import type { RunResult } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { sync, useExampleLibrary } from './helpers.ts';

describe('the command that keeps the computer awake while happytube (pid 4242) runs', () => {
  it('is systemd-inhibit on Linux, blocking sleep and idle for as long as the process lives', () => {
    const argv = keepAwakeCommand('linux', 4242)!;
    expect(argv.slice(0, 2)).toEqual(['systemd-inhibit', '--what=sleep:idle']);
    expect(argv).toContain('--mode=block');
    expect(argv.at(-1)).toBe('while kill -0 4242 2>/dev/null; do sleep 5; done');
  });

  it('is caffeinate on macOS, waiting for the process', () => {
    expect(keepAwakeCommand('darwin', 4242)).toEqual(['caffeinate', '-i', '-w', '4242']);
  });

  it('is a PowerShell power request on Windows (ES_CONTINUOUS | ES_SYSTEM_REQUIRED), held until the process ends', () => {
    const argv = keepAwakeCommand('win32', 4242)!;
    expect(argv[0]).toBe('powershell.exe');
    expect(argv.at(-1)).toContain('SetThreadExecutionState([uint32]2147483649)');
    expect(argv.at(-1)).toContain('Wait-Process -Id 4242');
  });

  it('is none elsewhere', () => {
    expect(keepAwakeCommand('aix', 4242)).toBeUndefined();
  });
});

const emulator = useEmulator();
const library = useExampleLibrary();

/**
 * Runs `command` with a stand-in systemd-inhibit first on PATH; gives the lines it logged once it
 * was released (or after 20 s), and makes sure it is gone.
 */
async function withStandInInhibit(command: (env: Record<string, string>) => Promise<RunResult>): Promise<{ run: RunResult; lines: string[] }> {
  const bin = await mkdtemp(join(tmpdir(), 'happytube-bin-'));
  const log = join(bin, 'inhibit.log');
  try {
    await writeFile(
      join(bin, 'systemd-inhibit'),
      ['#!/bin/sh', `echo "started $$ $*" >> '${log}'`, `trap 'echo released >> "${log}"; exit 0' TERM`, 'while :; do sleep 0.1; done', ''].join('\n'),
    );
    await chmod(join(bin, 'systemd-inhibit'), 0o755);
    const run = await command({ PATH: `${bin}:${process.env.PATH ?? ''}` });
    let text = '';
    for (let i = 0; i < 200 && !text.includes('released'); i++) {
      text = await readFile(log, 'utf8').catch(() => '');
      if (!text.includes('released')) await sleep(100);
    }
    return { run, lines: text.trim().split('\n') };
  } finally {
    const started = /^started (\d+)/.exec(await readFile(log, 'utf8').catch(() => ''));
    if (started) {
      try {
        process.kill(Number(started[1]));
      } catch {
        // already gone, as it should be
      }
    }
    await rm(bin, { recursive: true, force: true });
  }
}

const HELD = /^started \d+ --what=sleep:idle --who=happytube --why=.+ --mode=block sh -c while kill -0 \d+/;

describe.runIf(process.platform === 'linux')('sync and upload on Linux', () => {
  it('sync holds systemd-inhibit while it uploads and stops it after', async () => {
    const { run, lines } = await withStandInInhibit((env) => sync(emulator, library.dir, [], 60_000, env));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/uploaded: 6/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(HELD);
    expect(lines[1]).toBe('released');
  });

  it('upload holds it too', async () => {
    const clip = join(library.dir, '01-muc-dich', '2024-09-05 Khai giảng năm học mới.mp4');
    const { run, lines } = await withStandInInhibit((env) =>
      runMain(['upload', clip], { cwd: library.dir, env: { ...emulator.env(), HAPPYTUBE_LANG: 'en', ...env } }),
    );
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(HELD);
    expect(lines[1]).toBe('released');
  });

  it('goes on without it when the tool is missing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'happytube-bin-'));
    try {
      const run = await sync(emulator, library.dir, [], 60_000, { PATH: empty });
      expect(run.stderr).not.toMatch(/Error/);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/uploaded: 6/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

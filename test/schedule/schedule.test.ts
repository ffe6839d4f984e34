/**
 * `happytube schedule`: the task each system gets (--dry-run, the scheduler chosen by
 * HAPPYTUBE_TEST_SCHEDULER), a real install and removal on this Linux machine (a user systemd if
 * it has one, else crontab), and the log of a scheduled run that `status` reads back. What makes
 * a task runs the CLI as a child process (runCli): the task names the entry file that is running
 * (bin/happytube.js), and its paths start from the process's home folder. The rest is in-process
 * (runMain), `status` and `remove` of the real install among it (they name no entry file).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, runMain } from '../helpers/cli.ts';
import type { RunOptions } from '../helpers/cli.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { useExampleLibrary } from '../sync/helpers.ts';

const emulator = useEmulator();
const library = useExampleLibrary();

async function tempHome<T>(fn: (home: string) => Promise<T>): Promise<T> {
  const home = await mkdtemp(join(tmpdir(), 'happytube-home-'));
  try {
    return await fn(home);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

function dryRun(scheduler: string, home: string, extra: string[] = [], env: RunOptions['env'] = {}): ReturnType<typeof runCli> {
  return runCli(['schedule', 'install', library.dir, '--at', '07:30', '--dry-run', ...extra], {
    env: { HAPPYTUBE_LANG: 'en', HAPPYTUBE_TEST_SCHEDULER: scheduler, HOME: home, XDG_CONFIG_HOME: undefined, ...env },
  });
}

/** The daily command: this very happytube (Node and its script), then `sync DIR --yes --scheduled`. */
const daily = (dir: string): string[] => [process.execPath, BIN, 'sync', dir, '--yes', '--scheduled'];

describe('schedule install --dry-run', () => {
  it('prints a Task Scheduler task for Windows: the XML and the schtasks command', async () => {
    await tempHome(async (home) => {
      const run = await dryRun('windows', home, ['--profile', 'school2'], { HAPPYTUBE_CONFIG_DIR: join(home, 'cfg') });
      expect(run.stderr).toContain('Nothing was installed');
      expect(run.code).toBe(0);
      const out = run.stdout;
      expect(out).toContain('<?xml version="1.0" encoding="UTF-16"?>');
      expect(out).toContain('<StartBoundary>2026-01-01T07:30:00</StartBoundary>');
      expect(out).toMatch(/<ScheduleByDay>\s*<DaysInterval>1<\/DaysInterval>/);
      expect(out).toContain('<LogonType>InteractiveToken</LogonType>');
      expect(out).toContain('<RunLevel>LeastPrivilege</RunLevel>');
      expect(out).toContain('<StartWhenAvailable>true</StartWhenAvailable>');
      // HAPPYTUBE_CONFIG_DIR is set by cmd.exe before the command; the profile is an option.
      expect(out).toContain('<Command>cmd.exe</Command>');
      const line = [...daily(library.dir), '--profile', 'school2'].join(' ');
      expect(out).toContain(`<Arguments>/d /s /c &quot;set &quot;HAPPYTUBE_CONFIG_DIR=${join(home, 'cfg')}&quot; &amp;&amp; ${line}&quot;</Arguments>`);
      expect(out).toMatch(/schtasks \/Create \/TN happytube-sync-[0-9a-f]{10} \/XML \S+schedule-task\.xml \/F/);
      expect(existsSync(join(library.dir, '.happytube', 'schedule-task.xml'))).toBe(false);
    });
  });

  it('prints a launchd agent for macOS: the plist in ~/Library/LaunchAgents and launchctl bootstrap', async () => {
    await tempHome(async (home) => {
      const run = await dryRun('launchd', home);
      expect(run.code).toBe(0);
      const out = run.stdout;
      expect(out).toMatch(new RegExp(`File ${home}/Library/LaunchAgents/com\\.happytube\\.sync-[0-9a-f]{10}\\.plist:`));
      expect(out).toContain(daily(library.dir).map((arg) => `    <string>${arg}</string>`).join('\n'));
      expect(out).toMatch(/<key>Hour<\/key>\s*<integer>7<\/integer>\s*<key>Minute<\/key>\s*<integer>30<\/integer>/);
      expect(out).toMatch(/launchctl bootstrap gui\/\d+ \S+\.plist/);
      expect(await readdir(home)).toEqual([]);
    });
  });

  it('prints a systemd user timer for Linux: service, timer (persistent), and systemctl --user enable', async () => {
    await tempHome(async (home) => {
      const run = await dryRun('systemd', home, [], { HAPPYTUBE_CONFIG_DIR: join(home, 'cfg') });
      expect(run.code).toBe(0);
      const out = run.stdout;
      expect(out).toMatch(new RegExp(`File ${home}/\\.config/systemd/user/happytube-sync-[0-9a-f]{10}\\.service:`));
      expect(out).toContain(`ExecStart=${daily(library.dir).map((arg) => `"${arg}"`).join(' ')}`);
      expect(out).toContain(`Environment="HAPPYTUBE_CONFIG_DIR=${join(home, 'cfg')}"`);
      expect(out).toContain('OnCalendar=*-*-* 07:30:00');
      expect(out).toContain('Persistent=true');
      expect(out).toMatch(/systemctl --user enable --now happytube-sync-[0-9a-f]{10}\.timer/);
      expect(await readdir(home)).toEqual([]);
    });
  });

  it('prints a crontab line where systemd is absent', async () => {
    await tempHome(async (home) => {
      const run = await dryRun('cron', home);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`30 7 * * * ${daily(library.dir).map((arg) => `'${arg}'`).join(' ')} # happytube-sync-`);
    });
  });

  it('refuses a time that is not HH:MM (exit 2), and a folder that is not a library', async () => {
    const bad = await runMain(['schedule', 'install', library.dir, '--at', '25:00', '--dry-run'], { env: { HAPPYTUBE_LANG: 'en', HAPPYTUBE_TEST_SCHEDULER: 'cron' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--at "25:00" is not valid');
    const none = await runMain(['schedule', 'install', tmpdir(), '--dry-run'], { env: { HAPPYTUBE_LANG: 'en', HAPPYTUBE_TEST_SCHEDULER: 'cron' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no happytube.yaml');
  });
});

/** The scheduler this machine offers: a user systemd, else crontab. */
function linuxScheduler(): 'systemd' | 'cron' {
  try {
    execFileSync('systemctl', ['--user', 'show-environment'], { stdio: 'ignore' });
    return 'systemd';
  } catch {
    return 'cron';
  }
}

function installedHere(scheduler: 'systemd' | 'cron', dir: string): boolean {
  if (scheduler === 'systemd') {
    const name = JSON.parse(readFileSync(join(dir, '.happytube', 'schedule.json'), 'utf8')) as { name: string };
    try {
      return execFileSync('systemctl', ['--user', 'is-enabled', `${name.name}.timer`], { encoding: 'utf8' }).trim() === 'enabled';
    } catch {
      return false;
    }
  }
  let table: string;
  try {
    table = execFileSync('crontab', ['-l'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    table = ''; // "no crontab for USER"
  }
  return table.split('\n').some((line) => line.includes(`'${library.dir}'`) && line.startsWith('30 7 * * * '));
}

describe.runIf(process.platform === 'linux')('schedule install on this Linux machine', () => {
  it('installs the daily run with the system scheduler, status shows it, remove removes it', async () => {
    const scheduler = linuxScheduler();
    const env = { HAPPYTUBE_LANG: 'en' };
    const install = await runCli(['schedule', 'install', library.dir, '--at', '07:30'], { env });
    expect(install.stderr).not.toMatch(/Error/);
    expect(install.code).toBe(0);
    try {
      expect(install.stdout).toContain(scheduler === 'systemd' ? 'a systemd user timer' : 'a crontab line');
      expect(installedHere(scheduler, library.dir)).toBe(true);
      const status = await runMain(['schedule', 'status', library.dir], { env });
      expect(status.code).toBe(0);
      expect(status.stdout).toContain('Daily run: every day at 07:30');
      expect(status.stdout).toContain('No scheduled run yet.');
    } finally {
      const remove = await runMain(['schedule', 'remove', library.dir], { env });
      expect(remove.code).toBe(0);
      expect(remove.stdout).toContain('Removed the daily run');
    }
    expect(installedHere(scheduler, library.dir)).toBe(false);
    const after = await runMain(['schedule', 'status', library.dir], { env });
    expect(after.stdout).toContain('This library has no daily run.');
  });
});

describe('a scheduled run', () => {
  it('writes its output and outcome to .happytube/schedule.log, which status shows', async () => {
    const env = { ...emulator.env(), HAPPYTUBE_LANG: 'en' };
    const first = await runMain(['sync', library.dir, '--yes', '--scheduled'], { env });
    expect(first.code).toBe(0);
    const log = await readFile(join(library.dir, '.happytube', 'schedule.log'), 'utf8');
    expect(log).toMatch(/^=== happytube sync: start \S+ pid \d+ ===\n/);
    expect(log).toContain('uploaded: 6');
    expect(log).toMatch(/=== happytube sync: end \S+ exit 0 ===\n$/);
    const status = await runMain(['schedule', 'status', library.dir], { env: { HAPPYTUBE_LANG: 'en' } });
    expect(status.stdout).toMatch(/Last run: \d{4}-\d{2}-\d{2} \d{2}:\d{2} — everything done \(exit 0\)/);

    // A run that finds the library broken: its error and exit 2 are in the log.
    await rm(join(library.dir, 'templates'), { recursive: true });
    const broken = await runMain(['sync', library.dir, '--yes', '--scheduled'], { env });
    expect(broken.code).toBe(2);
    const again = await runMain(['schedule', 'status', library.dir], { env: { HAPPYTUBE_LANG: 'en' } });
    expect(again.stdout).toContain('the library has errors; nothing was sent (exit 2)');
    expect(again.stdout).toContain('Its last lines:');
  });
});

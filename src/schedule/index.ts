/**
 * `happytube schedule install|remove|status`: a daily `sync --yes` of a library by the operating
 * system's own scheduler (tasks.ts says what each one gets). Installing records what it did in
 * `.happytube/schedule.json`, which `remove` and `status` read; the runs write
 * `.happytube/schedule.log` (log.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ExitCode, HappyError, InputError } from '../errors.ts';
import { M } from '../i18n/messages.ts';
import { CONFIG_FILE } from '../library/config.ts';
import { isErrno, stateDir } from '../state/files.ts';
import { isSingleExecutable } from '../util/package-root.ts';
import { currentRun } from '../util/run-scope.ts';
import { readLastRun } from './log.ts';
import type { LastRun } from './log.ts';
import { buildTask, dailyArgv, taskName } from './tasks.ts';
import { clock, defaultAt, parseAt } from './time.ts';
import type { Scheduler, Task } from './tasks.ts';

export type { Scheduler, Task } from './tasks.ts';
export type { LastRun } from './log.ts';

const RECORD_NAME = 'schedule.json';
const SCHEDULERS: readonly Scheduler[] = ['windows', 'launchd', 'systemd', 'cron'];

/** What `schedule install` recorded. */
export interface ScheduleRecord {
  scheduler: Scheduler;
  name: string;
  /** "HH:MM", local time. */
  at: string;
  argv: string[];
  installedAt: string;
}

export interface ScheduleOptions {
  root: string;
  /** `--at HH:MM`; default: see defaultAt. */
  at?: string;
  /** The profile of the daily run ('default' is left implicit). */
  profile: string;
  /** The process environment (for HAPPYTUBE_CONFIG_DIR). */
  env: NodeJS.ProcessEnv;
}

interface Output {
  code: number;
  stdout: string;
  stderr: string;
  /** The program is not installed. */
  missing: boolean;
}

/** Runs a program without a shell, in the run's environment; never throws for its exit code. */
function run(argv: readonly string[], input?: string): Promise<Output> {
  return new Promise((done) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true, env: currentRun().env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error) => done({ code: 127, stdout, stderr: String(error), missing: isErrno(error, 'ENOENT') }));
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr, missing: false }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/**
 * The scheduler of this computer: Task Scheduler, launchd, a user systemd, else cron.
 * `HAPPYTUBE_TEST_SCHEDULER` in the process environment (never a library's .env) chooses one, so
 * that tests see each system's task on any machine.
 */
export async function chooseScheduler(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Promise<Scheduler> {
  const forced = env.HAPPYTUBE_TEST_SCHEDULER;
  if (forced !== undefined && (SCHEDULERS as readonly string[]).includes(forced)) return forced as Scheduler;
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'launchd';
  if ((await run(['systemctl', '--user', 'show-environment'])).code === 0) return 'systemd';
  if (!(await run(['crontab', '-l'])).missing) return 'cron';
  throw new HappyError(ExitCode.failure, M.schedule.noScheduler(), { hint: M.schedule.noSchedulerHint() });
}

/**
 * The happytube that is running, as a command: the single executable alone, or Node and the
 * script it runs (an npm install, a clone), both absolute.
 */
export function runningCommand(): string[] {
  if (isSingleExecutable()) return [process.execPath];
  const script = process.argv[1];
  if (script === undefined) return [process.execPath];
  const absolute = resolve(script);
  return [process.execPath, existsSync(absolute) ? realpathSync(absolute) : absolute];
}

function assertLibrary(root: string): void {
  if (!existsSync(join(root, CONFIG_FILE))) throw new InputError(M.library.noConfig({ dir: root }), { hint: M.library.noConfigFix() });
}

/** The task `install` would set up (also what `--dry-run` prints). */
export async function planSchedule(o: ScheduleOptions): Promise<{ task: Task; at: string; argv: string[] }> {
  assertLibrary(o.root);
  const time = o.at === undefined ? defaultAt() : parseAt(o.at);
  const scheduler = await chooseScheduler(o.env);
  const argv = dailyArgv(runningCommand(), o.root, o.profile === 'default' ? undefined : o.profile);
  const env: Record<string, string> = {};
  if (o.env.HAPPYTUBE_CONFIG_DIR) env.HAPPYTUBE_CONFIG_DIR = resolve(o.env.HAPPYTUBE_CONFIG_DIR);
  const task = buildTask(
    scheduler,
    { root: o.root, ...time, argv, env },
    {
      home: homedir(),
      ...(o.env.XDG_CONFIG_HOME ? { xdgConfigHome: o.env.XDG_CONFIG_HOME } : {}),
      stateDir: stateDir(o.root),
      uid: process.getuid?.() ?? userInfo().uid,
    },
  );
  return { task, at: clock(time), argv };
}

async function mustRun(argv: readonly string[], input?: string): Promise<Output> {
  const out = await run(argv, input);
  if (out.code !== 0) {
    throw new HappyError(ExitCode.failure, M.schedule.commandFailed({ command: argv.join(' '), detail: (out.stderr || out.stdout).trim() }), {
      hint: out.missing ? M.schedule.commandMissingHint({ program: argv[0]! }) : M.schedule.commandFailedHint(),
    });
  }
  return out;
}

async function readCrontab(): Promise<string[]> {
  const out = await run(['crontab', '-l']);
  // "no crontab for USER": an empty table.
  if (out.code !== 0 && !out.missing && /no crontab/i.test(out.stderr)) return [];
  if (out.code !== 0) await mustRun(['crontab', '-l']);
  return out.stdout.split('\n').filter((line) => line !== '');
}

async function writeCrontab(lines: readonly string[]): Promise<void> {
  await mustRun(['crontab', '-'], lines.length === 0 ? '' : `${lines.join('\n')}\n`);
}

/** Installs (or replaces) the library's daily run and records it. */
export async function installSchedule(o: ScheduleOptions): Promise<ScheduleRecord> {
  const { task, at, argv } = await planSchedule(o);
  for (const file of task.files) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.encoding === 'utf16le' ? `\ufeff${file.content}` : file.content, file.encoding);
  }
  if (task.cronLine !== undefined) {
    const lines = (await readCrontab()).filter((line) => !line.endsWith(`# ${task.name}`));
    await writeCrontab([...lines, task.cronLine]);
  }
  for (const command of task.install) {
    if (command.mayFail) await run(command.argv);
    else await mustRun(command.argv);
  }
  const record: ScheduleRecord = { scheduler: task.scheduler, name: task.name, at, argv, installedAt: new Date().toISOString() };
  await mkdir(stateDir(o.root), { recursive: true });
  await writeFile(join(stateDir(o.root), RECORD_NAME), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

async function readRecord(root: string): Promise<ScheduleRecord | undefined> {
  try {
    return JSON.parse(await readFile(join(stateDir(root), RECORD_NAME), 'utf8')) as ScheduleRecord;
  } catch (error) {
    if (isErrno(error, 'ENOENT') || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Removes the library's daily run; resolves with what was removed, undefined if none was there. */
export async function removeSchedule(o: ScheduleOptions): Promise<ScheduleRecord | undefined> {
  const record = await readRecord(o.root);
  const { task } = await planSchedule(o);
  if (task.scheduler === 'cron') {
    const lines = await readCrontab();
    const kept = lines.filter((line) => !line.endsWith(`# ${task.name}`));
    if (kept.length !== lines.length) await writeCrontab(kept);
  }
  for (const command of task.remove) await run(command.argv);
  for (const file of task.files) await rm(file.path, { force: true });
  if (task.scheduler === 'systemd') await run(['systemctl', '--user', 'daemon-reload']);
  await rm(join(stateDir(o.root), RECORD_NAME), { force: true });
  return record;
}

export interface ScheduleStatus {
  record: ScheduleRecord | undefined;
  /** The scheduler still has the task (looked up, not only recorded). */
  installed: boolean;
  lastRun: LastRun | undefined;
}

export async function scheduleStatus(root: string): Promise<ScheduleStatus> {
  assertLibrary(root);
  const record = await readRecord(root);
  const name = record?.name ?? taskName(root);
  let installed = false;
  switch (record?.scheduler) {
    case undefined:
      break;
    case 'cron':
      installed = (await readCrontab().catch(() => [])).some((line) => line.endsWith(`# ${name}`));
      break;
    case 'systemd':
      installed = (await run(['systemctl', '--user', 'is-enabled', `${name}.timer`])).stdout.trim() === 'enabled';
      break;
    case 'launchd':
      installed = existsSync(join(homedir(), 'Library', 'LaunchAgents', `${name}.plist`));
      break;
    case 'windows':
      installed = (await run(['schtasks', '/Query', '/TN', name])).code === 0;
      break;
  }
  return { record, installed, lastRun: await readLastRun(root) };
}

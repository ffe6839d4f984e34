/**
 * The daily run of `happytube schedule install`, written for each operating system's own
 * scheduler. Pure: what to write where and what to run, for a given run; src/schedule/index.ts
 * writes and runs it.
 *
 * - windows: a Task Scheduler task from a task XML (`schtasks /Create /XML`), run as the signed-in
 *   user without a password or administrator rights (InteractiveToken, LeastPrivilege); a run
 *   missed while the computer was off starts as soon as it can (StartWhenAvailable).
 * - launchd (macOS): an agent in ~/Library/LaunchAgents (StartCalendarInterval; launchd runs a
 *   missed one at wake).
 * - systemd (Linux): a user service and timer in ~/.config/systemd/user (Persistent=true: a
 *   missed run starts at the next boot or login).
 * - cron: one crontab line, marked with the task's name, where systemd is absent.
 *
 * The scheduled command is `happytube sync DIR --yes --scheduled`: `--scheduled` makes the run
 * append its output and outcome to `.happytube/schedule.log`, so no scheduler's redirection is
 * needed (cmd.exe's quoting on Windows, cron's `%`).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export type Scheduler = 'windows' | 'launchd' | 'systemd' | 'cron';

export interface DailyRun {
  /** The library folder (absolute). */
  root: string;
  hour: number;
  minute: number;
  /** argv of the command: the running happytube (node + script, or the single executable) and its arguments. */
  argv: string[];
  /** Variables the run needs from this session (HAPPYTUBE_CONFIG_DIR). */
  env: Record<string, string>;
}

export interface TaskFile {
  path: string;
  content: string;
  /** Task Scheduler reads task XML as UTF-16 (with a byte order mark). */
  encoding: 'utf8' | 'utf16le';
}

export interface TaskCommand {
  argv: string[];
  /** Its failure is expected at times (unloading a task that is not loaded). */
  mayFail?: boolean;
}

export interface Task {
  scheduler: Scheduler;
  /** The task's name in its scheduler (one per library). */
  name: string;
  files: TaskFile[];
  /** Commands that install it, in order (after the files are written). */
  install: TaskCommand[];
  /** Commands that remove it, in order (before the files are deleted); failures are ignored. */
  remove: TaskCommand[];
  /** cron only: the crontab line (install adds it, remove takes out every line with `name`). */
  cronLine?: string;
}

/** A short, stable name per library: two libraries get two tasks. */
export function taskName(root: string): string {
  return `happytube-sync-${createHash('sha256').update(root).digest('hex').slice(0, 10)}`;
}

/** The argv of the daily run: `sync DIR --yes --scheduled` after the running happytube. */
export function dailyArgv(command: readonly string[], root: string, profile: string | undefined): string[] {
  return [...command, 'sync', root, '--yes', '--scheduled', ...(profile === undefined ? [] : ['--profile', profile])];
}

export interface Places {
  home: string;
  /** `XDG_CONFIG_HOME`, if set. */
  xdgConfigHome?: string;
  /** The library's `.happytube/` folder. */
  stateDir: string;
  /** The user id, for launchctl's `gui/UID` domain. */
  uid: number;
}

export function buildTask(scheduler: Scheduler, run: DailyRun, places: Places): Task {
  const name = taskName(run.root);
  switch (scheduler) {
    case 'systemd':
      return systemdTask(name, run, places);
    case 'launchd':
      return launchdTask(name, run, places);
    case 'cron':
      return cronTask(name, run);
    case 'windows':
      return windowsTask(name, run, places);
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

function systemdTask(name: string, run: DailyRun, places: Places): Task {
  const dir = join(places.xdgConfigHome ?? join(places.home, '.config'), 'systemd', 'user');
  // systemd's own quoting: double quotes, backslash escapes; `%` and `$` are its specifiers.
  const quote = (arg: string): string => `"${arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%').replace(/\$/g, '$$$$')}"`;
  const service = [
    '[Unit]',
    `Description=happytube: daily sync of ${run.root}`,
    '',
    '[Service]',
    'Type=oneshot',
    ...Object.entries(run.env).map(([k, v]) => `Environment=${quote(`${k}=${v}`)}`),
    `ExecStart=${run.argv.map(quote).join(' ')}`,
    '',
  ].join('\n');
  const timer = [
    '[Unit]',
    `Description=happytube: daily sync of ${run.root} at ${pad(run.hour)}:${pad(run.minute)}`,
    '',
    '[Timer]',
    `OnCalendar=*-*-* ${pad(run.hour)}:${pad(run.minute)}:00`,
    'Persistent=true',
    '',
    '[Install]',
    'WantedBy=timers.target',
    '',
  ].join('\n');
  return {
    scheduler: 'systemd',
    name,
    files: [
      { path: join(dir, `${name}.service`), content: service, encoding: 'utf8' },
      { path: join(dir, `${name}.timer`), content: timer, encoding: 'utf8' },
    ],
    install: [{ argv: ['systemctl', '--user', 'daemon-reload'] }, { argv: ['systemctl', '--user', 'enable', '--now', `${name}.timer`] }],
    remove: [{ argv: ['systemctl', '--user', 'disable', '--now', `${name}.timer`] }],
  };
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function launchdTask(name: string, run: DailyRun, places: Places): Task {
  const label = `com.happytube.${name.replace(/^happytube-/, '')}`;
  const path = join(places.home, 'Library', 'LaunchAgents', `${label}.plist`);
  const env = Object.entries(run.env);
  const plist = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    '  <key>Label</key>',
    `  <string>${xml(label)}</string>`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...run.argv.map((arg) => `    <string>${xml(arg)}</string>`),
    '  </array>',
    ...(env.length === 0
      ? []
      : ['  <key>EnvironmentVariables</key>', '  <dict>', ...env.flatMap(([k, v]) => [`    <key>${xml(k)}</key>`, `    <string>${xml(v)}</string>`]), '  </dict>']),
    '  <key>StartCalendarInterval</key>',
    '  <dict>',
    '    <key>Hour</key>',
    `    <integer>${run.hour}</integer>`,
    '    <key>Minute</key>',
    `    <integer>${run.minute}</integer>`,
    '  </dict>',
    '  <key>ProcessType</key>',
    '  <string>Background</string>',
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
  const domain = `gui/${places.uid}`;
  return {
    scheduler: 'launchd',
    name: label,
    files: [{ path, content: plist, encoding: 'utf8' }],
    // bootout first: bootstrap refuses a label that is already loaded (a second install).
    install: [{ argv: ['launchctl', 'bootout', `${domain}/${label}`], mayFail: true }, { argv: ['launchctl', 'bootstrap', domain, path] }],
    remove: [{ argv: ['launchctl', 'bootout', `${domain}/${label}`] }],
  };
}

/** POSIX shell quoting; cron also treats an unescaped `%` as a newline. */
const shellQuote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`.replace(/%/g, '\\%');

function cronTask(name: string, run: DailyRun): Task {
  const env = Object.entries(run.env).map(([k, v]) => `${k}=${shellQuote(v)}`);
  const line = `${run.minute} ${run.hour} * * * ${[...env, ...run.argv.map(shellQuote)].join(' ')} # ${name}`;
  return { scheduler: 'cron', name, files: [], install: [], remove: [], cronLine: line };
}

/** Quoting of one argument for a Windows command line (CommandLineToArgvW's rules). */
function windowsArg(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  return `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
}

function windowsTask(name: string, run: DailyRun, places: Places): Task {
  const xmlPath = join(places.stateDir, 'schedule-task.xml');
  // A task has the user's own environment, not this session's: variables the run needs are set by
  // cmd.exe before it starts happytube (`/s /c "…"` takes the whole line between the outer quotes).
  const env = Object.entries(run.env);
  const line = run.argv.map(windowsArg).join(' ');
  const [command, args] =
    env.length === 0
      ? [windowsArg(run.argv[0] ?? ''), run.argv.slice(1).map(windowsArg).join(' ')]
      : ['cmd.exe', `/d /s /c "${[...env.map(([k, v]) => `set "${k}=${v}"`), line].join(' && ')}"`];
  const start = `2026-01-01T${pad(run.hour)}:${pad(run.minute)}:00`;
  const content = [
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
    '  <RegistrationInfo>',
    `    <Description>${xml(`happytube: daily sync of ${run.root}`)}</Description>`,
    '  </RegistrationInfo>',
    '  <Triggers>',
    '    <CalendarTrigger>',
    `      <StartBoundary>${start}</StartBoundary>`,
    '      <Enabled>true</Enabled>',
    '      <ScheduleByDay>',
    '        <DaysInterval>1</DaysInterval>',
    '      </ScheduleByDay>',
    '    </CalendarTrigger>',
    '  </Triggers>',
    '  <Principals>',
    '    <Principal id="Author">',
    '      <LogonType>InteractiveToken</LogonType>',
    '      <RunLevel>LeastPrivilege</RunLevel>',
    '    </Principal>',
    '  </Principals>',
    '  <Settings>',
    '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
    '    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>',
    '    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>',
    '    <StartWhenAvailable>true</StartWhenAvailable>',
    '    <RunOnlyIfNetworkAvailable>true</RunOnlyIfNetworkAvailable>',
    '    <ExecutionTimeLimit>PT12H</ExecutionTimeLimit>',
    '    <Enabled>true</Enabled>',
    '  </Settings>',
    '  <Actions Context="Author">',
    '    <Exec>',
    `      <Command>${xml(command)}</Command>`,
    `      <Arguments>${xml(args)}</Arguments>`,
    `      <WorkingDirectory>${xml(run.root)}</WorkingDirectory>`,
    '    </Exec>',
    '  </Actions>',
    '</Task>',
    '',
  ].join('\r\n');
  return {
    scheduler: 'windows',
    name,
    files: [{ path: xmlPath, content, encoding: 'utf16le' }],
    install: [{ argv: ['schtasks', '/Create', '/TN', name, '/XML', xmlPath, '/F'] }],
    remove: [{ argv: ['schtasks', '/Delete', '/TN', name, '/F'] }],
  };
}

/**
 * What `happytube schedule install|remove|status` does (its options: src/cli/commands/schedule.ts):
 * a daily `sync --yes` of the library by the computer's own scheduler (src/schedule/).
 */
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { isLang, tr, useLibraryLang } from '../../i18n/index.ts';
import { readConfigFile } from '../../library/config.ts';
import { findLibraryRoot } from '../../library/load.ts';
import { installSchedule, planSchedule, removeSchedule, scheduleStatus } from '../../schedule/index.ts';
import type { ScheduleOptions } from '../../schedule/index.ts';
import { logPath } from '../../schedule/log.ts';
import { clock } from '../../schedule/time.ts';
import type { CliContext } from '../context.ts';
import { M } from '../../i18n/messages.ts';

export interface ScheduleFlags {
  at?: string;
  dryRun?: boolean;
}

function libraryRoot(ctx: CliContext, dir: string | undefined): string {
  const root = dir === undefined ? findLibraryRoot(ctx.cwd) ?? ctx.cwd : resolve(ctx.cwd, dir);
  // The library's language for the messages, when its happytube.yaml reads well.
  try {
    const language = (parse(readConfigFile(root).text) as { language?: unknown } | null)?.language;
    if (isLang(language)) useLibraryLang(language);
  } catch {
    // no or broken happytube.yaml: the command says so itself
  }
  return root;
}

function options(ctx: CliContext, dir: string | undefined, flags: ScheduleFlags): ScheduleOptions {
  const root = libraryRoot(ctx, dir);
  return { root, ...(flags.at === undefined ? {} : { at: flags.at }), profile: ctx.environment([root]).profile, env: ctx.env };
}

export async function runScheduleInstall(ctx: CliContext, dir: string | undefined, flags: ScheduleFlags): Promise<void> {
  const o = options(ctx, dir, flags);
  const ui = ctx.ui;
  if (flags.dryRun === true) {
    const { task, at, argv } = await planSchedule(o);
    ui.print(M.schedule.dryRunTitle({ scheduler: M.schedule.scheduler({ scheduler: task.scheduler }), name: task.name, at }));
    ui.print(`  ${tr(M.schedule.dryRunCommand({ command: argv.join(' ') }))}`);
    for (const file of task.files) {
      ui.print('');
      ui.print(M.schedule.dryRunFile({ path: file.path }));
      ui.print(file.content.replace(/\r\n/g, '\n').trimEnd());
    }
    if (task.cronLine !== undefined) {
      ui.print('');
      ui.print(M.schedule.dryRunCron());
      ui.print(task.cronLine);
    }
    if (task.install.length > 0) ui.print('');
    for (const command of task.install) ui.print(M.schedule.dryRunRun({ command: command.argv.join(' ') }));
    ui.note(M.schedule.dryRunDone());
    return;
  }
  const record = await installSchedule(o);
  ui.print(M.schedule.installed({ scheduler: M.schedule.scheduler({ scheduler: record.scheduler }), name: record.name, at: record.at, root: o.root }));
  ui.note(M.schedule.installedHint({ log: logPath(o.root) }));
}

export async function runScheduleRemove(ctx: CliContext, dir: string | undefined): Promise<void> {
  const removed = await removeSchedule(options(ctx, dir, {}));
  if (removed) ctx.ui.print(M.schedule.removed({ name: removed.name }));
  else ctx.ui.print(M.schedule.notInstalled());
}

export async function runScheduleStatus(ctx: CliContext, dir: string | undefined): Promise<void> {
  const root = libraryRoot(ctx, dir);
  const status = await scheduleStatus(root);
  const ui = ctx.ui;
  const { record, lastRun } = status;
  if (!record) {
    ui.print(M.schedule.notInstalled());
    ui.note(M.schedule.notInstalledHint());
  } else if (status.installed) {
    ui.print(M.schedule.statusInstalled({ scheduler: M.schedule.scheduler({ scheduler: record.scheduler }), name: record.name, at: record.at }));
  } else {
    ui.print(M.schedule.statusMissing({ name: record.name }));
  }
  if (!lastRun) {
    ui.print(M.schedule.lastRunNone());
    return;
  }
  const at = lastRun.startedAt;
  const start = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')} ${clock({ hour: at.getHours(), minute: at.getMinutes() })}`;
  const outcome =
    lastRun.exitCode !== undefined ? M.schedule.outcome({ code: lastRun.exitCode }) : isAlive(lastRun.pid) ? M.schedule.outcomeRunning({ pid: lastRun.pid }) : M.schedule.outcomeUnknown();
  ui.print(M.schedule.lastRun({ start, outcome }));
  if (lastRun.lines.length > 0) {
    ui.print(M.schedule.lastRunLines());
    for (const line of lastRun.lines.slice(-12)) ui.print(`  ${line}`);
  }
  ui.print(M.schedule.logFile({ log: logPath(root) }));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

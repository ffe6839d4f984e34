/**
 * `happytube schedule install|remove|status [DIR] [--at HH:MM] [--dry-run]`: a daily
 * `sync --yes` of the library by the computer's own scheduler (src/schedule/).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isLang, tr, useLibraryLang } from '../../i18n/index.ts';
import { schedule as S } from '../../i18n/catalog/schedule.ts';
import { M } from '../../i18n/messages.ts';
import { clock, defaultAt } from '../../schedule/time.ts';
import type { ScheduleOptions } from '../../schedule/index.ts';
import type { CliContext, CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

interface ScheduleFlags {
  at?: string;
  dryRun?: boolean;
}

async function libraryRoot(ctx: CliContext, dir: string | undefined): Promise<string> {
  const { findLibraryRoot } = await import('../../library/load.ts');
  const root = dir === undefined ? findLibraryRoot(ctx.cwd) ?? ctx.cwd : resolve(ctx.cwd, dir);
  const { readConfigFile } = await import('../../library/config.ts');
  // The library's language for the messages, when its happytube.yaml reads well.
  try {
    const { parse } = await import('yaml');
    const language = (parse(readConfigFile(root).text) as { language?: unknown } | null)?.language;
    if (isLang(language)) useLibraryLang(language);
  } catch {
    // no or broken happytube.yaml: the command says so itself
  }
  return root;
}

async function options(ctx: CliContext, dir: string | undefined, flags: ScheduleFlags): Promise<ScheduleOptions> {
  const root = await libraryRoot(ctx, dir);
  return { root, ...(flags.at === undefined ? {} : { at: flags.at }), profile: ctx.environment([root]).profile, env: ctx.env };
}

async function runInstall(ctx: CliContext, dir: string | undefined, flags: ScheduleFlags): Promise<void> {
  const { installSchedule, planSchedule } = await import('../../schedule/index.ts');
  const { logPath } = await import('../../schedule/log.ts');
  const o = await options(ctx, dir, flags);
  const ui = ctx.ui;
  if (flags.dryRun === true) {
    const { task, at, argv } = await planSchedule(o);
    ui.print(S.dryRunTitle({ scheduler: S.scheduler({ scheduler: task.scheduler }), name: task.name, at }));
    ui.print(`  ${tr(S.dryRunCommand({ command: argv.join(' ') }))}`);
    for (const file of task.files) {
      ui.print('');
      ui.print(S.dryRunFile({ path: file.path }));
      ui.print(file.content.replace(/\r\n/g, '\n').trimEnd());
    }
    if (task.cronLine !== undefined) {
      ui.print('');
      ui.print(S.dryRunCron());
      ui.print(task.cronLine);
    }
    if (task.install.length > 0) ui.print('');
    for (const command of task.install) ui.print(S.dryRunRun({ command: command.argv.join(' ') }));
    ui.note(S.dryRunDone());
    return;
  }
  const record = await installSchedule(o);
  ui.print(S.installed({ scheduler: S.scheduler({ scheduler: record.scheduler }), name: record.name, at: record.at, root: o.root }));
  ui.note(S.installedHint({ log: logPath(o.root) }));
}

async function runRemove(ctx: CliContext, dir: string | undefined): Promise<void> {
  const { removeSchedule } = await import('../../schedule/index.ts');
  const removed = await removeSchedule(await options(ctx, dir, {}));
  if (removed) ctx.ui.print(S.removed({ name: removed.name }));
  else ctx.ui.print(S.notInstalled());
}

async function runStatus(ctx: CliContext, dir: string | undefined): Promise<void> {
  const { scheduleStatus } = await import('../../schedule/index.ts');
  const { logPath } = await import('../../schedule/log.ts');
  const root = await libraryRoot(ctx, dir);
  const status = await scheduleStatus(root);
  const ui = ctx.ui;
  const { record, lastRun } = status;
  if (!record) {
    ui.print(S.notInstalled());
    ui.note(S.notInstalledHint());
  } else if (status.installed) {
    ui.print(S.statusInstalled({ scheduler: S.scheduler({ scheduler: record.scheduler }), name: record.name, at: record.at }));
  } else {
    ui.print(S.statusMissing({ name: record.name }));
  }
  if (!lastRun) {
    ui.print(S.lastRunNone());
    return;
  }
  const at = lastRun.startedAt;
  const start = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')} ${clock({ hour: at.getHours(), minute: at.getMinutes() })}`;
  const outcome =
    lastRun.exitCode !== undefined ? S.outcome({ code: lastRun.exitCode }) : isAlive(lastRun.pid) ? S.outcomeRunning({ pid: lastRun.pid }) : S.outcomeUnknown();
  ui.print(S.lastRun({ start, outcome }));
  if (lastRun.lines.length > 0) {
    ui.print(S.lastRunLines());
    for (const line of lastRun.lines.slice(-12)) ui.print(`  ${line}`);
  }
  ui.print(S.logFile({ log: logPath(root) }));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const scheduleCommand: CommandRegistrar = (program, ctx) => {
  const schedule: Command = program.command('schedule').description(tr(S.description()));
  schedule
    .command('install')
    .description(tr(S.installDescription()))
    .argument(`[${placeholder('dir')}]`, tr(M.cli.argDir()))
    .option(`--at <${placeholder('time')}>`, tr(S.optAt({ at: clock(defaultAt()) })))
    .option('--dry-run', tr(S.optDryRun()))
    .action((dir: string | undefined, flags: ScheduleFlags) => runInstall(ctx, dir, flags));
  schedule
    .command('remove')
    .description(tr(S.removeDescription()))
    .argument(`[${placeholder('dir')}]`, tr(M.cli.argDir()))
    .action((dir: string | undefined) => runRemove(ctx, dir));
  schedule
    .command('status')
    .description(tr(S.statusDescription()))
    .argument(`[${placeholder('dir')}]`, tr(M.cli.argDir()))
    .action((dir: string | undefined) => runStatus(ctx, dir));
};

/**
 * `happytube schedule install|remove|status [DIR] [--at HH:MM] [--dry-run]`: a daily
 * `sync --yes` of the library by the computer's own scheduler (src/cli/actions/schedule.ts, loaded
 * when a subcommand runs).
 */
import type { Command } from 'commander';
import { tr } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import { clock, defaultAt } from '../../schedule/time.ts';
import type { ScheduleFlags } from '../actions/schedule.ts';
import type { CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

export const scheduleCommand: CommandRegistrar = (program, ctx) => {
  const schedule: Command = program.command('schedule').description(tr(M.schedule.description()));
  schedule
    .command('install')
    .description(tr(M.schedule.installDescription()))
    .argument(`[${placeholder('dir')}]`, tr(M.cli.argDir()))
    .option(`--at <${placeholder('time')}>`, tr(M.schedule.optAt({ at: clock(defaultAt()) })))
    .option('--dry-run', tr(M.schedule.optDryRun()))
    .action(async (dir: string | undefined, flags: ScheduleFlags) => {
      const { runScheduleInstall } = await import('../actions/schedule.ts');
      await runScheduleInstall(ctx, dir, flags);
    });
  schedule
    .command('remove')
    .description(tr(M.schedule.removeDescription()))
    .argument(`[${placeholder('dir')}]`, tr(M.cli.argDir()))
    .action(async (dir: string | undefined) => {
      const { runScheduleRemove } = await import('../actions/schedule.ts');
      await runScheduleRemove(ctx, dir);
    });
  schedule
    .command('status')
    .description(tr(M.schedule.statusDescription()))
    .argument(`[${placeholder('dir')}]`, tr(M.cli.argDir()))
    .action(async (dir: string | undefined) => {
      const { runScheduleStatus } = await import('../actions/schedule.ts');
      await runScheduleStatus(ctx, dir);
    });
};

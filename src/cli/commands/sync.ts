/**
 * `happytube sync [DIR] [--dry-run] [--json] [--yes] [--only PATH...] [--no-update]
 * [--limit-rate RATE] [--concurrency N] [--wait] [--watch [--settle SECONDS]]`: the channel
 * follows the folder (src/cli/actions/sync.ts, loaded when it runs).
 */
import { Option } from 'commander';
import { tr } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { SyncFlags } from '../actions/sync.ts';
import type { CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

/** How long a changed file must stay still before `--watch` takes it, unless `--settle` says. */
const DEFAULT_SETTLE_SECONDS = 10;

export const syncCommand: CommandRegistrar = (program, ctx) => {
  program
    .command('sync')
    .description(tr(M.sync.description()))
    .argument(`[${placeholder('dir')}]`, tr(M.cli.argDir()))
    .option('--dry-run', tr(M.sync.optDryRun()))
    .option('--json', tr(M.cli.optJson()))
    .option('--yes', tr(M.sync.optYes()))
    .option(`--only <${placeholder('path')}...>`, tr(M.sync.optOnly()))
    .option('--no-update', tr(M.sync.optNoUpdate()))
    .option(`--limit-rate <${placeholder('rate')}>`, tr(M.sync.optLimitRate()))
    .option(`--concurrency <${placeholder('number')}>`, tr(M.sync.optConcurrency()))
    .option('--wait', tr(M.sync.optWait()))
    .option('--watch', tr(M.sync.optWatch()))
    .option(`--settle <${placeholder('seconds')}>`, tr(M.sync.optSettle({ n: DEFAULT_SETTLE_SECONDS })))
    // Written by `happytube schedule install` into the daily task, not typed by people.
    .addOption(new Option('--scheduled', tr(M.schedule.optScheduled())).hideHelp())
    .action(async (dir: string | undefined, flags: SyncFlags) => {
      const { runScheduled, runSyncCommand } = await import('../actions/sync.ts');
      if (flags.scheduled === true) await runScheduled(ctx, dir, flags, DEFAULT_SETTLE_SECONDS);
      else await runSyncCommand(ctx, dir, flags, DEFAULT_SETTLE_SECONDS);
    });
};

/**
 * `happytube sync [DIR] [--dry-run] [--json] [--yes] [--only PATH...] [--no-update]
 * [--limit-rate RATE] [--concurrency N]`: the channel follows the folder (SPEC §5). The work is
 * runSync (src/sync/run.ts); this file parses, asks, draws and maps the outcome to an exit code:
 * 0 done · 1 some clips failed for good · 2 invalid library or channel guard · 3 quota, upload
 * limit or interruption (run again) · 4 sign-in.
 */
import { resolve } from 'node:path';
import { InputError } from '../../errors.ts';
import { tr, useLibraryLang } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { SyncEventMap } from '../../sync/events.ts';
import type { CliContext, CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

interface SyncFlags {
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
  only?: string[];
  update: boolean;
  limitRate?: string;
  concurrency?: string;
}

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
    .action(async (dir: string | undefined, flags: SyncFlags) => {
      await runSyncCommand(ctx, dir, flags);
    });
};

function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^[1-4]$/.test(value.trim())) throw new InputError(M.sync.badConcurrency({ value }), { hint: M.sync.badConcurrencyHint() });
  return Number(value);
}

async function runSyncCommand(ctx: CliContext, dir: string | undefined, flags: SyncFlags): Promise<void> {
  const { EventEmitter } = await import('node:events');
  const { findLibraryRoot } = await import('../../library/index.ts');
  const { runSync, LibraryInvalidError } = await import('../../sync/run.ts');
  const { planJson, planLines } = await import('../../sync/report.ts');
  const { attachProgress, chooseProgressMode, printSummary, runOutcome } = await import('../progress.ts');
  const { parseRateLimit } = await import('../../youtube/rate-limit.ts');
  const ui = ctx.ui;
  const concurrency = parseConcurrency(flags.concurrency);
  const limitRate = flags.limitRate === undefined ? undefined : parseRateLimit(flags.limitRate);
  const root = dir === undefined ? findLibraryRoot(ctx.cwd) ?? ctx.cwd : resolve(ctx.cwd, dir);
  const json = flags.json === true;
  const events = new EventEmitter<SyncEventMap>();
  const stopProgress = attachProgress(events, ui, chooseProgressMode(ui, json));
  const { confirmSpending, mayAsk } = await import('../confirm.ts');
  const canAsk = mayAsk(ctx, flags);

  let result;
  try {
    result = await runSync({
      dir: root,
      ...(flags.only ? { only: flags.only } : {}),
      dryRun: flags.dryRun === true,
      noUpdate: !flags.update,
      ...(limitRate === undefined ? {} : { limitRate }),
      concurrency,
      events,
      environment: ctx.environment([root]),
      signal: ctx.signal,
      cwd: ctx.cwd,
      onLibrary: (library) => useLibraryLang(library.config.language),
      log: ui.verbose ? (line: string) => ui.debug(line) : undefined,
      confirm: async (plan, budget) => {
        if (!json) for (const line of planLines(plan, budget.remaining())) ui.note(line);
        return canAsk ? confirmSpending(ctx, plan.cost) : true;
      },
    });
  } catch (error) {
    stopProgress();
    if (error instanceof LibraryInvalidError) {
      const { checkJson, checkLines } = await import('../../library/check.ts');
      useLibraryLang(error.library.config.language);
      if (json) ui.json(checkJson(error.library));
      else for (const line of checkLines(error.library)) ui.note(line.text);
    }
    throw error;
  }
  stopProgress();

  const { summary, plan } = result;
  if (result.dryRun) {
    if (json) ui.json({ dryRun: true, plan: planJson(plan), remaining: result.remaining });
    else {
      for (const line of planLines(plan, result.remaining)) ui.print(line);
      ui.note(M.sync.dryRunDone());
    }
    return;
  }
  if (json) {
    ui.json({
      dryRun: false,
      cancelled: result.cancelled,
      summary: { ...summary, quotaResetAt: summary.quotaResetAt?.toISOString() ?? null },
      plan: planJson(plan),
      failures: Object.fromEntries(result.failures),
      videos: Object.fromEntries(result.videos),
    });
  } else if (!result.cancelled) {
    if (plan.clips.length === 0 && plan.playlists.length === 0) for (const line of planLines(plan, result.remaining)) ui.note(line);
    printSummary(ui, summary);
  }
  const outcome = runOutcome(result);
  if (outcome) throw outcome;
}

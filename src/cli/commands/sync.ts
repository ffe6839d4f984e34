/**
 * `happytube sync [DIR] [--dry-run] [--json] [--yes] [--only PATH...] [--no-update]
 * [--limit-rate RATE] [--concurrency N] [--wait] [--watch [--settle SECONDS]]`: the channel
 * follows the folder. The work is runSync (src/sync/run.ts), or rounds of it for --wait and --watch
 * (src/sync/rounds.ts); this file parses, asks, draws and maps the outcome to an exit code:
 * 0 done · 1 some clips failed for good · 2 invalid library or channel guard · 3 quota, upload
 * limit or interruption (run again) · 4 sign-in.
 */
import type { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { ExitCode, InputError, WorkLeftError } from '../../errors.ts';
import { tr, useLibraryLang } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { SyncEventMap, SyncSummary } from '../../sync/events.ts';
import type { RoundsEventMap } from '../../sync/rounds.ts';
import type { SyncRequest, SyncResult, SyncServices } from '../../sync/run.ts';
import type { CliContext, CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';
import type { ProgressMode } from '../progress.ts';
import type { Ui } from '../ui.ts';

interface SyncFlags {
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
  only?: string[];
  update: boolean;
  limitRate?: string;
  concurrency?: string;
  wait?: boolean;
  watch?: boolean;
  settle?: string;
  scheduled?: boolean;
}

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
      if (flags.scheduled === true) await runScheduled(ctx, dir, flags);
      else await runSyncCommand(ctx, dir, flags);
    });
};

function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^[1-4]$/.test(value.trim())) throw new InputError(M.sync.badConcurrency({ value }), { hint: M.sync.badConcurrencyHint() });
  return Number(value);
}

/**
 * A run of the daily task: its output and outcome go to `.happytube/schedule.log` (nobody watches
 * a scheduled run's terminal), as plain lines; the outcome is also the exit code, as always.
 */
async function runScheduled(ctx: CliContext, dir: string | undefined, flags: SyncFlags): Promise<void> {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { CONFIG_FILE } = await import('../../library/config.ts');
  const root = dir === undefined ? ctx.cwd : resolve(ctx.cwd, dir);
  if (!fs.existsSync(path.join(root, CONFIG_FILE))) return runSyncCommand(ctx, dir, flags); // says what is wrong
  const { openRunLog } = await import('../../schedule/log.ts');
  const { Ui } = await import('../ui.ts');
  const log = await openRunLog(root);
  const ui = new Ui({ stdout: log.stream, stderr: log.stream }, { color: false, verbose: ctx.ui.verbose, quiet: false });
  try {
    await runSyncCommand({ ...ctx, ui }, dir, flags);
    log.end(ExitCode.ok);
  } catch (error) {
    const { reportError } = await import('../outcome.ts');
    log.end(reportError(error, ui));
    throw error;
  }
}

function parseSettle(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SETTLE_SECONDS * 1000;
  const seconds = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 1 || seconds > 3600) {
    throw new InputError(M.sync.badSettle({ value }), { hint: M.sync.badSettleHint() });
  }
  return seconds * 1000;
}

async function runSyncCommand(ctx: CliContext, dir: string | undefined, flags: SyncFlags): Promise<void> {
  const { EventEmitter } = await import('node:events');
  const { findLibraryRoot } = await import('../../library/index.ts');
  const { runSync } = await import('../../sync/run.ts');
  const { planLines } = await import('../../sync/report.ts');
  const { endRun } = await import('../ending.ts');
  const { parseRateLimit } = await import('../../youtube/rate-limit.ts');
  const ui = ctx.ui;
  const concurrency = parseConcurrency(flags.concurrency);
  const limitRate = flags.limitRate === undefined ? undefined : parseRateLimit(flags.limitRate);
  const settleMs = parseSettle(flags.settle);
  const root = dir === undefined ? findLibraryRoot(ctx.cwd) ?? ctx.cwd : resolve(ctx.cwd, dir);
  const json = flags.json === true;
  // One JSON document at the end cannot describe a run that only ends on Ctrl-C.
  if (json && flags.watch === true) throw new InputError(M.sync.watchJson(), { hint: M.sync.watchJsonHint() });
  const events = new EventEmitter<SyncEventMap>();
  const { confirmSpending, mayAsk } = await import('../confirm.ts');
  const canAsk = mayAsk(ctx, flags);
  const request: SyncRequest = {
    dir: root,
    ...(flags.only ? { only: flags.only } : {}),
    cwd: ctx.cwd,
    dryRun: flags.dryRun === true,
    noUpdate: !flags.update,
    ...(limitRate === undefined ? {} : { limitRate }),
    concurrency,
  };
  const services: SyncServices = {
    environment: ctx.environment([root]),
    events,
    signal: ctx.signal,
    onLibrary: (library) => useLibraryLang(library.config.language),
    log: ui.verbose ? (line: string) => ui.debug(line) : undefined,
    confirm: async (plan, budget) => {
      if (!json) for (const line of planLines(plan, budget.remaining())) ui.note(line);
      return canAsk ? confirmSpending(ctx, plan.cost) : true;
    },
  };
  const draw = await drawing(ui, events, flags);

  if (flags.wait !== true && flags.watch !== true) {
    let result;
    draw.start();
    try {
      result = await runSync(request, services);
    } catch (error) {
      draw.stop();
      draw.invalid(error);
      throw error;
    }
    draw.stop();
    draw.result(result);
    if (json) draw.json(result, result.summary, result.failures);
    endRun(result);
    return;
  }
  await syncRounds(request, services, draw, flags, settleMs);
}

/** --wait and --watch: rounds under one lock (src/sync/rounds.ts), each drawn as a run. */
async function syncRounds(request: SyncRequest, services: SyncServices, draw: Drawing, flags: SyncFlags, settleMs: number): Promise<void> {
  const { EventEmitter } = await import('node:events');
  const { runRounds } = await import('../../sync/rounds.ts');
  const { roundsHandlers } = await import('../progress/rounds.ts');
  const { endRun } = await import('../ending.ts');
  const roundEvents = new EventEmitter<RoundsEventMap>();
  const stopRounds = roundsHandlers(roundEvents, draw.ui, draw.mode, request.dir, settleMs);
  roundEvents.on('round:start', draw.start);
  roundEvents.on('round:done', (result) => {
    draw.stop();
    draw.result(result);
  });
  roundEvents.on('round:invalid', (error) => {
    draw.stop();
    draw.invalid(error);
    draw.ui.error(error.text, error.hint);
  });
  let done;
  try {
    done = await runRounds({ request, services, wait: flags.wait === true, watch: flags.watch === true ? { settleMs } : undefined, rounds: roundEvents });
  } catch (error) {
    draw.stop();
    stopRounds();
    draw.invalid(error);
    throw error;
  }
  draw.stop();
  stopRounds();
  const { last, summary } = done;
  if (!last || !summary) return;
  if (flags.json === true) draw.json(last, summary, done.failures);
  if (flags.watch === true && last.stop?.kind !== 'interrupted') draw.ui.note(M.sync.watchStopped());
  if (done.stuck) throw new WorkLeftError(M.sync.waitStuck({ left: last.summary.left }), { hint: M.sync.waitStuckHint() });
  // Ctrl-C during the watch's idle time ends it as asked; a round it interrupted is work left.
  endRun({ stop: last.stop, summary: last.summary, failures: done.failures });
}

/** How a sync is shown: progress while it runs, then its result, the library's errors, --json. */
interface Drawing {
  ui: Ui;
  mode: ProgressMode;
  /** Progress drawing begins (a run, or a round). */
  start: () => void;
  /** …and ends; the computer may sleep again. */
  stop: () => void;
  /** One run's result: the summary, or the dry run's plan; nothing with --json. */
  result: (result: SyncResult) => void;
  /** The one JSON document of --json. */
  json: (result: SyncResult, summary: SyncSummary, failures: ReadonlyMap<string, string>) => void;
  /** The library's errors, when `error` says the library is invalid. */
  invalid: (error: unknown) => void;
}

async function drawing(ui: Ui, events: EventEmitter<SyncEventMap>, flags: SyncFlags): Promise<Drawing> {
  const { LibraryInvalidError } = await import('../../sync/run.ts');
  const { planJson, planLines } = await import('../../sync/report.ts');
  const { showLibraryErrors, summaryJson } = await import('../ending.ts');
  const { attachProgress, chooseProgressMode, printSummary } = await import('../progress.ts');
  // The computer stays awake from the first upload to the end of the run (of each round: it may
  // sleep through a wait for the quota, which reads the clock when it wakes).
  const { keepAwake } = await import('../../util/keep-awake.ts');
  const json = flags.json === true;
  const mode = chooseProgressMode(ui, json);
  let letSleep: (() => void) | undefined;
  events.on('action:start', (e) => {
    if (e.action.kind === 'video.upload') letSleep ??= keepAwake();
  });
  let hideProgress = (): void => undefined;
  return {
    ui,
    mode,
    start: () => {
      hideProgress = attachProgress(events, ui, mode);
    },
    stop: () => {
      hideProgress();
      letSleep?.();
      letSleep = undefined;
    },
    result: (result) => {
      const { summary, plan } = result;
      if (json) return;
      if (result.dryRun) {
        for (const line of planLines(plan, result.remaining)) ui.print(line);
        ui.note(M.sync.dryRunDone());
      } else if (!result.cancelled) {
        if (plan.clips.length === 0 && plan.playlists.length === 0) for (const line of planLines(plan, result.remaining)) ui.note(line);
        // With --wait, the wait's own line says what is left and when the run goes on.
        printSummary(ui, flags.wait === true && result.stop?.kind === 'quota' ? { ...summary, left: 0 } : summary);
      }
    },
    json: (result, summary, failures) => {
      if (result.dryRun) ui.json({ dryRun: true, plan: planJson(result.plan), remaining: result.remaining });
      else {
        ui.json({
          dryRun: false,
          cancelled: result.cancelled,
          summary: summaryJson(summary),
          plan: planJson(result.plan),
          failures: Object.fromEntries(failures),
          videos: Object.fromEntries(result.videos),
        });
      }
    },
    invalid: (error) => {
      if (error instanceof LibraryInvalidError) showLibraryErrors(ui, error, json);
    },
  };
}

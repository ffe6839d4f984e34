/**
 * What `happytube sync` does (its options: src/cli/commands/sync.ts). The work is runSync
 * (src/sync/run.ts), or rounds of it for --wait and --watch (src/sync/rounds.ts); this file
 * parses, asks, draws and maps the outcome to an exit code: 0 done · 1 some clips failed for good ·
 * 2 invalid library or channel guard · 3 quota, upload limit or interruption (run again) · 4 sign-in.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExitCode, InputError, WorkLeftError } from '../../errors.ts';
import { useLibraryLang } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import { CONFIG_FILE } from '../../library/config.ts';
import { findLibraryRoot } from '../../library/index.ts';
import { openRunLog } from '../../schedule/log.ts';
import type { SyncEventMap, SyncSummary } from '../../sync/events.ts';
import { planJson, planLines } from '../../sync/plan-text.ts';
import { runRounds } from '../../sync/rounds.ts';
import type { RoundsEventMap } from '../../sync/rounds.ts';
import { LibraryInvalidError, runSync } from '../../sync/run.ts';
import type { SyncRequest, SyncResult, SyncServices } from '../../sync/run.ts';
import { awakeWhileUploading } from '../../util/keep-awake.ts';
import { parseRateLimit } from '../../youtube/rate-limit.ts';
import { confirmSpending, mayAsk } from '../confirm.ts';
import type { CliContext } from '../context.ts';
import { endRun, showLibraryErrors, summaryJson } from '../ending.ts';
import { reportError } from '../outcome.ts';
import { attachProgress, chooseProgressMode, printSummary } from '../progress.ts';
import type { ProgressMode } from '../progress.ts';
import { roundsHandlers } from '../progress/rounds.ts';
import { Ui } from '../ui.ts';

export interface SyncFlags {
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

function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^[1-4]$/.test(value.trim())) throw new InputError(M.sync.badConcurrency({ value }), { hint: M.sync.badConcurrencyHint() });
  return Number(value);
}

/**
 * A run of the daily task: its output and outcome go to `.happytube/schedule.log` (nobody watches
 * a scheduled run's terminal), as plain lines; the outcome is also the exit code, as always.
 */
export async function runScheduled(ctx: CliContext, dir: string | undefined, flags: SyncFlags, settleSeconds: number): Promise<void> {
  const root = dir === undefined ? ctx.cwd : resolve(ctx.cwd, dir);
  if (!existsSync(join(root, CONFIG_FILE))) return runSyncCommand(ctx, dir, flags, settleSeconds); // says what is wrong
  const log = await openRunLog(root);
  const ui = new Ui({ stdout: log.stream, stderr: log.stream }, { color: false, verbose: ctx.ui.verbose, quiet: false });
  try {
    await runSyncCommand({ ...ctx, ui }, dir, flags, settleSeconds);
    log.end(ExitCode.ok);
  } catch (error) {
    log.end(reportError(error, ui));
    throw error;
  }
}

/** `--settle SECONDS` in milliseconds; `settleSeconds` without it. */
function parseSettle(value: string | undefined, settleSeconds: number): number {
  if (value === undefined) return settleSeconds * 1000;
  const seconds = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 1 || seconds > 3600) {
    throw new InputError(M.sync.badSettle({ value }), { hint: M.sync.badSettleHint() });
  }
  return seconds * 1000;
}

/** One sync, or rounds of it with --wait or --watch; `settleSeconds` is --settle's default. */
export async function runSyncCommand(ctx: CliContext, dir: string | undefined, flags: SyncFlags, settleSeconds: number): Promise<void> {
  const ui = ctx.ui;
  const concurrency = parseConcurrency(flags.concurrency);
  const limitRate = flags.limitRate === undefined ? undefined : parseRateLimit(flags.limitRate);
  const settleMs = parseSettle(flags.settle, settleSeconds);
  const root = dir === undefined ? findLibraryRoot(ctx.cwd) ?? ctx.cwd : resolve(ctx.cwd, dir);
  const json = flags.json === true;
  // One JSON document at the end cannot describe a run that only ends on Ctrl-C.
  if (json && flags.watch === true) throw new InputError(M.sync.watchJson(), { hint: M.sync.watchJsonHint() });
  // A settle time without a watch would be taken and do nothing: the user meant something else.
  if (flags.settle !== undefined && flags.watch !== true) throw new InputError(M.sync.settleWithoutWatch(), { hint: M.sync.settleWithoutWatchHint() });
  const events = new EventEmitter<SyncEventMap>();
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
  const draw = drawing(ui, events, flags);

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

function drawing(ui: Ui, events: EventEmitter<SyncEventMap>, flags: SyncFlags): Drawing {
  const json = flags.json === true;
  const mode = chooseProgressMode(ui, json);
  // Awake from the first upload to the end of each round: the computer may sleep through a wait
  // for the quota, which reads the clock when it wakes.
  const letSleep = awakeWhileUploading(events);
  let hideProgress = (): void => undefined;
  return {
    ui,
    mode,
    start: () => {
      hideProgress = attachProgress(events, ui, mode);
    },
    stop: () => {
      hideProgress();
      letSleep();
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

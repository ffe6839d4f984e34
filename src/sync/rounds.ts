/**
 * A sync that keeps going (`sync --wait`, `sync --watch`): rounds of runSync under one lock.
 *
 * - `wait`: a round that stops for quota (either bucket) is followed, after the reset and a
 *   margin (quotaResetMargin), by another, until a round ends with nothing left for quota — or
 *   until a round after a reset could do nothing at all (it would wait forever).
 * - `watch`: after the first round, the library folder is watched (src/library/watch.ts); each
 *   batch of settled changes starts a round. Files still changing are held back (`hold`).
 *
 * The lock is taken once and held across the waits, so a rival run is refused with this run's pid.
 * Ctrl-C during a wait throws the signal's reason (exit 3: work left, nothing lost); during the
 * watch's idle time it ends the watch cleanly.
 */
import type { EventEmitter } from 'node:events';
import { InputError } from '../errors.ts';
import { LibraryWatcher } from '../library/watch.ts';
import type { WatchState } from '../library/watch.ts';
import { acquireLock } from '../state/index.ts';
import { nextQuotaReset, quotaResetMargin } from '../youtube/quota.ts';
import { addSummaries } from './events.ts';
import type { SyncSummary } from './events.ts';
import { runSync, startClient } from './run.ts';
import type { SyncRequest, SyncResult, SyncServices } from './run.ts';
import { waitUntil } from './wait.ts';

export interface RoundsEventMap {
  /** A round begins: the first, after a quota wait, or for changes seen by the watch. */
  'round:start': [{ round: number; reason: 'first' | 'quota' | 'changes'; changes: string[] }];
  /** A round ended (its result; the caller prints its summary). */
  'round:done': [SyncResult];
  /** A round of the watch found the library invalid (exit 2 for a single run): the watch goes on. */
  'round:invalid': [InputError];
  /** The run waits for the quota: `left` clips, quota back at `resetAt`, the run goes on at `resumeAt`. */
  'wait:start': [{ left: number; resetAt: Date; resumeAt: Date }];
  'wait:tick': [{ resumeAt: Date; msLeft: number }];
  'wait:end': [];
  /** The watch is idle or sees files changing (`state`); emitted when that changes. */
  'watch:state': [WatchState];
}

export interface RoundsOptions {
  /** What every round syncs. */
  request: SyncRequest;
  /** The services of every round (the first round's `confirm` only; later rounds ask nothing). */
  services: SyncServices;
  wait: boolean;
  /** `--watch`: how long a changed file must stay still (milliseconds). */
  watch: { settleMs: number; pollMs?: number } | undefined;
  rounds: EventEmitter<RoundsEventMap>;
}

export interface RoundsResult {
  /** The last round (the one whose outcome decides the exit code), if one ran. */
  last: SyncResult | undefined;
  /** All rounds together. */
  summary: SyncSummary | undefined;
  /** relPath → reason, of clips that failed in any round and did not succeed in a later one. */
  failures: Map<string, string>;
  /** `wait` gave up: a round after a reset could do nothing (a step costs more than a day's quota). */
  stuck: boolean;
}

export async function runRounds(options: RoundsOptions): Promise<RoundsResult> {
  const { request, services, rounds } = options;
  const signal = services.signal;
  const release = request.dryRun === true ? undefined : await acquireLock(request.dir);
  let watcher: LibraryWatcher | undefined;
  const out: RoundsResult = { last: undefined, summary: undefined, failures: new Map(), stuck: false };
  try {
    if (options.watch && request.dryRun !== true) watcher = await LibraryWatcher.start(request.dir, options.watch);
    // One client for every round: the sign-in is read and refreshed once, not every round.
    const client = Promise.resolve(services.client ?? startClient(services.environment, request.dir, services.log));
    client.catch(() => undefined); // awaited by the first round, after the library is valid
    let reason: 'first' | 'quota' | 'changes' = 'first';
    let changes: string[] = [];
    for (let round = 1; ; round++) {
      rounds.emit('round:start', { round, reason, changes });
      const hold = watcher ? new Set(watcher.state().changing) : undefined;
      let result: SyncResult;
      try {
        result = await runSync({ ...request, lockHeld: true, ...(hold ? { hold } : {}) }, { ...services, client, ...(round > 1 ? { confirm: undefined } : {}) });
      } catch (error) {
        // A sidecar saved half-way, a template with a typo: the watch says so and waits for the fix.
        if (!(watcher && round > 1 && error instanceof InputError)) throw error;
        rounds.emit('round:invalid', error);
        const batch = await nextBatch(watcher, rounds, signal);
        if (batch === undefined) return out;
        [reason, changes] = ['changes', batch];
        continue;
      }
      record(out, result);
      rounds.emit('round:done', result);
      if (result.dryRun || result.cancelled || result.stop?.kind === 'interrupted') return out;
      // A whole fresh day that could not do one action never will (a step costs more than the
      // day's quota): waiting again would wait forever; the run ends with work left instead.
      out.stuck = result.stop?.kind === 'quota' && reason === 'quota' && actionsDone(result.summary) === 0;
      if (result.stop?.kind === 'quota' && options.wait && !out.stuck) {
        const resetAt = result.summary.quotaResetAt ?? nextQuotaReset(new Date());
        const resumeAt = new Date(resetAt.getTime() + quotaResetMargin());
        rounds.emit('wait:start', { left: result.summary.left, resetAt, resumeAt });
        await waitUntil(resumeAt, { signal, onTick: (msLeft) => rounds.emit('wait:tick', { resumeAt, msLeft }) });
        rounds.emit('wait:end');
        [reason, changes] = ['quota', []];
        continue;
      }
      if (!watcher) return out;
      const batch = await nextBatch(watcher, rounds, signal);
      if (batch === undefined) return out;
      [reason, changes] = ['changes', batch];
    }
  } finally {
    watcher?.close();
    await release?.();
  }
}

function actionsDone(s: SyncSummary): number {
  return s.uploaded + s.adopted + s.updated + s.addedToPlaylists + s.removedFromPlaylists + s.thumbnails + s.captions + s.playlistsCreated + s.playlistsUpdated;
}

function record(out: RoundsResult, result: SyncResult): void {
  out.last = result;
  out.summary = out.summary === undefined ? result.summary : addSummaries(out.summary, result.summary);
  for (const rel of result.videos.keys()) out.failures.delete(rel);
  for (const [rel, why] of result.failures) out.failures.set(rel, why);
}

/** Waits for the watch's next batch, telling listeners what it sees meanwhile. */
async function nextBatch(watcher: LibraryWatcher, rounds: EventEmitter<RoundsEventMap>, signal: AbortSignal): Promise<string[] | undefined> {
  let shown = '';
  const show = (): void => {
    const state = watcher.state();
    const key = JSON.stringify(state.changing);
    if (key === shown) return;
    shown = key;
    rounds.emit('watch:state', state);
  };
  show();
  const off = watcher.onChange(show);
  try {
    return await watcher.next(signal);
  } finally {
    off();
  }
}

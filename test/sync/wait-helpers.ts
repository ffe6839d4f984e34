/**
 * `sync --wait` in a test: the CLI counts quota days of a second (HAPPYTUBE_TEST_QUOTA_DAY_SECONDS,
 * in the environment of the CLI's run only), and the emulator's day turns when the run says it
 * waits. A run's stop and its wait are then the emulator's answer and not where a short day
 * happens to end: a round slowed by a busy machine never runs into the next day and uploads more
 * than a day allows.
 */
import { startMain } from '../helpers/cli.ts';
import type { RunResult } from '../helpers/cli.ts';
import type { EmulatorHandle } from '../helpers/emulator.ts';

export const DAY_SECONDS = '1';
export const dayEnv = { HAPPYTUBE_TEST_QUOTA_DAY_SECONDS: DAY_SECONDS };
export const USED_UP = "Today's quota is used up";

/**
 * The emulator's quota day turns now. In-process and synchronous: from the stderr line that says
 * the run waits, it is done before the run's next request can reach the emulator, however short
 * the wait.
 */
export function turnDay(emulator: EmulatorHandle): void {
  emulator.running.state.quota.reset();
}

/** `happytube sync DIR --yes --wait ARGS` in-process (startMain); each wait it announces turns the emulator's day. */
export function syncWaiting(emulator: EmulatorHandle, dir: string, args: string[] = []): Promise<RunResult> {
  const run = startMain(['sync', dir, '--yes', '--wait', ...args], { env: { ...emulator.env(), HAPPYTUBE_LANG: 'en', ...dayEnv }, timeoutMs: 120_000 });
  run.stdin.end();
  let stderr = '';
  let waits = 0;
  run.stderr.on('data', (d: string) => {
    stderr += d;
    const announced = stderr.split(USED_UP).length - 1;
    if (announced > waits) turnDay(emulator);
    waits = announced;
  });
  return run.result;
}

/**
 * A run of `sync --wait` while it waits for the quota: it holds the lock, Ctrl-C ends it without
 * losing anything, and a terminal shows the countdown. Room for 2 uploads a day; quota days of a
 * second for the CLI, the emulator's day turned as the run waits (wait-helpers.ts). The run
 * interrupted and the one on a terminal are child processes (a signal and a terminal are the
 * point); the rival and the later run are in-process.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BIN, cleanEnv } from '../helpers/cli.ts';
import { terminal } from '../helpers/terminal.ts';
import { useEmulator } from '../helpers/emulator.ts';
import { checkClips, expectEachClipOnce, sync, useExampleLibrary } from './helpers.ts';
import { dayEnv, syncWaiting, turnDay, USED_UP } from './wait-helpers.ts';

const emulator = useEmulator({ uploads: 2 });
const library = useExampleLibrary();

it('holds the lock while it waits (a rival run is refused with its pid); Ctrl-C then exits 3 and loses nothing', async () => {
  // This run counts real quota days (no HAPPYTUBE_TEST_QUOTA_DAY_SECONDS): once it has used the
  // emulator's 2 uploads it waits for the Pacific midnight, so it is surely still waiting when
  // the rival comes and when Ctrl-C comes, however slow the machine.
  const child = spawn(process.execPath, [BIN, 'sync', library.dir, '--yes', '--wait'], {
    env: cleanEnv({ ...emulator.env(), HAPPYTUBE_LANG: 'en' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const waiting = new Promise<void>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (stderr.includes(USED_UP)) resolve();
    });
    child.on('close', () => reject(new Error(`the run ended before it waited:\n${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.stdout.resume();
  await waiting;

  const rival = await sync(emulator, library.dir, [], 60_000, dayEnv);
  expect(rival.code).toBe(1);
  expect(rival.stderr).toContain(`process ${child.pid}`);

  child.kill('SIGINT');
  expect(await exited).toBe(3);
  // Nothing in flight was lost or doubled: a later run finds every uploaded clip recorded.
  turnDay(emulator);
  const later = await syncWaiting(emulator, library.dir);
  expect(later.code).toBe(0);
  await expectEachClipOnce(await emulator.admin.state(), library.dir, await checkClips(library.dir));
}, 200_000);

it('counts down on one status line in a terminal', async () => {
  // 4 clips, 2 a day, on a day whose uploads are used up already: two waits. Each shows the
  // countdown unless it is over before it begins (a run that stops just as a one-second day ends).
  for (const clip of ['03-qua-trinh-ket-qua/2024-12-18 Ngày hội gia đình.mp4', '04-mo-hinh-hay/2025-02-14 Vườn rau của bé.mp4']) {
    await rm(join(library.dir, clip.normalize('NFD')), { force: true });
    await rm(join(library.dir, clip), { force: true });
  }
  expect(await checkClips(library.dir)).toHaveLength(4);
  await emulator.admin.faults(['uploads-exhausted']);
  const term = terminal(['sync', library.dir, '--yes', '--wait'], { ...emulator.env(), HAPPYTUBE_LANG: 'en', ...dayEnv });
  for (let wait = 0; wait < 2; wait++) {
    await term.waitFor(new RegExp(USED_UP));
    turnDay(emulator);
  }
  expect(await term.exit).toBe(0);
  expect(term.output()).toMatch(/Waiting for the quota: going on at \d\d:\d\d on .+ \(in \d+ s\)/);
}, 150_000);

/**
 * Sync at scale (docs/architecture.md), against the emulator on loopback:
 * 1. generates a 2,000-clip library (tiny distinct clips, 4 playlist folders) and syncs it once
 *    (the setup, timed for information);
 * 2. times a no-op sync of that published library: bar ≤ 2 s wall and ≤ 100 quota units;
 * 3. times planning 2,000 new clips (the pure planner, with the library's own clips): bar ≤ 1 s.
 * Progress goes to stderr; the last two stdout lines are the figures. Exit 1 when a bar is missed.
 *   node bench/sync.ts [--clips N]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emulatorEnvironment, startEmulator } from '../src/emulator/index.ts';
import { loadLibrary } from '../src/library/index.ts';
import { plan } from '../src/sync/plan.ts';
import type { PlanClip } from '../src/sync/plan.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'happytube.js');
const argIndex = process.argv.indexOf('--clips');
const CLIPS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 2000;
const FOLDERS = ['01-muc-dich', '02-bo-tieu-chi', '03-qua-trinh-ket-qua', '04-mo-hinh-hay'];
const FTYP = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31]);

const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function makeLibrary(dir: string, clips: number): Promise<void> {
  const playlists = FOLDERS.map((f, i) => `  - { key: p${i}, folder: ${f}, title: "Playlist ${i}", description: "Bench playlist ${i}", privacy: public }`).join('\n');
  await writeFile(
    join(dir, 'happytube.yaml'),
    `language: en\nschool: { name: "Bench School" }\ndefaults: { privacy: unlisted, madeForKids: false, category: "27", language: vi }\nquota: { units: 10000000, uploads: 100000 }\nplaylists:\n${playlists}\n`,
  );
  for (const folder of FOLDERS) await mkdir(join(dir, folder));
  const writes: Promise<void>[] = [];
  for (let i = 0; i < clips; i++) {
    const body = Buffer.concat([FTYP, randomBytes(64 + (i % 97))]);
    const day = String(1 + (i % 28)).padStart(2, '0');
    writes.push(writeFile(join(dir, FOLDERS[i % FOLDERS.length]!, `2024-01-${day} Clip ${i}.mp4`), body));
    if (writes.length >= 256) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; ms: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, HAPPYTUBE_LANG: 'en', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ms: performance.now() - started, stderr }));
  });
}

async function main(): Promise<void> {
  const base = await mkdtemp(join(tmpdir(), 'happytube-bench-sync-'));
  const emulator = await startEmulator({ quota: 10_000_000, uploads: 100_000 });
  try {
    const dir = join(base, 'library');
    await mkdir(dir);
    log(`generating ${CLIPS} clips in ${dir}`);
    await makeLibrary(dir, CLIPS);
    const tokens = (await (await fetch(`${emulator.url}/__admin/tokens`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).json()) as {
      refresh_token: string;
      client_id: string;
      client_secret: string;
    };
    const env = emulatorEnvironment(emulator.url, tokens);

    log('first sync (publishes everything; setup, not a bar)…');
    const first = await cli(['sync', dir, '--yes', '--quiet', '--concurrency', '4'], env);
    if (first.code !== 0) throw new Error(`the first sync failed (exit ${first.code}):\n${first.stderr.slice(-2000)}`);
    log(`  ${(first.ms / 1000).toFixed(1)} s, ${emulator.state.videos.size} videos`);

    // Warm-up of the compile cache, then the median of 3 no-op syncs.
    const runs: { ms: number; units: number }[] = [];
    for (let i = 0; i < 4; i++) {
      const before = emulator.state.quota.snapshot().units.used;
      const noop = await cli(['sync', dir, '--yes', '--quiet'], env);
      if (noop.code !== 0) throw new Error(`the no-op sync failed (exit ${noop.code}):\n${noop.stderr.slice(-2000)}`);
      const units = emulator.state.quota.snapshot().units.used - before;
      if (i > 0) runs.push({ ms: noop.ms, units });
      log(`  no-op sync ${i === 0 ? '(warm-up) ' : ''}${Math.round(noop.ms)} ms, ${units} units`);
    }
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[Math.floor(runs.length / 2)]!;

    // Planning 2,000 new clips: the library's own clips, none of them known.
    const library = await loadLibrary(dir);
    const clips: PlanClip[] = library.clips.map((c) => ({
      relPath: c.relPath,
      fileName: c.relPath.split('/').pop()!,
      size: c.size,
      sha256: undefined,
      date: c.date,
      playlists: c.playlists,
      metadata: c.metadata,
      metadataHash: c.metadataHash,
      thumbnail: undefined,
      captions: [],
      skip: c.skip,
      duplicateOf: c.duplicateOf,
    }));
    const started = performance.now();
    const planned = plan({
      now: new Date(),
      clips,
      playlists: library.playlists,
      ledger: { clips: new Map(), playlists: {} },
      channel: { channelId: 'UC', playlists: [], items: new Map(), videos: new Map(), checkedVideoIds: new Set(), uploads: [] },
      schedule: { timezone: 'Asia/Ho_Chi_Minh', slots: [{ weekday: 1, hour: 19, minute: 0, text: 'MON 19:00' }] },
      defaultLanguage: 'vi',
    });
    const planMs = performance.now() - started;
    const okNoop = median.ms <= 2000 && median.units <= 100;
    const okPlan = planMs <= 1000 && planned.clips.length === CLIPS;
    process.stdout.write(`no-op sync of ${CLIPS} published clips: ${Math.round(median.ms)} ms wall, ${median.units} units (bar ≤ 2000 ms, ≤ 100 units) ${okNoop ? 'PASS' : 'FAIL'}\n`);
    process.stdout.write(`planning ${CLIPS} new clips: ${planMs.toFixed(0)} ms (bar ≤ 1000 ms) ${okPlan ? 'PASS' : 'FAIL'}\n`);
    process.exitCode = okNoop && okPlan ? 0 : 1;
  } finally {
    await emulator.close();
    await rm(base, { recursive: true, force: true });
  }
}

await main();

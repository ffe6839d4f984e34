/**
 * `npm run bench`: every quality bar listed in docs/architecture.md in one table (what, bar, measured, pass/fail).
 *   node bench/run.ts [--only help,upload,emulator,sync,hash,demo]
 * Each piece is a function; a piece whose script is not there yet says "not available yet". The
 * pieces owned by other scripts (bench/upload.ts, bench/emulator-upload.ts, bench/sync.ts) run as
 * child processes: their own output goes to stderr as they run, their results into the table.
 * Exit 1 when any bar is missed.
 */
import { spawn } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'happytube.js');
const MiB = 1024 * 1024;

/** One line of the table; `pass` undefined: not measured (or for information). */
interface Row {
  what: string;
  bar: string;
  measured: string;
  pass: boolean | undefined;
  /** A bar of a test tool, not of docs/architecture.md: shown, not counted in the exit code. */
  extra?: boolean;
}

interface Ran {
  code: number | null;
  stdout: string;
  ms: number;
}

/** Runs a command; its stdout is captured (and echoed to stderr with `echo`), its stderr passes through. */
function run(command: string, args: string[], options: { echo?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: options.env ?? process.env });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (options.echo) process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, ms: performance.now() - started }));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function notAvailable(what: string, bar: string, script: string): Row {
  return { what, bar, measured: `not available yet (${script} missing)`, pass: undefined };
}

// ---- happytube --help ----------------------------------------------------------------------------

/** Wall time of `node bin/happytube.js --help`: one warm-up (fills the compile cache), then the median of 10. */
async function helpTime(): Promise<Row[]> {
  const times: number[] = [];
  for (let i = 0; i <= 10; i++) {
    const { code, ms } = await run(process.execPath, [BIN, '--help']);
    if (code !== 0) throw new Error(`happytube --help exited with ${code}`);
    if (i > 0) times.push(ms);
  }
  const ms = median(times);
  return [
    {
      what: 'happytube --help (median of 10, wall)',
      bar: '≤ 250 ms',
      measured: `${ms.toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
      pass: ms <= 250,
    },
  ];
}

// ---- uploads (bench/upload.ts) ---------------------------------------------------------------------

interface UploadLine {
  size: string;
  tool: string;
  mbps: number;
  transfer: number;
  ratio: number;
  rest: number;
  rss: number;
}

/** bench/upload.ts prints a padded table: size, uploader, MB/s, transfer s, vs curl, rest s, wall s, CPU s, peak RSS MiB. */
function parseUploadTable(stdout: string): UploadLine[] {
  const rows: UploadLine[] = [];
  for (const line of stdout.split('\n')) {
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length < 9 || !/^\d+ MiB$/.test(cells[0]!)) continue;
    rows.push({
      size: cells[0]!,
      tool: cells[1]!,
      mbps: Number(cells[2]),
      transfer: Number(cells[3]),
      ratio: Number.parseFloat(cells[4]!),
      rest: Number(cells[5]),
      rss: Number(cells[8]),
    });
  }
  return rows;
}

async function uploads(): Promise<Row[]> {
  const speedWhat = "happytube upload of a new 2 GiB clip: the bytes' transfer vs curl -T (the emulator's clock, first byte to last)";
  const restWhat = 'happytube upload of a new 2 GiB clip: the rest of the command (start-up, library, sign-in, channel, playlist, state)';
  const rssWhat = 'peak RSS of happytube upload';
  const script = join(ROOT, 'bench', 'upload.ts');
  if (!existsSync(script)) {
    return [
      notAvailable(speedWhat, '≥ 90 % of curl', 'bench/upload.ts'),
      notAvailable(restWhat, '≤ 0.6 s', 'bench/upload.ts'),
      notAvailable(rssWhat, '≤ 150 MB', 'bench/upload.ts'),
    ];
  }
  const { code, stdout } = await run(process.execPath, [script, '--sizes=2048,100'], { echo: true });
  const rows = parseUploadTable(stdout);
  const find = (size: string, tool: string): UploadLine | undefined => rows.find((r) => r.size === size && r.tool === tool);
  // The bars are judged on the whole command; the uploader alone and @googleapis/youtube are shown.
  const ours = find('2048 MiB', 'happytube upload');
  const curl = find('2048 MiB', 'curl -T');
  const alone = find('2048 MiB', 'uploadResumable');
  const google = find('2048 MiB', '@googleapis/youtube');
  const others = [alone ? `uploadResumable alone ${alone.ratio} %` : undefined, google ? `@googleapis/youtube ${google.ratio} %` : undefined].filter(Boolean);
  const missing = (what: string, bar: string): Row => ({ what, bar, measured: `no result (bench/upload.ts exit ${code})`, pass: false });
  const out: Row[] = [];
  out.push(
    ours && curl
      ? {
          what: speedWhat,
          bar: '≥ 90 % of curl',
          measured: `${ours.ratio} % (happytube upload ${ours.transfer} s, ${ours.mbps} MB/s; curl ${curl.transfer} s, ${curl.mbps} MB/s${others.length > 0 ? `; ${others.join(', ')}` : ''})`,
          pass: ours.ratio >= 90,
        }
      : missing(speedWhat, '≥ 90 % of curl'),
  );
  out.push(ours ? { what: restWhat, bar: '≤ 0.6 s', measured: `${ours.rest} s`, pass: ours.rest <= 0.6 } : missing(restWhat, '≤ 0.6 s'));
  for (const size of ['100 MiB', '2048 MiB']) {
    const row = find(size, 'happytube upload');
    const label = `${rssWhat}, ${size === '2048 MiB' ? '2 GiB' : '100 MiB'} file`;
    out.push(row ? { what: label, bar: '≤ 150 MB', measured: `${row.rss} MiB`, pass: row.rss * 1.048576 <= 150 } : missing(label, '≤ 150 MB'));
  }
  return out;
}

// ---- the emulator receiving an upload (bench/emulator-upload.ts) -----------------------------------

async function emulatorUpload(): Promise<Row[]> {
  const what = 'emulator receiving a 2 GiB upload (peak RSS)';
  const script = join(ROOT, 'bench', 'emulator-upload.ts');
  if (!existsSync(script)) return [notAvailable(what, '< 100 MB', 'bench/emulator-upload.ts')];
  const { code, stdout } = await run(process.execPath, [script, '2'], { echo: true });
  // | resumable, one PUT | 2048.0 MiB | 201 | 3.10 | 660 | 45.2 MB | 60.3 MB |
  const cells = stdout
    .split('\n')
    .find((l) => l.startsWith('| resumable'))
    ?.split('|')
    .map((c) => c.trim());
  const measured = cells ? `${cells[7]} (HTTP ${cells[3]}, ${cells[5]} MB/s)` : `no result (exit ${code})`;
  return [{ what, bar: '< 100 MB', measured, pass: code === 0, extra: true }];
}

// ---- no-op sync of 2,000 clips (bench/sync.ts) -------------------------------------------------------

async function noopSync(): Promise<Row[]> {
  const what = 'no-op sync of a 2,000-clip published library';
  const bar = '≤ 2 s wall, ≤ 100 units';
  const script = join(ROOT, 'bench', 'sync.ts');
  if (!existsSync(script)) return [notAvailable(what, bar, 'bench/sync.ts')];
  const { code, stdout } = await run(process.execPath, [script], { echo: true });
  // Its last two stdout lines: "no-op sync of 2000 published clips: 850 ms wall, 44 units (bar …) PASS"
  // and "planning 2000 new clips: 120 ms (bar ≤ 1000 ms) PASS".
  const noop = /no-op sync of (\d+) published clips: (\d+) ms wall, (\d+) units.*\b(PASS|FAIL)\s*$/m.exec(stdout);
  const planning = /planning (\d+) new clips: (\d+) ms.*\b(PASS|FAIL)\s*$/m.exec(stdout);
  const rows: Row[] = [
    noop
      ? { what, bar, measured: `${noop[2]} ms wall, ${noop[3]} units (${noop[1]} clips)`, pass: noop[4] === 'PASS' }
      : { what, bar, measured: `no result (bench/sync.ts exit ${code})`, pass: false },
  ];
  if (planning) rows.push({ what: `planning ${planning[1]} new clips (pure planner)`, bar: '≤ 1 s', measured: `${planning[2]} ms`, pass: planning[3] === 'PASS', extra: true });
  return rows;
}

// ---- content hashing ----------------------------------------------------------------------------------

async function makeRandomFile(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'w');
  const block = Buffer.allocUnsafe(8 * MiB);
  try {
    for (let written = 0; written < bytes; written += block.length) {
      randomFillSync(block);
      await handle.write(block, 0, Math.min(block.length, bytes - written));
    }
  } finally {
    await handle.close();
  }
}

/** SHA-256 of a file as happytube reads it: a stream into node:crypto. */
async function nodeSha256(path: string): Promise<{ ms: number; hex: string }> {
  const started = performance.now();
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  return { ms: performance.now() - started, hex: hash.digest('hex') };
}

/** Best of three of a command that prints the hex digest first. */
async function toolSha256(command: string, args: string[]): Promise<{ ms: number; hex: string } | undefined> {
  let best: { ms: number; hex: string } | undefined;
  for (let i = 0; i < 3; i++) {
    let ran: Ran;
    try {
      ran = await run(command, args);
    } catch {
      return undefined; // not installed
    }
    if (ran.code !== 0) return undefined;
    const hex = /\b([0-9a-f]{64})\b/.exec(ran.stdout)?.[1] ?? '';
    if (!best || ran.ms < best.ms) best = { ms: ran.ms, hex };
  }
  return best;
}

async function hashing(): Promise<Row[]> {
  const size = 1024 * MiB;
  const dir = await mkdtemp(join(tmpdir(), 'happytube-bench-hash-'));
  const file = join(dir, 'clip.bin');
  try {
    await makeRandomFile(file, size);
    await nodeSha256(file); // page cache warm: every tool reads from memory alike
    let ours = await nodeSha256(file);
    for (let i = 0; i < 2; i++) {
      const again = await nodeSha256(file);
      if (again.ms < ours.ms) ours = again;
    }
    const openssl = await toolSha256('openssl', ['dgst', '-sha256', '-r', file]);
    const sha256sum = await toolSha256('sha256sum', [file]);
    const speed = (ms: number): number => size / 1e6 / (ms / 1000);
    const reference = openssl ?? sha256sum;
    const same = [openssl, sha256sum].every((r) => r === undefined || r.hex === ours.hex);
    const ratio = reference ? speed(ours.ms) / speed(reference.ms) : undefined;
    const parts = [
      `node:crypto ${speed(ours.ms).toFixed(0)} MB/s`,
      openssl ? `openssl ${speed(openssl.ms).toFixed(0)} MB/s` : 'openssl missing',
      sha256sum ? `sha256sum ${speed(sha256sum.ms).toFixed(0)} MB/s` : 'sha256sum missing',
    ];
    return [
      {
        what: 'content hashing, SHA-256 of 1 GiB (best of 3)',
        bar: '≥ 90 % of OpenSSL',
        measured: `${ratio === undefined ? '?' : `${(ratio * 100).toFixed(0)} %`} (${parts.join(', ')})${same ? '' : ' DIGESTS DIFFER'}`,
        pass: ratio !== undefined && ratio >= 0.9 && same,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---- happytube demo ------------------------------------------------------------------------------

/** Wall time of `happytube demo` as a new user runs it: its own temp folder and an empty config folder. */
async function demoTime(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'happytube-bench-demo-'));
  try {
    const env = { ...process.env, TMPDIR: dir, HAPPYTUBE_CONFIG_DIR: join(dir, 'config'), HAPPYTUBE_LANG: 'en' };
    const { code, ms } = await run(process.execPath, [BIN, 'demo'], { env });
    if (code !== 0) throw new Error(`happytube demo exited with ${code}`);
    return [{ what: 'happytube demo (examples/ against its in-process emulator, wall)', bar: '≤ 30 s', measured: `${(ms / 1000).toFixed(1)} s`, pass: ms <= 30_000, extra: true }];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---- the table ----------------------------------------------------------------------------------------

const PIECES: Record<string, { title: string; measure: () => Promise<Row[]> }> = {
  help: { title: 'happytube --help', measure: helpTime },
  upload: { title: 'uploads', measure: uploads },
  emulator: { title: 'emulator upload', measure: emulatorUpload },
  sync: { title: 'no-op sync', measure: noopSync },
  hash: { title: 'content hashing', measure: hashing },
  demo: { title: 'happytube demo', measure: demoTime },
};

function table(rows: Row[]): string {
  const header = ['what', 'bar', 'measured', 'pass/fail'];
  const cells = rows.map((r) => [r.what, r.bar, r.measured, `${r.pass === undefined ? '—' : r.pass ? 'pass' : 'FAIL'}${r.extra ? ' *' : ''}`]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]): string => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const chosen = Object.entries(PIECES).filter(([key]) => !only || only.includes(key));
  const rows: Row[] = [];
  for (const [key, piece] of chosen) {
    process.stderr.write(`\n== bench: ${piece.title} ==\n`);
    try {
      rows.push(...(await piece.measure()));
    } catch (error) {
      rows.push({ what: piece.title, bar: '', measured: `error: ${error instanceof Error ? error.message : String(error)}`, pass: false });
      process.stderr.write(`bench ${key} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
  }
  process.stdout.write(`\nQuality bars of docs/architecture.md (${new Date().toISOString()}, Node ${process.version})\n\n${table(rows)}\n`);
  if (rows.some((r) => r.extra)) process.stdout.write('* a bar of the team (emulator, planner, demo), not of docs/architecture.md: not counted in the exit code\n');
  if (rows.some((r) => r.pass === false && !r.extra)) process.exitCode = 1;
}

await main();

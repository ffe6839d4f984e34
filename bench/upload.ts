/**
 * Upload bench (docs/architecture.md): the transfer, the rest of the command and peak RSS of one upload to the
 * emulator on loopback.
 *   node_modules/.bin/node bench/upload.ts [--sizes=2048,100]
 * Starts the emulator in a child process, writes one new clip per size (MiB) under os.tmpdir() — a
 * real MP4 header (test/fixtures/clips/tiny.mp4) then random bytes — and for each measures, each
 * uploader in its own child process, alternating them (best of 5 for the first size: one run on
 * this loopback varies by ±20 %, and each tool's best is its speed with the least interference):
 *   curl -T           `curl -T FILE` to a fresh resumable session URI (the reference)
 *   happytube upload  the whole command, `node bin/happytube.js upload FILE --yes`, as a user runs
 *                     it: start-up, library, sign-in, channel reads, playlists, the upload, the
 *                     playlist item. Its library is a temp copy of examples/happy-school's
 *                     happytube.yaml and templates with this one clip in 01-muc-dich/; before each
 *                     run the emulator is wiped and .happytube/ removed, so the clip is really new.
 *   uploadResumable   src/youtube/resumable.ts alone, SHA-256 on the way (informative)
 *   @googleapis/youtube  videos.insert with a file stream (first size only; informative)
 * The transfer is timed on the emulator's clock, from the first byte of the file it received to the
 * last (`transfer` of the video in GET /__admin/state), the same for every uploader: MB/s = file
 * size / transfer. "rest" = the process's wall time minus its transfer: for `happytube upload`,
 * start-up, library, sign-in, channel reads, playlist and state (best of the runs, like the
 * transfer). Peak RSS = VmHWM of the process.
 * The bars (docs/architecture.md), judged on the `happytube upload` rows of the first size (2 GiB): transfer
 * ≥ 90 % of curl's speed, rest ≤ 0.6 s; ≤ 150 MB peak RSS at every size. Prints one table; exit 1
 * if a bar is missed.
 */
import { spawn } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { cp, mkdir, mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { emulatorEnvironment } from '../src/emulator/index.ts';

const MiB = 1024 * 1024;
const REPEATS = 5;
const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'happytube.js');
const EXAMPLE = join(ROOT, 'examples', 'happy-school');
const MP4_HEAD = join(ROOT, 'test', 'fixtures', 'clips', 'tiny.mp4');
/** The bars listed in docs/architecture.md, for the whole command. */
const MIN_RATIO = 0.9;
const MAX_REST_S = 0.6;
const MAX_RSS_MB = 150;

interface Signed {
  access_token: string;
  refresh_token: string;
  client_id: string;
  client_secret: string;
}

async function admin(url: string, what: 'tokens' | 'wipe'): Promise<unknown> {
  const response = await fetch(`${url}/__admin/${what}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`POST /__admin/${what} → HTTP ${response.status}`);
  return response.json();
}

async function signIn(url: string): Promise<Signed> {
  return (await admin(url, 'tokens')) as Signed;
}

function resource(title: string): Record<string, unknown> {
  return { snippet: { title, categoryId: '27' }, status: { privacyStatus: 'unlisted', selfDeclaredMadeForKids: false } };
}

// ---- child modes -------------------------------------------------------------------------------

async function childEmulator(): Promise<void> {
  const { startEmulator } = await import('../src/emulator/index.ts');
  const emulator = await startEmulator({ uploads: 10_000 });
  process.stdout.write(`${emulator.url}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void emulator.close().then(() => process.exit(0)));
}

async function childHappytube(url: string, file: string): Promise<void> {
  const { uploadResumable } = await import('../src/youtube/resumable.ts');
  const signed = await signIn(url);
  const info = await stat(file);
  const result = await uploadResumable({
    file,
    size: info.size,
    mtimeMs: info.mtimeMs,
    resource: resource('bench happytube'),
    parts: ['snippet', 'status'],
    uploadRoot: `${url}/upload/youtube/v3/videos`,
    authorize: () => Promise.resolve({ Authorization: `Bearer ${signed.access_token}` }),
    saveSession: () => Promise.resolve(),
  });
  process.stdout.write(`${JSON.stringify({ size: result.size, videoId: result.videoId })}\n`);
}

async function childGoogleapis(url: string, file: string): Promise<void> {
  const { youtube } = await import('@googleapis/youtube');
  const { OAuth2Client } = await import('google-auth-library');
  const { createReadStream } = await import('node:fs');
  const signed = await signIn(url);
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: signed.access_token, expiry_date: Date.now() + 3_600_000 });
  const api = youtube({ version: 'v3', auth });
  const answer = await api.videos.insert(
    { part: ['snippet', 'status'], requestBody: resource('bench googleapis'), media: { mimeType: 'video/mp4', body: createReadStream(file) } },
    { rootUrl: `${url}/` },
  );
  process.stdout.write(`${JSON.stringify({ videoId: answer.data.id })}\n`);
}

// ---- orchestrator ------------------------------------------------------------------------------

interface Measured {
  wallMs: number;
  /** First byte to last on the emulator's clock. */
  transferMs: number;
  /** wallMs - transferMs. */
  restMs: number;
  peakRssMiB: number;
  /** user + system CPU seconds of the process (last reading before it exited). */
  cpuSeconds: number;
}

/** utime + stime of a live process, in seconds (clock ticks of 1/100 s). */
async function cpuSeconds(pid: number): Promise<number | undefined> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ');
    return fields === undefined ? undefined : (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function vmHwmKiB(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match?.[1] === undefined ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

interface Run {
  wallMs: number;
  peakRssMiB: number;
  cpuSeconds: number;
}

/**
 * Runs a command, polling its VmHWM (peak RSS) and CPU time until it exits; the last reading is the
 * peak. Its stderr is kept and shown only if it fails.
 */
async function measure(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env, cwd: options.cwd });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let peak = 0;
  let cpu = 0;
  const poll = setInterval(() => {
    if (child.pid === undefined) return;
    void vmHwmKiB(child.pid).then((kib) => (peak = Math.max(peak, kib ?? 0)));
    void cpuSeconds(child.pid).then((seconds) => (cpu = Math.max(cpu, seconds ?? 0)));
  }, 10);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c) => resolve(c));
  });
  clearInterval(poll);
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${stdout}${stderr}`);
  return { wallMs, peakRssMiB: peak / 1024, cpuSeconds: cpu };
}

/** The transfer of the video the emulator completed last: first byte to last, on its clock. */
async function lastTransferMs(url: string): Promise<number> {
  const response = await fetch(`${url}/__admin/state`);
  const state = (await response.json()) as { videos: { transfer?: { firstByteAt: number; lastByteAt: number } }[] };
  const latest = state.videos
    .map((v) => v.transfer)
    .filter((t) => t !== undefined)
    .sort((a, b) => b.lastByteAt - a.lastByteAt)[0];
  if (!latest) throw new Error('the emulator recorded no transfer');
  return latest.lastByteAt - latest.firstByteAt;
}

/** A run and the transfer it made, timed by the emulator. */
async function measureUpload(url: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Measured> {
  const run = await measure(command, args, options);
  const transferMs = await lastTransferMs(url);
  return { ...run, transferMs, restMs: run.wallMs - transferMs };
}

/** A new clip of `bytes`: a real MP4 (tiny.mp4) first, so library and emulator take it for a video, then random bytes. */
async function makeFile(path: string, bytes: number): Promise<void> {
  const head = await readFile(MP4_HEAD);
  const handle = await open(path, 'w');
  const block = Buffer.allocUnsafe(8 * MiB);
  try {
    for (let written = 0; written < bytes; written += block.length) {
      randomFillSync(block);
      if (written === 0) head.copy(block);
      await handle.write(block, 0, Math.min(block.length, bytes - written));
    }
  } finally {
    await handle.close();
  }
}

/** A library as a school has it: examples/happy-school's configuration and templates, no clips yet. */
async function makeLibrary(dir: string): Promise<string> {
  await cp(join(EXAMPLE, 'happytube.yaml'), join(dir, 'happytube.yaml'));
  await cp(join(EXAMPLE, 'templates'), join(dir, 'templates'), { recursive: true });
  const folder = join(dir, '01-muc-dich');
  await mkdir(folder);
  return folder;
}

/**
 * The environment of the CLI for a fresh, empty channel: the emulator wiped, the library's state
 * removed (the clip is new again), a new sign-in (the HAPPYTUBE_* variables of docs/architecture.md, as test/helpers/emulator.ts).
 */
async function freshCommandEnv(url: string, library: string, configDir: string): Promise<NodeJS.ProcessEnv> {
  await admin(url, 'wipe');
  await rm(join(library, '.happytube'), { recursive: true, force: true });
  const tokens = await signIn(url);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('HAPPYTUBE_')) env[key] = value;
  return { ...env, ...emulatorEnvironment(url, tokens), HAPPYTUBE_CONFIG_DIR: configDir };
}

async function curlSession(url: string, size: number): Promise<string> {
  const signed = await signIn(url);
  const response = await fetch(`${url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${signed.access_token}`,
      'content-type': 'application/json',
      'x-upload-content-length': String(size),
      'x-upload-content-type': 'video/mp4',
    },
    body: JSON.stringify(resource('bench curl')),
  });
  const location = response.headers.get('location');
  if (!location) throw new Error(`no session: HTTP ${response.status}`);
  return location;
}

/** The best of two runs: the faster transfer and, on its own, the shorter rest; peak RSS is the larger. */
function best(a: Measured | undefined, b: Measured): Measured {
  if (!a) return b;
  const faster = a.transferMs <= b.transferMs ? a : b;
  return { ...faster, restMs: Math.min(a.restMs, b.restMs), peakRssMiB: Math.max(a.peakRssMiB, b.peakRssMiB) };
}

const CURL = 'curl -T';
const COMMAND = 'happytube upload';
const UPLOADER = 'uploadResumable';
const GOOGLEAPIS = '@googleapis/youtube';

interface Row {
  size: number;
  tool: string;
  result: Measured;
}

function mbps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

function loadAverage(): Promise<string> {
  return readFile('/proc/loadavg', 'utf8').then(
    (text) => text.split(' ').slice(0, 3).join(' '),
    () => '?',
  );
}

async function main(): Promise<void> {
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
  const sizes = (sizesArg ? sizesArg.slice('--sizes='.length) : '2048,100').split(',').map((s) => Number(s) * MiB);
  // As bin/happytube.js does, the Node children of this script use the compile cache (warmed by a
  // first run), so their memory is that of the real CLI rather than of a first-time TypeScript
  // strip. The command itself uses its own (bin/happytube.js), warmed the same way.
  const work = await mkdtemp(join(tmpdir(), 'happytube-bench-upload-'));
  const cacheDir = join(work, 'compile-cache');
  const configDir = join(work, 'config');
  const library = join(work, 'library');
  await mkdir(library);
  const folder = await makeLibrary(library);
  const cacheEnv = { ...process.env, NODE_COMPILE_CACHE: cacheDir };
  const emulator = spawn(process.execPath, [SELF, 'emulator'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => createInterface({ input: emulator.stdout }).once('line', resolve));
  const command = async (file: string): Promise<Measured> =>
    measureUpload(url, process.execPath, [BIN, 'upload', file, '--yes'], { env: await freshCommandEnv(url, library, configDir), cwd: library });
  const rows: Row[] = [];
  const loads = [await loadAverage()];
  try {
    const warm = join(folder, '2025-03-01 Warm-up.mp4');
    await makeFile(warm, MiB);
    await measure(process.execPath, [SELF, 'happytube', url, warm], { env: cacheEnv });
    await measure(process.execPath, [SELF, 'googleapis', url, warm], { env: cacheEnv });
    await command(warm);
    await rm(warm);
    for (const [index, size] of sizes.entries()) {
      const file = join(folder, `2025-03-02 Bench ${Math.round(size / MiB)} MiB.mp4`);
      await makeFile(file, size);
      try {
        // Warm the page cache so that every tool reads from memory alike.
        await measure('sh', ['-c', 'cat "$0" > /dev/null', file]);
        // Alternate them, best of `repeats`: other load on the machine hits all alike.
        const repeats = index === 0 ? REPEATS : 1;
        let curl: Measured | undefined;
        let whole: Measured | undefined;
        let alone: Measured | undefined;
        for (let r = 0; r < repeats; r += 1) {
          const uri = await curlSession(url, size);
          const c = await measureUpload(url, 'curl', ['-sS', '-o', '/dev/null', '-T', file, uri]);
          const w = await command(file);
          const u = await measureUpload(url, process.execPath, [SELF, 'happytube', url, file], { env: cacheEnv });
          const s = (ms: number): string => (ms / 1000).toFixed(2);
          process.stderr.write(
            `${Math.round(size / MiB)} MiB run ${r + 1}: transfer curl ${s(c.transferMs)} s, ${COMMAND} ${s(w.transferMs)} s + ${s(w.restMs)} s rest (${w.peakRssMiB.toFixed(0)} MiB), ${UPLOADER} ${s(u.transferMs)} s\n`,
          );
          curl = best(curl, c);
          whole = best(whole, w);
          alone = best(alone, u);
        }
        if (curl && whole && alone) rows.push({ size, tool: CURL, result: curl }, { size, tool: COMMAND, result: whole }, { size, tool: UPLOADER, result: alone });
        if (index === 0) rows.push({ size, tool: GOOGLEAPIS, result: await measureUpload(url, process.execPath, [SELF, 'googleapis', url, file], { env: cacheEnv }) });
      } finally {
        await rm(file, { force: true });
      }
      loads.push(await loadAverage());
    }
  } finally {
    emulator.stdin.end();
    await rm(work, { recursive: true, force: true });
  }
  const header = ['size', 'uploader', 'MB/s', 'transfer s', 'vs curl', 'rest s', 'wall s', 'CPU s', 'peak RSS MiB'];
  const lines = [header];
  let failed = false;
  for (const row of rows) {
    const curl = rows.find((r) => r.size === row.size && r.tool === CURL);
    const ratio = curl ? curl.result.transferMs / row.result.transferMs : 1;
    const judged = row.tool === COMMAND && row.size === sizes[0];
    if (judged && (ratio < MIN_RATIO || row.result.restMs / 1000 > MAX_REST_S)) failed = true;
    if (row.tool === COMMAND && row.result.peakRssMiB * 1.048576 > MAX_RSS_MB) failed = true;
    lines.push([
      `${Math.round(row.size / MiB)} MiB`,
      row.tool,
      mbps(row.size, row.result.transferMs).toFixed(0),
      (row.result.transferMs / 1000).toFixed(2),
      `${(ratio * 100).toFixed(0)} %`,
      (row.result.restMs / 1000).toFixed(2),
      (row.result.wallMs / 1000).toFixed(2),
      row.result.cpuSeconds.toFixed(2),
      row.result.peakRssMiB.toFixed(0),
    ]);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  for (const line of lines) process.stdout.write(`${line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}\n`);
  process.stdout.write(`load average (1, 5, 15 min) before and after each size: ${loads.join(' → ')}\n`);
  process.stdout.write(
    `bars (${COMMAND}, ${Math.round((sizes[0] ?? 0) / MiB)} MiB): transfer ≥ ${MIN_RATIO * 100} % of curl's, rest of the command ≤ ${MAX_REST_S} s; ≤ ${MAX_RSS_MB} MB peak RSS at every size → ${failed ? 'FAILED' : 'met'}\n`,
  );
  if (failed) process.exitCode = 1;
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'emulator') await childEmulator();
else if (mode === 'happytube' && a && b) await childHappytube(a, b);
else if (mode === 'googleapis' && a && b) await childGoogleapis(a, b);
else await main();

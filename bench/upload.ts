/**
 * Upload bench (SPEC §6): throughput and peak RSS of one upload to the emulator on loopback.
 *   node_modules/.bin/node bench/upload.ts [--sizes 1024,100,2048] [--keep-going]
 * Starts the emulator in a child process, writes random files (MiB sizes) under os.tmpdir(), and
 * for each measures, each uploader in its own child process:
 *   curl       `curl -T FILE` to a resumable session URI (the reference)
 *   happytube  uploadResumable (src/youtube/resumable.ts), SHA-256 computed on the way
 *   googleapis @googleapis/youtube videos.insert with a file stream (first size only)
 * Throughput = file size / upload time (measured inside the child for the Node uploaders, so Node's
 * start-up is not counted; wall time is shown too). Peak RSS = VmHWM of the uploading process.
 * Prints one table and exits 1 if happytube is under 90 % of curl or over 150 MB.
 */
import { spawn } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MiB = 1024 * 1024;
const REPEATS = 3;
const SELF = fileURLToPath(import.meta.url);

interface Signed {
  access_token: string;
}

async function signIn(url: string): Promise<Signed> {
  const response = await fetch(`${url}/__admin/tokens`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  return (await response.json()) as Signed;
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
  const started = performance.now();
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
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, size: result.size, videoId: result.videoId })}\n`);
}

async function childGoogleapis(url: string, file: string): Promise<void> {
  const { youtube } = await import('@googleapis/youtube');
  const { OAuth2Client } = await import('google-auth-library');
  const { createReadStream } = await import('node:fs');
  const signed = await signIn(url);
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: signed.access_token, expiry_date: Date.now() + 3_600_000 });
  const api = youtube({ version: 'v3', auth });
  const started = performance.now();
  const answer = await api.videos.insert(
    { part: ['snippet', 'status'], requestBody: resource('bench googleapis'), media: { mimeType: 'video/mp4', body: createReadStream(file) } },
    { rootUrl: `${url}/` },
  );
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, videoId: answer.data.id })}\n`);
}

// ---- orchestrator ------------------------------------------------------------------------------

interface Measured {
  wallMs: number;
  innerMs: number | undefined;
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

/** Runs a command, polling its VmHWM (peak RSS) until it exits; the last reading is the peak. */
async function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
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
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${stdout}`);
  const last = stdout.trim().split('\n').pop() ?? '';
  let innerMs: number | undefined;
  if (last.startsWith('{')) innerMs = (JSON.parse(last) as { ms: number }).ms;
  return { wallMs, innerMs, peakRssMiB: peak / 1024, cpuSeconds: cpu };
}

async function makeFile(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'w');
  const block = Buffer.allocUnsafe(8 * MiB);
  try {
    for (let written = 0; written < bytes; written += block.length) {
      randomFillSync(block);
      // An MP4 `ftyp` box first, so the emulator takes it for a video.
      if (written === 0) Buffer.from('000000186674797069736f6d0000020069736f6d6d703431', 'hex').copy(block);
      await handle.write(block, 0, Math.min(block.length, bytes - written));
    }
  } finally {
    await handle.close();
  }
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

/** The faster run; peak RSS is the larger of the two. */
function best(a: Measured | undefined, b: Measured): Measured {
  if (!a) return b;
  const faster = (a.innerMs ?? a.wallMs) <= (b.innerMs ?? b.wallMs) ? a : b;
  return { ...faster, peakRssMiB: Math.max(a.peakRssMiB, b.peakRssMiB) };
}

interface Row {
  size: number;
  tool: string;
  result: Measured;
}

function mbps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

async function main(): Promise<void> {
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
  const sizes = (sizesArg ? sizesArg.slice('--sizes='.length) : '1024,100,2048').split(',').map((s) => Number(s) * MiB);
  // As bin/happytube.js does, the Node children use the compile cache (warmed by a first run), so
  // their memory is that of the real CLI rather than of a first-time TypeScript strip.
  const cacheDir = await mkdtemp(join(tmpdir(), 'happytube-bench-cache-'));
  const cacheEnv = { ...process.env, NODE_COMPILE_CACHE: cacheDir };
  const emulator = spawn(process.execPath, [SELF, 'emulator'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => createInterface({ input: emulator.stdout }).once('line', resolve));
  const rows: Row[] = [];
  try {
    const warm = join(cacheDir, 'warm.mp4');
    await makeFile(warm, MiB);
    await measure(process.execPath, [SELF, 'happytube', url, warm], cacheEnv);
    await measure(process.execPath, [SELF, 'googleapis', url, warm], cacheEnv);
    for (const [index, size] of sizes.entries()) {
      const file = join(tmpdir(), `happytube-bench-${process.pid}-${size}.mp4`);
      await makeFile(file, size);
      try {
        // Warm the page cache so that every tool reads from memory alike.
        await measure('sh', ['-c', 'cat "$0" > /dev/null', file]);
        // Alternate the two, best of `repeats`: other load on the machine hits both alike.
        const repeats = index === 0 ? REPEATS : 1;
        let curl: Measured | undefined;
        let ours: Measured | undefined;
        for (let r = 0; r < repeats; r += 1) {
          const uri = await curlSession(url, size);
          curl = best(curl, await measure('curl', ['-sS', '-o', '/dev/null', '-T', file, uri]));
          ours = best(ours, await measure(process.execPath, [SELF, 'happytube', url, file], cacheEnv));
        }
        if (curl && ours) rows.push({ size, tool: 'curl -T', result: curl }, { size, tool: 'happytube', result: ours });
        if (index === 0) rows.push({ size, tool: '@googleapis/youtube', result: await measure(process.execPath, [SELF, 'googleapis', url, file], cacheEnv) });
      } finally {
        await rm(file, { force: true });
      }
    }
  } finally {
    emulator.stdin.end();
    await rm(cacheDir, { recursive: true, force: true });
  }
  const header = ['size', 'uploader', 'MB/s', 'wall s', 'vs curl', 'CPU s', 'peak RSS MiB'];
  const lines = [header];
  let failed = false;
  for (const row of rows) {
    const ms = row.result.innerMs ?? row.result.wallMs;
    const curl = rows.find((r) => r.size === row.size && r.tool === 'curl -T');
    const ratio = curl ? mbps(row.size, ms) / mbps(row.size, curl.result.wallMs) : 1;
    if (row.tool === 'happytube' && (ratio < 0.9 || row.result.peakRssMiB > 150)) failed = true;
    lines.push([
      `${Math.round(row.size / MiB)} MiB`,
      row.tool,
      mbps(row.size, ms).toFixed(0),
      (row.result.wallMs / 1000).toFixed(2),
      `${(ratio * 100).toFixed(0)} %`,
      row.result.cpuSeconds.toFixed(2),
      row.result.peakRssMiB.toFixed(0),
    ]);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  for (const line of lines) process.stdout.write(`${line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}\n`);
  process.stdout.write(`bars: happytube ≥ 90 % of curl, ≤ 150 MiB peak RSS → ${failed ? 'FAILED' : 'met'}\n`);
  if (failed) process.exitCode = 1;
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'emulator') await childEmulator();
else if (mode === 'happytube' && a && b) await childHappytube(a, b);
else if (mode === 'googleapis' && a && b) await childGoogleapis(a, b);
else await main();

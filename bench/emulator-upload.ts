/**
 * Bench (by hand: node_modules/.bin/node bench/emulator-upload.ts [GiB]): a resumable upload of
 * 2 GiB (one streamed PUT, generated on the fly) into `happytube emulator` — the real command,
 * started as users start it (bin/happytube.js: compile cache, type stripping), V8 defaults — in a
 * child process. Prints one table row: size, status, seconds, MB/s, the emulator's RSS before the
 * upload and its peak RSS (sampled from /proc every 50 ms). The bar: peak RSS < 100 MB at loopback
 * speed (exit code 1 otherwise).
 *
 * It measures the steady state: the emulator is started and stopped once first, so that Node's
 * compile cache holds the stripped sources, as on every run of a command but the first. A first
 * run after installing or editing the sources also loads Node's TypeScript stripper and starts
 * ~20–35 MB higher (measured: 89–104 MB before the upload); the upload itself adds the same.
 *
 * Where the memory went before (process.memoryUsage() sampled in the emulator): not the JS heap
 * (~10 MB) but Node's HTTP parser, which hands each body fragment (≤ 64 KiB) over in a Buffer of
 * its own, outside the heap, freed only at the next young-generation GC: 40–70 MB of dead Buffers
 * at a time, and RSS that glibc keeps afterwards. The emulator now frees each chunk as soon as
 * it is hashed (releaseChunk in src/emulator/sink.ts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/happytube.js', import.meta.url));

interface Result {
  status: number;
  seconds: number;
  before: number;
  peak: number;
}

async function startEmulator(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'emulator'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: string) => {
      out += d;
      const m = /emulator listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`happytube emulator exited (${code}) before listening: ${out}`)));
  });
  child.removeAllListeners('exit');
  const exited = once(child, 'exit');
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function uploadInto(size: number): Promise<Result> {
  const emulator = await startEmulator();
  try {
    const rssOf = (): number => {
      const status = readFileSync(`/proc/${emulator.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    };
    const { url } = emulator;
    const tokens = (await (await fetch(`${url}/__admin/tokens`, { method: 'POST', body: '{}' })).json()) as { access_token: string };
    const init = await fetch(`${url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json', 'x-upload-content-length': String(size), 'x-upload-content-type': 'video/mp4' },
      body: JSON.stringify({ snippet: { title: 'bench', categoryId: '27' }, status: { privacyStatus: 'private' } }),
    });
    const session = init.headers.get('location')!;
    const before = rssOf();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf())), 50);
    const block = Buffer.alloc(1024 * 1024, 7);
    Buffer.from('000000186674797069736f6d0000020069736f6d', 'hex').copy(block, 0);
    const started = process.hrtime.bigint();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(session, { method: 'PUT', headers: { 'content-length': String(size), 'content-type': 'video/mp4' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      let sent = 0;
      const pump = (): void => {
        while (sent < size) {
          const piece = size - sent >= block.length ? block : block.subarray(0, size - sent);
          sent += piece.length;
          if (!req.write(piece)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf());
    return { status, seconds, before, peak };
  } finally {
    await emulator.stop();
  }
}

const gib = Number(process.argv[2] ?? '2');
const size = Math.round(gib * 1024 ** 3);
const mb = (n: number): string => (n / 1024 ** 2).toFixed(1);
console.log('| upload into `happytube emulator` | size | status | seconds | MB/s | emulator RSS before | peak RSS |');
console.log('|---|---|---|---|---|---|---|');
await (await startEmulator()).stop(); // warms the compile cache (written at exit)
const r = await uploadInto(size);
console.log(`| resumable, one PUT | ${mb(size)} MiB | ${r.status} | ${r.seconds.toFixed(2)} | ${(size / 1024 ** 2 / r.seconds).toFixed(0)} | ${mb(r.before)} MB | ${mb(r.peak)} MB |`);
process.exitCode = r.status === 201 && r.peak < 100 * 1024 ** 2 ? 0 : 1;

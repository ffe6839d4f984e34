/**
 * Bench (by hand: node_modules/.bin/node bench/emulator-upload.ts [GiB]): a resumable upload of
 * 2 GiB (streamed, generated on the fly) into the emulator running in a child process. Prints
 * one table row: size, seconds, MB/s, the emulator's peak RSS (sampled from /proc) and its RSS
 * before. The bar: peak RSS < 100 MB at loopback speed.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

const CHILD = process.argv[2] === '--child';

if (CHILD) {
  // As bin/happytube.js does: cached compilation (and type stripping) keeps the baseline small.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache();
  const { startEmulator } = await import('../src/emulator/index.ts');
  const running = await startEmulator();
  process.send?.(running.url);
} else {
  const gib = Number(process.argv[2] ?? '2');
  const size = Math.round(gib * 1024 ** 3);
  const child = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: 'inherit' });
  const url = await new Promise<string>((resolve) => child.once('message', (m) => resolve(m as string)));
  const rssOf = (): number => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  };
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
  const mb = (n: number): string => (n / 1024 ** 2).toFixed(1);
  console.log('| upload into emulator | size | status | seconds | MB/s | emulator RSS before | peak RSS |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(`| resumable, one PUT | ${mb(size)} MiB | ${status} | ${seconds.toFixed(2)} | ${(size / 1024 ** 2 / seconds).toFixed(0)} | ${mb(before)} MB | ${mb(peak)} MB |`);
  child.kill('SIGTERM');
  process.exitCode = status === 201 && peak < 100 * 1024 ** 2 ? 0 : 1;
}

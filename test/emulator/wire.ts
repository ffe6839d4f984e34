/** Raw HTTP for the emulator's own tests: exact headers and bodies, as Google documents them. */
import { createHash } from 'node:crypto';
import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

export interface Send {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Write only this many bytes of the body, then destroy the socket. */
  cutAfter?: number;
}

/** Sends one request; resolves with the reply, or with status 0 when the connection broke. */
export function send(s: Send): Promise<Reply> {
  return new Promise((resolve) => {
    const body = typeof s.body === 'string' ? Buffer.from(s.body) : s.body;
    const headers: Record<string, string> = { ...s.headers };
    if (body && headers['content-length'] === undefined) headers['content-length'] = String(body.length);
    const req = request(s.url, { method: s.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
      });
      res.on('error', () => resolve({ status: 0, headers: {}, text: '', json: <T>() => ({}) as T }));
    });
    req.on('error', () => resolve({ status: 0, headers: {}, text: '', json: <T>() => ({}) as T }));
    if (!body) return void req.end();
    if (s.cutAfter === undefined) return void req.end(body);
    req.write(body.subarray(0, s.cutAfter));
  });
}

/** A body that starts like an MP4 (an ftyp box), then pseudo-random bytes. */
export function mp4Bytes(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  Buffer.from('000000186674797069736f6d0000020069736f6d', 'hex').copy(out, 0);
  return out;
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export interface GoogleError {
  error: { code: number; message: string; status: string; errors: Array<{ reason: string; domain: string; message: string }> };
}

export const reasonOf = (r: Reply): string | undefined => r.json<GoogleError>().error?.errors[0]?.reason;

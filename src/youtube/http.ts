/**
 * The connections of everything happytube sends to Google (or the emulator): kept-alive agents
 * over node:http/https, which Google's own clients use for sign-in and the Data API (`agentFor`,
 * given to gaxios), and `exchange`, the resumable upload's streamed requests.
 *
 * Start-up matters (every command that talks to YouTube pays it), so:
 * - node:http rather than `fetch()`, whose first call costs ~100 ms (undici loads on first use);
 * - the modules are taken with `process.getBuiltinModule`, not `import`: the ESM facade of
 *   node:http reads every export, its lazy WebSocket ones included, which loads undici all the
 *   same (~45 ms against ~7 ms);
 * - node:https, and TLS with it, only on the first https request (~20 ms not spent on loopback).
 *
 * A school network's proxy is honoured: HTTPS_PROXY, HTTP_PROXY and NO_PROXY (Node's built-in
 * proxy support, the agents' `proxyEnv`), for the API calls and the upload alike.
 *
 * The agents belong to the run (src/util/run-scope.ts): its environment names the proxy, and its
 * connections close when it ends, so a run never inherits another's.
 */
import type http from 'node:http';
import { currentRun } from '../util/run-scope.ts';
import type { RunScope } from '../util/run-scope.ts';

interface Transport {
  request: typeof http.request;
  agent: http.Agent;
}

const transports = new WeakMap<RunScope, { plain?: Transport; secure?: Transport }>();

/** Kept-alive connections, through the proxy of the run's environment if it names one. */
function transport(module: Pick<typeof http, 'request' | 'Agent'>, run: RunScope): Transport {
  const agent = new module.Agent({ keepAlive: true, proxyEnv: run.env });
  run.onEnd(() => agent.destroy());
  return { request: module.request, agent };
}

function transportFor(url: URL): Transport {
  const run = currentRun();
  let mine = transports.get(run);
  if (!mine) transports.set(run, (mine = {}));
  if (url.protocol === 'https:') {
    mine.secure ??= transport(process.getBuiltinModule('node:https'), run);
    return mine.secure;
  }
  mine.plain ??= transport(process.getBuiltinModule('node:http'), run);
  return mine.plain;
}

/** The kept-alive, proxy-aware agent for `url` (shared with the upload's own requests). */
export function agentFor(url: URL): http.Agent {
  return transportFor(url).agent;
}

/** A request with no socket activity for this long is dropped (a retry may follow). */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

/** A failure of the transport (reset, refused, unknown host, timeout): the server never answered. */
export class TransportError extends Error {
  override name = 'TransportError';
  /** `ECONNRESET`, `ENOTFOUND`, … or `ETIMEDOUT` for an idle timeout. */
  readonly code: string;
  /** The host that could not be reached (for "no network" messages). */
  readonly host: string;
  /**
   * A small request went out on a kept-alive socket: the server may have closed it while idle, so
   * the failure says nothing about the network and is retried at once (Node's documented advice
   * for `req.reusedSocket`).
   */
  reusedSocket = false;

  constructor(code: string, host: string, options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? code, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.host = host;
  }
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Streams the request body; returns true when every byte was written. */
export type BodyWriter = (req: http.ClientRequest, stopped: () => boolean) => Promise<boolean>;

export interface Exchange {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers: Record<string, string>;
  body?: string | Buffer | BodyWriter;
  idleTimeoutMs?: number;
  signal?: AbortSignal | undefined;
}

/** One HTTP request; resolves with the whole answer, even one that came before the body was sent. */
export function exchange(url: URL, init: Exchange): Promise<HttpAnswer> {
  const transport = transportFor(url);
  return new Promise((resolve, reject) => {
    const idleTimeoutMs = init.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    const req = transport.request(url, { method: init.method, headers: init.headers, agent: transport.agent });
    let answered = false;
    let bodyComplete = false;
    const settle = (): boolean => {
      if (answered) return false;
      answered = true;
      init.signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (error: unknown): void => {
      if (settle()) reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onAbort = (): void => {
      fail(init.signal?.reason);
      req.destroy();
    };
    if (init.signal?.aborted) {
      onAbort();
      return;
    }
    init.signal?.addEventListener('abort', onAbort, { once: true });
    req.setTimeout(idleTimeoutMs, () => req.destroy(new TransportError('ETIMEDOUT', url.host, { message: `no activity for ${idleTimeoutMs} ms` })));
    req.on('error', (error: NodeJS.ErrnoException) => {
      const failure = error instanceof TransportError ? error : new TransportError(error.code ?? error.message, url.host, { cause: error });
      // Only for the small requests: a streamed body may have been cut by a real drop.
      failure.reusedSocket = req.reusedSocket && typeof init.body !== 'function';
      fail(failure);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error: NodeJS.ErrnoException) => fail(new TransportError(error.code ?? error.message, url.host, { cause: error })));
      res.on('end', () => {
        if (settle()) resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        // An early answer (an error before the body was all sent): this connection cannot be reused.
        if (!bodyComplete) req.destroy();
      });
    });
    const body = init.body;
    if (typeof body === 'function') {
      body(req, () => answered || req.destroyed).then(
        (complete) => {
          if (!complete) return;
          bodyComplete = true;
          req.end();
        },
        (error: unknown) => {
          fail(error);
          req.destroy();
        },
      );
    } else {
      bodyComplete = true;
      req.end(body);
    }
  });
}

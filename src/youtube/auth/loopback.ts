/**
 * The loopback half of the desktop sign-in (docs/architecture.md): an HTTP listener on 127.0.0.1 and a random
 * port that takes exactly one answer on its callback path — one that carries this sign-in's
 * `state`; it ignores any other request, whatever it carries — then closes, and
 * gives up after a time limit. The same answer may instead arrive as the browser's final address
 * pasted by the user (a browser on another device cannot reach this listener).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError } from '../../errors.ts';
import type { Text } from '../../i18n/index.ts';
import { auth as A } from '../../i18n/catalog/auth.ts';
import { redactUrl } from '../../util/redact.ts';

export const CALLBACK_PATH = '/oauth2callback';

export interface LoopbackOptions {
  /** The `state` sent with the authorization request; an answer must carry the same. */
  state: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface Loopback {
  /** `http://127.0.0.1:PORT/oauth2callback` */
  readonly redirectUri: string;
  readonly address: AddressInfo;
  /** The authorization code, once one good answer came; rejects on a bad answer, time-out or abort. */
  readonly code: Promise<string>;
  /**
   * An answer pasted by the user: the browser's final address. Returns false (and changes
   * nothing) when the text is not a sign-in answer at all.
   */
  deliver(pasted: string): boolean;
  close(): Promise<void>;
}

type Verdict = { ok: true; code: string } | { ok: false; error: AuthError };

/**
 * Google's error codes are short words (`access_denied`); anything else is shown quoted and cut,
 * so that an answer cannot write a paragraph of its own into the CLI's message.
 */
function shownError(error: string): string {
  return /^[\w.-]{1,64}$/.test(error) ? error : JSON.stringify(error.length > 64 ? `${error.slice(0, 64)}…` : error);
}

/**
 * `state` first: only an answer to this very request may end the sign-in, either way. Any page
 * the browser opens can send a request to this port; without the state it can neither cancel the
 * sign-in nor put its words in the CLI's message.
 */
function judge(params: URLSearchParams, state: string): Verdict {
  if (params.get('state') !== state) return { ok: false, error: new AuthError(A.stateMismatch(), { hint: A.retryLoginHint() }) };
  const error = params.get('error');
  if (error) return { ok: false, error: new AuthError(A.consentDenied({ error: shownError(error) }), { hint: A.retryLoginHint() }) };
  const code = params.get('code');
  if (!code) return { ok: false, error: new AuthError(A.noCode(), { hint: A.retryLoginHint() }) };
  return { ok: true, code };
}

function page(title: Text, body: Text): string {
  const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>happytube — ${esc(title.en)}</title></head><body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>${esc(title.vi)} · ${esc(title.en)}</h1><p lang="vi">${esc(body.vi)}</p><p lang="en">${esc(body.en)}</p></body></html>`;
}

/** Starts the listener on 127.0.0.1 (never 0.0.0.0 or ::) and a port the OS picks. */
export async function startLoopback(options: LoopbackOptions): Promise<Loopback> {
  const { state, timeoutMs, signal, log } = options;
  let settle: (verdict: Verdict | { ok: false; error: Error }) => void = () => undefined;
  const code = new Promise<string>((resolve, reject) => {
    let done = false;
    settle = (verdict) => {
      if (done) return;
      done = true;
      if (verdict.ok) resolve(verdict.code);
      else reject(verdict.error);
    };
  });
  code.catch(() => undefined); // rejections are for whoever awaits `code`; never unhandled here

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log?.(`loopback ${req.method ?? 'GET'} ${redactUrl(url.pathname + url.search)}`);
    if (url.pathname !== CALLBACK_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    if (url.searchParams.get('state') !== state) {
      // Not the answer to this sign-in (another page, an old tab): ignored, the sign-in goes on.
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8', connection: 'close' }).end(page(A.pageFailedTitle(), A.stateMismatchIgnored()));
      return;
    }
    const verdict = judge(url.searchParams, state);
    const html = verdict.ok ? page(A.pageDoneTitle(), A.pageDone()) : page(A.pageFailedTitle(), verdict.error.text);
    res.writeHead(verdict.ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
    res.end(html, () => settle(verdict));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;

  const timer = setTimeout(() => {
    const minutes = Math.max(1, Math.round(timeoutMs / 60_000));
    settle({ ok: false, error: new AuthError(A.loginTimeout({ minutes }), { hint: A.retryLoginHint() }) });
  }, timeoutMs);
  const onAbort = (): void => {
    const reason: unknown = signal?.reason;
    settle({ ok: false, error: reason instanceof Error ? reason : new Error(String(reason)) });
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  // One answer, good or bad, or the time limit: then nobody can talk to this port any more.
  code.then(close, close).catch(() => undefined);

  return {
    redirectUri: `http://127.0.0.1:${address.port}${CALLBACK_PATH}`,
    address,
    code,
    deliver(pasted: string): boolean {
      let url: URL;
      try {
        url = new URL(pasted.trim());
      } catch {
        return false;
      }
      const params = url.searchParams;
      if (!params.has('code') && !params.has('error')) return false;
      settle(judge(params, state));
      return true;
    },
    close,
  };
}

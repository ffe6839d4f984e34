/**
 * What `happytube auth login|status|logout` does (its options: src/cli/commands/auth.ts). The
 * sign-in itself lives in src/youtube/auth/; Google's libraries load only when it talks to Google
 * (src/youtube/google.ts). `happytube setup` signs in through signIn.
 */
import { createInterface } from 'node:readline';
import type { Environment } from '../../config/env.ts';
import { tr } from '../../i18n/index.ts';
import { auth as A } from '../../i18n/catalog/auth.ts';
import { findLibraryRoot } from '../../library/load.ts';
import { YOUTUBE_SCOPE } from '../../youtube/auth/errors.ts';
import { login, LOGIN_TIMEOUT_MS } from '../../youtube/auth/login.ts';
import type { LoginResult } from '../../youtube/auth/login.ts';
import { logout } from '../../youtube/auth/logout.ts';
import { authStatus } from '../../youtube/auth/status.ts';
import type { AuthStatus } from '../../youtube/auth/status.ts';
import type { CliContext } from '../context.ts';

/** The environment, with `.env` from the nearest library folder (if any), then the current folder. */
function environmentOf(ctx: CliContext): Environment {
  const library = findLibraryRoot(ctx.cwd);
  return ctx.environment(library ? [library] : []);
}

function verboseLog(ctx: CliContext): ((line: string) => void) | undefined {
  return ctx.ui.verbose ? (line) => ctx.ui.debug(line) : undefined;
}

export async function runAuthLogin(ctx: CliContext, flags: { browser: boolean }): Promise<void> {
  const result = await signIn(ctx, flags, environmentOf(ctx));
  ctx.ui.print(A.signedIn(result.channel));
  ctx.ui.note(A.savedProfile({ profile: result.profile, file: result.file }));
}

/** The sign-in of `auth login`, also run by `happytube setup`: the address, the browser or a pasted answer. */
export async function signIn(ctx: CliContext, flags: { browser: boolean }, environment: Environment): Promise<LoginResult> {
  const stderr = ctx.ui.streams.stderr;
  // --no-browser: the user may paste the browser's final address here (a browser on another device).
  const stdin = ctx.ui.streams.stdin;
  const lines = flags.browser || !stdin ? undefined : createInterface({ input: stdin, terminal: false, crlfDelay: Infinity });
  try {
    return await login({
      environment,
      cwd: ctx.cwd,
      log: verboseLog(ctx),
      signal: ctx.signal,
      onUrl: (url) => {
        ctx.ui.note(flags.browser ? A.openingBrowser() : A.visitUrl());
        stderr.write(`${url}\n`); // its own line, even with --quiet: the sign-in needs it
        if (!flags.browser) ctx.ui.note(A.pasteHint());
        ctx.ui.note(A.waiting({ minutes: LOGIN_TIMEOUT_MS / 60_000 }));
      },
      openBrowser: flags.browser
        ? async (url) => {
            const { default: open } = await import('open');
            const child = await open(url);
            child.once('error', (error) => ctx.ui.warn(A.browserFailed({ detail: error.message })));
          }
        : undefined,
      onBrowserError: (detail) => ctx.ui.warn(A.browserFailed({ detail })),
      pasted: lines,
      onIgnoredPaste: () => ctx.ui.warn(A.pastedIgnored()),
    });
  } finally {
    if (lines) {
      lines.close();
      // Stop waiting for a paste that will not come (a pipe or terminal would keep the process alive).
      (stdin as { unref?: () => void } | undefined)?.unref?.();
    }
  }
}

function printStatus(ctx: CliContext, status: AuthStatus, youtubeScope: string): void {
  const source = status.file ? A.sourceStored({ file: status.file }) : A.sourceEnvironment();
  ctx.ui.print(A.statusProfile({ profile: status.profile, source: tr(source) }));
  ctx.ui.print(status.channel ? A.statusChannel(status.channel) : A.statusChannelUnknown());
  ctx.ui.print(A.statusClient({ clientId: status.clientId }));
  if (status.scope) ctx.ui.print(A.statusScope({ scope: status.scope, youtube: status.scope.split(' ').includes(youtubeScope) }));
  if (status.expiresAt) ctx.ui.print(A.statusExpiry({ when: new Date(status.expiresAt) }));
  const refresh = { ok: A.statusRefreshOk, failed: A.statusRefreshFailed, offline: A.statusRefreshUnknown }[status.refresh];
  ctx.ui.print(refresh());
}

export async function runAuthStatus(ctx: CliContext, flags: { json?: boolean }): Promise<void> {
  const environment = environmentOf(ctx);
  const status = await authStatus({ environment, cwd: ctx.cwd, log: verboseLog(ctx), onRetry: (text) => ctx.ui.note(text) });
  if (flags.json) {
    ctx.ui.json({
      profile: status.profile,
      source: status.source,
      file: status.file ?? null,
      clientId: status.clientId,
      channel: status.channel ?? null,
      scope: status.scope ?? null,
      expiresAt: status.expiresAt ?? null,
      signedInAt: status.signedInAt ?? null,
      refresh: status.refresh,
    });
  } else {
    printStatus(ctx, status, YOUTUBE_SCOPE);
  }
  if (status.problem) throw status.problem;
}

export async function runAuthLogout(ctx: CliContext): Promise<void> {
  const environment = environmentOf(ctx);
  const result = await logout({ environment, log: verboseLog(ctx) });
  const { profile } = result;
  if (!result.deleted) ctx.ui.print(A.nothingToLogOut({ profile }));
  else if (result.revocation === 'revoked') ctx.ui.print(A.loggedOut({ profile }));
  else {
    ctx.ui.print(A.deletedNotRevoked({ profile }));
    if (result.revocation === 'offline') ctx.ui.warn(A.revokeOffline(), A.revokeByHandHint());
    else if (result.revocation === 'failed') ctx.ui.warn(A.revokeFailed({ detail: result.detail ?? '' }), A.revokeByHandHint());
  }
  if (environment.refreshToken) ctx.ui.warn(A.envTokenStays());
}

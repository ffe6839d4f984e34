/**
 * `happytube auth login [--no-browser]`, `auth status [--json]`, `auth logout` (docs/architecture.md). The
 * sign-in itself lives in src/youtube/auth/, imported only when a subcommand runs.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { Environment } from '../../config/env.ts';
import { tr } from '../../i18n/index.ts';
import { auth as A } from '../../i18n/catalog/auth.ts';
import { M } from '../../i18n/messages.ts';
import type { LoginResult } from '../../youtube/auth/login.ts';
import type { AuthStatus } from '../../youtube/auth/status.ts';
import type { CliContext, CommandRegistrar } from '../context.ts';

/** The environment, with `.env` from the nearest library folder (if any), then the current folder. */
async function environmentOf(ctx: CliContext): Promise<Environment> {
  const { findLibraryRoot } = await import('../../library/load.ts');
  const library = findLibraryRoot(ctx.cwd);
  return ctx.environment(library ? [library] : []);
}

function verboseLog(ctx: CliContext): ((line: string) => void) | undefined {
  return ctx.ui.verbose ? (line) => ctx.ui.debug(line) : undefined;
}

async function runLogin(ctx: CliContext, flags: { browser: boolean }): Promise<void> {
  const result = await signIn(ctx, flags, await environmentOf(ctx));
  ctx.ui.print(A.signedIn(result.channel));
  ctx.ui.note(A.savedProfile({ profile: result.profile, file: result.file }));
}

/** The sign-in of `auth login`, also run by `happytube setup`: the address, the browser or a pasted answer. */
export async function signIn(ctx: CliContext, flags: { browser: boolean }, environment: Environment): Promise<LoginResult> {
  const { login, LOGIN_TIMEOUT_MS } = await import('../../youtube/auth/login.ts');
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

async function runStatus(ctx: CliContext, flags: { json?: boolean }): Promise<void> {
  const environment = await environmentOf(ctx);
  const { authStatus } = await import('../../youtube/auth/status.ts');
  const { YOUTUBE_SCOPE } = await import('../../youtube/auth/errors.ts');
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

async function runLogout(ctx: CliContext): Promise<void> {
  const environment = await environmentOf(ctx);
  const { logout } = await import('../../youtube/auth/logout.ts');
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

export const authCommand: CommandRegistrar = (program: Command, ctx: CliContext) => {
  const auth = program.command('auth').description(tr(A.authDescription()));
  auth
    .command('login')
    .description(tr(A.loginDescription()))
    .option('--no-browser', tr(A.optNoBrowser()))
    .action((flags: { browser: boolean }) => runLogin(ctx, flags));
  auth
    .command('status')
    .description(tr(A.statusDescription()))
    .option('--json', tr(M.cli.optJson()))
    .action((flags: { json?: boolean }) => runStatus(ctx, flags));
  auth
    .command('logout')
    .description(tr(A.logoutDescription()))
    .action(() => runLogout(ctx));
};

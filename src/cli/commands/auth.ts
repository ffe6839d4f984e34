/**
 * `happytube auth login [--no-browser]`, `auth status [--json]`, `auth logout` (docs/architecture.md):
 * the sign-in (src/cli/actions/auth.ts, loaded when a subcommand runs).
 */
import type { Command } from 'commander';
import { tr } from '../../i18n/index.ts';
import { auth as A } from '../../i18n/catalog/auth.ts';
import { M } from '../../i18n/messages.ts';
import type { CliContext, CommandRegistrar } from '../context.ts';

export const authCommand: CommandRegistrar = (program: Command, ctx: CliContext) => {
  const auth = program.command('auth').description(tr(A.authDescription()));
  auth
    .command('login')
    .description(tr(A.loginDescription()))
    .option('--no-browser', tr(A.optNoBrowser()))
    .action(async (flags: { browser: boolean }) => {
      const { runAuthLogin } = await import('../actions/auth.ts');
      await runAuthLogin(ctx, flags);
    });
  auth
    .command('status')
    .description(tr(A.statusDescription()))
    .option('--json', tr(M.cli.optJson()))
    .action(async (flags: { json?: boolean }) => {
      const { runAuthStatus } = await import('../actions/auth.ts');
      await runAuthStatus(ctx, flags);
    });
  auth
    .command('logout')
    .description(tr(A.logoutDescription()))
    .action(async () => {
      const { runAuthLogout } = await import('../actions/auth.ts');
      await runAuthLogout(ctx);
    });
};

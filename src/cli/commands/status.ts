/**
 * `happytube status [DIR] [--json]`: what is published, pending and failed, and today's quota,
 * from `.happytube/` alone (src/cli/actions/status.ts, loaded when it runs).
 */
import { tr } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

export const statusCommand: CommandRegistrar = (program, ctx) => {
  program
    .command('status')
    .description(tr(M.sync.statusDescription()))
    .argument(`[${placeholder('dir')}]`, tr(M.cli.argDir()))
    .option('--json', tr(M.cli.optJson()))
    .action(async (dir: string | undefined, flags: { json?: boolean }) => {
      const { runStatusCommand } = await import('../actions/status.ts');
      await runStatusCommand(ctx, dir, flags);
    });
};

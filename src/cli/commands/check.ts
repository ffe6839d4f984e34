/**
 * `happytube check [DIR] [--json]`: the library validated offline, every mistake named
 * (src/cli/actions/check.ts, loaded when it runs).
 */
import { tr } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

export const checkCommand: CommandRegistrar = (program, ctx) => {
  program
    .command('check')
    .description(tr(M.check.description()))
    .argument(`[${placeholder('dir')}]`, tr(M.cli.argDir()))
    .option('--json', tr(M.cli.optJson()))
    .action(async (dir: string | undefined, flags: { json?: boolean }) => {
      const { runCheckCommand } = await import('../actions/check.ts');
      await runCheckCommand(ctx, dir, flags);
    });
};

/**
 * `happytube setup [DIR] [--client-secret-file FILE] [--no-browser] [--yes]`: the guided first
 * run (src/cli/actions/setup.ts, loaded when it runs).
 */
import { tr } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { CommandRegistrar } from '../context.ts';

export const setupCommand: CommandRegistrar = (program, ctx) => {
  program
    .command('setup')
    .description(tr(M.setup.description()))
    .argument('[dir]', tr(M.setup.argDir()))
    .option('--client-secret-file <file>', tr(M.setup.optClientFile()))
    .option('--no-browser', tr(M.setup.optNoBrowser()))
    .option('-y, --yes', tr(M.setup.optYes()))
    .action(async (dir: string | undefined, flags: { clientSecretFile?: string; browser: boolean; yes?: boolean }) => {
      const { runSetup } = await import('../actions/setup.ts');
      await runSetup(ctx, dir, flags);
    });
};

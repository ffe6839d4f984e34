/**
 * `happytube init [DIR] [--yes] [--school NAME] [--lang vi|en]`: a new library from the school's
 * answers (src/cli/actions/init.ts, loaded when it runs).
 */
import type { Command } from 'commander';
import { tr } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { InitFlags } from '../actions/init.ts';
import type { CliContext, CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

export const initCommand: CommandRegistrar = (program: Command, ctx: CliContext) => {
  program
    .command('init')
    .description(tr(M.init.description()))
    .argument(`[${placeholder('dir')}]`, tr(M.init.argDir()))
    .option('-y, --yes', tr(M.init.optYes()))
    .option(`--school <${placeholder('name')}>`, tr(M.init.optSchool()))
    .action(async (dir: string | undefined, flags: InitFlags) => {
      const { runInitCommand } = await import('../actions/init.ts');
      await runInitCommand(ctx, dir, flags);
    });
};

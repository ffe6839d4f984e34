/**
 * `happytube demo`: the whole tool on examples/happy-school against an in-process emulator
 * (src/cli/actions/demo.ts, loaded when it runs).
 */
import { demo as D } from '../../i18n/catalog/demo.ts';
import { tr } from '../../i18n/index.ts';
import type { CommandRegistrar } from '../context.ts';

export const demoCommand: CommandRegistrar = (program, ctx) => {
  program
    .command('demo')
    .description(tr(D.description()))
    .action(async () => {
      const started = performance.now();
      const { runDemoCommand } = await import('../actions/demo.ts');
      await runDemoCommand(ctx, started);
    });
};

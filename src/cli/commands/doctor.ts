/**
 * `happytube doctor [DIR] [--json]`: one line per check, ✓ or ✗ with its fix
 * (src/cli/actions/doctor.ts, loaded when it runs).
 */
import { tr } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { CommandRegistrar } from '../context.ts';

export const doctorCommand: CommandRegistrar = (program, ctx) => {
  program
    .command('doctor')
    .description(tr(M.doctor.description()))
    .argument('[dir]', tr(M.cli.argDir()))
    .option('--json', tr(M.cli.optJson()))
    .action(async (dir: string | undefined, flags: { json?: boolean }) => {
      const { runDoctorCommand } = await import('../actions/doctor.ts');
      await runDoctorCommand(ctx, dir, flags);
    });
};

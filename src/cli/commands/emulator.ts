/**
 * `happytube emulator [--port N] [--quota UNITS] [--uploads N] [--upload-units UNITS] [--token-ttl SECONDS]
 * [--force-private] [--fault SPEC]...`: serves the emulator until Ctrl-C or SIGTERM
 * (src/cli/actions/emulator.ts, loaded when it runs).
 */
import { emulator as E } from '../../i18n/catalog/emulator.ts';
import { tr } from '../../i18n/index.ts';
import type { EmulatorFlags } from '../actions/emulator.ts';
import type { CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

export const emulatorCommand: CommandRegistrar = (program, ctx) => {
  program
    .command('emulator')
    .description(tr(E.description()))
    .option(`--port <${placeholder('number')}>`, tr(E.optPort()))
    .option(`--quota <${placeholder('units')}>`, tr(E.optQuota()))
    .option(`--uploads <${placeholder('number')}>`, tr(E.optUploads()))
    .option(`--upload-units <${placeholder('units')}>`, tr(E.optUploadUnits()))
    .option(`--token-ttl <${placeholder('seconds')}>`, tr(E.optTokenTtl()))
    .option('--force-private', tr(E.optForcePrivate()))
    .option('--unverified', tr(E.optUnverified()))
    .option(`--fault <${placeholder('fault')}>`, tr(E.optFault()), (spec: string, all: string[]) => [...all, spec], [])
    .action(async (flags: EmulatorFlags) => {
      const { runEmulatorCommand } = await import('../actions/emulator.ts');
      await runEmulatorCommand(ctx, flags);
    });
};

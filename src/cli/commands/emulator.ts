/**
 * `happytube emulator [--port N] [--quota UNITS] [--uploads N] [--upload-units UNITS] [--token-ttl SECONDS]
 * [--force-private] [--fault SPEC]...`: serves the emulator (src/emulator/) until Ctrl-C or SIGTERM.
 */
import { InputError } from '../../errors.ts';
import { emulator as E } from '../../i18n/catalog/emulator.ts';
import { tr } from '../../i18n/index.ts';
import type { CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

interface Flags {
  port?: string;
  quota?: string;
  uploads?: string;
  uploadUnits?: string;
  tokenTtl?: string;
  forcePrivate?: boolean;
  unverified?: boolean;
  fault: string[];
}

function whole(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new InputError(E.badNumber({ option, value }), { hint: E.badNumberFix({ option }) });
  return Number(value);
}

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
    .action(async (flags: Flags) => {
      const options = {
        port: whole('--port', flags.port) ?? 0,
        quota: whole('--quota', flags.quota),
        uploads: whole('--uploads', flags.uploads),
        uploadUnits: whole('--upload-units', flags.uploadUnits),
        tokenTtl: whole('--token-ttl', flags.tokenTtl),
        forcePrivate: flags.forcePrivate === true,
        unverifiedChannel: flags.unverified === true,
        faults: flags.fault,
      };
      const { startEmulator, FaultSyntaxError } = await import('../../emulator/index.ts');
      let running;
      try {
        running = await startEmulator(options);
      } catch (error) {
        if (error instanceof FaultSyntaxError) {
          throw new InputError(E.badFault({ spec: error.spec, detail: error.message }), { hint: E.badFaultFix() });
        }
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new InputError(E.portBusy({ port: options.port }), { hint: E.portBusyFix(), cause: error });
        }
        throw error;
      }
      ctx.ui.print(E.listening({ url: running.url }));
      ctx.ui.note(E.howToUse({ url: running.url }));
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGTERM', stop);
          ctx.signal.removeEventListener('abort', stop);
          resolve();
        };
        process.once('SIGTERM', stop);
        if (ctx.signal.aborted) stop();
        else ctx.signal.addEventListener('abort', stop);
      });
      await running.close();
    });
};

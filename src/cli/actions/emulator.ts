/**
 * What `happytube emulator` does (its options: src/cli/commands/emulator.ts): serves the emulator
 * (src/emulator/) until Ctrl-C or SIGTERM.
 */
import { FaultSyntaxError, startEmulator } from '../../emulator/index.ts';
import { InputError } from '../../errors.ts';
import { emulator as E } from '../../i18n/catalog/emulator.ts';
import type { CliContext } from '../context.ts';

export interface EmulatorFlags {
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

export async function runEmulatorCommand(ctx: CliContext, flags: EmulatorFlags): Promise<void> {
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
}

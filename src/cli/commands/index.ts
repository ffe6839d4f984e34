import type { CommandRegistrar } from '../program.ts';

/** Every command of SPEC §2 that works, in the order `--help` lists them. */
export const commands: CommandRegistrar[] = [];

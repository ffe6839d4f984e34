/**
 * Questions the CLI asks on a terminal: whether it may ask at all, the question before spending
 * quota, and what Ctrl-C inside a question means.
 */
import { tr } from '../i18n/index.ts';
import { M } from '../i18n/messages.ts';
import { WorkLeftError } from '../errors.ts';
import type { QuotaAmounts } from '../youtube/quota.ts';
import type { CliContext } from './context.ts';

/** Ctrl-C inside an @inquirer prompt (ExitPromptError) or the CLI's own interrupt (AbortPromptError). */
export function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** A command asks before spending only on a terminal, without --json or --yes. */
export function mayAsk(ctx: CliContext, flags: { json?: boolean; yes?: boolean }): boolean {
  return flags.json !== true && flags.yes !== true && ctx.ui.interactive && ctx.ui.streams.stdin?.isTTY === true;
}

/**
 * Asks before a plan spends `cost`. No → a note and false; Ctrl-C → an interruption (exit 3).
 * Either way nothing was sent to YouTube.
 */
export async function confirmSpending(ctx: CliContext, cost: QuotaAmounts): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  let yes: boolean;
  try {
    yes = await confirm({ message: tr(M.sync.confirm({ units: cost.units, uploads: cost.uploads })), default: true }, { input: ctx.ui.streams.stdin, signal: ctx.signal });
  } catch (error) {
    if (isPromptCancel(error)) throw new WorkLeftError(M.sync.cancelled(), { cause: error });
    throw error;
  }
  if (!yes) ctx.ui.note(M.sync.cancelled());
  return yes;
}

/**
 * What `happytube check` does (its options: src/cli/commands/check.ts): reads and validates the
 * library offline (no network, no credentials) and reports what each clip would become and every
 * mistake. Exit 2 on any error.
 */
import { resolve } from 'node:path';
import { InputError } from '../../errors.ts';
import { tr, useLibraryLang } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import { cachedHasher, checkJson, checkLines, countDiagnostics } from '../../library/check.ts';
import { findLibraryRoot, loadLibrary } from '../../library/index.ts';
import type { CliContext } from '../context.ts';

export async function runCheckCommand(ctx: CliContext, dir: string | undefined, flags: { json?: boolean }): Promise<void> {
  const root = dir === undefined ? findLibraryRoot(ctx.cwd) ?? ctx.cwd : resolve(ctx.cwd, dir);
  const hasher = await cachedHasher(root);
  const library = await loadLibrary(root, { hashFile: hasher.hashFile });
  await hasher.save();
  useLibraryLang(library.config.language);
  if (flags.json) ctx.ui.json(checkJson(library));
  else for (const line of checkLines(library)) ctx.ui.print(line.style ? ctx.ui.style(line.style, tr(line.text)) : line.text);
  const counts = countDiagnostics(library);
  if (counts.errors > 0) {
    throw new InputError(M.check.failed({ errors: counts.errors, files: counts.filesWithErrors }), { hint: M.check.failedFix() });
  }
}

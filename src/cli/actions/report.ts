/**
 * What `happytube report` does (its options: src/cli/commands/report.ts): the videos of the library
 * by playlist, as YouTube shows them now (src/report/run.ts), on stdout or in FILE (written
 * atomically; its path is printed).
 */
import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { getLang, useLibraryLang } from '../../i18n/index.ts';
import { report as R } from '../../i18n/catalog/report.ts';
import { findLibraryRoot } from '../../library/load.ts';
import type { ReportFormat } from '../../report/index.ts';
import { makeReport, readLibraryConfig } from '../../report/run.ts';
import type { CliContext } from '../context.ts';

export interface ReportFlags {
  format: ReportFormat;
  out?: string;
  since?: string;
}

export async function runReportCommand(ctx: CliContext, dir: string | undefined, flags: ReportFlags): Promise<void> {
  const root = dir === undefined ? (findLibraryRoot(ctx.cwd) ?? ctx.cwd) : resolve(ctx.cwd, dir);
  const config = readLibraryConfig(root);
  useLibraryLang(config.language);
  const result = await makeReport({
    root,
    config,
    format: flags.format,
    since: flags.since,
    language: getLang(),
    environment: ctx.environment([root]),
    cwd: ctx.cwd,
    log: ctx.ui.verbose ? (line) => ctx.ui.debug(line) : undefined,
    signal: ctx.signal,
  });
  if (result.videos === 0) ctx.ui.warn(R.nothingSynced());
  if (result.deleted > 0) ctx.ui.warn(R.deletedNote({ count: result.deleted }));
  if (flags.out === undefined) {
    // On a terminal the report is read, not saved: its titles may not steer the screen.
    ctx.ui.streams.stdout.write(ctx.ui.streams.stdout.isTTY === true ? ctx.ui.safe(result.text) : result.text);
  } else {
    const file = resolve(ctx.cwd, flags.out);
    await writeFileAtomic(file, result.text);
    ctx.ui.print(R.written({ file }));
  }
  await result.remember();
}

/**
 * `happytube report [DIR] --format csv|md|html|json|eml [--out FILE] [--since DATE]`: the videos
 * of the library by playlist, as YouTube shows them now (src/report/run.ts), on stdout or in FILE
 * (written atomically; its path is printed).
 */
import { resolve } from 'node:path';
import { Option } from 'commander';
import { getLang, tr, useLibraryLang } from '../../i18n/index.ts';
import { report as R } from '../../i18n/catalog/report.ts';
import { M } from '../../i18n/messages.ts';
import type { ReportFormat } from '../../report/index.ts';
import type { CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

interface ReportFlags {
  format: ReportFormat;
  out?: string;
  since?: string;
}

const FORMATS: ReportFormat[] = ['csv', 'md', 'html', 'json', 'eml'];

export const reportCommand: CommandRegistrar = (program, ctx) => {
  program
    .command('report')
    .description(tr(R.description()))
    .argument(`[${placeholder('dir')}]`, tr(M.cli.argDir()))
    .addOption(new Option(`--format <${placeholder('format')}>`, tr(R.optFormat())).choices(FORMATS).makeOptionMandatory())
    .option(`--out <${placeholder('file')}>`, tr(R.optOut()))
    .option(`--since <${placeholder('date')}>`, tr(R.optSince()))
    .action(async (dir: string | undefined, flags: ReportFlags) => {
      const { findLibraryRoot } = await import('../../library/load.ts');
      const { makeReport, readLibraryConfig } = await import('../../report/run.ts');
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
        const { default: writeFileAtomic } = await import('write-file-atomic');
        await writeFileAtomic(file, result.text);
        ctx.ui.print(R.written({ file }));
      }
      await result.remember();
    });
};

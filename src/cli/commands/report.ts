/**
 * `happytube report [DIR] --format csv|md|html|json|eml [--out FILE] [--since DATE]`: the videos
 * of the library by playlist, as YouTube shows them now, on stdout or in FILE
 * (src/cli/actions/report.ts, loaded when it runs).
 */
import { Option } from 'commander';
import { tr } from '../../i18n/index.ts';
import { report as R } from '../../i18n/catalog/report.ts';
import { M } from '../../i18n/messages.ts';
import type { ReportFormat } from '../../report/index.ts';
import type { ReportFlags } from '../actions/report.ts';
import type { CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

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
      const { runReportCommand } = await import('../actions/report.ts');
      await runReportCommand(ctx, dir, flags);
    });
};

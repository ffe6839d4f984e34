/**
 * `happytube upload FILE... [--dir DIR] [--playlist KEY] [--title T] [--privacy P] [--template NAME]
 * [--limit-rate RATE] [--json] [--yes]`: one clip (or a few) now, its options saved in the clip's
 * sidecar (src/cli/actions/upload.ts, loaded when it runs).
 */
import { tr } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { UploadFlags } from '../actions/upload.ts';
import type { CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

export const uploadCommand: CommandRegistrar = (program, ctx) => {
  program
    .command('upload')
    .description(tr(M.progress.uploadDescription()))
    .argument(`<${placeholder('file')}...>`, tr(M.progress.argFiles()))
    .option(`--dir <${placeholder('dir')}>`, tr(M.progress.optDir()))
    .option(`--playlist <${placeholder('key')}>`, tr(M.progress.optPlaylist()))
    .option(`--title <${placeholder('title')}>`, tr(M.progress.optTitle()))
    .option(`--privacy <${placeholder('privacy')}>`, tr(M.progress.optPrivacy()))
    .option(`--template <${placeholder('name')}>`, tr(M.progress.optTemplate()))
    .option(`--limit-rate <${placeholder('rate')}>`, tr(M.sync.optLimitRate()))
    .option('--json', tr(M.cli.optJson()))
    .option('--yes', tr(M.progress.optYes()))
    .action(async (files: string[], flags: UploadFlags) => {
      const { runUploadCommand } = await import('../actions/upload.ts');
      await runUploadCommand(ctx, files, flags);
    });
};

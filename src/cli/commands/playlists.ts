/**
 * `happytube playlists [DIR] [--json]`: the playlists of happytube.yaml as they are on the channel
 * (src/cli/actions/playlists.ts, loaded when it runs).
 */
import { tr } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import type { CommandRegistrar } from '../context.ts';
import { placeholder } from '../localise.ts';

export const playlistsCommand: CommandRegistrar = (program, ctx) => {
  program
    .command('playlists')
    .description(tr(M.sync.playlistsDescription()))
    .argument(`[${placeholder('dir')}]`, tr(M.cli.argDir()))
    .option('--json', tr(M.cli.optJson()))
    .action(async (dir: string | undefined, flags: { json?: boolean }) => {
      const { runPlaylistsCommand } = await import('../actions/playlists.ts');
      await runPlaylistsCommand(ctx, dir, flags);
    });
};

/**
 * What `happytube playlists` does (its options: src/cli/commands/playlists.ts): the playlists of
 * happytube.yaml as they are on the channel (key, title, id and address, item count). Reads the
 * channel: one playlists.list per 50 playlists.
 */
import { resolve } from 'node:path';
import { useLibraryLang } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import { findLibraryRoot, loadLibrary } from '../../library/index.ts';
import { openState } from '../../state/index.ts';
import { retryText, YouTubeApi } from '../../youtube/api.ts';
import { createYouTubeClient } from '../../youtube/client.ts';
import { playlistUrl } from '../../youtube/links.ts';
import type { QuotaCost } from '../../youtube/quota.ts';
import type { CliContext } from '../context.ts';

export async function runPlaylistsCommand(ctx: CliContext, dir: string | undefined, flags: { json?: boolean }): Promise<void> {
  const root = dir === undefined ? findLibraryRoot(ctx.cwd) ?? ctx.cwd : resolve(ctx.cwd, dir);
  const [library, state] = await Promise.all([loadLibrary(root), openState(root)]);
  useLibraryLang(library.config.language);
  const client = await createYouTubeClient({ environment: ctx.environment([root]), cwd: root, log: ctx.ui.verbose ? (line: string) => ctx.ui.debug(line) : undefined });
  client.onRetry((text) => ctx.ui.note(text));
  // Each page YouTube answered is recorded in .happytube/quota.json, as sync does.
  const spent: QuotaCost[] = [];
  const api = new YouTubeApi(client, { onCost: (cost) => spent.push(cost), signal: ctx.signal, onRetry: (info) => ctx.ui.note(retryText(info)) });
  let onChannel;
  try {
    onChannel = await api.myPlaylists();
  } catch (error) {
    throw client.explain(error);
  } finally {
    if (spent.length > 0) await state.quota.spend(spent, new Date());
  }
  const rows = library.playlists.map((spec) => {
    const id = state.ledger.playlist(spec.key)?.playlistId;
    const found = onChannel.find((p) => p.id === id) ?? onChannel.find((p) => p.title.normalize('NFC') === spec.title.normalize('NFC'));
    return { key: spec.key, title: spec.title, folder: spec.folder, id: found?.id ?? null, url: found ? playlistUrl(found.id) : null, items: found?.itemCount ?? null };
  });
  await client.flush();
  if (flags.json) {
    ctx.ui.json({ root: library.root, playlists: rows });
    return;
  }
  ctx.ui.print(M.sync.playlistsTitle({ count: rows.length }));
  for (const row of rows) {
    ctx.ui.print(
      row.url === null
        ? M.sync.playlistNotCreated({ key: row.key, title: row.title })
        : M.sync.playlistLine({ key: row.key, title: row.title, url: row.url, items: row.items === null ? '?' : String(row.items) }),
    );
  }
}

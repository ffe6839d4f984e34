/**
 * What `happytube status` does (its options: src/cli/commands/status.ts): published, pending and
 * failed clips, resumable uploads, and the quota used today with the time it resets — from
 * `.happytube/` alone, no network.
 */
import { resolve } from 'node:path';
import { same, tr, useLibraryLang } from '../../i18n/index.ts';
import { M } from '../../i18n/messages.ts';
import { findLibraryRoot } from '../../library/index.ts';
import { libraryStatus } from '../../sync/status.ts';
import { findingText } from '../../sync/verdict.ts';
import type { CliContext } from '../context.ts';

export async function runStatusCommand(ctx: CliContext, dir: string | undefined, flags: { json?: boolean }): Promise<void> {
  const root = dir === undefined ? findLibraryRoot(ctx.cwd) ?? ctx.cwd : resolve(ctx.cwd, dir);
  const s = await libraryStatus(root);
  useLibraryLang(s.library.config.language);
  if (flags.json) {
    ctx.ui.json({
      root: s.root,
      published: s.published,
      pending: s.pending,
      failed: s.failed,
      deletedOnYouTube: s.deleted,
      skipped: s.skipped,
      sessions: s.sessions,
      shorts: s.shorts,
      youtubeFindings: s.findings,
      processing: s.processing,
      quota: { day: s.quota.day, units: s.quota.units, uploads: s.quota.uploads, limits: s.quota.limits, resetsAt: s.quota.resetsAt.toISOString() },
    });
    return;
  }
  const ui = ctx.ui;
  ui.print(M.sync.statusTitle({ root: s.root }));
  ui.print(M.sync.statusCounts({ published: s.published, pending: s.pending.length, failed: s.failed.length, deleted: s.deleted.length, skipped: s.skipped }));
  if (s.pending.length > 0) {
    ui.print(M.sync.statusPendingTitle());
    for (const rel of s.pending) ui.print(same(`  ${rel}`));
  }
  if (s.failed.length > 0) {
    ui.print(M.sync.statusFailedTitle());
    for (const f of s.failed) ui.print(same(`  ${f.relPath}: ${f.reason}`));
  }
  if (s.findings.length > 0) {
    ui.print(M.settings.findingsTitle());
    for (const f of s.findings) ui.print(same(`  ${tr(M.settings.findingLine({ file: f.relPath, videoId: f.videoId, finding: findingText(f.finding) }))}`));
  }
  if (s.processing.length > 0) {
    ui.print(M.settings.statusProcessingTitle());
    for (const rel of s.processing) ui.print(same(`  ${rel}`));
  }
  if (s.shorts.length > 0) {
    ui.print(M.settings.statusShortsTitle());
    for (const rel of s.shorts) ui.print(same(`  ${rel}`));
  }
  ui.print(M.sync.statusSessions({ count: s.sessions.length }));
  ui.print(
    M.sync.statusQuota({
      units: s.quota.units,
      unitLimit: s.quota.limits.units,
      uploads: s.quota.uploads,
      uploadLimit: s.quota.limits.uploads,
      resetAt: s.quota.resetsAt,
      timeZone: s.library.config.schedule?.timezone,
    }),
  );
}

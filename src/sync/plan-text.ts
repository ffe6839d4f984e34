/**
 * The plan in words (not the report feature, which is src/report/): each step and playlist action,
 * the notices, the plan with its cost as `sync` and `upload` show it, and the plan in the JSON
 * document of `--json`. Pure: it returns texts and values; the command prints them.
 */
import type { Text } from '../i18n/index.ts';
import { joinText, tr } from '../i18n/index.ts';
import { findingText } from './verdict.ts';
import type { QuotaAmounts } from '../youtube/quota.ts';
import type { ClipStep, ClipWork, Plan, PlanNotice, PlaylistAction } from './plan.ts';
import { M } from '../i18n/messages.ts';

export function noticeText(n: PlanNotice): Text {
  switch (n.kind) {
    case 'deleted-on-youtube':
      return M.sync.deletedOnYouTube({ file: n.relPath, videoId: n.videoId });
    case 'duplicate':
      return M.sync.duplicate({ file: n.relPath, original: n.original });
    case 'playlist-gone':
      return M.sync.playlistGone({ key: n.key, id: n.playlistId });
    case 'youtube-finding':
      return M.settings.findingLine({ file: n.relPath, videoId: n.videoId, finding: findingText(n.finding) });
  }
}

export function stepText(step: ClipStep, work: ClipWork): Text {
  const file = work.relPath;
  switch (step.kind) {
    case 'video.upload':
      return step.notifySubscribers ? M.sync.labelUpload({ file }) : joinText([M.sync.labelUpload({ file }), M.settings.noNotificationNote()], ' · ');
    case 'video.adopt':
      return M.sync.labelAdopt({ file, videoId: step.videoId });
    case 'video.update':
      return step.changes.length === 0 ? M.sync.labelUpdate({ file }) : joinText([M.sync.labelUpdate({ file }), M.settings.changes({ fields: step.changes })], ' · ');
    case 'thumbnail.set':
      return M.sync.labelThumbnail({ file });
    case 'caption.insert':
      return M.sync.labelCaption({ file, lang: step.lang });
    case 'playlistItem.insert':
      return M.sync.labelItemInsert({ file, playlist: step.key });
    case 'playlistItem.delete':
      return M.sync.labelItemDelete({ file, playlist: step.key });
  }
}

export function playlistActionText(action: PlaylistAction): Text {
  const title = action.resource.snippet.title;
  return action.kind === 'playlist.create' ? M.sync.labelPlaylistCreate({ title }) : M.sync.labelPlaylistUpdate({ title });
}

function costText(cost: { bucket: string; amount: number }): Text | undefined {
  if (cost.amount === 0) return undefined;
  return cost.bucket === 'uploads' ? M.sync.costUploads({ n: cost.amount }) : M.sync.costUnits({ n: cost.amount });
}

/** The plan, action by action, then its cost against what is left today. */
export function planLines(plan: Plan, remaining: QuotaAmounts): Text[] {
  const out: Text[] = [];
  const actions = plan.playlists.length + plan.clips.reduce((n, w) => n + w.steps.length, 0);
  for (const n of plan.notices) out.push(noticeText(n));
  if (actions === 0) {
    out.push(M.sync.nothingToDo());
    return out;
  }
  out.push(M.sync.planTitle({ actions, clips: plan.clips.length }));
  for (const a of plan.playlists) out.push(indent(playlistActionText(a), costText(a.cost)));
  for (const w of plan.clips) for (const s of w.steps) out.push(indent(stepText(s, w), costText(s.cost)));
  out.push(M.sync.planCost({ units: plan.cost.units, uploads: plan.cost.uploads, leftUnits: remaining.units, leftUploads: remaining.uploads }));
  return out;
}

function indent(text: Text, cost: Text | undefined): Text {
  const suffix = (lang: 'vi' | 'en'): string => (cost ? ` (${cost[lang]})` : '');
  return { vi: `  ${text.vi}${suffix('vi')}`, en: `  ${text.en}${suffix('en')}` };
}

/** The plan as JSON (for --json and --dry-run --json). */
export function planJson(plan: Plan): unknown {
  return {
    cost: plan.cost,
    skipped: plan.skipped,
    playlists: plan.playlists.map((a) => ({ kind: a.kind, key: a.key, title: a.resource.snippet.title, cost: a.cost })),
    clips: plan.clips.map((w) => ({
      relPath: w.relPath,
      videoId: w.videoId ?? null,
      steps: w.steps.map((s) => ({
        kind: s.kind,
        cost: s.cost,
        ...(s.kind === 'playlistItem.insert' || s.kind === 'playlistItem.delete' ? { playlist: s.key } : {}),
        ...(s.kind === 'caption.insert' ? { lang: s.lang } : {}),
        ...(s.kind === 'video.upload' ? { privacy: s.resource.status.privacyStatus, publishAt: s.resource.status.publishAt ?? null, notifySubscribers: s.notifySubscribers } : {}),
        ...(s.kind === 'video.update' ? { changes: s.changes } : {}),
        ...(s.kind === 'video.adopt' ? { videoId: s.videoId } : {}),
      })),
    })),
    notices: plan.notices.map((n) => ({ ...n, message: tr(noticeText(n)) })),
  };
}

/**
 * What YouTube did with a video, against what the tool sent or declared: an audience YouTube
 * decided itself (`status.madeForKids` against `selfDeclaredMadeForKids`), a privacy or publish
 * time it did not take, an upload it failed or rejected (`uploadStatus` with `failureReason` /
 * `rejectionReason`). Read back after each upload and update, and again by each sync from the
 * videos.list it makes anyway; a video still processing is looked at by the next run, never
 * waited for. The planner adds one more from the playlists it reads: a video the tool put in a
 * playlist that is no longer there (`playlist`), which the same run puts back. Pure.
 */
import type { Text } from '../i18n/index.ts';
import { digestOf } from '../state/digest.ts';
import type { Finding, Verdict } from '../state/index.ts';
import type { VideoStatusView } from '../youtube/api.ts';
import { M } from '../i18n/messages.ts';

/** What an upload or update asked of the status part. */
export interface SentStatus {
  privacyStatus: string;
  publishAt?: string | undefined;
  selfDeclaredMadeForKids: boolean;
}

/** YouTube has not finished with the video: the next run looks again. */
export function isProcessing(video: VideoStatusView): boolean {
  return video.uploadStatus === 'uploaded' || video.processingStatus === 'processing';
}

/** What YouTube's own status tells at any time: an audience it decided, an upload it refused. */
function statusFindings(video: VideoStatusView, declared: boolean | undefined): Finding[] {
  const out: Finding[] = [];
  const said = video.selfDeclaredMadeForKids ?? declared;
  if (video.madeForKids !== undefined && said !== undefined && video.madeForKids !== said) {
    out.push({ field: 'madeForKids', expected: String(said), actual: String(video.madeForKids) });
  }
  if (video.uploadStatus === 'rejected' || video.uploadStatus === 'failed') {
    const reason = video.uploadStatus === 'rejected' ? video.rejectionReason : video.failureReason;
    out.push({ field: 'uploadStatus', expected: 'processed', actual: video.uploadStatus, ...(reason ? { reason } : {}) });
  }
  return out;
}

const sameTime = (a: string | undefined, b: string | undefined): boolean =>
  a === undefined || b === undefined ? a === b : Date.parse(a) === Date.parse(b);

/** What an upload or update asked that YouTube did not take: the privacy, the publish time. */
function sentFindings(sent: SentStatus, video: VideoStatusView): Finding[] {
  const out: Finding[] = [];
  if (sent.privacyStatus !== video.privacy) out.push({ field: 'privacy', expected: sent.privacyStatus, actual: video.privacy });
  if (!sameTime(sent.publishAt, video.publishAt)) out.push({ field: 'publishAt', expected: sent.publishAt ?? '', actual: video.publishAt ?? '' });
  return out;
}

/**
 * The verdict on a video. Right after an upload or update (`sent`), against what was sent; on a
 * later run, the privacy and publish-time findings of the last read-back stay as long as the
 * video still shows them.
 */
export function verdictOf(
  video: VideoStatusView,
  checkedAt: string,
  from: { sent: SentStatus } | { previous: Verdict | undefined; declared: boolean },
): Verdict {
  const declared = 'sent' in from ? from.sent.selfDeclaredMadeForKids : from.declared;
  const findings = statusFindings(video, declared);
  if ('sent' in from) findings.push(...sentFindings(from.sent, video));
  else {
    for (const f of from.previous?.findings ?? []) {
      if (f.field === 'privacy' && f.actual === video.privacy) findings.push(f);
      if (f.field === 'publishAt' && sameTime(f.actual || undefined, video.publishAt)) findings.push(f);
    }
  }
  return { checkedAt, processing: isProcessing(video), findings };
}

/** Whether two verdicts say the same (the time they were read aside). */
export function sameVerdict(a: Verdict | undefined, b: Verdict | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.processing === b.processing && digestOf(a.findings) === digestOf(b.findings);
}

/** The findings of `after` that `before` did not have. */
export function newFindings(before: Verdict | undefined, after: Verdict): Finding[] {
  const known = new Set((before?.findings ?? []).map((f) => digestOf(f)));
  return after.findings.filter((f) => !known.has(digestOf(f)));
}

/** One finding, in words. */
export function findingText(f: Finding): Text {
  switch (f.field) {
    case 'madeForKids':
      return f.actual === 'true' ? M.settings.findingMadeForKids() : M.settings.findingNotMadeForKids();
    case 'privacy':
      return M.settings.findingPrivacy({ expected: f.expected, actual: f.actual });
    case 'publishAt':
      return M.settings.findingPublishAt({ expected: f.expected, actual: f.actual });
    case 'playlist':
      return M.settings.findingPlaylist({ key: f.expected });
    default:
      return f.actual === 'rejected' ? M.settings.findingRejected({ reason: f.reason ?? '—' }) : M.settings.findingFailed({ reason: f.reason ?? '—' });
  }
}

/**
 * State + one `videos.list` → the report model (model.ts). The ledger says which videos the tool
 * put in which playlist; YouTube says how each one stands now (privacy, processing, views), 50
 * videos a call at 1 unit each. A video YouTube no longer returns is marked deleted, never
 * silently dropped.
 */
import type { Lang } from '../i18n/index.ts';
import type { youtube_v3 } from '@googleapis/youtube';
import type { LibraryConfig } from '../library/types.ts';
import type { ClipRecord, Ledger } from '../state/index.ts';
import type { YouTubeClient } from '../youtube/client.ts';
import { statusOf } from '../youtube/api.ts';
import type { VideoStatusView } from '../youtube/api.ts';
import { LIMITS } from '../youtube/quota.ts';
import { verdictOf } from '../sync/verdict.ts';
import type { Privacy, ProcessingStatus, ReportModel, ReportPlaylist, ReportVideo } from './model.ts';
import { playlistUrl, videoUrl } from '../youtube/links.ts';
import { DEFAULT_TIME_ZONE } from './model.ts';

type Video = youtube_v3.Schema$Video;

/** How a video stands on YouTube now, from `videos.list`. */
export interface LiveVideo {
  id: string;
  title: string;
  publishedAt: Date | undefined;
  privacy: Privacy;
  processingStatus: ProcessingStatus | undefined;
  views: number | undefined;
  /** `recordingDetails.recordingDate` as `YYYY-MM-DD`. */
  recordingDate: string | undefined;
  /** The status part as read, for what YouTube decided (src/sync/verdict.ts). */
  status: VideoStatusView;
  channel: { id: string; title: string } | undefined;
}

/** The parts asked for: all cheap (1 unit per call whatever the parts). */
export const REPORT_PARTS = ['id', 'snippet', 'status', 'processingDetails', 'statistics', 'recordingDetails'] as const;

const PRIVACIES: readonly string[] = ['public', 'unlisted', 'private'] satisfies Privacy[];
const UPLOAD_PROBLEMS: readonly string[] = ['failed', 'rejected', 'deleted'] satisfies ProcessingStatus[];
const PROCESSING: readonly string[] = ['processing', 'succeeded', 'failed', 'terminated'] satisfies ProcessingStatus[];

/** YouTube's `uploadStatus` and `processingStatus` merged: a refusal first, then processing, then the upload. */
export function processingStatusOf(video: Video): ProcessingStatus | undefined {
  const upload = video.status?.uploadStatus;
  if (upload && UPLOAD_PROBLEMS.includes(upload)) return upload as ProcessingStatus;
  const processing = video.processingDetails?.processingStatus;
  if (processing && PROCESSING.includes(processing)) return processing as ProcessingStatus;
  return upload === 'uploaded' || upload === 'processed' ? upload : undefined;
}

export function toLiveVideo(video: Video): LiveVideo {
  const privacy = video.status?.privacyStatus ?? 'private';
  const views = video.statistics?.viewCount;
  const published = video.snippet?.publishedAt;
  const recorded = video.recordingDetails?.recordingDate;
  const channelId = video.snippet?.channelId;
  return {
    id: video.id ?? '',
    title: video.snippet?.title ?? '',
    publishedAt: published ? new Date(published) : undefined,
    privacy: PRIVACIES.includes(privacy) ? (privacy as Privacy) : 'private',
    processingStatus: processingStatusOf(video),
    views: views === undefined || !Number.isFinite(Number(views)) ? undefined : Number(views),
    recordingDate: recorded && /^\d{4}-\d{2}-\d{2}/.test(recorded) ? recorded.slice(0, 10) : undefined,
    channel: channelId ? { id: channelId, title: video.snippet?.channelTitle ?? channelId } : undefined,
    status: statusOf(video),
  };
}

/** The ids of every video of the ledger, in a stable order. */
export function ledgerVideoIds(ledger: Ledger): string[] {
  return [...new Set([...ledger.clips()].map((e) => e.clip.videoId))].sort();
}

/**
 * `videos.list` of these ids, 50 a call, one call after the other (a report is small). Ids YouTube
 * does not return are absent from the map: deleted, or not the channel's. `onCall` runs after each
 * call YouTube accepted (1 unit).
 */
export async function fetchLiveVideos(
  client: Pick<YouTubeClient, 'call'>,
  ids: readonly string[],
  options: { signal?: AbortSignal; onCall?: () => Promise<void> | void } = {},
): Promise<Map<string, LiveVideo>> {
  const live = new Map<string, LiveVideo>();
  for (let i = 0; i < ids.length; i += LIMITS.pageSize) {
    const batch = ids.slice(i, i + LIMITS.pageSize);
    const res = await client.call<youtube_v3.Schema$VideoListResponse>(
      'videos.list',
      (yt, o) => yt.videos.list({ part: [...REPORT_PARTS], id: batch, maxResults: LIMITS.pageSize }, o),
      { signal: options.signal, expect: 'youtube#videoListResponse' },
    );
    await options.onCall?.();
    for (const item of res.items ?? []) {
      const video = toLiveVideo(item);
      if (video.id) live.set(video.id, video);
    }
  }
  return live;
}

export interface BuildInput {
  config: LibraryConfig;
  ledger: Ledger;
  live: ReadonlyMap<string, LiveVideo>;
  language: Lang;
  generatedAt: Date;
  since?: Date | undefined;
}

const LEADING_DATE = /^(\d{4}-\d{2}-\d{2})(?![\d])/;

/** `YYYY-MM-DD` at the start of the clip's file name, if any. */
function fileDate(relPath: string | undefined): string | undefined {
  if (relPath === undefined) return undefined;
  return LEADING_DATE.exec(relPath.slice(relPath.lastIndexOf('/') + 1))?.[1];
}

function inFolder(clip: ClipRecord, folder: string): boolean {
  return clip.relPaths.some((p) => p.startsWith(`${folder}/`));
}

function reportVideo(clip: Readonly<ClipRecord>, live: LiveVideo | undefined): ReportVideo {
  const date = live?.recordingDate ?? fileDate(clip.relPaths[0]);
  const base = { videoId: clip.videoId, url: videoUrl(clip.videoId), ...(date ? { date } : {}), ...(clip.short ? { short: true } : {}) };
  if (!live) {
    // Gone from YouTube: kept in the report, marked, under the title it last had.
    return { ...base, title: clip.title, privacy: 'private', processingStatus: 'deleted' };
  }
  const video: ReportVideo = { ...base, title: live.title || clip.title, privacy: live.privacy };
  if (live.publishedAt) video.publishedAt = live.publishedAt;
  if (live.processingStatus) video.processingStatus = live.processingStatus;
  if (live.views !== undefined) video.views = live.views;
  // As YouTube shows it now; the privacy and publish time asked, as the last sync read them back.
  const verdict = verdictOf(live.status, '', { previous: clip.youtube, declared: live.status.selfDeclaredMadeForKids ?? false });
  // A rejection or failure is already the status column's.
  const findings = verdict.findings.filter((f) => f.field !== 'uploadStatus');
  if (findings.length > 0) video.youtubeFindings = findings;
  return video;
}

/** Oldest first; undated videos last; then by title. */
function compareVideos(a: ReportVideo, b: ReportVideo): number {
  const da = a.date ?? a.publishedAt?.toISOString() ?? '~';
  const db = b.date ?? b.publishedAt?.toISOString() ?? '~';
  if (da !== db) return da < db ? -1 : 1;
  return a.title.localeCompare(b.title);
}

/**
 * The model: the library's playlists in config order, each with the ledger's videos in it (by the
 * playlist items the tool added, or by the clip's folder), as YouTube shows them now.
 */
export function buildReportModel(input: BuildInput): ReportModel {
  const { config, ledger, live } = input;
  const clips = [...ledger.clips()].map((e) => e.clip);
  const playlists: ReportPlaylist[] = config.playlists.map((spec) => {
    const record = ledger.playlist(spec.key);
    const videos = clips
      .filter((clip) => clip.playlists[spec.key] !== undefined || inFolder(clip, spec.folder))
      .map((clip) => reportVideo(clip, live.get(clip.videoId)))
      .sort(compareVideos);
    return {
      key: spec.key,
      title: spec.title,
      ...(spec.description ? { description: spec.description } : {}),
      ...(record ? { url: playlistUrl(record.playlistId) } : {}),
      videos,
    };
  });
  const channel = [...live.values()].find((v) => v.channel !== undefined)?.channel;
  const model: ReportModel = {
    school: { name: config.school.name, ...(config.school.website ? { website: config.school.website } : {}) },
    language: input.language,
    generatedAt: input.generatedAt,
    timeZone: config.schedule?.timezone ?? DEFAULT_TIME_ZONE,
    playlists,
  };
  if (channel) model.channel = channel;
  if (input.since) model.since = input.since;
  if (config.report.departmentEmail) model.departmentEmail = config.report.departmentEmail;
  return model;
}

/** The e-mail leaves out videos deleted on YouTube: the Department could not open them. */
export function withoutDeleted(model: ReportModel): ReportModel {
  return { ...model, playlists: model.playlists.map((p) => ({ ...p, videos: p.videos.filter((v) => v.processingStatus !== 'deleted') })) };
}

/**
 * `--since DATE`: `YYYY-MM-DD` is the start of that day in `timeZone`; a full ISO 8601 date-time
 * with its zone is taken as is. Undefined when the text is neither.
 */
export function parseSince(text: string, timeZone: string = DEFAULT_TIME_ZONE): Date | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const utc = Date.UTC(y, m - 1, d);
    const check = new Date(utc);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
    // Midnight there = midnight UTC minus the zone's offset at that moment (twice, across a DST change).
    let instant = utc - offsetMs(new Date(utc), timeZone);
    instant = utc - offsetMs(new Date(instant), timeZone);
    return new Date(instant);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text.trim())) return undefined;
  const parsed = new Date(text.trim());
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** The zone's offset from UTC at `instant`, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

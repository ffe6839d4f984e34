/**
 * The report model: everything a report shows, already gathered (from the state and one
 * `videos.list`) by the `report` command. The renderers of this folder are pure functions of it.
 */
import type { Lang } from '../i18n/index.ts';
import type { Finding } from '../state/index.ts';

export type Privacy = 'public' | 'unlisted' | 'private';

/**
 * YouTube's `status.uploadStatus` (uploaded, processed, failed, rejected, deleted) and
 * `processingDetails.processingStatus` (processing, succeeded, failed, terminated), merged.
 */
export type ProcessingStatus = 'uploaded' | 'processing' | 'processed' | 'succeeded' | 'failed' | 'terminated' | 'rejected' | 'deleted';

export interface ReportVideo {
  videoId: string;
  title: string;
  /** `https://www.youtube.com/watch?v=ID` (see `videoUrl` in youtube/links.ts). */
  url: string;
  /** The clip's calendar date (recording date, else publish date) as `YYYY-MM-DD`: no time zone. */
  date?: string;
  publishedAt?: Date;
  privacy: Privacy;
  processingStatus?: ProcessingStatus;
  views?: number;
  /** A Short on YouTube (vertical or square, 3 minutes or less). */
  short?: boolean;
  /** What YouTube did differently from what was sent or declared (see src/sync/verdict.ts). */
  youtubeFindings?: Finding[];
}

export interface ReportPlaylist {
  /** The playlist's key in happytube.yaml. */
  key: string;
  title: string;
  description?: string;
  /** `https://www.youtube.com/playlist?list=ID` (see `playlistUrl` in youtube/links.ts). */
  url?: string;
  /** In the order the report shows them. */
  videos: ReportVideo[];
}

export interface ReportModel {
  school: { name: string; website?: string };
  language: Lang;
  generatedAt: Date;
  /** IANA time zone for the times shown (the library's schedule zone); default Asia/Ho_Chi_Minh. */
  timeZone?: string;
  channel?: { id: string; title: string };
  /** The e-mail lists only videos published at or after this instant (the last report, or `--since`). */
  since?: Date;
  departmentEmail?: string;
  playlists: ReportPlaylist[];
}

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';


/** A video people outside the school can open from its link. */
export function isViewable(video: ReportVideo): boolean {
  return video.privacy !== 'private';
}

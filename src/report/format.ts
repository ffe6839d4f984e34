/** Words and numbers shared by the renderers: dates, counts, labels, in the report's language. */
import type { Lang, Text } from '../i18n/index.ts';
import { report as R } from '../i18n/catalog/report.ts';
import { findingText } from '../sync/verdict.ts';
import { DEFAULT_TIME_ZONE } from './model.ts';
import type { Privacy, ProcessingStatus, ReportModel, ReportVideo } from './model.ts';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` as people write it: `20/11/2024` (vi), `20 Nov 2024` (en). */
export function formatCalendarDate(date: string, lang: Lang): string {
  const m = CALENDAR_DATE.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (lang === 'vi') return `${d}/${mo}/${y}`;
  const utc = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return new Intl.DateTimeFormat(LOCALE.en, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc);
}

/** The calendar date of an instant in the report's time zone, as `YYYY-MM-DD`. */
export function calendarDateOf(instant: Date, model: Pick<ReportModel, 'timeZone'>): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: model.timeZone ?? DEFAULT_TIME_ZONE,
  }).format(instant);
}

/** An instant as a date in the report's time zone and language. */
export function formatDay(instant: Date, model: Pick<ReportModel, 'timeZone' | 'language'>): string {
  return formatCalendarDate(calendarDateOf(instant, model), model.language);
}

/** The date shown for a video: its own date, else the day it was published, else nothing. */
export function videoDay(video: ReportVideo, model: Pick<ReportModel, 'timeZone'>): string | undefined {
  if (video.date) return video.date;
  return video.publishedAt ? calendarDateOf(video.publishedAt, model) : undefined;
}

export function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang]).format(value);
}

const PRIVACY: Record<Privacy, () => Text> = {
  public: R.privacyPublic,
  unlisted: R.privacyUnlisted,
  private: R.privacyPrivate,
};

export function privacyLabel(privacy: Privacy, lang: Lang): string {
  return PRIVACY[privacy]()[lang];
}

const STATUS: Record<ProcessingStatus, () => Text> = {
  uploaded: R.statusUploaded,
  processing: R.statusProcessing,
  processed: R.statusDone,
  succeeded: R.statusDone,
  failed: R.statusFailed,
  terminated: R.statusTerminated,
  rejected: R.statusRejected,
  deleted: R.statusDeleted,
};

export function statusLabel(status: ProcessingStatus, lang: Lang): string {
  return STATUS[status]()[lang];
}

/** The status column: YouTube's processing status, then "Short", then each difference YouTube made. */
export function videoStatusText(video: ReportVideo, lang: Lang): string {
  const parts: string[] = [];
  if (video.processingStatus) parts.push(statusLabel(video.processingStatus, lang));
  if (video.short) parts.push(R.short()[lang]);
  for (const f of video.youtubeFindings ?? []) parts.push(findingText(f)[lang]);
  return parts.join(' · ');
}

export function videoCount(model: ReportModel): number {
  return model.playlists.reduce((n, p) => n + p.videos.length, 0);
}

/** Only http(s) addresses become links: a `javascript:` website in a config never does. */
export function isWebUrl(value: string | undefined): value is string {
  return value !== undefined && /^https?:\/\//i.test(value);
}

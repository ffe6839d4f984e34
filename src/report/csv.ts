/**
 * CSV (RFC 4180): one row per video with its playlist, CRLF line ends, UTF-8 with a byte-order
 * mark so that Excel opens Vietnamese text correctly. Dates are `YYYY-MM-DD` and times
 * `YYYY-MM-DD HH:MM` in the report's time zone, which spreadsheets read as dates.
 */
import { report as R } from '../i18n/catalog/report.ts';
import { DEFAULT_TIME_ZONE } from './model.ts';
import type { ReportModel } from './model.ts';
import { privacyLabel, videoDay, videoStatusText } from './format.ts';

const BOM = '\uFEFF';

/** Quotes a field when it must; a leading = + - @ would make a spreadsheet run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function localMinute(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function renderCsv(model: ReportModel): string {
  const lang = model.language;
  const timeZone = model.timeZone ?? DEFAULT_TIME_ZONE;
  const header = [
    R.colPlaylistKey(),
    R.colPlaylist(),
    R.colDate(),
    R.colTitle(),
    R.colUrl(),
    R.colVideoId(),
    R.colPublished(),
    R.colPrivacy(),
    R.colStatus(),
    R.colViews(),
  ].map((t) => t[lang]);
  const rows = model.playlists.flatMap((playlist) =>
    playlist.videos.map((video) => [
      playlist.key,
      playlist.title,
      videoDay(video, model) ?? '',
      video.title,
      video.url,
      video.videoId,
      video.publishedAt ? localMinute(video.publishedAt, timeZone) : '',
      privacyLabel(video.privacy, lang),
      videoStatusText(video, lang),
      video.views === undefined ? '' : String(video.views),
    ]),
  );
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

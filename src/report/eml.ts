/**
 * E-mail (RFC 5322 with MIME): a draft to the Department of Education listing the videos published
 * since the last report, grouped by playlist, with their links. Written in Vietnamese whatever the
 * library's language: it is the Department's language.
 *
 * Opened in a mail client it becomes a new message ready to send (`X-Unsent: 1`). It has no
 * `From`: the mail client puts the sender's own account there. The subject is an RFC 2047 encoded
 * word; the body is multipart/alternative, plain text and HTML, both UTF-8 in base64.
 * Private videos are left out (the Department could not open them), and counted.
 */
import type { Lang } from '../i18n/index.ts';
import { report as R } from '../i18n/catalog/report.ts';
import type { ReportModel, ReportPlaylist } from './model.ts';
import { channelUrl } from '../youtube/links.ts';
import { DEFAULT_TIME_ZONE, isViewable } from './model.ts';
import { formatCalendarDate, formatDay, isWebUrl, videoDay } from './format.ts';
import { escapeHtml, portalBlock } from './html.ts';

const MAIL_LANG: Lang = 'vi';
const BOUNDARY = '=_happytube_report_alternative';

/**
 * An unstructured header value as RFC 2047 "B" encoded words, folded so that no line exceeds 78
 * characters and no character is split between two words.
 */
export function encodeHeaderWords(value: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const char of value) {
    // 42 bytes → 56 base64 characters: "=?UTF-8?B?" + 56 + "?=" stays under 75, and
    // "Subject: " + one word under 78.
    if (Buffer.byteLength(chunk + char, 'utf8') > 42) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk || words.length === 0) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** An RFC 5322 date-time in the given zone, e.g. `Tue, 26 Nov 2024 15:30:00 +0700`. */
export function rfc5322Date(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'longOffset',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const offset = /([+-])(\d{2}):(\d{2})/.exec(get('timeZoneName'));
  const zone = offset ? `${offset[1]}${offset[2]}${offset[3]}` : '+0000';
  return `${get('weekday')}, ${get('day')} ${get('month')} ${get('year')} ${get('hour')}:${get('minute')}:${get('second')} ${zone}`;
}

function base64Lines(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** The playlists with only the videos of the e-mail: viewable, published at or after `since`. */
function mailPlaylists(model: ReportModel): { playlists: ReportPlaylist[]; privateCount: number } {
  const published = (p: ReportPlaylist): ReportPlaylist['videos'] =>
    p.videos.filter((v) => !model.since || (v.publishedAt !== undefined && v.publishedAt.getTime() >= model.since.getTime()));
  let privateCount = 0;
  const playlists = model.playlists.map((p) => {
    const videos = published(p);
    privateCount += videos.filter((v) => !isViewable(v)).length;
    return { ...p, videos: videos.filter(isViewable) };
  });
  return { playlists: playlists.filter((p) => p.videos.length > 0), privateCount };
}

export function renderEml(model: ReportModel): string {
  const lang = MAIL_LANG;
  const vi = { ...model, language: lang };
  const { playlists, privateCount } = mailPlaylists(model);
  const count = playlists.reduce((n, p) => n + p.videos.length, 0);
  const from = model.since ? formatDay(model.since, vi) : undefined;
  const school = model.school.name;
  const subject = R.mailSubject({ school, ...(from ? { from } : {}), to: formatDay(model.generatedAt, vi) })[lang];
  const intro = (count > 0 ? R.mailIntro({ school, count, ...(from ? { from } : {}) }) : R.mailNone({ school, ...(from ? { from } : {}) }))[lang];
  const privateLine = privateCount > 0 ? R.mailPrivateLeftOut({ count: privateCount })[lang] : undefined;
  const channel = model.channel ? `${R.channel()[lang]}: ${channelUrl(model.channel.id)}` : undefined;
  const website = isWebUrl(model.school.website) ? model.school.website : undefined;

  const text: string[] = [R.mailGreeting()[lang], '', intro, ''];
  for (const playlist of playlists) {
    text.push(`${playlist.title} (${R.videoCount({ count: playlist.videos.length })[lang]})`);
    for (const video of playlist.videos) {
      const day = videoDay(video, model);
      text.push(`- ${day ? `${formatCalendarDate(day, lang)} – ` : ''}${video.title}`, `  ${video.url}`);
    }
    if (playlist.url) text.push(`  ${R.openPlaylist()[lang]}: ${playlist.url}`);
    text.push('');
  }
  if (privateLine) text.push(privateLine, '');
  if (channel) text.push(channel, '');
  text.push(R.mailClosing()[lang], school, ...(website ? [website] : []), '');

  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    `<p>${escapeHtml(R.mailGreeting()[lang])}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    ...(count > 0 ? [portalBlock(vi, lang, playlists)] : []),
    ...(privateLine ? [`<p>${escapeHtml(privateLine)}</p>`] : []),
    ...(model.channel ? [`<p>${escapeHtml(R.channel()[lang])}: <a href="${escapeHtml(channelUrl(model.channel.id))}">${escapeHtml(model.channel.title)}</a></p>`] : []),
    `<p>${escapeHtml(R.mailClosing()[lang])}<br>${escapeHtml(school)}${website ? `<br><a href="${escapeHtml(website)}">${escapeHtml(website)}</a>` : ''}</p>`,
    '</body></html>',
    '',
  ].join('\n');

  const headers = [
    // A recipient can never add a header: line breaks are dropped.
    ...(model.departmentEmail ? [`To: ${model.departmentEmail.replace(/[\r\n]/g, '')}`] : []),
    `Subject: ${encodeHeaderWords(subject)}`,
    `Date: ${rfc5322Date(model.generatedAt, model.timeZone ?? DEFAULT_TIME_ZONE)}`,
    'MIME-Version: 1.0',
    'X-Unsent: 1',
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
  ];
  const part = (type: string, body: string): string[] => [
    `--${BOUNDARY}`,
    `Content-Type: ${type}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(body),
  ];
  return [
    ...headers,
    '',
    'This is a multi-part message in MIME format.',
    ...part('text/plain', text.join('\r\n')),
    ...part('text/html', html.replace(/\n/g, '\r\n')),
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n');
}

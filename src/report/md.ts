/**
 * Markdown (CommonMark with GitHub tables): a heading per playlist, a table of its videos. Text is
 * escaped so that a title can never turn into markup, a link or a broken table.
 */
import { report as R } from '../i18n/catalog/report.ts';
import type { ReportModel, ReportVideo } from './model.ts';
import { channelUrl } from '../youtube/links.ts';
import { formatCalendarDate, formatCount, formatDay, isWebUrl, privacyLabel, videoStatusText, videoCount, videoDay } from './format.ts';

/** Backslash-escapes the punctuation that means something in inline Markdown or a table cell. */
export function mdText(value: string): string {
  return value
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^-/, '\\-');
}

/** A link destination inside <…>: spaces and angle brackets are percent-encoded. */
function mdUrl(url: string): string {
  return `<${url.replace(/[ <>]/g, (c) => encodeURIComponent(c))}>`;
}

export function renderMd(model: ReportModel): string {
  const lang = model.language;
  const out: string[] = [];
  out.push(`# ${mdText(R.pageTitle({ school: model.school.name })[lang])}`, '');
  const facts = [R.updatedOn({ date: formatDay(model.generatedAt, model) })[lang]].map(mdText);
  if (model.channel) facts.push(`${mdText(R.channel()[lang])}: [${mdText(model.channel.title)}](${mdUrl(channelUrl(model.channel.id))})`);
  if (isWebUrl(model.school.website)) facts.push(`${mdText(R.website()[lang])}: ${mdUrl(model.school.website)}`);
  facts.push(mdText(R.summary({ videos: videoCount(model), playlists: model.playlists.length })[lang]));
  out.push(...facts.map((f) => `- ${f}`), '');

  const head = [R.colDate(), R.colTitle(), R.colPrivacy(), R.colStatus(), R.colViews()].map((t) => t[lang]);
  const row = (video: ReportVideo): string => {
    const day = videoDay(video, model);
    const cells = [
      day ? formatCalendarDate(day, lang) : '',
      `[${mdText(video.title)}](${mdUrl(video.url)})`,
      mdText(privacyLabel(video.privacy, lang)),
      mdText(videoStatusText(video, lang)),
      video.views === undefined ? '' : formatCount(video.views, lang),
    ];
    return `| ${cells.join(' | ')} |`;
  };
  for (const playlist of model.playlists) {
    out.push(`## ${mdText(playlist.title)}`, '');
    if (playlist.description) out.push(mdText(playlist.description), '');
    if (playlist.url) out.push(`[${mdText(R.openPlaylist()[lang])}](${mdUrl(playlist.url)})`, '');
    if (playlist.videos.length === 0) {
      out.push(`_${mdText(R.noVideos()[lang])}_`, '');
      continue;
    }
    out.push(`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`);
    out.push(...playlist.videos.map(row), '');
  }
  return out.join('\n');
}

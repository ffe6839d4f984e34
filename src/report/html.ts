/**
 * HTML: one self-contained page for the school portal. Inline CSS only: no script, no external
 * font, image or style sheet, so it opens offline and pastes anywhere. Grouped by playlist, in the
 * library's language, responsive (tables become cards on a phone) and printable (links printed in
 * full). Every piece of text from the model is escaped.
 *
 * The page ends with a "block for the portal": plain, class-free HTML (headings, lists, links) of
 * the videos viewers can open, to copy into a portal's editor, and the same block as source code.
 */
import type { Lang } from '../i18n/index.ts';
import { report as R } from '../i18n/catalog/report.ts';
import type { ReportModel, ReportPlaylist, ReportVideo } from './model.ts';
import { channelUrl } from '../youtube/links.ts';
import { isViewable } from './model.ts';
import { formatCalendarDate, formatCount, formatDay, isWebUrl, privacyLabel, videoStatusText, videoCount, videoDay } from './format.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function link(url: string, text: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}

const CSS = `
:root{color-scheme:light;--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--accent:#0b6e4f;--soft:#eef6f2;--warn:#8a4b00;--warn-bg:#fff3dc}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);background:#fff}
.ht-page{max-width:62rem;margin:0 auto;padding:1.5rem 1rem 2rem}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 .5rem;color:var(--accent)}
h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:2px solid var(--accent)}
h3{font-size:1.1rem;margin:1.25rem 0 .25rem}
a{color:#0a58ca;overflow-wrap:anywhere}
a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.ht-meta{color:var(--muted);margin:.25rem 0}
.ht-toc ol{margin:.25rem 0 0;padding-left:1.5rem}
.ht-toc h2{font-size:1rem;border:0;margin:1.25rem 0 0}
.ht-desc{margin:.25rem 0}
table{width:100%;border-collapse:collapse;margin:.5rem 0 .25rem;table-layout:fixed}
.ht-c-date{width:7.5rem}.ht-c-privacy{width:10rem}.ht-c-status{width:9.5rem}.ht-c-views{width:6rem}
caption{caption-side:top;text-align:left;font-size:.9rem;color:var(--muted);padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.5rem .6rem;border-bottom:1px solid var(--line)}
thead th{background:var(--soft);font-size:.85rem;white-space:nowrap}
tbody th{font-weight:500}
.ht-date{white-space:nowrap}
.ht-num{text-align:right;font-variant-numeric:tabular-nums}
.ht-badge{display:inline-block;padding:0 .55rem;border-radius:999px;font-size:.8rem;background:var(--soft);color:var(--accent);white-space:nowrap}
.ht-badge.ht-private{background:var(--warn-bg);color:var(--warn)}
.ht-note{font-size:.875rem;color:var(--warn);margin:.25rem 0}
.ht-empty{color:var(--muted);font-style:italic}
.ht-portal{margin-top:2.5rem;padding:.25rem 1rem 1rem;border:2px dashed var(--line);border-radius:.5rem;background:#fafbfc}
.ht-block{background:#fff;border:1px solid var(--line);border-radius:.25rem;padding:.25rem 1rem .75rem}
.ht-block h3:first-child{margin-top:.75rem}
summary{cursor:pointer;margin-top:.75rem;color:var(--muted)}
pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.8rem;background:#f3f5f8;padding:.75rem;border-radius:.25rem;max-height:24rem;overflow:auto}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem}
@media (max-width:40rem){
h1{font-size:1.45rem}
table,caption,thead,tbody,tr,th,td{display:block}
thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
tr{border:1px solid var(--line);border-radius:.5rem;margin:0 0 .75rem;padding:.4rem .75rem}
th,td{border:0;padding:.15rem 0}
td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.85rem}
td:empty{display:none}
.ht-num{text-align:left}
tbody th{font-size:1.05rem}
}
@media print{
@page{margin:15mm}
body{font-size:10.5pt}
.ht-page{max-width:none;padding:0}
.ht-toc,.ht-portal{display:none}
a{color:inherit;text-decoration:none}
tbody th a::after,.ht-playlist-link a::after{content:" — " attr(href);font-size:8.5pt;font-weight:400;color:#444;overflow-wrap:anywhere}
tr{break-inside:avoid}
h2{break-after:avoid}
thead{display:table-header-group}
.ht-badge{border:1px solid currentColor}
}
`
  .trim()
  .replace(/\n/g, '\n    ');

function sectionId(playlist: ReportPlaylist, index: number): string {
  return `pl-${index + 1}-${playlist.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function videoRow(video: ReportVideo, model: ReportModel): string {
  const lang = model.language;
  const day = videoDay(video, model);
  const label = (t: { vi: string; en: string }): string => escapeHtml(t[lang]);
  const cells = [
    `<td class="ht-date" data-label="${label(R.colDate())}">${day ? `<time datetime="${escapeHtml(day)}">${escapeHtml(formatCalendarDate(day, lang))}</time>` : ''}</td>`,
    `<th scope="row">${link(video.url, video.title)}</th>`,
    `<td data-label="${label(R.colPrivacy())}"><span class="ht-badge ht-${video.privacy}">${escapeHtml(privacyLabel(video.privacy, lang))}</span></td>`,
    `<td data-label="${label(R.colStatus())}">${escapeHtml(videoStatusText(video, lang))}</td>`,
    `<td class="ht-num" data-label="${label(R.colViews())}">${video.views === undefined ? '' : escapeHtml(formatCount(video.views, lang))}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

function playlistSection(playlist: ReportPlaylist, index: number, model: ReportModel): string {
  const lang = model.language;
  const id = sectionId(playlist, index);
  const out = [`<section id="${id}" aria-labelledby="${id}-h">`, `<h2 id="${id}-h">${escapeHtml(playlist.title)}</h2>`];
  if (playlist.description) out.push(`<p class="ht-desc">${escapeHtml(playlist.description)}</p>`);
  if (playlist.url) out.push(`<p class="ht-playlist-link">${link(playlist.url, R.openPlaylist()[lang])}</p>`);
  if (playlist.videos.length === 0) {
    out.push(`<p class="ht-empty">${escapeHtml(R.noVideos()[lang])}</p>`);
  } else {
    const head = (
      [
        [R.colDate(), 'ht-c-date'],
        [R.colTitle(), 'ht-c-title'],
        [R.colPrivacy(), 'ht-c-privacy'],
        [R.colStatus(), 'ht-c-status'],
        [R.colViews(), 'ht-c-views ht-num'],
      ] as const
    )
      .map(([t, cls]) => `<th scope="col" class="${cls}">${escapeHtml(t[lang])}</th>`)
      .join('');
    out.push(
      '<table>',
      `<caption>${escapeHtml(R.tableCaption({ playlist: playlist.title })[lang])} (${escapeHtml(R.videoCount({ count: playlist.videos.length })[lang])})</caption>`,
      `<thead><tr>${head}</tr></thead>`,
      '<tbody>',
      ...playlist.videos.map((v) => videoRow(v, model)),
      '</tbody>',
      '</table>',
    );
    if (playlist.videos.some((v) => !isViewable(v))) out.push(`<p class="ht-note">${escapeHtml(R.privateNote()[lang])}</p>`);
  }
  out.push('</section>');
  return out.join('\n');
}

/**
 * Plain HTML of the videos viewers can open, grouped by playlist: no class, no style, so that a
 * portal's editor (or a mail client) keeps it and styles it its own way.
 */
export function portalBlock(model: ReportModel, lang: Lang = model.language, playlists = model.playlists): string {
  const out: string[] = [];
  for (const playlist of playlists) {
    const videos = playlist.videos.filter(isViewable);
    if (videos.length === 0) continue;
    out.push(`<h3>${escapeHtml(playlist.title)}</h3>`, '<ul>');
    for (const video of videos) {
      const day = videoDay(video, model);
      out.push(`<li>${link(video.url, video.title)}${day ? ` (${escapeHtml(formatCalendarDate(day, lang))})` : ''}</li>`);
    }
    out.push('</ul>');
    if (playlist.url) out.push(`<p>${link(playlist.url, R.openPlaylist()[lang])}</p>`);
  }
  return out.length > 0 ? out.join('\n') : `<p>${escapeHtml(R.portalEmpty()[lang])}</p>`;
}

export function renderHtml(model: ReportModel): string {
  const lang = model.language;
  const title = R.pageTitle({ school: model.school.name })[lang];
  const meta = [
    escapeHtml(R.updatedOn({ date: formatDay(model.generatedAt, model) })[lang]),
    escapeHtml(R.summary({ videos: videoCount(model), playlists: model.playlists.length })[lang]),
  ];
  const links: string[] = [];
  if (model.channel) links.push(`${escapeHtml(R.channel()[lang])}: ${link(channelUrl(model.channel.id), model.channel.title)}`);
  if (isWebUrl(model.school.website)) links.push(`${escapeHtml(R.website()[lang])}: ${link(model.school.website, model.school.website)}`);
  const toc = model.playlists.map(
    (p, i) => `<li><a href="#${sectionId(p, i)}">${escapeHtml(p.title)}</a> (${escapeHtml(R.videoCount({ count: p.videos.length })[lang])})</li>`,
  );
  const block = portalBlock(model);
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="happytube">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n    ${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<div class="ht-page">',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="ht-meta">${meta.join(' · ')}</p>`,
    ...(links.length > 0 ? [`<p class="ht-meta">${links.join(' · ')}</p>`] : []),
    '</header>',
    `<nav class="ht-toc" aria-labelledby="ht-toc-h"><h2 id="ht-toc-h">${escapeHtml(R.contents()[lang])}</h2><ol>${toc.join('')}</ol></nav>`,
    '<main>',
    ...model.playlists.map((p, i) => playlistSection(p, i, model)),
    '<section class="ht-portal" aria-labelledby="ht-portal-h">',
    `<h2 id="ht-portal-h">${escapeHtml(R.portalTitle()[lang])}</h2>`,
    `<p>${escapeHtml(R.portalHelp()[lang])}</p>`,
    `<div class="ht-block">\n${block}\n</div>`,
    `<details><summary>${escapeHtml(R.portalSource()[lang])}</summary><pre><code>${escapeHtml(block)}</code></pre></details>`,
    '</section>',
    '</main>',
    `<footer>${escapeHtml(R.madeWith()[lang])}</footer>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

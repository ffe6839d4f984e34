import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/csv.ts';
import { renderEml } from '../../src/report/eml.ts';
import { renderHtml } from '../../src/report/html.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderMd } from '../../src/report/md.ts';
import { isReportFormat, renderReport, REPORT_FORMATS } from '../../src/report/index.ts';
import { allVideos, sampleModel, TRICKY_TITLE } from './fixture.ts';

describe('Markdown report', () => {
  const model = sampleModel();
  const md = renderMd(model);

  it('has a heading per playlist and a linked row per video, Vietnamese intact', () => {
    expect(md).toMatch(/^# Video Trường học hạnh phúc – Trường Mầm non Thiên Đức\n/);
    for (const playlist of model.playlists) expect(md).toContain(`\n## ${playlist.title}\n`);
    expect(md).toContain('| 20/11/2024 | [Hội thi bé khỏe](<https://www.youtube.com/watch?v=vid00000001>) | Công khai | Đã xử lý xong | 1.234 |');
    expect(md).toContain('[Đón Trung thu cùng bé](<https://www.youtube.com/watch?v=vid00000002>)');
    expect(md).toContain('_Chưa có video._');
    expect(md).toContain('[Xem cả danh sách phát trên YouTube](<https://www.youtube.com/playlist?list=PLmucdich01>)');
  });

  it('escapes markup so a title stays text and the table keeps its columns', () => {
    expect(md).toContain('[Bé \\<b\\>vẽ\\</b\\> "mẹ" \\& cô \\<script\\>alert\\(1\\)\\</script\\>](');
    expect(md).not.toContain('<b>');
    const pipes = renderMd(sampleModel({ playlists: [{ key: 'k', title: 'T', videos: [{ ...allVideos(model)[0]!.video, title: 'a | b' }] }] }));
    const row = pipes.split('\n').find((l) => l.includes('a \\| b'));
    expect(row?.split(/(?<!\\)\|/).length).toBe(7);
  });
});

describe('JSON report', () => {
  it('is the model with ISO dates and a version', () => {
    const model = sampleModel();
    const data = JSON.parse(renderJson(model)) as Record<string, unknown> & { playlists: { videos: { title: string; publishedAt?: string; privacy: string }[] }[] };
    expect(data.version).toBe(1);
    expect(data.generatedAt).toBe('2024-11-26T08:30:00.000Z');
    expect(data.school).toEqual(model.school);
    expect(data.playlists[0]?.videos[0]).toMatchObject({ title: 'Hội thi bé khỏe', publishedAt: '2024-11-20T12:00:00.000Z', privacy: 'public' });
    expect(data.playlists[1]?.videos[0]?.title).toBe(TRICKY_TITLE);
  });
});

describe('renderReport', () => {
  it('knows the five formats of `report --format` and renders each', () => {
    expect([...REPORT_FORMATS]).toEqual(['csv', 'md', 'html', 'json', 'eml']);
    expect(isReportFormat('html')).toBe(true);
    expect(isReportFormat('pdf')).toBe(false);
    const model = sampleModel();
    const direct = { csv: renderCsv, md: renderMd, html: renderHtml, json: renderJson, eml: renderEml };
    for (const format of REPORT_FORMATS) expect(renderReport(format, model)).toBe(direct[format](model));
  });
});

describe('HTML report as text', () => {
  it('is self-contained, escapes every title and links only web addresses', () => {
    const html = renderHtml(sampleModel({ school: { name: 'Trường <Mầm non> & "Bé"', website: 'javascript:alert(1)' } }));
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).toContain('Bé &lt;b&gt;vẽ&lt;/b&gt; &quot;mẹ&quot; &amp; cô &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Video Trường học hạnh phúc – Trường &lt;Mầm non&gt; &amp; &quot;Bé&quot;</title>');
    expect(html).not.toContain('javascript:');
  });

  it('follows the library language', () => {
    const html = renderHtml(sampleModel({ language: 'en' }));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Happy School videos – Trường Mầm non Thiên Đức</h1>');
    expect(html).toContain('<td class="ht-date" data-label="Date"><time datetime="2024-11-20">20 Nov 2024</time></td>');
  });
});

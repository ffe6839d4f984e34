/**
 * The HTML report in a real browser: Debian's Chromium through playwright-core. Where
 * /usr/bin/chromium is missing the test is skipped and says so plainly; CI installs it.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.ts';
import { allVideos, sampleModel, TRICKY_TITLE } from './fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
/**
 * The README's pictures of the report. A test run writes them into its temporary folder; with
 * HAPPYTUBE_UPDATE_SCREENSHOTS=1 it refreshes the committed ones in docs/ (a plain run must not
 * change tracked files).
 */
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const screenshot = (dir: string, name: string): string => join(process.env.HAPPYTUBE_UPDATE_SCREENSHOTS === '1' ? DOCS : dir, name);

if (!hasChromium) {
  console.warn(`NOT RUN: the HTML report browser test needs ${CHROMIUM}, which is missing (apt-get install chromium).`);
}

describe('HTML report in Chromium', () => {
  const model = sampleModel();
  let browser: Browser | undefined;
  let dir = '';
  let pageUrl = '';
  let controlUrl = '';

  beforeAll(async () => {
    if (!hasChromium) return;
    dir = await mkdtemp(join(tmpdir(), 'happytube-report-'));
    const file = join(dir, 'report.html');
    await writeFile(file, renderHtml(model));
    pageUrl = pathToFileURL(file).href;
    // A control page that does load something from outside, to prove the net below catches it.
    const control = join(dir, 'control.html');
    await writeFile(control, renderHtml(model).replace('</body>', '<img src="https://example.com/pixel.png" alt=""></body>'));
    controlUrl = pathToFileURL(control).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Opens the report; every request other than the page itself is recorded and refused. */
  async function open(viewport: { width: number; height: number }, url = pageUrl) {
    const context = await browser!.newContext({ viewport });
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      requests.push(requested);
      return requested === url ? route.continue() : route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return { context, page, requests };
  }

  it.skipIf(!hasChromium)('renders with Vietnamese intact, a link to each video, no script and no outside request', async () => {
    const { context, page, requests } = await open({ width: 1100, height: 900 });
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.title()).toBe('Video Trường học hạnh phúc – Trường Mầm non Thiên Đức');
    expect(await page.locator('h1').innerText()).toBe('Video Trường học hạnh phúc – Trường Mầm non Thiên Đức');
    const text = await page.locator('body').innerText();
    for (const phrase of ['Hội thi bé khỏe', 'Đón Trung thu cùng bé', 'Góc đọc sách của lớp Chồi 2', 'Bộ Tiêu chí Trường học hạnh phúc', 'Riêng tư', 'Lượt xem']) {
      expect(text).toContain(phrase);
    }
    expect(text.normalize('NFC')).toBe(text);

    // Headings and captions: one h2 and one captioned table per playlist with videos.
    const h2 = await page.locator('main section[id^="pl-"] > h2').allInnerTexts();
    expect(h2).toEqual(model.playlists.map((p) => p.title));
    expect(await page.locator('table > caption').count()).toBe(model.playlists.filter((p) => p.videos.length > 0).length);

    // Every video: its title is the text of a link to its own watch page.
    for (const { video } of allVideos(model)) {
      const links = page.locator(`main table a[href="https://www.youtube.com/watch?v=${video.videoId}"]`);
      expect(await links.count()).toBe(1);
      expect(await links.innerText()).toBe(video.title);
    }
    expect(await page.locator('main table a').count()).toBe(allVideos(model).length);
    // The title full of markup is text, not elements.
    expect(await page.locator('b').count()).toBe(0);
    expect(text).toContain(TRICKY_TITLE);

    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('link, img, iframe, object, embed, video, audio, source').count()).toBe(0);
    expect(requests).toEqual([pageUrl]);
    const control = await open({ width: 1100, height: 900 }, controlUrl);
    expect(control.requests).toEqual([controlUrl, 'https://example.com/pixel.png']);
    await control.context.close();

    // The block for the portal: only viewable videos, as plain links.
    const block = page.locator('.ht-block a[href*="watch?v="]');
    expect(await block.count()).toBe(allVideos(model).filter(({ video }) => video.privacy !== 'private').length);

    await page.screenshot({ path: screenshot(dir, 'report-screenshot.png'), fullPage: true });
    await context.close();
  });

  it.skipIf(!hasChromium)('fits a phone screen without sideways scrolling, and hides the copy block in print', async () => {
    const { context, page, requests } = await open({ width: 360, height: 740 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.locator('thead').first().boundingBox()).toMatchObject({ width: 1, height: 1 });
    await page.screenshot({ path: screenshot(dir, 'report-screenshot-phone.png'), fullPage: true });

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ht-portal').isVisible()).toBe(false);
    expect(await page.locator('main table').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(requests).toEqual([pageUrl]);
    await context.close();
  });
});

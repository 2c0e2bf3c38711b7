import type { Browser, Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderBatch } from '../render/batch.js';
import { renderHtml } from '../html/html.js';
import { validateSources } from '../validate/validate.js';
import { editions, replaceOnce, tempFolder } from '../testing/support.js';
import { launchViewer, startOnCopy, type Running } from '../testing/preview.js';

const azerbaijan = 'goci-2021/azerbaijan.md';
const scoreMessage = 'criminality.criminal_markets.score is 4.16; the mean of its 10 indicators is 4.15';

let viewer: Browser;
let running: Running;
let original: string;
beforeAll(async () => {
  [viewer, running] = await Promise.all([launchViewer(), startOnCopy()]);
  original = running.read(azerbaijan);
});
afterAll(async () => {
  await Promise.all([viewer?.close(), running?.preview.close()]);
});

/** What the pages logged as errors: a script error, or a content security policy refusing something. */
const pageErrors: string[] = [];
afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

async function open(path: string): Promise<Page> {
  const page = await viewer.newPage();
  page.on('console', (message) => void (message.type() === 'error' && pageErrors.push(message.text())));
  page.on('pageerror', (error) => void pageErrors.push(String(error)));
  await page.goto(new URL(path, running.preview.url).href);
  return page;
}

/** Waits until the element's text matches; with JavaScript on in the preview page, as an author has it. */
function textOf(page: Page, selector: string, pattern: RegExp, timeout = 10_000): Promise<unknown> {
  return page.waitForFunction((s, source) => new RegExp(source).test(document.querySelector(s)?.textContent ?? ''), { timeout, polling: 'mutation' }, selector, pattern.source);
}

/** The pictures of the printed pages, as the preview serves them. */
async function pictures(page: Page): Promise<Buffer[]> {
  const sources = await page.$$eval('#sheets img', (images) => images.map((image) => (image as HTMLImageElement).src));
  return Promise.all(sources.map(async (source) => Buffer.from(await (await fetch(source)).arrayBuffer())));
}

/** Width and height of a PNG, from its header. */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('a profile page in a browser', () => {
  it('shows pictures of both printed pages side by side, scaled to the window, and that they fit', async () => {
    const page = await open('/profile/goci-2021/azerbaijan');
    await textOf(page, '#fit', /page 1 \(criminality\) fits\s*page 2 \(resilience\) fits/, 60_000);
    expect(await page.$eval('#panel', (el) => el.textContent)).toContain('0 errors, 0 warnings');
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('#sheets img')).every((image) => image.complete && image.naturalWidth > 0));
    // Taken from the renderer's own layout at 2 device pixels per CSS pixel: an A4 page is 794 x 1123 CSS px.
    const [first, second] = await pictures(page);
    for (const picture of [first!, second!]) {
      const [width, height] = pngSize(picture);
      expect(width).toBe(1588);
      expect(Math.abs(height! - 2245)).toBeLessThanOrEqual(1);
    }
    expect(first!.equals(second!)).toBe(false);
    for (const width of [1000, 1800]) {
      await page.setViewport({ width, height: 900 });
      const boxes = await page.$$eval('#sheets .sheet', (els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes).toHaveLength(2);
      // Half the window each (at most print size), A4's proportions, side by side, nothing cut off.
      for (const box of boxes) {
        expect(box.width).toBeCloseTo(Math.min(794, (width - 32 - 16) / 2), 0);
        expect(box.height / box.width).toBeCloseTo(297 / 210, 2);
      }
      expect(boxes[1]!.left).toBeGreaterThan(boxes[0]!.right);
      expect(boxes[1]!.right).toBeLessThanOrEqual(width);
    }
    await page.close();
  });

  it('updates by itself when the file is saved: pages, message; and again when it is fixed', async () => {
    const page = await open('/profile/goci-2021/azerbaijan');
    await textOf(page, '#connection', /live/);
    const [before] = await pictures(page);
    const saved = performance.now();
    running.write(azerbaijan, replaceOnce(original, 'score: 4.15', 'score: 4.16'));
    await textOf(page, '#panel', new RegExp(scoreMessage.replace(/\./g, '\\.')));
    const latency = performance.now() - saved;
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('#sheets img')).every((image) => image.src.endsWith('?v=1') && image.complete && image.naturalWidth > 0));
    const pagesShown = performance.now() - saved;
    console.log(`save to message shown: ${Math.round(latency)} ms; to new pages shown: ${Math.round(pagesShown)} ms`);
    expect(latency).toBeLessThan(1000);
    // Page 1 prints the new score: its picture changed.
    const [after] = await pictures(page);
    expect(after!.equals(before!)).toBe(false);

    running.write(azerbaijan, original);
    await textOf(page, '#panel', /0 errors, 0 warnings/);
    expect(await page.$eval('#panel', (el) => el.textContent)).not.toContain('4.16');
    await page.close();
  });

  it('shows a YAML error with the last good pages marked stale, and recovers when it is fixed', async () => {
    const page = await open('/profile/goci-2021/azerbaijan');
    await textOf(page, '#connection', /live/);
    running.write(azerbaijan, replaceOnce(original, 'country: Azerbaijan', 'country: Azerbaijan: Baku'));
    await textOf(page, '#panel', /goci-2021\/azerbaijan\.md:3:\d+\s*error\s*YAML syntax error/);
    await page.waitForSelector('#sheets.stale');
    expect(await page.$$eval('#sheets img', (images) => images.length)).toBe(2);
    running.write(azerbaijan, original);
    await textOf(page, '#panel', /0 errors, 0 warnings/);
    await page.waitForSelector('#sheets:not(.stale)');
    await page.close();
  });

  it('measures copy-fit as the PDF renderer does: extra paragraphs put page 1 lines over, cut in a section', async () => {
    const paragraph = 'Extra paragraph for the copy-fit check: organized crime groups are reported to use the region for smuggling goods and people, and the authorities have yet to publish figures on seizures or on prosecutions of the groups involved.';
    const longer = replaceOnce(original, '\n# Resilience\n', `\n${Array(6).fill(paragraph).join('\n\n')}\n\n# Resilience\n`);
    const [entry] = validateSources([{ path: azerbaijan, bytes: Buffer.from(longer) }], editions).valid;
    const [outcome] = await renderBatch([{ entry: entry!, pdfPath: `${tempFolder()}/azerbaijan.pdf` }], { layout: { renderHtml } });
    expect(outcome).toMatchObject({ status: 'overflow', message: expect.stringMatching(/^page 1 \(criminality\) overflows by \d+ lines, cut in section '.+'$/) });

    const page = await open('/profile/goci-2021/azerbaijan');
    await textOf(page, '#fit', /page 2 \(resilience\) fits/, 60_000);
    running.write(azerbaijan, longer);
    await textOf(page, '#fit', /overflows/, 30_000);
    const fit = await page.$$eval('#fit li', (els) => els.map((el) => el.textContent));
    expect(fit).toEqual([(outcome as { message: string }).message, 'page 2 (resilience) fits']);
    running.write(azerbaijan, original);
    await textOf(page, '#fit', /page 1 \(criminality\) fits/, 30_000);
    await page.close();
  });
});

describe('the index page in a browser', () => {
  it('lists the profiles with their counts and follows saves', async () => {
    const page = await open('/');
    await textOf(page, '#connection', /live/);
    expect(await page.$$eval('tbody tr', (rows) => rows.length)).toBe(5);
    running.write(azerbaijan, replaceOnce(original, 'score: 4.15', 'score: 4.16'));
    await textOf(page, 'main > p', /5 profiles: 1 error, 0 warnings/);
    await page.click('a[href="/profile/goci-2021/azerbaijan"]');
    await textOf(page, '#panel', /1 error/);
    running.write(azerbaijan, original);
    await page.close();
  });
});

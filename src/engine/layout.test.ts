import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { measureFit } from './copy-fit.js';
import { renderHtml } from '../html/html.js';
import { azerbaijan2021, readContent, replaceOnce } from '../testing/support.js';
import { loadPage, seed, validProfile, withCriminalityEnd } from '../testing/fixtures.js';

const paragraph =
  'Extra paragraph for the copy-fit check: organized crime groups are reported to use the region for smuggling goods and people, and the authorities have yet to publish figures on seizures or on prosecutions of the groups involved.';
const paragraphs = (count: number) => Array(count).fill(paragraph).join('\n\n');

/** The seed's lines from `from` up to and including the next ENACT footer line: one printed score page. */
function seedPage(from: number): { tokens: string[]; end: number } {
  const end = seed.indexOf('Global Initiative Against Transnational Organized Crime.', from) + 56;
  const tokens = seed
    .slice(from, end)
    .split('\n')
    .map((line) => line.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { tokens, end };
}

/** The first token not found in `text` after the previous one, or undefined when all are, in order. */
function firstOutOfOrder(text: string, tokens: string[]): string | undefined {
  let at = 0;
  for (const token of tokens) {
    const found = text.indexOf(token, at);
    if (found === -1) return token;
    at = found + token.length;
  }
  return undefined;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function fitOf(text: string) {
  const { page } = await loadPage(browser, renderHtml(validProfile(text)));
  try {
    return await measureFit(page);
  } finally {
    await page.close();
  }
}

describe('the rendered Azerbaijan 2021 profile', () => {
  it('prints the seed: each page has its scores, labels, rank lines and footer, in the seed order and upper case', async () => {
    const { page } = await loadPage(browser, renderHtml(validProfile(azerbaijan2021)));
    const printed = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.page')).map((p) => p.innerText.replace(/\s+/g, ' ')));
    await page.close();
    const first = seedPage(0);
    const second = seedPage(first.end);
    expect(first.tokens).toContain('HUMAN TRAFFICKING 4.50');
    expect(second.tokens).toContain('5.08 CRIMINALITY SCORE');
    expect(printed).toHaveLength(2);
    expect(firstOutOfOrder(printed[0] as string, first.tokens)).toBeUndefined();
    expect(firstOutOfOrder(printed[1] as string, second.tokens)).toBeUndefined();
  });

  it('loads nothing but its inlined fonts, with JavaScript disabled', async () => {
    const { page, requests } = await loadPage(browser, renderHtml(validProfile(azerbaijan2021)));
    const fonts = await page.evaluate(() => Array.from(document.fonts).filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight} ${f.style}`));
    await page.close();
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url).toMatch(/^data:font\/woff;base64,/);
    expect(new Set(fonts)).toEqual(new Set(['Source Sans 3 400 normal', 'Source Sans 3 400 italic', 'Source Sans 3 600 normal', 'Source Sans 3 700 normal']));
  });

  it('prints two A4 pages whose fonts, whatever the Markdown, are all embedded TrueType subsets (FontFile2) of the bundled fonts', async () => {
    // At the top of page 1, so that it is printed, not cut.
    const markdown = 'Every kind of text: **bold**, *italic*, ***both***, `code`, [a link](https://www.example.org/), ~~struck~~.\n\n> A quote\n\n- a list\n\n1. numbered\n\n```\npreformatted\n```\n\n---\n\n#### A fourth-level heading';
    const { page } = await loadPage(browser, renderHtml(validProfile(replaceOnce(azerbaijan2021, '# Criminality\n', `# Criminality\n\n${markdown}\n`))));
    const pdf = await PDFDocument.load(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    await page.close();
    expect(pdf.getPages().map((p) => p.getSize()).map(({ width, height }) => [Math.round(width), Math.round(height)])).toEqual([
      [595, 842],
      [595, 842],
    ]);
    const objects = pdf.context.enumerateIndirectObjects().map(([, object]) => object);
    const dicts = objects.filter((o): o is PDFDict => o instanceof PDFDict);
    const descriptors = dicts.filter((d) => d.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
    expect(descriptors.length).toBeGreaterThanOrEqual(4);
    for (const descriptor of descriptors) {
      expect(String(descriptor.get(PDFName.of('FontName')))).toMatch(/^\/[A-Z]{6}\+SourceSans3/);
      expect(descriptor.has(PDFName.of('FontFile2'))).toBe(true);
      expect(descriptor.has(PDFName.of('FontFile')) || descriptor.has(PDFName.of('FontFile3'))).toBe(false);
    }
    const type3 = dicts.filter((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Type3'));
    expect(type3).toEqual([]);
  });
});

describe('headings in the narrative columns', () => {
  it('never end a column: the text below each starts in the same column', async () => {
    // Shifting the text line by line moves every heading past a column's bottom edge at some point.
    for (let lines = 0; lines <= 12; lines++) {
      const text = replaceOnce(azerbaijan2021, '### People\n', `### People\n\n${Array(lines).fill('A short line.').join('\n\n')}\n`);
      const { page } = await loadPage(browser, renderHtml(validProfile(text)));
      const orphans = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.flow > :is(h2, h3, h4, h5, h6)'))
          .filter((heading) => heading.nextElementSibling?.getClientRects()[0]?.left !== heading.getClientRects()[0]?.left)
          .map((heading) => heading.textContent),
      );
      await page.close();
      expect(orphans, `${lines} lines added`).toEqual([]);
    }
  });
});

describe('measureFit', () => {
  it("finds that Azerbaijan's whole narrative fits on both pages", async () => {
    expect(await fitOf(azerbaijan2021)).toEqual([
      { page: 1, fits: true, overflowLines: 0 },
      { page: 2, fits: true, overflowLines: 0 },
    ]);
  });

  it('finds that page 1 overflows, by how many lines and in which section, when the criminality narrative grows', async () => {
    const [three, six] = [await fitOf(withCriminalityEnd(paragraphs(3))), await fitOf(withCriminalityEnd(paragraphs(6)))];
    expect(three[0]).toMatchObject({ page: 1, fits: false, cutSection: 'Criminal actors' });
    expect(three[1]).toEqual({ page: 2, fits: true, overflowLines: 0 });
    // Each added paragraph is about five lines of a column: three more make about fifteen more.
    const [overflow3, overflow6] = [three[0]?.overflowLines ?? 0, six[0]?.overflowLines ?? 0];
    expect(overflow3).toBeGreaterThan(0);
    expect(overflow6 - overflow3).toBeGreaterThanOrEqual(12);
    expect(overflow6 - overflow3).toBeLessThanOrEqual(20);
  });

  it('names the section the text is cut in, on page 2 too', async () => {
    const text = replaceOnce(azerbaijan2021, '## Criminal justice and security\n', `${paragraphs(12)}\n\n## Criminal justice and security\n`);
    const [first, second] = await fitOf(text);
    expect(first).toEqual({ page: 1, fits: true, overflowLines: 0 });
    expect(second).toMatchObject({ page: 2, fits: false });
    expect(second?.overflowLines).toBeGreaterThan(40);
    expect(['Economic and financial environment', 'Criminal justice and security']).toContain(second?.cutSection);
  });

  it('measures the same with print media emulated and an A4 viewport, as the PDF renderer may set them', async () => {
    const html = renderHtml(validProfile(withCriminalityEnd(paragraphs(3))));
    const { page } = await loadPage(browser, html);
    const screen = await measureFit(page);
    await page.emulateMediaType('print');
    await page.setViewport({ width: 794, height: 1123 });
    expect(await measureFit(page)).toEqual(screen);
    await page.close();
  });

  it('finds that a draft without narrative fits', async () => {
    const { page } = await loadPage(browser, renderHtml(validProfile(readContent('goci-2021/armenia.md'), 'content/goci-2021/armenia.md')));
    expect(await measureFit(page)).toEqual([
      { page: 1, fits: true, overflowLines: 0 },
      { page: 2, fits: true, overflowLines: 0 },
    ]);
    await page.close();
  });
});

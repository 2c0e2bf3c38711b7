import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageEngine } from './engine.js';
import { printProfile, type Layout } from '../render/print.js';
import { warmMarker } from './swap.js';
import type { WarmPage } from './warm-page.js';
import { renderHtml } from '../html/html.js';
import type { ValidProfile } from '../profile/valid.js';
import { validProfile } from '../testing/fixtures.js';
import { azerbaijan2021, readContent, replaceOnce } from '../testing/support.js';

const layout: Layout = { renderHtml };

/** The final Azerbaijan 2021 profile, and the Azerbaijan 2023 draft set in French: another title, language, watermark, labels. */
const a = validProfile(azerbaijan2021);
const b = validProfile(replaceOnce(readContent('goci-2023/azerbaijan.md'), 'status: draft\n', 'status: draft\nlang: fr\n'), 'content/goci-2023/azerbaijan.md');

/** Counts the fresh loads (setContent) a warm page makes: the rest are swaps. */
function countLoads(page: WarmPage): () => number {
  let loads = 0;
  const setContent = page.page.setContent.bind(page.page);
  page.page.setContent = (...args) => {
    loads += 1;
    return setContent(...args);
  };
  return () => loads;
}

async function printed(page: WarmPage, entry: ValidProfile, with_: Layout = layout): Promise<Buffer> {
  const rendered = await printProfile(page, entry, with_);
  if (rendered.kind !== 'pdf') throw new Error(`${entry.profile.file.path} overflows`);
  return Buffer.from(rendered.pdf);
}

/** The PDF of a profile on a page that never held another document: the cold render. */
async function cold(engine: PageEngine, entry: ValidProfile, with_: Layout = layout): Promise<Buffer> {
  const page = await engine.page();
  try {
    return await printed(page, entry, with_);
  } finally {
    await page.close();
  }
}

async function infoOf(pdf: Buffer): Promise<{ title: string | undefined; lang: string | undefined }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return { title: doc.getTitle(), lang: doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText() };
}

describe('a warm page', () => {
  let engine: PageEngine;
  beforeAll(() => void (engine = new PageEngine()));
  afterAll(() => engine.close());

  it('prints A, B, A: A byte for byte as a cold render, each with its own title and language, styles loaded once', async () => {
    const page = await engine.page();
    const loads = countLoads(page);
    const seen: { title: string; lang: string }[] = [];
    const outputs: Buffer[] = [];
    for (const entry of [a, b, a]) {
      outputs.push(await printed(page, entry));
      seen.push(await page.page.evaluate(() => ({ title: document.title, lang: document.documentElement.lang })));
    }
    await page.close();
    expect(loads()).toBe(1);
    expect(seen).toEqual([
      { title: 'Azerbaijan – Global Organized Crime Index 2021', lang: 'en' },
      { title: 'Azerbaïdjan – Indice mondial du crime organisé 2023', lang: 'fr' },
      { title: 'Azerbaijan – Global Organized Crime Index 2021', lang: 'en' },
    ]);
    const [a1, b1, a2] = outputs as [Buffer, Buffer, Buffer];
    expect(a1.equals(b1)).toBe(false);
    expect(a2.equals(a1)).toBe(true);
    expect(a1.equals(await cold(engine, a))).toBe(true);
    expect(b1.equals(await cold(engine, b))).toBe(true);
    // b is a draft in French: its PDF title says so, in French.
    expect(await infoOf(b1)).toEqual({ title: 'Azerbaïdjan | Indice mondial du crime organisé 2023 (projet)', lang: 'fr' });
    expect(await infoOf(a2)).toEqual({ title: 'Azerbaijan | Global Organized Crime Index 2021', lang: 'en' });
  });

  it('loads afresh when the stylesheet changes (a designer edit), and prints what a cold page prints', async () => {
    const edited: Layout = { ...layout, renderHtml: (entry) => renderHtml(entry).replace('</style>', '.flow p { color: #123456 }\n</style>') };
    const page = await engine.page();
    const loads = countLoads(page);
    const before = await printed(page, a);
    const after = await printed(page, a, edited);
    const again = await printed(page, b, edited);
    await page.close();
    expect(loads()).toBe(2);
    expect(after.equals(before)).toBe(false);
    expect(after.equals(await cold(engine, a, edited))).toBe(true);
    expect(again.equals(await cold(engine, b, edited))).toBe(true);
  });

  it('loads afresh when its document is not the one it left (navigated, replaced), and prints the same bytes', async () => {
    const page = await engine.page();
    const loads = countLoads(page);
    const first = await printed(page, a);
    await page.page.evaluate((marker) => delete (document as unknown as Record<string, unknown>)[marker], warmMarker);
    const second = await printed(page, a);
    await page.close();
    expect(loads()).toBe(2);
    expect(second.equals(first)).toBe(true);
  });
});

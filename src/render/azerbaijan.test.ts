import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seed, validProfile } from '../testing/fixtures.js';
import { azerbaijan2021 } from '../testing/support.js';
import { lettersOf, pageTexts, readPdf, renderTexts, squash } from '../testing/render.js';

const path = 'content/goci-2021/azerbaijan.md';

/** What the published profile prints, read from the seed: label-value pairs, scores, rank lines. */
function seedFacts() {
  const lines = seed.split('\n').map((line) => line.trim());
  const pairs = lines.flatMap((line) => {
    const indicator = /^([A-Z][A-Z ,'-]+)\t(\d+\.\d\d)$/.exec(line);
    const group = /^\*\*([A-Z][A-Z ,'-]+)\*\* \*\*(\d+\.\d\d)\*\*$/.exec(line);
    const match = indicator ?? group;
    return match ? [`${match[1]} ${match[2]}`] : [];
  });
  const scores = lines.flatMap((line) => {
    const match = /^(?:\*\*)?(\d+\.\d\d)(?:\*\*)?(?: (CRIMINALITY|RESILIENCE) SCORE)?$/.exec(line);
    return match?.[1] ? [match[1]] : [];
  });
  const ranks = lines.filter((line) => /^\d+(st|nd|rd|th) of \d+ .*countries$/.test(line));
  return { pairs: [...new Set(pairs)], scores: [...new Set(scores)], ranks: [...new Set(ranks)] };
}

function textOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** Each font on each page, and whether its glyphs travel in the file. */
function fonts(doc: PDFDocument): { name: string; embedded: boolean }[] {
  const found: { name: string; embedded: boolean }[] = [];
  for (const page of doc.getPages()) {
    const dict = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [, ref] of dict?.entries() ?? []) {
      const font = doc.context.lookup(ref, PDFDict);
      const subtype = font.lookup(PDFName.of('Subtype'));
      // Type 3 glyphs are drawn by the PDF's own content streams.
      if (subtype === PDFName.of('Type3')) continue;
      const descendant = subtype === PDFName.of('Type0') ? font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict) : font;
      const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(PDFName.of(key)));
      found.push({ name: String(font.lookup(PDFName.of('BaseFont'))), embedded });
    }
  }
  return found;
}

/** Titles of the bookmarks, depth first. */
function outlineTitles(doc: PDFDocument): string[] {
  const titles: string[] = [];
  const walk = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      titles.push(textOf(node.lookup(PDFName.of('Title'))) ?? '');
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

describe('Azerbaijan 2021 as PDF', () => {
  let pdf: Uint8Array;
  let doc: PDFDocument;
  let pages: string[];

  beforeAll(async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '');
    const { outcomes, out } = await renderTexts({ [path]: azerbaijan2021 });
    expect(outcomes.map((o) => o.status)).toEqual(['written']);
    pdf = readPdf(`${out}/goci-2021/azerbaijan.pdf`);
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
    pages = await pageTexts(pdf);
  });
  afterAll(() => void vi.unstubAllEnvs());

  it('prints on exactly two A4 pages', () => {
    expect(doc.getPageCount()).toBe(2);
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(595.28, 0);
      expect(page.getHeight()).toBeCloseTo(841.89, 0);
    }
  });

  it("holds every score, indicator with its value and rank line of the published profile", () => {
    const text = squash(pages.join(' '));
    const { pairs, scores, ranks } = seedFacts();
    // 26 indicators and the two criminality groups (with their scores); then the two main scores.
    expect(pairs).toHaveLength(28);
    expect(scores).toEqual(['5.08', '4.08']);
    expect(ranks).toHaveLength(6);
    for (const fact of [...pairs, ...scores, ...ranks]) expect(text).toContain(fact);
    expect(text).toContain('5.08 CRIMINALITY SCORE');
    expect(text).toContain('4.08 RESILIENCE SCORE');
  });

  it('holds the narrative, word for word and in order', () => {
    const text = lettersOf(pages.join(' '));
    const paragraphs = validProfile(azerbaijan2021).profile.tree.children.filter((node): node is Paragraph => node.type === 'paragraph');
    expect(paragraphs.length).toBeGreaterThan(10);
    let from = 0;
    for (const paragraph of paragraphs) {
      const at = text.indexOf(lettersOf(toString(paragraph)), from);
      expect(at, toString(paragraph).slice(0, 60)).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it('embeds all its fonts', () => {
    const found = fonts(doc);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((font) => !font.embedded)).toEqual([]);
  });

  it('names each embedded font by its family and style, one real face per weight used', () => {
    // A subset's name is 'ABCDEF+' and the font's PostScript name.
    const names = new Set(fonts(doc).map((font) => font.name.replace(/^\/?[A-Z]{6}\+/, '')));
    expect([...names].sort()).toEqual(['SourceSans3-Bold', 'SourceSans3-Italic', 'SourceSans3-Regular', 'SourceSans3-SemiBold']);
  });

  it('extracts as whole words: a word a line end breaks joins back into a word of the source, a real hyphen stays', () => {
    const text = pages.join('\n');
    const source = azerbaijan2021;
    expect(text).not.toContain('\u00AD');
    // The hyphen shown where a line end breaks a word reads U+00AD (the incidental-hyphens step),
    // which pdf.js leaves out, as it leaves out the space that ends a line between words: a line end
    // between two lower-case words (hyphenation breaks no other) that are not words apart in the
    // source breaks a word, and joins back into one. A real hyphen stays: "Nagorno-\n Karabakh".
    const broken = [...text.matchAll(/(?<!\p{L})(\p{Ll}+)\n\s*(\p{Ll}+)/gu)]
      .map((m) => [m[1] as string, m[2] as string])
      .filter(([a, b]) => !new RegExp(`\\b${a}\\s+${b}\\b`).test(source));
    expect(broken.length).toBeGreaterThan(10);
    for (const [a, b] of broken) expect(source, `${a}|${b}`).toMatch(new RegExp(`\\b${a}${b}\\b`));
    const real = [...text.matchAll(/(\p{L}+) ?-\s*\n\s*(\p{L}+)/gu)].map((m) => [m[1] as string, m[2] as string]);
    for (const [a, b] of real) expect(source, `${a}-|${b}`).toContain(`${a}-${b}`);
  });

  it('prints typographic apostrophes and quotes where the Markdown has straight ones', () => {
    const text = pages.join(' ');
    expect(azerbaijan2021).toContain("Azerbaijan's");
    expect(text).toContain('Azerbaijan’s');
    expect(text).not.toMatch(/["']/);
  });

  it('is tagged, with bookmarks from the headings and the language of the profile', () => {
    expect(doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).lookup(PDFName.of('Marked'))).toBe(PDFBool.True);
    const structure = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    expect(structure.has(PDFName.of('K'))).toBe(true);
    expect(textOf(doc.catalog.lookup(PDFName.of('Lang')))).toBe('en');
    const titles = outlineTitles(doc).map((title) => title.toLowerCase());
    expect(titles).toEqual(expect.arrayContaining(['criminality', 'criminal actors', 'resilience']));
  });

  it('carries its metadata', () => {
    expect(doc.getTitle()).toBe('Azerbaijan | Global Organized Crime Index 2021');
    expect(doc.getAuthor()).toBe('Global Initiative Against Transnational Organized Crime');
    expect(doc.getSubject()).toContain('Azerbaijan');
    expect(doc.getKeywords()).toContain('Central Asia and the Caucasus');
    expect(doc.getCreator()).toBe('ocindex-profiles');
    expect(doc.getCreationDate()?.toISOString()).toBe('2021-01-01T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2021-01-01T00:00:00.000Z');
  });

  it('renders byte for byte the same again, in another browser', async () => {
    const { out } = await renderTexts({ [path]: azerbaijan2021 });
    expect(Buffer.compare(readPdf(`${out}/goci-2021/azerbaijan.pdf`), pdf)).toBe(0);
  });

  it('takes its dates from SOURCE_DATE_EPOCH when set', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000');
    const { out } = await renderTexts({ [path]: azerbaijan2021 });
    const again = await PDFDocument.load(readPdf(`${out}/goci-2021/azerbaijan.pdf`), { updateMetadata: false });
    expect(again.getCreationDate()?.getTime()).toBe(1_700_000_000_000);
  });
});

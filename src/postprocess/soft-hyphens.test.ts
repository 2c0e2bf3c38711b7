import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderHtml } from '../html/html.js';
import { validProfile } from '../testing/fixtures.js';
import { RawPdf } from '../testing/raw-pdf.js';
import { warmPageSession } from '../testing/warm-page.js';
import { azerbaijan2021 } from '../testing/support.js';
import { pdfContext, postprocess } from './index.js';
import { dropSoftHyphens, softHyphensStep } from './soft-hyphens.js';

const drop = (text: string) => dropSoftHyphens(Buffer.from(text, 'latin1')).toString('latin1');

describe('dropSoftHyphens, on the forms Chromium writes', () => {
  // Taken from Chromium's print of the Azerbaijan profile: Source Sans positions each glyph with Td.
  const positioned = '0 0 Td <002F> Tj\n/Span<</ActualText <FEFF00AD> >> BDC\n5.8290253 0 Td <0001> Tj\nEMC\n0 0 Td <002A> Tj\n';
  const unpositioned = '<00370048> Tj\n/Span<</ActualText <FEFF00AD> >> BDC\n<0003> Tj\nEMC\n74.15625 0 Td <00500044> Tj\n';
  const ligature = '/Span<</ActualText <FEFF006600AD0066> >> BDC\n<0CF20003> Tj\nEMC\n';

  it('removes the span of an unused soft hyphen but keeps the offset that positions the text after it', () => {
    expect(drop(positioned)).toBe('0 0 Td <002F> Tj\n5.8290253 0 Td 0 0 Td <002A> Tj\n');
    expect(drop(unpositioned)).toBe('<00370048> Tj\n74.15625 0 Td <00500044> Tj\n');
  });

  it('drops the span of a ligature across a soft hyphen with the soft hyphen\'s invisible glyph, keeping the ligature glyph and every offset', () => {
    const positionedLigature = '3.4419098 0 Td <001C> Tj\n/Span<</ActualText <FEFF006600AD0066> >> BDC\n5.3708038 0 Td <0080> Tj\n6.1487122 0 Td <0001> Tj\nEMC\n0 0 Td <0024> Tj\n';
    expect(drop(positionedLigature)).toBe('3.4419098 0 Td <001C> Tj\n5.3708038 0 Td <0080> Tj\n6.1487122 0 Td 0 0 Td <0024> Tj\n');
    expect(drop(ligature)).toBe('<0CF2> Tj\n');
  });

  it('only removes the soft hyphen from the replacement text of a ligature whose glyphs the next text does not follow from', () => {
    // The text after is not positioned anew: dropping a glyph's advance would move it.
    expect(drop(`${ligature}<0024> Tj\n`)).toBe('/Span<</ActualText <FEFF00660066> >> BDC\n<0CF20003> Tj\nEMC\n<0024> Tj\n');
    // More glyphs than the ligature's and the soft hyphen's: not a form this step knows.
    expect(drop('/Span<</ActualText <FEFF006600AD0066> >> BDC\n<0CF200030004> Tj\nEMC\nET\n')).toBe('/Span<</ActualText <FEFF00660066> >> BDC\n<0CF200030004> Tj\nEMC\nET\n');
  });

  it('takes U+00AD out of a span of another form rather than leave it to be extracted', () => {
    const other = '/Span<</ActualText <FEFF00AD> >> BDC\n/F1 9 Tf (x) Tj\nEMC\n';
    expect(drop(other)).toBe('/Span<</ActualText <FEFF> >> BDC\n/F1 9 Tf (x) Tj\nEMC\n');
  });

  it('returns a stream with no soft hyphen as it is, the same buffer', () => {
    const plain = Buffer.from('/P <</MCID 3 >>BDC\nBT\n<00370048> Tj\n/Span<</ActualText <FEFF0041> >> BDC\n<0003> Tj\nEMC\nET\nEMC\n', 'latin1');
    expect(dropSoftHyphens(plain)).toBe(plain);
  });
});

/** Every replacement text (ActualText) of every content stream of a PDF, as hex. */
function actualTexts(pdf: Uint8Array): string[] {
  const raw = new RawPdf(Buffer.from(pdf));
  return [...raw.objects.values()].flatMap((object) => [...(object.stream?.toString('latin1').matchAll(/\/ActualText <([0-9A-Fa-f]*)>/g) ?? [])].map((m) => (m[1] ?? '').toUpperCase()));
}

/** pdf.js's text items: what each page says, and where each line ends. */
async function textLayout(pdf: Uint8Array): Promise<{ text: string; lineEnds: string[] }[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const items = (await (await doc.getPage(n)).getTextContent()).items.flatMap((item) => ('str' in item ? [item] : []));
    const ends = new Map<string, number>();
    for (const item of items) {
      const y = item.transform[5].toFixed(1);
      ends.set(y, Math.max(ends.get(y) ?? 0, item.transform[4] + item.width));
    }
    pages.push({ text: items.map((item) => item.str).join(''), lineEnds: [...ends].map(([y, x]) => `${y}:${x.toFixed(2)}`).sort() });
  }
  await doc.destroy();
  return pages;
}

describe('the soft-hyphens step on the printed Azerbaijan 2021 profile', () => {
  const session = warmPageSession();
  let raw: Uint8Array;
  let finished: Uint8Array;
  let softHyphens: number;
  beforeAll(async () => {
    const entry = validProfile(azerbaijan2021);
    softHyphens = (await session.warm.layOut(renderHtml(entry))).softHyphens;
    raw = await session.warm.print();
    // The step alone: the others change the text on purpose (incidental-hyphens: a line-end hyphen reads U+00AD).
    finished = (await postprocess(raw, pdfContext(entry), [softHyphensStep])).bytes;
  });

  it('finds Chromium printing every soft hyphen of the page, at a line end or not, in a replacement text a reader extracts', () => {
    // Mostly spans of their own; inside a ligature ("f\u00ADf") one replacement text holds it.
    const units = actualTexts(raw).flatMap((hex) => (/^FEFF(?:[0-9A-F]{4})*$/.test(hex) ? (hex.slice(4).match(/.{4}/g) ?? []) : []));
    expect(softHyphens).toBeGreaterThan(300);
    expect(units.filter((unit) => unit === '00AD')).toHaveLength(softHyphens);
  });

  it('leaves no U+00AD in any replacement text of the finished PDF', () => {
    const holdsSoftHyphen = (hex: string) => /^FEFF(?:[0-9A-F]{4})*$/.test(hex) && /^(?:.{4})*?00AD/.test(hex.slice(4));
    expect(actualTexts(raw).filter(holdsSoftHyphen).length).toBeGreaterThan(300);
    expect(actualTexts(finished).filter(holdsSoftHyphen)).toEqual([]);
  });

  it('moves no text: the same words, each line ending where it did', async () => {
    const [before, after] = [await textLayout(raw), await textLayout(finished)];
    expect(after.map((page) => page.text)).toEqual(before.map((page) => page.text));
    expect(after.map((page) => page.lineEnds)).toEqual(before.map((page) => page.lineEnds));
    expect(after[0]?.lineEnds.length).toBeGreaterThan(80);
  });
});

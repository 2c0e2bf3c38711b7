import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { ValidProfile } from '../profile/valid.js';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { unicodeMap } from './glyphs.js';
import { dictOf, nameOf, parentTreeArray, resolve, streamBytes, streamRefs, textOf } from './pdf-objects.js';
import type { PdfStep } from './step.js';
import { NoTermbase } from '../language/printed.js';
import { printedFor } from '../language/profile-language.js';

/** Text as compared: no soft hyphens, one space for any run of white space (a tie is a no-break space). */
const plain = (text: string) => text.replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim();
/** The key a printed text and its source share: capitals, straight quotes (the page sets them typographically). */
const keyOf = (text: string) => plain(text).replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\u2013/g, '--').replace(/\u2014/g, '---').replace(/\u2026/g, '...').toUpperCase();

/**
 * The texts the design sets in capitals (text-transform: uppercase in templates/profile.css), as the
 * profile writes them in its language: country, edition, publisher, score captions and group labels,
 * indicator labels (the edition as its termbase prints it), the narrative's titles and headings (the
 * page sets their quotes and dashes typographically).
 */
function capitalised(entry: ValidProfile): string[] {
  const printed = printedFor(entry);
  // A language without a termbase never reaches print (the view refuses it): nothing to restore.
  if (printed instanceof NoTermbase) return [];
  const { edition, wording } = printed;
  const headings: string[] = [];
  visit(entry.profile.tree, 'heading', (node: Heading) => void headings.push(toString(node)));
  return [
    printed.countryName(entry.data.country) ?? entry.data.country,
    edition.title,
    edition.publisher,
    edition.criminality.label,
    edition.resilience.label,
    wording.score.criminality,
    wording.score.resilience,
    ...edition.criminality.groups.flatMap((group) => [group.label, ...group.indicators.map((indicator) => indicator.label)]),
    ...edition.resilience.indicators.map((indicator) => indicator.label),
    ...headings,
  ].map(plain);
}

/**
 * The operators this step reads, as Skia writes them: a font set, a hex glyph string shown, marked
 * content opened (with its MCID, or not) and closed. A regular expression over the stream instead of
 * the tokenizer: a fifth of the time, and a text it cannot read only goes without its ActualText.
 */
const textOperators = /\/([A-Za-z0-9]+) [\d.]+ Tf\b|<([0-9A-Fa-f]*)> Tj\b|<<\/MCID (\d+) ?>> ?BDC\b|\b(BDC|BMC|EMC)\b/g;

/** What the text of each MCID of a page reads, through its fonts' ToUnicode maps. */
function mcidTexts(doc: PDFDocument, page: PDFPage): Map<number, string> {
  const fonts = dictOf(doc, dictOf(doc, page.node.getInheritableAttribute(PDFName.of('Resources')))?.get(PDFName.of('Font')));
  const maps = new Map<string, { width: number; map: Map<number, string> } | undefined>();
  const fontNamed = (name: string) => {
    if (!maps.has(name)) {
      const dict = dictOf(doc, fonts?.get(PDFName.of(name)));
      const toUnicode = resolve(doc, dict?.get(PDFName.of('ToUnicode')));
      const map = toUnicode instanceof PDFRawStream ? unicodeMap(streamBytes(toUnicode).toString('latin1')) : undefined;
      maps.set(name, dict && map ? { width: nameOf(doc, dict.get(PDFName.of('Subtype'))) === 'Type0' ? 2 : 1, map } : undefined);
    }
    return maps.get(name);
  };
  const texts = new Map<number, string>();
  for (const ref of streamRefs(page.node.get(PDFName.of('Contents')))) {
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const text = streamBytes(stream).toString('latin1');
    const open: (number | undefined)[] = [];
    let font: { width: number; map: Map<number, string> } | undefined;
    for (const [, fontName, glyphs, mcid, marked] of text.matchAll(textOperators)) {
      if (fontName !== undefined) font = fontNamed(fontName);
      else if (mcid !== undefined) open.push(Number(mcid));
      else if (marked === 'EMC') open.pop();
      else if (marked !== undefined) open.push(undefined);
      else if (glyphs !== undefined && font) {
        const owner = open.find((id) => id !== undefined);
        if (owner === undefined) continue;
        const digits = 2 * font.width;
        let read = texts.get(owner) ?? '';
        for (let i = 0; i + digits <= glyphs.length; i += digits) read += font.map.get(parseInt(glyphs.slice(i, i + digits), 16)) ?? '';
        texts.set(owner, read);
      }
    }
  }
  return texts;
}

/** The outline items, depth first. */
function outlineItems(doc: PDFDocument): PDFDict[] {
  const items: PDFDict[] = [];
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let item = first; item && depth < 20 && items.length < 10_000; item = dictOf(doc, item.get(PDFName.of('Next')))) {
      items.push(item);
      walk(dictOf(doc, item.get(PDFName.of('First'))), depth + 1);
    }
  };
  walk(dictOf(doc, dictOf(doc, doc.catalog.get(PDFName.of('Outlines')))?.get(PDFName.of('First'))), 0);
  return items;
}

/**
 * Where the design shows capitals, the tags and bookmarks give the source's letter case: a structure
 * element whose text reads as the capitals of one of the profile's capitalised texts gets that text
 * as its ActualText ("Criminal markets" for CRIMINAL MARKETS), and so does a bookmark's title. The
 * page still shows capitals; readers that honour ActualText speak and copy the source's case.
 */
export function restoreLetterCase(doc: PDFDocument, entry: ValidProfile): void {
  const sources = new Map<string, string>();
  for (const text of capitalised(entry)) if (text && !sources.has(keyOf(text))) sources.set(keyOf(text), text);
  const sourceOf = (shown: string) => {
    const source = sources.get(keyOf(shown));
    return source !== undefined && source !== plain(shown) ? source : undefined;
  };
  for (const page of doc.getPages()) {
    const parents = parentTreeArray(doc, page);
    const texts = mcidTexts(doc, page);
    const elements = new Set<PDFDict>();
    for (const mcid of texts.keys()) {
      const element = dictOf(doc, parents?.get(mcid));
      if (element) elements.add(element);
    }
    for (const element of elements) {
      const kids = resolve(doc, element.get(PDFName.of('K')));
      const mcids = (kids instanceof PDFArray ? kids.asArray() : [kids]).map((kid) => resolve(doc, kid));
      if (!mcids.every((kid) => kid instanceof PDFNumber)) continue;
      const source = sourceOf(mcids.map((kid) => texts.get((kid as PDFNumber).asNumber()) ?? '').join(''));
      if (source) element.set(PDFName.of('ActualText'), PDFHexString.fromText(source));
    }
  }
  for (const item of outlineItems(doc)) {
    const source = sourceOf(textOf(doc, item.get(PDFName.of('Title'))) ?? '');
    if (source) item.set(PDFName.of('Title'), PDFHexString.fromText(source));
  }
}

export const letterCaseStep: PdfStep = {
  id: 'letter-case',
  description: "the source's letter case where the design shows capitals: ActualText of the tags, titles of the bookmarks",
  edit(doc, { entry }) {
    restoreLetterCase(doc, entry);
  },
};

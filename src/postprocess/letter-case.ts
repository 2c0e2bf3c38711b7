import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { ValidProfile } from '../profile/valid.js';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { hexDigit, toUnicodeMap } from './glyphs.js';
import { dictOf, nameOf, parentTreeArray, resolve, streamBytes, streamRefs, textOf } from './pdf-objects.js';
import type { PdfStep } from './step.js';
import { NoTermbase } from '../language/printed.js';
import { printedFor } from '../language/profile-language.js';

/** Text as compared: no soft hyphens, one space for any run of white space (a tie is a no-break space). */
const plain = (text: string) => text.replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim();
/**
 * Text as a PDF hex string, UTF-16BE after a byte order mark, as PDFHexString.fromText writes it,
 * without its number formatting a code unit at a time.
 */
const hexText = (text: string) => PDFHexString.of(Buffer.from(`\uFEFF${text}`, 'utf16le').swap16().toString('hex').toUpperCase());
const smallLetter = /\p{Ll}/u;
const capitalLetter = /\p{Lu}/u;
/** The key a printed text and its source share: capitals, straight quotes (the page sets them typographically). */
const keyOf = (text: string) => plain(text).replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\u2013/g, '--').replace(/\u2014/g, '---').replace(/\u2026/g, '...').toUpperCase();

/**
 * The texts the design sets in capitals (text-transform: uppercase in templates/profile.css), as the
 * profile writes them in its language: country, edition, publisher, score captions and group labels,
 * indicator labels (the edition as its termbase prints it), the narrative's titles and headings (the
 * page sets their quotes and dashes typographically).
 */
export function capitalisedTexts(entry: ValidProfile): string[] {
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

/** The keys of each list of capitalised texts, made once for a profile's screen and press file (one context). */
const sourcesOf = new WeakMap<readonly string[], Map<string, string>>();
function capitalisedSources(capitalised: readonly string[]): Map<string, string> {
  const known = sourcesOf.get(capitalised);
  if (known) return known;
  const sources = new Map<string, string>();
  for (const text of capitalised) if (text && !sources.has(keyOf(text))) sources.set(keyOf(text), text);
  sourcesOf.set(capitalised, sources);
  return sources;
}

/** The MCID of a line that opens marked content with one: "/P <</MCID 12 >>BDC". */
const mcidOf = /<<\/MCID (\d+) ?>> ?BDC$/;

/** A font's code width and ToUnicode map, as the text of a page reads it. */
type FontReading = { width: number; map: ReadonlyMap<number, string> } | undefined;

/**
 * What the text of each MCID of a page reads, through its fonts' ToUnicode maps, or null once it
 * shows a small letter: such a text is not set in capitals, and its other glyphs need not be read
 * (the narrative's lines, most of a page). `readings` holds the fonts read on the pages before (the
 * pages share them).
 */
function mcidTexts(doc: PDFDocument, page: PDFPage, readings: Map<PDFDict, FontReading>): Map<number, string | null> {
  const fonts = dictOf(doc, dictOf(doc, page.node.getInheritableAttribute(PDFName.of('Resources')))?.get(PDFName.of('Font')));
  const maps = new Map<string, FontReading>();
  const fontNamed = (name: string) => {
    if (!maps.has(name)) {
      const dict = dictOf(doc, fonts?.get(PDFName.of(name)));
      if (dict && !readings.has(dict)) {
        const toUnicode = resolve(doc, dict.get(PDFName.of('ToUnicode')));
        const map = toUnicode instanceof PDFRawStream ? toUnicodeMap(toUnicode) : undefined;
        readings.set(dict, map ? { width: nameOf(doc, dict.get(PDFName.of('Subtype'))) === 'Type0' ? 2 : 1, map } : undefined);
      }
      maps.set(name, dict && readings.get(dict));
    }
    return maps.get(name);
  };
  const texts = new Map<number, string | null>();
  // Skia writes an operator a line, or a line of glyph positions and glyphs ending in one: each line is
  // read by the operator it ends with (font set, hex glyph string shown, marked content opened or
  // closed). Line by line, not by a regular expression over the stream: half the time; a text in any
  // other form only goes without its ActualText.
  for (const ref of streamRefs(page.node.get(PDFName.of('Contents')))) {
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const text = streamBytes(stream).toString('latin1');
    const open: (number | undefined)[] = [];
    let owner: number | undefined;
    let font: FontReading;
    for (let at = 0; at < text.length; ) {
      const end = text.indexOf('\n', at) + 1 || text.length + 1;
      const line = end - 1;
      if (text.startsWith('> Tj', line - 4)) {
        const before = owner === undefined ? null : texts.get(owner);
        if (owner === undefined || !font || before === null) {
          at = end;
          continue;
        }
        const digits = 2 * font.width;
        let read = '';
        for (let i = text.lastIndexOf('<', line) + 1; i + digits <= line - 4; i += digits) {
          let code = 0;
          for (let d = 0; d < digits; d++) code = code * 16 + (hexDigit(text.charCodeAt(i + d)) ?? 0);
          read += font.map.get(code) ?? '';
        }
        texts.set(owner, smallLetter.test(read) ? null : (before ?? '') + read);
      } else if (text.startsWith(' Tf', line - 3) && text.charCodeAt(at) === 0x2f) font = fontNamed(text.slice(at + 1, text.indexOf(' ', at)));
      else if (text.startsWith('EMC', line - 3)) open.pop();
      else if (text.startsWith('BDC', line - 3) || text.startsWith('BMC', line - 3)) {
        const mcid = mcidOf.exec(text.slice(at, line))?.[1];
        open.push(mcid === undefined ? undefined : Number(mcid));
      } else {
        at = end;
        continue;
      }
      owner = open.find((id) => id !== undefined);
      at = end;
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
export function restoreLetterCase(doc: PDFDocument, capitalised: readonly string[]): void {
  const sources = capitalisedSources(capitalised);
  const sourceOf = (shown: string) => {
    // Capitals only: a text with a small letter, or with no letter (a score), is not set in capitals,
    // and most texts are one or the other: no key to build.
    if (smallLetter.test(shown) || !capitalLetter.test(shown)) return undefined;
    const source = sources.get(keyOf(shown));
    return source !== undefined && source !== plain(shown) ? source : undefined;
  };
  const readings = new Map<PDFDict, FontReading>();
  const [K, ActualText] = [PDFName.of('K'), PDFName.of('ActualText')];
  for (const page of doc.getPages()) {
    const parents = parentTreeArray(doc, page);
    const texts = mcidTexts(doc, page, readings);
    const elements = new Set<PDFDict>();
    for (const mcid of texts.keys()) {
      const element = dictOf(doc, parents?.get(mcid));
      if (element) elements.add(element);
    }
    for (const element of elements) {
      const kids = resolve(doc, element.get(K));
      const mcids = (kids instanceof PDFArray ? kids.asArray() : [kids]).map((kid) => resolve(doc, kid));
      if (!mcids.every((kid) => kid instanceof PDFNumber)) continue;
      const shown = mcids.map((kid) => texts.get((kid as PDFNumber).asNumber()));
      if (shown.includes(null)) continue; // a small letter: not set in capitals
      const source = sourceOf(shown.map((read) => read ?? '').join(''));
      if (source) element.set(ActualText, hexText(source));
    }
  }
  for (const item of outlineItems(doc)) {
    const source = sourceOf(textOf(doc, item.get(PDFName.of('Title'))) ?? '');
    if (source) item.set(PDFName.of('Title'), hexText(source));
  }
}

export const letterCaseStep: PdfStep = {
  id: 'letter-case',
  description: "the source's letter case where the design shows capitals: ActualText of the tags, titles of the bookmarks",
  edit(doc, { capitalised }) {
    restoreLetterCase(doc, capitalised);
  },
};

import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFDocument } from 'pdf-lib';
import { mappedCodes } from './glyphs.js';
import { dictOf, inherited, replaceContent, resolve, streamBytes, streamRefs } from './pdf-objects.js';
import type { PdfStep } from './step.js';

/**
 * How Chromium prints a line that ends at a soft hyphen: the soft hyphen's span ends the line's text
 * object, and the hyphen shown is a text object of its own, one glyph at the line's end. That glyph
 * is the font's hyphen, which its ToUnicode reads as U+002D like the real hyphens of
 * "Nagorno-Karabakh": the tags read "victim-ized". Skia writes text as hex glyph strings.
 */
const lineEndHyphen = /\/Span<<\/ActualText <FEFF00AD> >> BDC\n[^]{0,80}?EMC\nET\nBT\n\/([A-Za-z0-9]+) [\d.]+ Tf\n[-\d. ]+ Tm\n<([0-9A-F]{4})> Tj\nET\n/g;

/** The widest CID a font's W array names, and the width it gives `cid` (ISO 32000-1, 9.7.4.3). */
function widths(doc: PDFDocument, w: PDFArray | undefined, cid: number): { last: number; width?: number } {
  const items = (w?.asArray() ?? []).map((item) => resolve(doc, item));
  let last = 0;
  let width: number | undefined;
  for (let i = 0; i < items.length; ) {
    const first = (items[i] as PDFNumber).asNumber();
    const next = items[i + 1];
    if (next instanceof PDFArray) {
      const list = next.asArray().map((n) => (resolve(doc, n) as PDFNumber).asNumber());
      if (cid >= first && cid < first + list.length) width = list[cid - first];
      last = Math.max(last, first + list.length - 1);
      i += 2;
    } else {
      const end = (next as PDFNumber).asNumber();
      if (cid >= first && cid <= end) width = (items[i + 2] as PDFNumber).asNumber();
      last = Math.max(last, end);
      i += 3;
    }
  }
  return width === undefined ? { last } : { last, width };
}

/**
 * A second code for a glyph, read as U+00AD: a new CID of the font drawing the same glyph
 * (CIDToGIDMap) with the same width, mapped to U+00AD in its ToUnicode. Undefined for a font this
 * cannot be done to (not a TrueType CID font with Identity-H codes and a ToUnicode stream).
 */
function softHyphenCode(doc: PDFDocument, font: PDFDict, glyph: number): number | undefined {
  const descendants = resolve(doc, font.get(PDFName.of('DescendantFonts')));
  const cidFont = dictOf(doc, descendants instanceof PDFArray ? descendants.get(0) : undefined);
  const toUnicodeRef = font.get(PDFName.of('ToUnicode'));
  const toUnicode = resolve(doc, toUnicodeRef);
  const identityMap = resolve(doc, cidFont?.get(PDFName.of('CIDToGIDMap')));
  if (!cidFont || resolve(doc, cidFont.get(PDFName.of('Subtype'))) !== PDFName.of('CIDFontType2')) return undefined;
  if (!(toUnicode instanceof PDFRawStream) || !(toUnicodeRef instanceof PDFRef) || (identityMap !== undefined && identityMap !== PDFName.of('Identity'))) return undefined;
  const cmap = streamBytes(toUnicode).toString('latin1');
  const w = resolve(doc, cidFont.get(PDFName.of('W')));
  const { last, width } = widths(doc, w instanceof PDFArray ? w : undefined, glyph);
  const code = Math.max(last, ...mappedCodes(cmap)) + 1;
  if (code > 0xffff) return undefined;
  // CID -> GID: the identity for every code there was, the glyph for the new one.
  const map = Buffer.alloc(2 * (code + 1));
  for (let cid = 0; cid < code; cid++) map.writeUInt16BE(cid, 2 * cid);
  map.writeUInt16BE(glyph, 2 * code);
  cidFont.set(PDFName.of('CIDToGIDMap'), doc.context.register(doc.context.flateStream(map)));
  const dw = resolve(doc, cidFont.get(PDFName.of('DW')));
  const hyphenWidth = width ?? (dw instanceof PDFNumber ? dw.asNumber() : 1000);
  cidFont.set(PDFName.of('W'), doc.context.obj([...(w instanceof PDFArray ? w.asArray() : []), PDFNumber.of(code), doc.context.obj([PDFNumber.of(hyphenWidth)])]));
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const extended = cmap.replace(/endcmap/, `1 beginbfchar\n<${hex}> <00AD>\nendbfchar\nendcmap`);
  replaceContent(doc, toUnicodeRef, toUnicode, extended);
  return code;
}

/**
 * The hyphen shown where a line breaks inside a word is an incidental hyphen, which tagged PDF wants
 * as U+00AD (ISO 32000-1, 14.8.2.2.3): a reader then joins "victim-" and "ized" and keeps the real
 * hyphens of "Nagorno-Karabakh". Each such glyph is drawn through a second code of its font that
 * draws the same glyph and reads U+00AD; the page looks the same. Runs before the soft-hyphens step,
 * which removes the spans this step recognises the line ends by.
 */
export function markIncidentalHyphens(doc: PDFDocument): void {
  const codes = new Map<PDFDict, Map<number, number | undefined>>();
  for (const page of doc.getPages()) {
    const fonts = dictOf(doc, dictOf(doc, inherited(page, 'Resources'))?.get(PDFName.of('Font')));
    for (const ref of streamRefs(page.node.get(PDFName.of('Contents')))) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const text = streamBytes(stream).toString('latin1');
      let changed = false;
      const rewritten = text.replace(lineEndHyphen, (match, fontName: string, glyphHex: string) => {
        const font = dictOf(doc, fonts?.get(PDFName.of(fontName)));
        if (!font) return match;
        const glyph = parseInt(glyphHex, 16);
        const known = codes.get(font) ?? new Map<number, number | undefined>();
        codes.set(font, known);
        if (!known.has(glyph)) known.set(glyph, softHyphenCode(doc, font, glyph));
        const code = known.get(glyph);
        if (code === undefined) return match;
        changed = true;
        return match.replace(new RegExp(`<${glyphHex}> Tj\\nET\\n$`), `<${code.toString(16).toUpperCase().padStart(4, '0')}> Tj\nET\n`);
      });
      if (changed) replaceContent(doc, ref, stream, rewritten);
    }
  }
}

export const incidentalHyphensStep: PdfStep = {
  id: 'incidental-hyphens',
  description: 'the hyphen shown where a line breaks inside a word reads as U+00AD (a second code of its font for the same glyph)',
  edit(doc) {
    markIncidentalHyphens(doc);
  },
};

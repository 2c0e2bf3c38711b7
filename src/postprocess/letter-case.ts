import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { ValidProfile } from '../profile/valid.js';
import { profileView } from '../view/view-model.js';
import { forEachOperation, nameText } from './content-stream.js';
import { stringBytes, unicodeMap } from './glyphs.js';
import { dictOf, nameOf, resolve, streamBytes, streamRefs, textOf } from './pdf-objects.js';
import type { PdfStep } from './step.js';

/** Text as compared: no soft hyphens, one space for any run of white space (a tie is a no-break space). */
const plain = (text: string) => text.replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim();

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * The texts the design sets in capitals (text-transform: uppercase in templates/profile.css), as the
 * profile and its edition write them: country, edition, publisher, score and group labels, indicator
 * labels, the narrative's titles and headings.
 */
function capitalised(entry: ValidProfile): string[] {
  const view = profileView(entry);
  const headings = (html: string) =>
    [...html.matchAll(/<h[3-6][^>]*>([^]*?)<\/h[3-6]>/g)].map((m) => (m[1] ?? '').replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name] ?? ''));
  return [
    view.country,
    view.edition,
    view.publisher,
    ...view.pages.flatMap((page) => [
      page.narrative.title,
      ...headings(page.narrative.html),
      `${page.headline.label} score`,
      `${page.summary.label} score`,
      ...page.groups.flatMap((group) => [group.label ?? '', ...group.bars.map((bar) => bar.label)]),
      ...page.summary.bars.map((bar) => bar.label),
    ]),
  ].map(plain);
}

/** What the text of each MCID of a page reads, through its fonts' ToUnicode maps. */
function mcidTexts(doc: PDFDocument, page: PDFPage): Map<number, string> {
  const fonts = dictOf(doc, dictOf(doc, page.node.getInheritableAttribute(PDFName.of('Resources')))?.get(PDFName.of('Font')));
  const maps = new Map<PDFDict, { width: number; map: Map<number, string> }>();
  const texts = new Map<number, string>();
  for (const ref of streamRefs(page.node.get(PDFName.of('Contents')))) {
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const text = streamBytes(stream).toString('latin1');
    const open: (number | undefined)[] = [];
    let font: { width: number; map: Map<number, string> } | undefined;
    forEachOperation(text, ({ operator, operands }) => {
      if (operator === 'Tf') {
        const dict = dictOf(doc, fonts?.get(PDFName.of(nameText(text, operands[0]) ?? '')));
        if (!dict) return void (font = undefined);
        if (!maps.has(dict)) {
          const toUnicode = resolve(doc, dict.get(PDFName.of('ToUnicode')));
          const map = toUnicode instanceof PDFRawStream ? unicodeMap(streamBytes(toUnicode).toString('latin1')) : new Map<number, string>();
          maps.set(dict, { width: nameOf(doc, dict.get(PDFName.of('Subtype'))) === 'Type0' ? 2 : 1, map });
        }
        font = maps.get(dict);
      } else if (operator === 'BDC' || operator === 'BMC') {
        const at = operands.findIndex((operand) => nameText(text, operand) === 'MCID');
        const value = at >= 0 ? operands[at + 1] : undefined;
        open.push(operator === 'BDC' && value?.kind === 'number' ? Number(text.slice(value.start, value.end)) : undefined);
      } else if (operator === 'EMC') open.pop();
      else if ((operator === 'Tj' || operator === 'TJ' || operator === "'" || operator === '"') && font) {
        const mcid = open.find((id) => id !== undefined);
        if (mcid === undefined) return;
        let read = texts.get(mcid) ?? '';
        for (const operand of operands.filter((o) => o.kind === 'string')) {
          const bytes = stringBytes(text, operand);
          for (let i = 0; i + font.width <= bytes.length; i += font.width) read += font.map.get(font.width === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!) ?? '';
        }
        texts.set(mcid, read);
      }
    });
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
  for (const text of capitalised(entry)) if (text && !sources.has(text.toUpperCase())) sources.set(text.toUpperCase(), text);
  const sourceOf = (shown: string) => {
    const source = sources.get(plain(shown));
    return source !== undefined && source !== plain(shown) ? source : undefined;
  };
  const root = dictOf(doc, doc.catalog.get(PDFName.of('StructTreeRoot')));
  const nums = resolve(doc, dictOf(doc, root?.get(PDFName.of('ParentTree')))?.get(PDFName.of('Nums')));
  for (const page of doc.getPages()) {
    const key = resolve(doc, page.node.get(PDFName.of('StructParents')));
    if (!(key instanceof PDFNumber) || !(nums instanceof PDFArray)) continue;
    let parents: PDFArray | undefined;
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      if ((resolve(doc, nums.get(i)) as PDFNumber | undefined)?.asNumber() === key.asNumber()) parents = resolve(doc, nums.get(i + 1)) as PDFArray;
    }
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

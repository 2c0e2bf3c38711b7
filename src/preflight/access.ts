import { PDFArray, PDFBool, PDFDict, PDFName, type PDFDocument, type PDFObject } from 'pdf-lib';
import { dictOf, infoDict, nameOf, resolve, textOf, xmpText } from '../postprocess/pdf-objects.js';
import type { Finding, PreflightCheck } from './preflight.js';
import { xmpProperty } from './xmp-read.js';

/** The structure elements in reading order (depth first), with their type. */
function structElements(doc: PDFDocument): PDFDict[] {
  const root = dictOf(doc, doc.catalog.get(PDFName.of('StructTreeRoot')));
  const found: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const walk = (value: PDFObject | undefined) => {
    const resolved = resolve(doc, value);
    if (resolved instanceof PDFArray) return resolved.asArray().forEach(walk);
    if (!(resolved instanceof PDFDict) || seen.has(resolved)) return;
    seen.add(resolved);
    if (!resolved.has(PDFName.of('S'))) return;
    found.push(resolved);
    walk(resolved.get(PDFName.of('K')));
  };
  walk(root?.get(PDFName.of('K')));
  return found;
}

const tagged: PreflightCheck = {
  id: 'tagged',
  description: 'a tagged PDF: MarkInfo /Marked true and a structure tree',
  check(doc) {
    const marked = dictOf(doc, doc.catalog.get(PDFName.of('MarkInfo')))?.get(PDFName.of('Marked'));
    const findings: Finding[] = [];
    if (resolve(doc, marked) !== PDFBool.True) findings.push({ check: this.id, message: 'not marked as tagged (MarkInfo /Marked true)' });
    if (structElements(doc).length === 0) findings.push({ check: this.id, message: 'no structure tree (StructTreeRoot)' });
    return findings;
  },
};

const lang: PreflightCheck = {
  id: 'lang',
  description: 'the document language (catalog /Lang)',
  check(doc) {
    return textOf(doc, doc.catalog.get(PDFName.of('Lang'))) ? [] : [{ check: this.id, message: 'no document language (/Lang)' }];
  },
};

const title: PreflightCheck = {
  id: 'title',
  description: 'a title, shown in the window title bar (DisplayDocTitle), and in the XMP as dc:title',
  check(doc) {
    const findings: Finding[] = [];
    const infoTitle = textOf(doc, infoDict(doc).get(PDFName.of('Title')));
    if (!infoTitle) findings.push({ check: this.id, message: 'no title (Info /Title)' });
    const show = dictOf(doc, doc.catalog.get(PDFName.of('ViewerPreferences')))?.get(PDFName.of('DisplayDocTitle'));
    if (resolve(doc, show) !== PDFBool.True) findings.push({ check: this.id, message: 'the title is not shown (ViewerPreferences /DisplayDocTitle true)' });
    const packet = xmpText(doc);
    if (packet === undefined) findings.push({ check: this.id, message: 'no XMP metadata with dc:title' });
    else if (!xmpProperty(packet, 'dc:title')) findings.push({ check: this.id, message: 'the XMP metadata has no dc:title' });
    return findings;
  },
};

const figures: PreflightCheck = {
  id: 'figures',
  description: 'every Figure has alternative text (/Alt or /ActualText); decorative graphics are artifacts, outside the tree',
  check(doc) {
    const bare = structElements(doc).filter(
      (element) => nameOf(doc, element.get(PDFName.of('S'))) === 'Figure' && !textOf(doc, element.get(PDFName.of('Alt'))) && !textOf(doc, element.get(PDFName.of('ActualText'))),
    );
    return bare.length === 0 ? [] : [{ check: this.id, message: `${bare.length} Figure${bare.length > 1 ? 's' : ''} without alternative text` }];
  },
};

const headings: PreflightCheck = {
  id: 'headings',
  description: 'heading levels in reading order start at H1 and never skip a level (H2 then H4)',
  check(doc) {
    const findings: Finding[] = [];
    let previous = 0;
    for (const element of structElements(doc)) {
      const level = /^H([1-6])$/.exec(nameOf(doc, element.get(PDFName.of('S'))) ?? '')?.[1];
      if (level === undefined) continue;
      if (Number(level) > previous + 1) findings.push({ check: this.id, message: `H${level} follows ${previous === 0 ? 'no heading' : `H${previous}`}: a heading level is skipped` });
      previous = Number(level);
    }
    return findings;
  },
};

export const accessibilityChecks: PreflightCheck[] = [tagged, lang, title, figures, headings];

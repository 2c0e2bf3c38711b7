import { PDFArray, PDFBool, PDFDict, PDFName, type PDFDocument } from 'pdf-lib';
import { dictOf, infoDict, nameOf, resolve, textOf, xmpText } from '../postprocess/pdf-objects.js';
import { contentChecks } from './content-checks.js';
import type { Finding, PreflightCheck } from './preflight.js';
import type { PdfReading } from './reading.js';
import { xmpProperty } from './xmp-read.js';

/** The keys read of every structure element, made once: PDFName.of decodes its text on every call. */
const [K, S, P] = [PDFName.of('K'), PDFName.of('S'), PDFName.of('P')];

/** The structure elements among an element's kids (MCIDs and object references left out). */
function kidElements(doc: PDFDocument, element: PDFDict): PDFDict[] {
  const kids = resolve(doc, element.get(K));
  const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
  return list.flatMap((kid) => {
    const dict = dictOf(doc, kid);
    return dict?.has(S) ? [dict] : [];
  });
}

/** Whether an element has a descendant of a type, its subtree searched depth first. */
function hasDescendant(reading: PdfReading, element: PDFDict, type: string): boolean {
  return kidElements(reading.doc, element).some((kid) => reading.typeOf(kid) === type || hasDescendant(reading, kid, type));
}

const tagged: PreflightCheck = {
  id: 'tagged',
  description: 'a tagged PDF: MarkInfo /Marked true and a structure tree',
  check(doc, _bytes, reading) {
    const marked = dictOf(doc, doc.catalog.get(PDFName.of('MarkInfo')))?.get(PDFName.of('Marked'));
    const findings: Finding[] = [];
    if (resolve(doc, marked) !== PDFBool.True) findings.push({ check: this.id, message: 'not marked as tagged (MarkInfo /Marked true)' });
    if (reading.structElements().length === 0) findings.push({ check: this.id, message: 'no structure tree (StructTreeRoot)' });
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
  description: 'every Figure has alternative text (/Alt or /ActualText)',
  check(doc, _bytes, reading) {
    const bare = reading.structElements().filter(
      (element) => reading.typeOf(element) === 'Figure' && !textOf(doc, element.get(PDFName.of('Alt'))) && !textOf(doc, element.get(PDFName.of('ActualText'))),
    );
    return bare.length === 0 ? [] : [{ check: this.id, message: `${bare.length} Figure${bare.length > 1 ? 's' : ''} without alternative text` }];
  },
};

const headings: PreflightCheck = {
  id: 'headings',
  description: 'heading levels in reading order start at H1 and never skip a level (H2 then H4)',
  check(_doc, _bytes, reading) {
    const findings: Finding[] = [];
    let previous = 0;
    for (const element of reading.structElements()) {
      const level = /^H([1-6])$/.exec(reading.typeOf(element))?.[1];
      if (level === undefined) continue;
      if (Number(level) > previous + 1) findings.push({ check: this.id, message: `H${level} follows ${previous === 0 ? 'no heading' : `H${previous}`}: a heading level is skipped` });
      previous = Number(level);
    }
    return findings;
  },
};

/** The standard structure types of ISO 32000-1, 14.8.4. */
const standardTypes = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody ' +
    'Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);

const structureTypes: PreflightCheck = {
  id: 'structure-types',
  description: 'every structure type is a standard one, or role-mapped to one (RoleMap)',
  check(doc, _bytes, reading) {
    const roleMap = dictOf(doc, dictOf(doc, doc.catalog.get(PDFName.of('StructTreeRoot')))?.get(PDFName.of('RoleMap')));
    const standard = (type: string, depth = 0): boolean => standardTypes.has(type) || (depth < 10 && standard(nameOf(doc, roleMap?.get(PDFName.of(type))) ?? '', depth + 1));
    const unknown = [...new Set(reading.structElements().map((element) => reading.typeOf(element)))].filter((type) => !standard(type));
    return unknown.map((type) => ({ check: this.id, message: `structure type ${type} is neither standard nor role-mapped to a standard type` }));
  },
};

/** Where list and table elements may stand (ISO 32000-1, 14.8.4.3.3 and 14.8.4.3.4): kid type -> parent types. */
const allowedParents: Record<string, string[]> = {
  LI: ['L'],
  Lbl: ['LI'],
  LBody: ['LI'],
  TR: ['Table', 'THead', 'TBody', 'TFoot'],
  TH: ['TR'],
  TD: ['TR'],
  THead: ['Table'],
  TBody: ['Table'],
  TFoot: ['Table'],
};
const allowedKids: Record<string, string[]> = { L: ['LI', 'L', 'Caption'], TR: ['TH', 'TD'] };

const listsAndTables: PreflightCheck = {
  id: 'lists-tables',
  description: 'lists and tables are structured: L holds LI, LI holds Lbl or LBody (or content), TH and TD in TR, TR in a Table, a Table has header cells (TH)',
  check(doc, _bytes, reading) {
    const problems = new Set<string>();
    for (const element of reading.structElements()) {
      const type = reading.typeOf(element);
      const parent = dictOf(doc, element.get(P));
      const parentType = parent ? reading.typeOf(parent) : '';
      if (allowedParents[type] && !allowedParents[type].includes(parentType)) problems.add(`${type} inside ${parentType || 'no element'}`);
      const kids = allowedKids[type];
      if (kids) {
        for (const kid of kidElements(doc, element)) if (!kids.includes(reading.typeOf(kid))) problems.add(`${type} holds ${reading.typeOf(kid)}`);
      }
      if (type === 'Table' && !hasDescendant(reading, element, 'TH')) problems.add('a Table without header cells (TH)');
    }
    return [...problems].map((message) => ({ check: this.id, message }));
  },
};

const pdfuaId: PreflightCheck = {
  id: 'pdfua-id',
  description: 'the XMP metadata declares PDF/UA-1 (pdfuaid:part 1)',
  check(doc) {
    const part = xmpProperty(xmpText(doc) ?? '', 'pdfuaid:part');
    return part === '1' ? [] : [{ check: this.id, message: `XMP pdfuaid:part is ${part === undefined ? 'missing' : `'${part}'`}; expected 1 (PDF/UA-1)` }];
  },
};

export const accessibilityChecks: PreflightCheck[] = [tagged, lang, title, pdfuaId, structureTypes, figures, headings, listsAndTables, ...contentChecks];

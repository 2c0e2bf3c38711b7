import { PDFArray, PDFName, PDFRef, PDFString, type PDFDict, type PDFDocument, type PDFObject } from 'pdf-lib';
import { dictOf, resolve, structElementsInOrder, textOf } from './pdf-objects.js';
import type { PdfStep } from './step.js';

/** The keys read of every structure element, made once: PDFName.of decodes its text on every call. */
const [ID, A, Headers] = [PDFName.of('ID'), PDFName.of('A'), PDFName.of('Headers')];

/** Each attribute dictionary of an element (/A: a dictionary or an array of them, with revision numbers). */
function attributeDicts(doc: PDFDocument, element: PDFDict): PDFDict[] {
  const attributes = resolve(doc, element.get(A));
  const list = attributes instanceof PDFArray ? attributes.asArray() : attributes ? [attributes] : [];
  return list.flatMap((item) => dictOf(doc, item) ?? []);
}

/**
 * Chromium names the structure elements a table header cell's data cells point to (/ID, /Headers)
 * after the page's DOM node ids ("node00000446"), which grow with every document a warm page has
 * held: the same profile printed after another got other names, and other bytes. They are named
 * again in reading order ("id0001"), their references and the ID tree with them.
 */
export function renameStructIds(doc: PDFDocument): void {
  const root = dictOf(doc, doc.catalog.get(PDFName.of('StructTreeRoot')));
  if (!root) return;
  const names = new Map<string, string>();
  const entries: [string, PDFRef | PDFDict][] = [];
  const elements = structElementsInOrder(doc);
  for (const { element, ref } of elements) {
    const id = textOf(doc, element.get(ID));
    if (id === undefined) continue;
    const name = `id${String(names.size + 1).padStart(4, '0')}`;
    names.set(id, name);
    element.set(ID, PDFString.of(name));
    entries.push([name, ref ?? element]);
  }
  if (names.size === 0) return;
  for (const { element } of elements) {
    if (!element.has(A)) continue;
    for (const attributes of attributeDicts(doc, element)) {
      const headers = resolve(doc, attributes.get(Headers));
      if (!(headers instanceof PDFArray)) continue;
      const renamed = headers.asArray().map((header) => {
        const old = textOf(doc, header);
        const name = old === undefined ? undefined : names.get(old);
        return name === undefined ? header : PDFString.of(name);
      });
      attributes.set(Headers, doc.context.obj(renamed));
    }
  }
  // The old tree goes, every node of it (unreferenced objects are still saved); the names sort as
  // they were given, so the new tree is one node holding them all.
  const dropTree = (value: PDFObject | undefined, depth: number) => {
    const node = dictOf(doc, value);
    if (!node || depth > 32) return;
    const kids = resolve(doc, node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) kids.asArray().forEach((kid) => dropTree(kid, depth + 1));
    if (value instanceof PDFRef) doc.context.delete(value);
  };
  dropTree(root.get(PDFName.of('IDTree')), 0);
  const tree = doc.context.obj({ Names: entries.flatMap(([name, target]) => [PDFString.of(name), target]) });
  root.set(PDFName.of('IDTree'), doc.context.register(tree));
}

export const structIdsStep: PdfStep = {
  id: 'struct-ids',
  description: 'structure element IDs (table headers) named in reading order, not after the page\'s DOM node ids',
  edit(doc) {
    renameStructIds(doc);
  },
};

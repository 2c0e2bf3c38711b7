import { decodePDFRawStream, PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';

/** Small readers over pdf-lib's object model, shared by the preflight checks. */

export function resolve(doc: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? doc.context.lookup(value) : value;
}

export function dictOf(doc: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const resolved = resolve(doc, value);
  if (resolved instanceof PDFRawStream) return resolved.dict;
  return resolved instanceof PDFDict ? resolved : undefined;
}

export function nameOf(doc: PDFDocument, value: PDFObject | undefined): string | undefined {
  const resolved = resolve(doc, value);
  return resolved instanceof PDFName ? resolved.decodeText() : undefined;
}

export function textOf(doc: PDFDocument, value: PDFObject | undefined): string | undefined {
  const resolved = resolve(doc, value);
  return resolved instanceof PDFString || resolved instanceof PDFHexString ? resolved.decodeText() : undefined;
}

export function rectOf(doc: PDFDocument, value: PDFObject | undefined): number[] | undefined {
  const resolved = resolve(doc, value);
  if (!(resolved instanceof PDFArray) || resolved.size() !== 4) return undefined;
  const numbers = resolved.asArray().map((item) => resolve(doc, item));
  return numbers.every((n) => n instanceof PDFNumber) ? numbers.map((n) => (n as PDFNumber).asNumber()) : undefined;
}

/** The decoded bytes of a stream, as latin1 text. */
export function streamText(doc: PDFDocument, value: PDFObject | undefined): string | undefined {
  const resolved = resolve(doc, value);
  if (!(resolved instanceof PDFRawStream)) return undefined;
  return Buffer.from(decodePDFRawStream(resolved).decode()).toString('latin1');
}

/** A page attribute, inherited from the page tree when the page lacks it (MediaBox, Resources). */
export function inherited(page: PDFPage, key: string): PDFObject | undefined {
  return page.node.getInheritableAttribute(PDFName.of(key));
}

/** The content streams of a page and of every form XObject it draws, with the resources they use. */
export function contentStreams(doc: PDFDocument, page: PDFPage): { text: string; resources?: PDFDict; owner: PDFDict }[] {
  const found: { text: string; resources?: PDFDict; owner: PDFDict }[] = [];
  const seen = new Set<PDFObject>();
  const visit = (owner: PDFDict, contents: PDFObject[], resources: PDFDict | undefined) => {
    const text = contents.map((c) => streamText(doc, c) ?? '').join('\n');
    found.push({ text, owner, ...(resources ? { resources } : {}) });
    const xobjects = dictOf(doc, resources?.get(PDFName.of('XObject')));
    for (const value of xobjects?.values() ?? []) {
      if (seen.has(value)) continue;
      seen.add(value);
      const xobject = resolve(doc, value);
      if (xobject instanceof PDFRawStream && nameOf(doc, xobject.dict.get(PDFName.of('Subtype'))) === 'Form') {
        visit(xobject.dict, [xobject], dictOf(doc, xobject.dict.get(PDFName.of('Resources'))));
      }
    }
  };
  const contents = resolve(doc, page.node.get(PDFName.of('Contents')));
  const list = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  visit(page.node, list, dictOf(doc, inherited(page, 'Resources')));
  return found;
}

/** The document information dictionary (pdf-lib keeps its own accessor private). */
export function infoDict(doc: PDFDocument): PDFDict {
  const info = dictOf(doc, doc.context.trailerInfo.Info);
  if (info) return info;
  const created = doc.context.obj({});
  doc.context.trailerInfo.Info = doc.context.register(created);
  return created;
}

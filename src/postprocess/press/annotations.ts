import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument } from 'pdf-lib';

const allowed = new Set(['PrinterMark', 'TrapNet']);

/**
 * PDF/X forbids annotations on the printed area (a link of the narrative would be one): they are
 * removed, and so are the structure tree's references to them (the text of a link keeps its tag).
 */
export function removeAnnotations(doc: PDFDocument): number {
  const removed = new Set<PDFRef>();
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    const kept = annots.asArray().filter((ref) => {
      const subtype = doc.context.lookupMaybe(ref, PDFDict)?.get(PDFName.of('Subtype'));
      const keep = subtype instanceof PDFName && allowed.has(subtype.decodeText());
      if (!keep && ref instanceof PDFRef) removed.add(ref);
      return keep;
    });
    if (kept.length === 0) page.node.delete(PDFName.of('Annots'));
    else page.node.set(PDFName.of('Annots'), doc.context.obj(kept));
  }
  if (removed.size === 0) return 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue;
    // K is one kid or an array of them: MCIDs, structure elements, object references (OBJR).
    const k = object.get(PDFName.of('K'));
    const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
    const kept = kids.filter((kid) => {
      const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
      const target = dict instanceof PDFDict ? dict.get(PDFName.of('Obj')) : undefined;
      return !(dict instanceof PDFDict && dict.get(PDFName.of('Type')) === PDFName.of('OBJR') && target instanceof PDFRef && removed.has(target));
    });
    if (kept.length !== kids.length) object.set(PDFName.of('K'), doc.context.obj(kept));
  }
  for (const ref of removed) doc.context.delete(ref);
  return removed.size;
}

import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';

/** Small readers and writers over pdf-lib's object model, shared by the post-processing steps and the preflight checks. */

export function resolve(doc: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? doc.context.lookup(value) : value;
}

export function dictOf(doc: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const resolved = resolve(doc, value);
  if (resolved instanceof PDFRawStream) return resolved.dict;
  return resolved instanceof PDFDict ? resolved : undefined;
}

/**
 * The text of each name read so far: pdf-lib keeps one PDFName a name (PDFName.of pools them) and
 * decodes it byte by byte on every decodeText.
 */
const nameTexts = new Map<PDFName, string>();

export function nameOf(doc: PDFDocument, value: PDFObject | undefined): string | undefined {
  const resolved = resolve(doc, value);
  if (!(resolved instanceof PDFName)) return undefined;
  let text = nameTexts.get(resolved);
  if (text === undefined) {
    text = resolved.decodeText();
    nameTexts.set(resolved, text);
  }
  return text;
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

/**
 * The data of each stream compressRewritten deflated, as it was before: the preflight render runs on
 * the finished document reads them again, and need not inflate what was deflated a moment before.
 */
const deflatedFrom = new WeakMap<PDFRawStream, Buffer>();

/** The decoded bytes of a stream: Node's zlib for plain Flate (ten times pdf-lib's own inflate), else pdf-lib. */
export function streamBytes(stream: PDFRawStream): Buffer {
  const known = deflatedFrom.get(stream);
  if (known) return known;
  const filter = stream.dict.get(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  if (filters.length === 0) return Buffer.from(stream.contents.buffer, stream.contents.byteOffset, stream.contents.byteLength);
  if (filters.length === 1 && filters[0] === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) return inflateSync(stream.contents);
  return Buffer.from(decodePDFRawStream(stream).decode());
}

/** The XMP packet of the catalog, as text (XMP is UTF-8). */
export function xmpText(doc: PDFDocument): string | undefined {
  const resolved = resolve(doc, doc.catalog.get(PDFName.of('Metadata')));
  return resolved instanceof PDFRawStream ? streamBytes(resolved).toString('utf8') : undefined;
}

/** A page attribute, inherited from the page tree when the page lacks it (MediaBox, Resources). */
export function inherited(page: PDFPage, key: string): PDFObject | undefined {
  return page.node.getInheritableAttribute(PDFName.of(key));
}

/** The resource dictionaries a page uses, its own and its form XObjects'. */
export function resourceDicts(doc: PDFDocument, page: PDFPage): PDFDict[] {
  return forms(doc, page).flatMap(({ resources }) => (resources ? [resources] : []));
}

/** The font dictionaries a page and its form XObjects use, each once. */
export function pageFonts(doc: PDFDocument, page: PDFPage): PDFDict[] {
  const fonts = resourceDicts(doc, page).flatMap((resources) => [...(dictOf(doc, resources.get(PDFName.of('Font')))?.values() ?? [])]);
  return [...new Set(fonts.flatMap((value) => dictOf(doc, value) ?? []))];
}

/** The content streams of a page and of every form XObject it draws, decoded, with their resources. */
export function contentStreams(doc: PDFDocument, page: PDFPage): { text: string; resources?: PDFDict; owner: PDFDict }[] {
  return forms(doc, page).map(({ owner, contents, resources }) => ({
    text: contents.map((stream) => streamBytes(stream).toString('latin1')).join('\n'),
    owner,
    ...(resources ? { resources } : {}),
  }));
}

/** The document information dictionary (pdf-lib keeps its own accessor private). */
export function infoDict(doc: PDFDocument): PDFDict {
  const info = dictOf(doc, doc.context.trailerInfo.Info);
  if (info) return info;
  const created = doc.context.obj({});
  doc.context.trailerInfo.Info = doc.context.register(created);
  return created;
}

/** The streams each document's steps have rewritten, kept uncompressed until compressRewritten. */
const rewritten = new WeakMap<PDFDocument, Set<PDFRef>>();

/**
 * Replaces a stream's data by the rewritten content, uncompressed: several steps rewrite the same
 * content streams, and each would otherwise inflate what the one before had just deflated.
 * compressRewritten (the compress step, near the end of the list) deflates them once.
 */
export function replaceContent(doc: PDFDocument, ref: PDFRef, stream: PDFRawStream, content: string | Buffer): void {
  const data = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  const dict = stream.dict.clone(doc.context);
  dict.delete(PDFName.of('Filter'));
  dict.delete(PDFName.of('DecodeParms'));
  dict.set(PDFName.of('Length'), PDFNumber.of(data.length));
  doc.context.assign(ref, PDFRawStream.of(dict, data));
  const refs = rewritten.get(doc) ?? new Set<PDFRef>();
  rewritten.set(doc, refs.add(ref));
}

/**
 * Flate-compresses every stream the steps rewrote, at level 1: a quarter of the time of the default
 * level (1 ms against 4 per profile) for some 8 KB more per page.
 */
export function compressRewritten(doc: PDFDocument): void {
  for (const ref of rewritten.get(doc) ?? []) {
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream) || stream.dict.has(PDFName.of('Filter'))) continue;
    const data = deflateSync(stream.contents, { level: 1 });
    const dict = stream.dict.clone(doc.context);
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    dict.set(PDFName.of('Length'), PDFNumber.of(data.length));
    const compressed = PDFRawStream.of(dict, data);
    deflatedFrom.set(compressed, Buffer.from(stream.contents.buffer, stream.contents.byteOffset, stream.contents.byteLength));
    doc.context.assign(ref, compressed);
  }
  rewritten.delete(doc);
}

export function streamRefs(value: PDFObject | undefined): PDFRef[] {
  if (value instanceof PDFRef) return [value];
  if (value instanceof PDFArray) return value.asArray().filter((v): v is PDFRef => v instanceof PDFRef);
  return [];
}

/** What walkContent calls on its way through the pages and the XObjects they draw. */
export interface ContentVisitor {
  /** A page's dictionary or a form XObject's: where a transparency group is declared. */
  holder?(dict: PDFDict): void;
  /** A content stream of a page or a form XObject, by reference. */
  stream?(ref: PDFRef, stream: PDFRawStream): void;
  /** The resource dictionary of a page or a form XObject. */
  resources?(resources: PDFDict | undefined): void;
  /** An image XObject. */
  image?(image: PDFRawStream): void;
}

/**
 * Walks a page and every XObject it draws, form XObjects' own resources too, each content stream
 * once (`done` holds those already walked): the page's dictionary, its content streams, then its
 * resources and their XObjects, depth first.
 */
function walkPage(doc: PDFDocument, page: PDFPage, visitor: ContentVisitor, done: Set<PDFRef>): void {
  const visitStream = (ref: PDFRef) => {
    if (done.has(ref)) return;
    done.add(ref);
    const stream = doc.context.lookup(ref);
    if (stream instanceof PDFRawStream) visitor.stream?.(ref, stream);
  };
  const visitResources = (resources: PDFDict | undefined) => {
    visitor.resources?.(resources);
    for (const value of dictOf(doc, resources?.get(PDFName.of('XObject')))?.values() ?? []) {
      if (!(value instanceof PDFRef) || done.has(value)) continue;
      const xobject = doc.context.lookup(value);
      if (!(xobject instanceof PDFRawStream)) continue;
      const subtype = nameOf(doc, xobject.dict.get(PDFName.of('Subtype')));
      if (subtype === 'Image') visitor.image?.(xobject);
      if (subtype !== 'Form') continue;
      visitor.holder?.(xobject.dict);
      visitStream(value);
      visitResources(dictOf(doc, xobject.dict.get(PDFName.of('Resources'))));
    }
  };
  visitor.holder?.(page.node);
  for (const ref of streamRefs(page.node.get(PDFName.of('Contents')))) visitStream(ref);
  visitResources(dictOf(doc, inherited(page, 'Resources')));
}

/** Walks every page as walkPage does, each content stream of the document once. */
export function walkContent(doc: PDFDocument, visitor: ContentVisitor): void {
  const done = new Set<PDFRef>();
  for (const page of doc.getPages()) walkPage(doc, page, visitor, done);
}

/** A page and every form XObject it draws: each one's dictionary, content streams and resources. */
function forms(doc: PDFDocument, page: PDFPage): { owner: PDFDict; contents: PDFRawStream[]; resources?: PDFDict }[] {
  const found: { owner: PDFDict; contents: PDFRawStream[]; resources?: PDFDict }[] = [];
  walkPage(
    doc,
    page,
    {
      holder: (owner) => void found.push({ owner, contents: [] }),
      stream: (_ref, stream) => void found.at(-1)?.contents.push(stream),
      resources(resources) {
        const current = found.at(-1);
        if (current && resources) current.resources = resources;
      },
    },
    new Set(),
  );
  return found;
}

/**
 * Passes the decoded bytes of every content stream, of the pages and of the XObjects they draw, each
 * once, to `rewrite`, and stores what it returns where that is other bytes.
 */
export function rewriteContentStreams(doc: PDFDocument, rewrite: (bytes: Buffer) => Buffer): void {
  walkContent(doc, {
    stream(ref, stream) {
      const bytes = streamBytes(stream);
      const rewritten = rewrite(bytes);
      if (rewritten !== bytes) replaceContent(doc, ref, stream, rewritten);
    },
  });
}

/** The descriptor and embedded program of a font (its descendant's for a Type0 font), where it has them. */
export function fontProgram(doc: PDFDocument, font: PDFDict): { descriptor?: PDFDict; program?: PDFRawStream } {
  const descendants = resolve(doc, font.get(PDFName.of('DescendantFonts')));
  const descendant = nameOf(doc, font.get(PDFName.of('Subtype'))) === 'Type0' ? dictOf(doc, descendants instanceof PDFArray ? descendants.get(0) : undefined) : font;
  const descriptor = dictOf(doc, descendant?.get(PDFName.of('FontDescriptor')));
  const program = ['FontFile', 'FontFile2', 'FontFile3'].map((key) => resolve(doc, descriptor?.get(PDFName.of(key)))).find((file) => file instanceof PDFRawStream);
  return { ...(descriptor ? { descriptor } : {}), ...(program instanceof PDFRawStream ? { program } : {}) };
}

/** A page's entry of the parent tree: the structure element of each of its MCIDs, by MCID. */
export function parentTreeArray(doc: PDFDocument, page: PDFPage): PDFArray | undefined {
  const key = resolve(doc, page.node.get(PDFName.of('StructParents')));
  const root = dictOf(doc, doc.catalog.get(PDFName.of('StructTreeRoot')));
  const nums = resolve(doc, dictOf(doc, root?.get(PDFName.of('ParentTree')))?.get(PDFName.of('Nums')));
  if (!(key instanceof PDFNumber) || !(nums instanceof PDFArray)) return undefined;
  for (let i = 0; i + 1 < nums.size(); i += 2) {
    const number = resolve(doc, nums.get(i));
    if (number instanceof PDFNumber && number.asNumber() === key.asNumber()) {
      const array = resolve(doc, nums.get(i + 1));
      return array instanceof PDFArray ? array : undefined;
    }
  }
  return undefined;
}

/** The structure elements in reading order (depth first), each with its reference where it has one. */
export function structElementsInOrder(doc: PDFDocument): { element: PDFDict; ref?: PDFRef }[] {
  const found: { element: PDFDict; ref?: PDFRef }[] = [];
  const seen = new Set<PDFDict>();
  // The names once, not per element: PDFName.of decodes its argument each call.
  const [S, K] = [PDFName.of('S'), PDFName.of('K')];
  const walk = (value: PDFObject | undefined) => {
    const resolved = resolve(doc, value);
    if (resolved instanceof PDFArray) return resolved.asArray().forEach(walk);
    if (!(resolved instanceof PDFDict) || seen.has(resolved) || !resolved.has(S)) return;
    seen.add(resolved);
    const ref = value instanceof PDFDict ? undefined : (value as PDFRef | undefined);
    found.push(ref ? { element: resolved, ref } : { element: resolved });
    walk(resolved.get(K));
  };
  walk(dictOf(doc, doc.catalog.get(PDFName.of('StructTreeRoot')))?.get(PDFName.of('K')));
  return found;
}

import { PDFName, type PDFDict, type PDFDocument, type PDFPage } from 'pdf-lib';
import { forEachOperation, type Operation } from '../postprocess/content-stream.js';
import type { FontUse } from '../postprocess/glyphs.js';
import { contentStreams, nameOf, structElementsInOrder } from '../postprocess/pdf-objects.js';

/** The key of a structure element's type, made once: PDFName.of decodes its text on every call. */
const S = PDFName.of('S');

/** A content stream of a page or of a form XObject it draws, decoded, with its resources. */
export type PageContent = ReturnType<typeof contentStreams>[number];

/**
 * What the checks of one preflight share of the document they read: its structure elements in
 * reading order, each one's type, each page's decoded content, each font's mapped codes. Each is read
 * once, when a check first asks: five checks walk the structure tree and two read every content
 * stream. A reading is of the document as it is; the document is not changed while it is read.
 */
export class PdfReading {
  #elements: PDFDict[] | undefined;
  readonly #types = new Map<PDFDict, string>();
  readonly #contents = new Map<PDFPage, PageContent[]>();
  readonly #operations = new Map<PageContent, Operation[]>();
  /** Each font's code length and the codes its ToUnicode CMap maps (glyphs.ts unmappedCodes). */
  readonly fontUses = new Map<PDFDict, FontUse>();

  constructor(readonly doc: PDFDocument) {}

  /** The structure elements in reading order (depth first). */
  structElements(): PDFDict[] {
    this.#elements ??= structElementsInOrder(this.doc).map(({ element }) => element);
    return this.#elements;
  }

  /** A structure element's type (/S), '' without one. */
  typeOf(element: PDFDict): string {
    let type = this.#types.get(element);
    if (type === undefined) {
      type = nameOf(this.doc, element.get(S)) ?? '';
      this.#types.set(element, type);
    }
    return type;
  }

  /** The content streams of a page and of every form XObject it draws, decoded, with their resources. */
  contentStreams(page: PDFPage): PageContent[] {
    let contents = this.#contents.get(page);
    if (!contents) {
      contents = contentStreams(this.doc, page);
      this.#contents.set(page, contents);
    }
    return contents;
  }

  /**
   * A content stream's operations, with their operands but numbers (the checks read operators, fonts,
   * strings and colour spaces): tokenized once for the marked-content, unicode and colour checks.
   */
  operations(content: PageContent): Operation[] {
    let found = this.#operations.get(content);
    if (!found) {
      const list: Operation[] = [];
      forEachOperation(content.text, (operation) => void list.push(operation), 'not numbers');
      found = list;
      this.#operations.set(content, found);
    }
    return found;
  }
}

import type { PDFDocument } from 'pdf-lib';
import type { PdfMetadata } from './pdf-metadata.js';

/**
 * What every step knows of the profile the PDF was printed from, as plain data: pdfContext
 * (index.ts) makes it once for all the profile's files.
 */
export interface PdfContext {
  /** The document's title, author, language, dates (pdf-metadata.ts). */
  metadata: PdfMetadata;
  /** The texts the design sets in capitals, as the profile writes them (letter-case.ts). */
  capitalised: readonly string[];
}

/**
 * One step of the post-processing of Chromium's PDF. The PDF is loaded once; each step's `edit`
 * changes the document, in the order of the list (index.ts); the document is saved once; then each
 * step's `finish` may rewrite the saved bytes in place (same length), in the same order.
 */
export interface PdfStep {
  id: string;
  description: string;
  edit?(doc: PDFDocument, context: PdfContext): void | Promise<void>;
  finish?(bytes: Buffer, context: PdfContext): void;
}

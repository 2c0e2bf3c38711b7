import type { PDFDocument } from 'pdf-lib';
import type { ValidProfile } from '../profile/valid.js';

/** What every step knows: the profile the PDF was printed from. */
export interface PdfContext {
  entry: ValidProfile;
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

import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import { firstLine } from '../errors.js';

/** The largest PDF the toolkit reads (a rendered profile is well under a megabyte, a press file a few). */
export const maxPdfBytes = 64 * 1024 * 1024;

/** The file cannot be read as a PDF at all. */
export class UnreadablePdfError extends Error {}

/**
 * A PDF parsed strictly, the same way for every command that reads one (preflight, proof): an
 * object pdf-lib cannot parse makes the file unreadable rather than a page drawn from guesses.
 * pdf-lib reports what it skips on console.warn; those lines would reach the user's terminal raw,
 * so they are held back while it parses and the first becomes the reason if the parse fails.
 */
export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...parts: unknown[]) => void warnings.push(parts.map(String).join(' '));
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest, throwOnInvalidObject: true });
  } catch (error) {
    throw new UnreadablePdfError(`not a readable PDF (${firstLine(error)})`);
  } finally {
    console.warn = warn;
  }
}

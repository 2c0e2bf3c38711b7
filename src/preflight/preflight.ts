import { PDFArray, PDFName, type PDFDocument } from 'pdf-lib';
import { accessibilityChecks } from './access.js';
import { pressChecks } from './press.js';
import { xmpText } from '../postprocess/pdf-objects.js';
import { loadPdf } from '../read/pdf.js';
import { PdfReading } from './reading.js';

export { UnreadablePdfError } from '../read/pdf.js';

/** One problem found in a PDF; `page` is 1-based, absent for the document as a whole. */
export interface Finding {
  check: string;
  page?: number;
  message: string;
}

/**
 * A preflight check: an id, what it checks, and a pure function of the parsed document; `reading`
 * holds what the checks of one preflight share of it (structure elements, decoded content).
 */
export interface PreflightCheck {
  id: string;
  description: string;
  check(doc: PDFDocument, bytes: Uint8Array, reading: PdfReading): Finding[];
}

export interface PreflightReport {
  /** Whether the PDF/X-4 checks ran: the file is a press file. */
  press: boolean;
  findings: Finding[];
}

/** A PDF claims to be a press file when it declares PDF/X in its output intents or its XMP. */
function claimsPdfx(doc: PDFDocument): boolean {
  if ((doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray)?.size() ?? 0) > 0) return true;
  return /pdfxid:GTS_PDFXVersion/.test(xmpText(doc) ?? '');
}

export const preflightChecks = { press: pressChecks, accessibility: accessibilityChecks };

/** The checks of a file: the accessibility checks, after the PDF/X-4 checks for a press file. */
export function checksFor(press: boolean): PreflightCheck[] {
  return press ? [...pressChecks, ...accessibilityChecks] : accessibilityChecks;
}

/**
 * The toolkit's own check of what its PDFs promise: the machine-checkable PDF/UA-1 points of every
 * PDF (tags, language, title, pdfuaid, structure types, figures, headings, lists and tables, marked
 * content, Unicode mappings, embedded fonts, subset tags) and, for a press file, the PDF/X-4 points
 * (version, boxes, output intent, colour, fonts, XMP, annotations). Not a certified validator: veraPDF
 * is the reference for PDF/UA.
 * `press`: run the PDF/X-4 checks; by default when the file claims PDF/X.
 */
export async function preflight(bytes: Uint8Array, options: { press?: boolean } = {}): Promise<PreflightReport> {
  return preflightDocument(await loadPdf(bytes), bytes, options);
}

/**
 * The same checks on a document already parsed, with the bytes it was saved as (for the header): the
 * renderer checks the document its post-processing saved, without parsing its bytes again. `checks`
 * chooses them by whether the file is a press file (checksFor by default).
 */
export function preflightDocument(doc: PDFDocument, bytes: Uint8Array, options: { press?: boolean; checks?: (press: boolean) => PreflightCheck[] } = {}): PreflightReport {
  const press = options.press ?? claimsPdfx(doc);
  const checks = (options.checks ?? checksFor)(press);
  const reading = new PdfReading(doc);
  return { press, findings: checks.flatMap((check) => check.check(doc, bytes, reading)) };
}

/** "page 2: no TrimBox" or the message alone for the whole document. */
export function describeFinding(finding: Finding): string {
  return `${finding.page === undefined ? '' : `page ${finding.page}: `}${finding.message}`;
}

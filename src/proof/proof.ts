import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { firstLine } from '../errors.js';
import { loadPdf, UnreadablePdfError } from '../read/pdf.js';

/** One printed profile for the proof: its label (the file's path) and its PDF. */
export interface ProofEntry {
  label: string;
  pdf: Uint8Array;
}

/** A file that is not a PDF the proof can show. */
export interface ProofProblem {
  label: string;
  reason: string;
}

/** A3 landscape, in points; five profiles of two pages across, four rows down: 20 profiles a sheet. */
const sheet = { width: 1190.55, height: 841.89, margin: 28, header: 22, across: 5, down: 4, pageGap: 4, profileGap: 14, labelHeight: 12 };
export const profilesPerSheet = sheet.across * sheet.down;

const ink = rgb(0.11, 0.14, 0.19);
const faint = rgb(0.78, 0.8, 0.84);

/** The standard PDF fonts encode WinAnsi only: a label keeps its ASCII letters. */
const printable = (text: string) => text.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');

interface Cell {
  x: number;
  y: number;
  pageWidth: number;
  pageHeight: number;
}

function cellAt(index: number, aspect: number): Cell {
  const slot = index % profilesPerSheet;
  const [column, row] = [slot % sheet.across, Math.floor(slot / sheet.across)];
  const usableWidth = sheet.width - 2 * sheet.margin - (sheet.across - 1) * sheet.profileGap;
  const pageWidth = (usableWidth / sheet.across - sheet.pageGap) / 2;
  const rowHeight = (sheet.height - 2 * sheet.margin - sheet.header) / sheet.down;
  const pageHeight = Math.min(pageWidth * aspect, rowHeight - sheet.labelHeight - 6);
  return {
    x: sheet.margin + column * (2 * pageWidth + sheet.pageGap + sheet.profileGap),
    y: sheet.height - sheet.margin - sheet.header - row * rowHeight - pageHeight,
    pageWidth: pageHeight / aspect,
    pageHeight,
  };
}

function header(page: PDFPage, font: PDFFont, number: number, count: number, title: string): void {
  page.drawText(printable(`${title}   sheet ${number} of ${count}`), { x: sheet.margin, y: sheet.height - sheet.margin - 10, size: 9, font, color: ink });
}

/**
 * Every page of the given printed profiles as thumbnails on A3 sheets, labelled with their file
 * names, for a designer to look over a whole edition at once. The pages are embedded as vector
 * forms (pdf-lib embedPages): the proof zooms like the originals. Files that are not PDFs are
 * returned as problems, the others still shown.
 */
export async function proofSheets(entries: ProofEntry[], title = 'Proof'): Promise<{ pdf: Uint8Array; problems: ProofProblem[] }> {
  const proof = await PDFDocument.create();
  proof.setTitle(title);
  proof.setCreator('ocindex-profiles');
  const font = await proof.embedFont(StandardFonts.Helvetica);
  const problems: ProofProblem[] = [];
  const shown: { label: string; pages: Awaited<ReturnType<PDFDocument['embedPages']>> }[] = [];
  for (const entry of entries) {
    try {
      const source = await loadPdf(entry.pdf);
      shown.push({ label: entry.label, pages: await proof.embedPages(source.getPages()) });
    } catch (error) {
      // A profile's Markdown given in place of its PDF is the likely mistake: say what to do.
      const reason = /\.md$/i.test(entry.label) ? 'a profile, not its PDF: render it first (ocindex render), then give the proof its PDF' : error instanceof UnreadablePdfError ? error.message : `not a PDF that can be shown (${firstLine(error)})`;
      problems.push({ label: entry.label, reason });
    }
  }
  const count = Math.max(Math.ceil(shown.length / profilesPerSheet), 1);
  let page: PDFPage | undefined;
  shown.forEach(({ label, pages }, index) => {
    if (index % profilesPerSheet === 0) {
      page = proof.addPage([sheet.width, sheet.height]);
      header(page, font, index / profilesPerSheet + 1, count, title);
    }
    const first = pages[0];
    if (!page || !first) return;
    const cell = cellAt(index, first.height / first.width);
    pages.slice(0, 2).forEach((embedded, n) => {
      const x = cell.x + n * (cell.pageWidth + sheet.pageGap);
      page?.drawPage(embedded, { x, y: cell.y, width: cell.pageWidth, height: cell.pageHeight });
      page?.drawRectangle({ x, y: cell.y, width: cell.pageWidth, height: cell.pageHeight, borderColor: faint, borderWidth: 0.5 });
    });
    const more = pages.length > 2 ? `  (+${pages.length - 2} pages not shown)` : '';
    page.drawText(printable(`${label}${more}`), { x: cell.x, y: cell.y - 9, size: 6.5, font, color: ink, maxWidth: 2 * cell.pageWidth + sheet.pageGap });
  });
  if (shown.length === 0) header(proof.addPage([sheet.width, sheet.height]), font, 1, 1, title);
  return { pdf: await proof.save(), problems };
}

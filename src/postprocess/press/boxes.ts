import { PDFArray, PDFName, PDFNumber, type PDFDocument, type PDFPage } from 'pdf-lib';

const mm = 72 / 25.4;

/** The trimmed page: A4, in points. */
export const trimSize = { width: 210 * mm, height: 297 * mm };
/** 3 mm of bleed on every side of the trim. */
export const bleed = 3 * mm;
/**
 * Where the A4 page sits on the sheet Chromium prints, from its top left: --press-offset of
 * templates/press.css, 13 CSS px at 0.75 pt each.
 */
export const trimOffset = 13 * 0.75;
/** Crop marks start this far outside the trim (beyond the bleed) and are this long. */
export const markOffset = 4 * mm;
export const markLength = 6 * mm;
/** The sheet with crop marks: room for the marks and 2 mm around them. */
const markedMargin = markOffset + markLength + 2 * mm;

export interface Rect {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function pdfRect(doc: PDFDocument, rect: Rect): PDFArray {
  return doc.context.obj([rect.left, rect.bottom, rect.right, rect.top].map((v) => PDFNumber.of(round(v))));
}

export function grow(rect: Rect, by: number): Rect {
  return { left: rect.left - by, bottom: rect.bottom - by, right: rect.right + by, top: rect.top + by };
}

/** The A4 page on a sheet printed from templates/press.css. */
export function trimOf(page: PDFPage): Rect {
  const { x, y, height } = page.getMediaBox();
  const top = y + height - trimOffset;
  return { left: x + trimOffset, bottom: top - trimSize.height, right: x + trimOffset + trimSize.width, top };
}

/**
 * Sets TrimBox (A4), BleedBox (3 mm more on every side) and MediaBox (the printed sheet, or room for
 * crop marks), and removes the CropBox: the page boxes of PDF/X. Returns each page's trim.
 */
export function setPageBoxes(doc: PDFDocument, cropMarks: boolean): Rect[] {
  return doc.getPages().map((page) => {
    const trim = trimOf(page);
    const { node } = page;
    node.set(PDFName.of('TrimBox'), pdfRect(doc, trim));
    node.set(PDFName.of('BleedBox'), pdfRect(doc, grow(trim, bleed)));
    if (cropMarks) node.set(PDFName.of('MediaBox'), pdfRect(doc, grow(trim, markedMargin)));
    node.delete(PDFName.of('CropBox'));
    return trim;
  });
}

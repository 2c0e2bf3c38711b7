import { PDFArray, PDFDict, PDFName, type PDFDocument, type PDFRef } from 'pdf-lib';
import { markLength, markOffset, type Rect } from './boxes.js';

const registration = 'OcindexRegistration';

/** The registration colour: every plate, a Separation named All (ISO 32000-1, 8.6.6.4). */
function registrationSpace(doc: PDFDocument): PDFRef {
  const tint = doc.context.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [1, 1, 1, 1], N: 1 });
  return doc.context.register(doc.context.obj([PDFName.of('Separation'), PDFName.of('All'), PDFName.of('DeviceCMYK'), tint]));
}

const n = (value: number) => String(Math.round(value * 1000) / 1000);

/** Two lines at each corner, outside the bleed, along the trim's edges. */
function markLines(trim: Rect): string {
  const lines: string[] = [];
  for (const x of [trim.left, trim.right]) {
    for (const y of [trim.bottom, trim.top]) {
      const outX = x === trim.left ? -1 : 1;
      const outY = y === trim.bottom ? -1 : 1;
      lines.push(`${n(x + outX * markOffset)} ${n(y)} m ${n(x + outX * (markOffset + markLength))} ${n(y)} l S`);
      lines.push(`${n(x)} ${n(y + outY * markOffset)} m ${n(x)} ${n(y + outY * (markOffset + markLength))} l S`);
    }
  }
  return lines.join('\n');
}

/**
 * Draws trim marks in registration colour, as artifacts (not content, for the tags), after the page's
 * own content, which is wrapped in q/Q so that its transformations do not reach the marks.
 */
export function addCropMarks(doc: PDFDocument, trims: Rect[]): void {
  const space = registrationSpace(doc);
  doc.getPages().forEach((page, index) => {
    const trim = trims[index] as Rect;
    const resources = page.node.Resources() ?? doc.context.obj({});
    const spaces = resources.lookupMaybe(PDFName.of('ColorSpace'), PDFDict) ?? doc.context.obj({});
    spaces.set(PDFName.of(registration), space);
    resources.set(PDFName.of('ColorSpace'), spaces);
    page.node.set(PDFName.of('Resources'), resources);
    const open = doc.context.register(doc.context.stream('q\n'));
    const marks = doc.context.register(
      doc.context.stream(`Q\n/Artifact BMC\nq\n/${registration} CS 1 SCN\n0.25 w\n${markLines(trim)}\nQ\nEMC\n`),
    );
    const contents = page.node.get(PDFName.of('Contents'));
    const existing = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    page.node.set(PDFName.of('Contents'), doc.context.obj([open, ...existing, marks]));
  });
}

import { createHash } from 'node:crypto';
import { PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import type { PdfMetadata } from '../pdf-metadata.js';
import { removeAnnotations } from './annotations.js';
import { setPageBoxes } from './boxes.js';
import { convertToCmyk } from './cmyk.js';
import { loadColourTable, type ColourTable } from './colours.js';
import { addCropMarks } from './crop-marks.js';
import { addOutputIntent, loadOutputProfile, type OutputProfile } from './output-intent.js';
import { infoDict } from '../pdf-objects.js';
import { setXmp, xmpPacket } from './xmp.js';

export { UndeclaredColourError } from './colours.js';
export { UnconvertibleColourError } from './cmyk.js';

/** What the press step needs: the template's colour table, the output profile, crop marks or not. */
export interface PressOptions {
  colours: ColourTable;
  profile: OutputProfile;
  cropMarks: boolean;
}

/** The toolkit's colour table and FOGRA39 profile, or the files given. */
export function pressOptions(options: { colours?: string; icc?: string; cropMarks?: boolean } = {}): PressOptions {
  return { colours: loadColourTable(options.colours), profile: loadOutputProfile(options.icc), cropMarks: options.cropMarks === true };
}

/** A digest of what the press step puts into a file (colour table, profile, marks): part of the render key. */
export function pressFingerprint(options: PressOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([...options.colours].sort()));
  hash.update(options.profile.condition).update(options.profile.compressed);
  return hash.update(String(options.cropMarks)).digest('hex');
}

/**
 * Turns Chromium's PDF of the press HTML (templates/press.css) into PDF/X-4, in place, keeping its
 * structure tree, outline and fonts: DeviceCMYK colour from the template's table, TrimBox/BleedBox,
 * crop marks if wanted, no annotations, the output intent with its ICC profile, PDF/X-4 XMP that
 * agrees with the Info dictionary, and a PDF 1.6 header. The caller sets the Info dictionary and saves.
 */
export function pressStep(doc: PDFDocument, meta: PdfMetadata, options: PressOptions): void {
  convertToCmyk(doc, options.colours);
  const trims = setPageBoxes(doc, options.cropMarks);
  if (options.cropMarks) addCropMarks(doc, trims);
  removeAnnotations(doc);
  addOutputIntent(doc, options.profile);
  infoDict(doc).set(PDFName.of('Trapped'), PDFName.of('False'));
  infoDict(doc).set(PDFName.of('GTS_PDFXVersion'), PDFString.of('PDF/X-4'));
  setXmp(doc, xmpPacket(meta, true));
  doc.catalog.delete(PDFName.of('Version'));
}

/**
 * PDF/X-4 is PDF 1.6 at most, and nothing in the press file is newer; pdf-lib 1.17 always writes
 * `%PDF-1.7`, so the saved bytes get their header rewritten, in place (same length).
 */
export function pressHeader(bytes: Buffer): void {
  if (bytes.toString('latin1', 0, 8) === '%PDF-1.7') bytes.write('%PDF-1.6', 0, 'latin1');
}

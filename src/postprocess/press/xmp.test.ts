import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { infoDict } from '../pdf-objects.js';
import { preflightChecks } from '../../preflight/preflight.js';
import { PdfReading } from '../../preflight/reading.js';
import { setXmp, xmpDate, xmpPacket } from './xmp.js';
import { xmpProperty } from '../../preflight/xmp-read.js';

const meta = {
  title: "Côte d'Ivoire | Global Organized Crime Index 2023 <&>",
  author: 'Global Initiative Against Transnational Organized Crime',
  subject: 'a "country" profile',
  keywords: ["Côte d'Ivoire", 'Africa'],
  creator: 'ocindex-profiles',
  lang: 'fr',
  date: new Date(Date.UTC(2023, 0, 1)),
};

/** A saved and reloaded document with the Info dictionary render sets and the XMP packet. */
async function documentWith(press: boolean): Promise<{ doc: PDFDocument; bytes: Uint8Array }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  infoDict(doc).set(PDFName.of('Trapped'), PDFName.of('False'));
  setXmp(doc, xmpPacket(meta, press));
  const bytes = await doc.save();
  return { doc: await PDFDocument.load(bytes, { updateMetadata: false }), bytes };
}

describe('the XMP packet', () => {
  it('holds the Info dictionary\'s title (any characters, escaped) and dates, as the preflight reads them back', async () => {
    const { doc, bytes } = await documentWith(true);
    const checks = [...preflightChecks.press, ...preflightChecks.accessibility].filter((c) => c.id === 'pdfx-xmp' || c.id === 'title');
    const reading = new PdfReading(doc);
    expect(checks.flatMap((c) => c.check(doc, bytes, reading))).toEqual([]);
    const packet = xmpPacket(meta, true);
    expect(xmpProperty(packet, 'dc:title')).toBe(meta.title);
    expect(xmpProperty(packet, 'dc:description')).toBe(meta.subject);
    expect(xmpProperty(packet, 'xmp:CreateDate')).toBe('2023-01-01T00:00:00Z');
    expect(xmpProperty(packet, 'pdfxid:GTS_PDFXVersion')).toBe('PDF/X-4');
  });

  it('declares PDF/X-4 only for the press file', () => {
    expect(xmpPacket(meta, false)).not.toContain('pdfxid');
    expect(xmpProperty(xmpPacket(meta, false), 'dc:title')).toBe(meta.title);
    expect(xmpDate(new Date(Date.UTC(2021, 5, 30, 12, 0, 1)))).toBe('2021-06-30T12:00:01Z');
  });
});

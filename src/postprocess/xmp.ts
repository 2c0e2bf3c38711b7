import { setXmp, xmpPacket } from './press/xmp.js';
import type { PdfStep } from './step.js';

export const xmpStep: PdfStep = {
  id: 'xmp',
  description: 'XMP metadata with dc:title, agreeing with the Info dictionary, and pdfuaid:part 1 (PDF/UA-1)',
  edit(doc, { metadata }) {
    setXmp(doc, xmpPacket(metadata, false));
  },
};

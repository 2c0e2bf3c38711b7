import { profileMetadata } from './pdf-metadata.js';
import { setXmp, xmpPacket } from './press/xmp.js';
import type { PdfStep } from './step.js';

export const xmpStep: PdfStep = {
  id: 'xmp',
  description: 'XMP metadata with dc:title, agreeing with the Info dictionary (for accessibility checkers)',
  edit(doc, { entry }) {
    setXmp(doc, xmpPacket(profileMetadata(entry), false));
  },
};

import { pressHeader, pressStep, type PressOptions } from './press/index.js';
import type { PdfStep } from './step.js';

/** The press file: PDF/X-4 from Chromium's PDF of the press HTML (src/postprocess/press/). */
export function pressPdfStep(options: PressOptions): PdfStep {
  return {
    id: 'press',
    description: 'PDF/X-4: CMYK from the colour table, page boxes, crop marks if wanted, output intent, XMP, PDF 1.6 header',
    edit(doc, { metadata }) {
      pressStep(doc, metadata, options);
    },
    finish(bytes) {
      pressHeader(bytes);
    },
  };
}

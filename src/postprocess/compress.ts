import { compressRewritten } from './pdf-objects.js';
import type { PdfStep } from './step.js';

/** After every step that rewrites content: each rewritten stream deflated once (pdf-objects replaceContent). */
export const compressStep: PdfStep = {
  id: 'compress',
  description: 'Flate-compresses, once, every stream the steps before rewrote',
  edit(doc) {
    compressRewritten(doc);
  },
};

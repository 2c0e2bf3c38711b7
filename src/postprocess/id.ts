import { createHash } from 'node:crypto';
import { PDFHexString, type PDFArray } from 'pdf-lib';
import type { PdfStep } from './step.js';

const idPlaceholder = '0'.repeat(32);

/**
 * The trailer /ID as a hash of the document instead of Chromium's random one, so that the same
 * profile gives the same bytes. Last in the list: it hashes what every other step made.
 */
export const idStep: PdfStep = {
  id: 'id',
  description: 'trailer /ID: an MD5 of the finished document, so that the bytes depend on the content only',
  edit(doc) {
    const placeholder = PDFHexString.of(idPlaceholder);
    doc.context.trailerInfo.ID = doc.context.obj([placeholder, placeholder]) as PDFArray;
  },
  finish(bytes) {
    // The trailer, at the end, holds the placeholder twice; the hash, of the same length, replaces both.
    const id = createHash('md5').update(bytes).digest('hex');
    const trailer = bytes.lastIndexOf('trailer');
    for (let at = bytes.indexOf(idPlaceholder, trailer); at >= 0; at = bytes.indexOf(idPlaceholder, at)) bytes.write(id, at, 'latin1');
  },
};

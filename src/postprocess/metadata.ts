import { PDFName, PDFString } from 'pdf-lib';
import type { PdfStep } from './step.js';

export const metadataStep: PdfStep = {
  id: 'metadata',
  description: "title, author, subject, keywords, creator, fixed dates and the catalog's /Lang, from the profile and its edition",
  edit(doc, { metadata: meta }) {
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setAuthor(meta.author);
    doc.setSubject(meta.subject);
    doc.setKeywords(meta.keywords);
    doc.setCreator(meta.creator);
    doc.setCreationDate(meta.date);
    doc.setModificationDate(meta.date);
    doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  },
};

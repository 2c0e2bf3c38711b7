import { PDFName, PDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import { contentMarking } from '../postprocess/artifacts.js';
import { fontProgram, nameOf, pageFonts } from '../postprocess/pdf-objects.js';
import { unmappedCodes } from '../postprocess/glyphs.js';
import type { Finding, PreflightCheck } from './preflight.js';

/** The findings of a check made page by page: `messagesOf` says what is wrong with one page. */
export function perPage(doc: PDFDocument, check: string, messagesOf: (page: PDFPage) => Iterable<string>): Finding[] {
  return doc.getPages().flatMap((page, index) => [...messagesOf(page)].map((message) => ({ check, page: index + 1, message })));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const markedContent: PreflightCheck = {
  id: 'marked-content',
  description: 'everything a page paints (paths, text, images, shadings, form XObjects) is inside marked content: tagged, or an artifact',
  check(doc, _bytes, reading) {
    return perPage(doc, this.id, (page) => {
      // The page's own content: what a form XObject paints is marked as its Do is.
      const own = reading.contentStreams(page).filter(({ owner }) => owner === page.node);
      const unmarked = own.reduce((sum, content) => sum + contentMarking(content.text, reading.operations(content)).unmarked.length, 0);
      return unmarked === 0 ? [] : [`${plural(unmarked, 'painting object')} outside marked content, neither tagged nor an artifact`];
    });
  },
};

const unicode: PreflightCheck = {
  id: 'unicode',
  description: 'every glyph shown maps to Unicode (the ToUnicode CMap of its font maps its code)',
  check(doc, _bytes, reading) {
    return perPage(doc, this.id, (page) => {
      const missing = new Map<string, Set<number>>();
      for (const content of reading.contentStreams(page)) {
        for (const [font, codes] of unmappedCodes(doc, content.text, content.resources, reading.fontUses, reading.operations(content))) missing.set(font, new Set([...(missing.get(font) ?? []), ...codes]));
      }
      return [...missing].map(([font, codes]) => `${plural(codes.size, 'character code')} of ${font} without a Unicode mapping`);
    });
  },
};

/** What is wrong with a page's fonts: each one not embedded, and with `noType3` each Type 3 font. */
export function fontProblems(doc: PDFDocument, page: PDFPage, noType3: boolean): string[] {
  return pageFonts(doc, page).flatMap((font) => {
    const name = nameOf(doc, font.get(PDFName.of('BaseFont'))) ?? 'a font';
    if (nameOf(doc, font.get(PDFName.of('Subtype'))) === 'Type3') return noType3 ? [`${name} is a Type 3 font`] : [];
    return fontProgram(doc, font).program ? [] : [`${name} is not embedded`];
  });
}

const embedded: PreflightCheck = {
  id: 'fonts-embedded',
  description: 'every font used is embedded (a Type 3 font is, in the file)',
  check(doc) {
    return perPage(doc, this.id, (page) => fontProblems(doc, page, false));
  },
};

const subsetTags: PreflightCheck = {
  id: 'subset-tags',
  description: 'no two different embedded font programs share a name (subset tag and font name)',
  check(doc) {
    const programs = new Map<string, Set<PDFRawStream>>();
    for (const page of doc.getPages()) {
      for (const font of pageFonts(doc, page)) {
        const { descriptor, program } = fontProgram(doc, font);
        const name = nameOf(doc, descriptor?.get(PDFName.of('FontName')));
        if (name && program) programs.set(name, (programs.get(name) ?? new Set()).add(program));
      }
    }
    // Programs compared by their bytes only where one name has several stream objects.
    const differing = (streams: Set<PDFRawStream>) => (streams.size < 2 ? streams.size : new Set([...streams].map((stream) => Buffer.from(stream.contents).toString('base64'))).size);
    return [...programs]
      .filter(([, streams]) => differing(streams) > 1)
      .map(([name, streams]) => ({ check: this.id, message: `${name} names ${differing(streams)} different font programs` }));
  },
};

export const contentChecks: PreflightCheck[] = [markedContent, unicode, embedded, subsetTags];

import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';
import { dictOf, fontProgram, nameOf, resolve, walkContent } from './pdf-objects.js';
import type { PdfStep } from './step.js';

const subsetName = /^[A-Z]{6}\+(.+)$/;

/** Six capitals from a digest: the subset tag of a font program, the same for the same bytes. */
function tagOf(digest: Buffer, attempt: number): string {
  const from = createHash('md5').update(digest).update(String(attempt)).digest();
  return [...from.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/** A font dictionary with the font and descriptor dictionaries that carry its name. */
interface NamedFont {
  holders: PDFDict[];
  descriptor: PDFDict;
  program: PDFRawStream;
}

/**
 * The fonts the pages and the form XObjects they draw use, each once, found through their resources
 * (not by enumerating every object of the file: a tenth of the time): a Type0 font with its
 * descendant, which carries the name too.
 */
function fontsOf(doc: PDFDocument): NamedFont[] {
  const found: NamedFont[] = [];
  const seen = new Set<PDFDict>();
  walkContent(doc, {
    resources(resources) {
      for (const value of dictOf(doc, resources?.get(PDFName.of('Font')))?.values() ?? []) {
        const font = dictOf(doc, value);
        if (!font || seen.has(font)) continue;
        seen.add(font);
        const { descriptor, program } = fontProgram(doc, font);
        const descendants = resolve(doc, font.get(PDFName.of('DescendantFonts')));
        const descendant = descendants instanceof PDFArray ? dictOf(doc, descendants.get(0)) : undefined;
        if (descriptor && program) found.push({ holders: descendant ? [font, descendant] : [font], descriptor, program });
      }
    },
  });
  return found;
}

/**
 * Gives every embedded subset font program a subset tag of its own (ISO 32000-1, 9.6.4): Skia tags
 * each subset AAAAAA+, BAAAAA+… per face, so different programs share a name, and a RIP's font cache
 * or two files imposed on one sheet may take one for another. The tag is derived from the program's
 * bytes, so renders stay byte-identical and the same program keeps the same name.
 */
export function renameSubsets(doc: PDFDocument): void {
  const tags = new Map<PDFRawStream, string>();
  const used = new Map<string, Buffer>();
  for (const font of fontsOf(doc)) {
    const name = nameOf(doc, font.descriptor.get(PDFName.of('FontName')));
    const base = name && subsetName.exec(name)?.[1];
    if (!base) continue;
    let tag = tags.get(font.program);
    if (!tag) {
      const digest = createHash('md5').update(font.program.contents).digest();
      for (let attempt = 0; ; attempt++) {
        tag = tagOf(digest, attempt);
        const holder = used.get(tag);
        if (!holder || holder.equals(digest)) break;
      }
      tags.set(font.program, tag);
      used.set(tag, digest);
    }
    font.descriptor.set(PDFName.of('FontName'), PDFName.of(`${tag}+${base}`));
    for (const holder of font.holders) {
      const own = nameOf(doc, holder.get(PDFName.of('BaseFont')));
      const rest = own && subsetName.exec(own)?.[1];
      if (rest) holder.set(PDFName.of('BaseFont'), PDFName.of(`${tag}+${rest}`));
    }
  }
}

export const fontNamesStep: PdfStep = {
  id: 'font-names',
  description: 'a subset tag of its own for every embedded font program, derived from its bytes',
  edit(doc) {
    renameSubsets(doc);
  },
};

import { PDFArray, PDFDict, PDFName, type PDFDocument } from 'pdf-lib';
import { dictOf, nameOf, replaceContent, resolve, streamBytes, walkContent } from '../pdf-objects.js';
import { type ColourTable, hexOf, UndeclaredColourError } from './colours.js';
import { forEachOperation, nameText, numberText } from '../content-stream.js';

/** Thrown for colour that cannot be converted by operator rewriting (an RGB image, an RGB colour space). */
export class UnconvertibleColourError extends Error {}

const rgbOperators: Record<string, string> = { rg: 'k', RG: 'K' };
/** The colour spaces that are RGB: none may remain in a press file (the preflight checks the same). */
export const rgbSpaces = new Set(['DeviceRGB', 'CalRGB']);

/**
 * Rewrites a content stream's RGB colour operators (`r g b rg`, `RG`) to DeviceCMYK (`c m y k k`, `K`)
 * from the table; every other byte stays as it is, so marked content (the tags' MCIDs) is untouched.
 * Colours missing from the table are collected in `undeclared`.
 */
export function rewriteColours(text: string, table: ColourTable, undeclared: Set<string>): string {
  const parts: string[] = [];
  let copied = 0;
  forEachOperation(text, ({ operator, end, operands }) => {
    if (operator === 'cs' || operator === 'CS') {
      const space = nameText(text, operands.at(-1));
      if (space && rgbSpaces.has(space)) throw new UnconvertibleColourError(`content sets the colour space /${space}`);
    }
    const cmykOperator = rgbOperators[operator];
    if (cmykOperator === undefined || operands.length < 3) return;
    const rgb = operands.slice(-3).map((operand) => numberText(text, operand));
    if (rgb.some((value) => value === undefined)) return;
    const hex = hexOf(rgb as string[]);
    const cmyk = table.get(hex);
    if (cmyk === undefined) {
      undeclared.add(hex);
      return;
    }
    parts.push(text.slice(copied, operands[operands.length - 3]!.start), `${cmyk} ${cmykOperator}`);
    copied = end;
  });
  parts.push(text.slice(copied));
  return parts.join('');
}

/** A transparency group blends in DeviceCMYK, the output intent's space, instead of RGB. */
function groupToCmyk(doc: PDFDocument, holder: PDFDict): void {
  const group = dictOf(doc, holder.get(PDFName.of('Group')));
  const space = nameOf(doc, group?.get(PDFName.of('CS')));
  if (group && space && rgbSpaces.has(space)) group.set(PDFName.of('CS'), PDFName.of('DeviceCMYK'));
}

/** No RGB colour space may remain in a resource dictionary (named colour spaces, images). */
function checkResources(doc: PDFDocument, resources: PDFDict | undefined): void {
  const spaces = dictOf(doc, resources?.get(PDFName.of('ColorSpace')));
  for (const [name, value] of spaces?.entries() ?? []) {
    const resolved = resolve(doc, value);
    const space = resolved instanceof PDFArray ? nameOf(doc, resolved.get(0)) : nameOf(doc, resolved);
    if (space && rgbSpaces.has(space)) throw new UnconvertibleColourError(`colour space ${name.decodeText()} is ${space}`);
  }
}

/**
 * Converts the vector colour of every page, and of every form XObject they draw (the watermark has
 * its own), to DeviceCMYK. Throws UndeclaredColourError naming every colour missing from the table.
 */
export function convertToCmyk(doc: PDFDocument, table: ColourTable): void {
  const undeclared = new Set<string>();
  walkContent(doc, {
    holder: (dict) => groupToCmyk(doc, dict),
    stream: (ref, stream) => replaceContent(doc, ref, stream, rewriteColours(streamBytes(stream).toString('latin1'), table, undeclared)),
    resources: (resources) => checkResources(doc, resources),
    image(image) {
      const space = image.dict.get(PDFName.of('ColorSpace'));
      if (space instanceof PDFName && rgbSpaces.has(space.decodeText())) throw new UnconvertibleColourError('an image is in RGB');
    },
  });
  if (undeclared.size > 0) throw new UndeclaredColourError([...undeclared].sort());
}

import { rewriteContentStreams } from './pdf-objects.js';
import type { PdfStep } from './step.js';

/**
 * How Chromium (Skia) prints a soft hyphen: a marked-content span whose replacement text
 * (ActualText) is U+00AD, around the offset that positions an invisible glyph and that glyph:
 * `/Span<</ActualText <FEFF00AD> >> BDC\n5.83 0 Td <0001> Tj\nEMC\n`; where a line ends at it, the
 * hyphen shown is a glyph of its own after the span. Skia writes text as hex glyph strings, so these
 * bytes cannot occur inside a string.
 */
const actualText = Buffer.from('/ActualText <', 'latin1');
const spanOpen = Buffer.from('/Span<<', 'latin1');
const softHyphenText = Buffer.from('FEFF00AD> >> BDC\n', 'latin1');
const spanClose = Buffer.from('Tj\nEMC\n', 'latin1');
const [lessThan, greaterThan, space] = [0x3c, 0x3e, 0x20];

/** Whether bytes [start, end) are `<HEX> `: a glyph string and the space before its Tj. */
function isGlyph(bytes: Buffer, start: number, end: number): boolean {
  if (bytes[start] !== lessThan || bytes[end - 1] !== space || bytes[end - 2] !== greaterThan) return false;
  for (let at = start + 1; at < end - 2; at += 1) {
    const c = bytes[at] as number;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46))) return false;
  }
  return true;
}

/** An edit: bytes [start, end) become `keep` (a range of the same bytes) or `text`. */
type Edit = { start: number; end: number; keep?: [number, number]; text?: string };

/**
 * The edit of one ActualText (its "/ActualText <" at `at`): a soft hyphen's own span goes,
 * but for what positions its glyph (`x y Td`: Td moves from the start of the line, so the text after
 * keeps its place); from any other replacement text (a ligature's "f\u00ADf") U+00AD goes.
 */
function editAt(bytes: Buffer, at: number): Edit | undefined {
  const hexStart = at + actualText.length;
  const spanStart = at - spanOpen.length;
  if (spanStart >= 0 && bytes.compare(spanOpen, 0, spanOpen.length, spanStart, at) === 0 && bytes.compare(softHyphenText, 0, softHyphenText.length, hexStart, hexStart + softHyphenText.length) === 0) {
    const bodyStart = hexStart + softHyphenText.length;
    const end = bytes.indexOf(spanClose, bodyStart);
    const glyph = end < 0 ? -1 : bytes.lastIndexOf(lessThan, end);
    if (end >= 0 && end - bodyStart <= 80 && glyph >= bodyStart && isGlyph(bytes, glyph, end)) return { start: spanStart, end: end + spanClose.length, keep: [bodyStart, glyph] };
  }
  const hexEnd = bytes.indexOf(greaterThan, hexStart);
  if (hexEnd < 0 || hexEnd - hexStart > 400) return undefined;
  const hex = bytes.toString('latin1', hexStart, hexEnd);
  if (!/^FEFF(?:[0-9A-F]{4})*$/i.test(hex)) return undefined;
  const units = hex.slice(4).match(/.{4}/g) ?? [];
  const kept = units.filter((unit) => unit.toUpperCase() !== '00AD');
  if (kept.length === units.length) return undefined;
  return ligatureEdit(bytes, spanStart, hexEnd, units.length - kept.length) ?? { start: hexStart, end: hexEnd, text: hex.slice(0, 4) + kept.join('') };
}

/** The glyph operations Skia writes in a span: `x y Td <HEX> Tj` or `<HEX> Tj`, a line each. */
const glyphLine = /(-?[\d.]+ -?[\d.]+ Td )?<((?:[0-9A-F]{4})+)> Tj\n/y;
const spanBodyStart = Buffer.from('> >> BDC\n', 'latin1');
const emc = Buffer.from('EMC\n', 'latin1');
/** What may follow a span whose glyphs lose their advance: a new position (Td) or the end of the text. */
const positionedNext = /^(?:ET\b|-?[\d.]+ -?[\d.]+ Td\b|$)/;

/**
 * A ligature across a soft hyphen ("traf\u00ADfic"): Skia writes the ligature's glyph and, for the
 * soft hyphen, an invisible glyph (the space's, which a reader extracts as a space: "traff icking"),
 * in a span whose replacement text is "f\u00ADf"; a nested span also ends poppler's reading of the
 * tag's content there. The ligature glyph alone reads right (its ToUnicode gives "ff"), so the span
 * goes with the soft hyphens' glyphs, their offsets kept. Only where the span holds the first glyph
 * and one per soft hyphen, and the text after it is positioned anew (Td moves from the start of the
 * line, so dropped advances move nothing); otherwise undefined.
 */
function ligatureEdit(bytes: Buffer, spanStart: number, hexEnd: number, softHyphens: number): Edit | undefined {
  if (spanStart < 0 || bytes.compare(spanOpen, 0, spanOpen.length, spanStart, spanStart + spanOpen.length) !== 0) return undefined;
  if (bytes.compare(spanBodyStart, 0, spanBodyStart.length, hexEnd, hexEnd + spanBodyStart.length) !== 0) return undefined;
  const bodyStart = hexEnd + spanBodyStart.length;
  const bodyEnd = bytes.indexOf(emc, bodyStart);
  if (bodyEnd < 0 || bodyEnd - bodyStart > 400) return undefined;
  const body = bytes.toString('latin1', bodyStart, bodyEnd);
  const after = bytes.toString('latin1', bodyEnd + emc.length, bodyEnd + emc.length + 40);
  if (!positionedNext.test(after)) return undefined;
  let text = '';
  let glyphs = 0;
  glyphLine.lastIndex = 0;
  for (let match = glyphLine.exec(body); match; match = glyphLine.exec(body)) {
    const [, offset = '', codes = ''] = match;
    text += offset;
    if (glyphs === 0) text += `<${codes.slice(0, 4)}> Tj\n`;
    glyphs += codes.length / 4;
    if (glyphLine.lastIndex === body.length) break;
  }
  if (glyphLine.lastIndex !== body.length || glyphs !== 1 + softHyphens) return undefined;
  return { start: spanStart, end: bodyEnd + emc.length, text };
}

/**
 * A content stream without its soft hyphens (see editAt); every other byte stays as
 * it is, the tags' marked content included. A stream with nothing to remove is returned as it is;
 * the others are copied into one buffer (a profile has some 700 such spans).
 */
export function dropSoftHyphens(bytes: Buffer): Buffer {
  let out: Buffer | undefined;
  let written = 0;
  let copied = 0;
  for (let at = bytes.indexOf(actualText); at >= 0; at = bytes.indexOf(actualText, at + 1)) {
    const edit = editAt(bytes, at);
    if (!edit) continue;
    out ??= Buffer.allocUnsafe(bytes.length);
    written += bytes.copy(out, written, copied, edit.start);
    if (edit.keep) written += bytes.copy(out, written, ...edit.keep);
    if (edit.text !== undefined) written += out.write(edit.text, written, 'latin1');
    copied = edit.end;
    at = Math.max(at, edit.end - 1);
  }
  if (!out) return bytes;
  written += bytes.copy(out, written, copied);
  return out.subarray(0, written);
}

/**
 * Chromium prints every soft hyphen as an invisible glyph that a PDF reader extracts as U+00AD
 * ("infor­ma­tion", and "victim­‐ized" where the line breaks). The page keeps those no line ends at
 * (removing them there costs a second layout of the whole page, engine/settle-hyphens.ts); this step
 * drops them all from the printed text, which then reads as whole words, a line-end hyphen as the
 * hyphen it shows. It runs when the page reports soft hyphens in its text.
 */
export const softHyphensStep: PdfStep = {
  id: 'soft-hyphens',
  description: 'removes the soft hyphens from the text a reader extracts (the hyphens shown at line ends stay), and the invisible glyph of one inside a ligature',
  edit(doc) {
    rewriteContentStreams(doc, dropSoftHyphens);
  },
};

import { PDFDict, PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';
import { forEachOperation, nameText, type Operand, type Operation } from './content-stream.js';
import { dictOf, nameOf, resolve, streamBytes } from './pdf-objects.js';

/** UTF-16BE hex as text ("0041" -> "A"), a short last unit padded with zeros; by code units, as a CMap has a few thousand. */
function utf16(hex: string): string {
  let text = '';
  for (let at = 0; at < hex.length; at += 4) text += String.fromCharCode(parseInt(hex.slice(at, at + 4).padEnd(4, '0'), 16));
  return text;
}

/** What a ToUnicode CMap maps each character code to (bfchar and bfrange; ISO 32000-1, 9.10.3). */
export function unicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const pair of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(parseInt(pair[1]!, 16), utf16(pair[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const range of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]*)>|\[([^\]]*)\])/g)) {
      const [from, to] = [parseInt(range[1]!, 16), parseInt(range[2]!, 16)];
      const list = range[4] === undefined ? undefined : [...range[4].matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => utf16(m[1]!));
      const start = range[3] === undefined ? undefined : utf16(range[3]);
      for (let code = from; code <= to && code - from < 65536; code++) {
        // A range's destination grows by one in its last UTF-16 unit.
        const text = list ? list[code - from] : start && start.slice(0, -1) + String.fromCharCode(start.charCodeAt(start.length - 1) + code - from);
        if (text !== undefined) map.set(code, text);
      }
    }
  }
  return map;
}

/** The character codes a ToUnicode CMap maps. */
export function mappedCodes(cmap: string): Set<number> {
  return new Set(unicodeMap(cmap).keys());
}

/** The ToUnicode maps read so far, by their streams' bytes as stored and filters; a few hundred at most. */
const toUnicodeMaps = new Map<string, ReadonlyMap<number, string>>();
const toUnicodeMapsKept = 256;

/**
 * What a ToUnicode stream maps (unicodeMap), read once for every document of a run that embeds the
 * same stream: a profile's screen and press file embed the same subsets, and each is read by the
 * letter-case step and the preflight's unicode check.
 */
export function toUnicodeMap(stream: PDFRawStream): ReadonlyMap<number, string> {
  const { contents, dict } = stream;
  const key = `${dict.get(PDFName.of('Filter')) ?? ''} ${dict.get(PDFName.of('DecodeParms')) ?? ''}\n${Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength).toString('latin1')}`;
  let map = toUnicodeMaps.get(key);
  if (!map) {
    map = unicodeMap(streamBytes(stream).toString('latin1'));
    if (toUnicodeMaps.size >= toUnicodeMapsKept) toUnicodeMaps.delete(toUnicodeMaps.keys().next().value!);
    toUnicodeMaps.set(key, map);
  }
  return map;
}

/** The value of a hex digit's character code; undefined for any other (white space). */
export function hexDigit(code: number): number | undefined {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : undefined;
}

/** The bytes of a string operand: hex (`<0041>`) or literal (`(A)`, with its escapes). */
export function stringBytes(text: string, operand: Operand): number[] {
  if (text[operand.start] === '<') {
    // Digit by digit: white space is skipped, a last odd digit is followed by a 0 (ISO 32000-1, 7.3.4.3).
    const bytes: number[] = [];
    let high: number | undefined;
    for (let at = operand.start + 1; at < operand.end - 1; at++) {
      const digit = hexDigit(text.charCodeAt(at));
      if (digit === undefined) continue;
      if (high === undefined) high = digit;
      else {
        bytes.push(high * 16 + digit);
        high = undefined;
      }
    }
    if (high !== undefined) bytes.push(high * 16);
    return bytes;
  }
  const raw = text.slice(operand.start + 1, operand.end - 1);
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') {
      bytes.push(raw.charCodeAt(i));
      continue;
    }
    const next = raw[++i] ?? '';
    const octal = /^[0-7]{1,3}/.exec(raw.slice(i, i + 3))?.[0];
    if (octal) {
      bytes.push(parseInt(octal, 8) & 0xff);
      i += octal.length - 1;
    } else if (next === '\n' || next === '\r') continue;
    else bytes.push(escapes[next] ?? next.charCodeAt(0));
  }
  return bytes;
}

/** A font as the text of a content stream uses it: its name, code length and mapped codes. */
export interface FontUse {
  name: string;
  bytesPerCode: number;
  mapped?: ReadonlyMap<number, string>;
}

function fontUse(doc: PDFDocument, font: PDFDict | undefined, cache: Map<PDFDict, FontUse>): FontUse | undefined {
  if (!font) return undefined;
  const known = cache.get(font);
  if (known) return known;
  const toUnicode = resolve(doc, font.get(PDFName.of('ToUnicode')));
  const use: FontUse = {
    name: nameOf(doc, font.get(PDFName.of('BaseFont'))) ?? 'a font',
    bytesPerCode: nameOf(doc, font.get(PDFName.of('Subtype'))) === 'Type0' ? 2 : 1,
    ...(toUnicode instanceof PDFRawStream ? { mapped: toUnicodeMap(toUnicode) } : {}),
  };
  cache.set(font, use);
  return use;
}

/**
 * For each font a content stream shows text in, the codes it shows that its ToUnicode CMap does not
 * map (all of them when it has none): a glyph a reader cannot turn into text.
 */
export function unmappedCodes(doc: PDFDocument, text: string, resources: PDFDict | undefined, cache = new Map<PDFDict, FontUse>(), read?: readonly Operation[]): Map<string, Set<number>> {
  const fonts = dictOf(doc, resources?.get(PDFName.of('Font')));
  const missing = new Map<string, Set<number>>();
  let current: FontUse | undefined;
  const check = (operand: Operand) => {
    if (!current || operand.kind !== 'string') return;
    const bytes = stringBytes(text, operand);
    for (let i = 0; i + current.bytesPerCode <= bytes.length; i += current.bytesPerCode) {
      const code = current.bytesPerCode === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!;
      if (current.mapped?.has(code)) continue;
      const set = missing.get(current.name) ?? new Set<number>();
      set.add(code);
      missing.set(current.name, set);
    }
  };
  const visit = ({ operator, operands }: Operation) => {
    if (operator === 'Tf') current = fontUse(doc, dictOf(doc, fonts?.get(PDFName.of(nameText(text, operands[0]) ?? ''))), cache);
    else if ((operator === 'Tj' || operator === "'" || operator === '"') && operands.length > 0) check(operands.at(-1)!);
    else if (operator === 'TJ') operands.forEach(check);
  };
  // Fonts and strings are all it reads: numbers are left out of the operands (or were, by whoever read them).
  if (read) read.forEach(visit);
  else forEachOperation(text, visit, 'not numbers');
  return missing;
}

import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { operations } from './content-stream.js';
import { mappedCodes, stringBytes, toUnicodeMap, unicodeMap, unmappedCodes } from './glyphs.js';

/** A ToUnicode CMap as Skia writes one, with the forms ISO 32000-1 9.10.3 allows beside Skia's. */
const cmap = `/CIDInit /ProcSet findresource begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfchar
<0001> <0020>
<0008> <0047>
<0CF2> <00660066>
endbfchar
3 beginbfrange
<0002> <0006> <0041>
<0010> <0011> [<0066006C> <D835DC00>]
<0020> <0021> <D835DC00>
endbfrange
1 beginbfchar
<0030> <00A>
endbfchar
endcmap`;

describe('unicodeMap', () => {
  const map = unicodeMap(cmap);

  it('reads bfchar pairs, a ligature to its two letters', () => {
    expect(map.get(0x01)).toBe(' ');
    expect(map.get(0x08)).toBe('G');
    expect(map.get(0x0cf2)).toBe('ff');
  });

  it('reads a bfrange from its start, growing in its last unit', () => {
    expect([2, 3, 4, 5, 6].map((code) => map.get(code)).join('')).toBe('ABCDE');
    expect(map.has(7)).toBe(false);
  });

  it('reads a bfrange of destinations, and surrogate pairs (outside the BMP)', () => {
    expect(map.get(0x10)).toBe('fl');
    expect(map.get(0x11)).toBe('\u{1D400}');
    expect(map.get(0x21)).toBe('\u{1D401}');
  });

  it('pads a short last unit with zeros', () => {
    expect(map.get(0x30)).toBe('\u00A0');
  });

  it('lists the codes it maps', () => {
    expect([...mappedCodes(cmap)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 8, 0x10, 0x11, 0x20, 0x21, 0x30, 0x0cf2]);
  });
});

describe('toUnicodeMap', () => {
  it('reads a ToUnicode stream once for every document that embeds the same bytes, and a changed one anew', async () => {
    const stream = async (text: string) => {
      const doc = await PDFDocument.create();
      return doc.context.flateStream(text);
    };
    const [screen, press] = [await stream(cmap), await stream(cmap)];
    expect(toUnicodeMap(screen).get(0x08)).toBe('G');
    expect(toUnicodeMap(press)).toBe(toUnicodeMap(screen));
    const extended = await stream(cmap.replace('endcmap', '1 beginbfchar\n<0040> <00AD>\nendbfchar\nendcmap'));
    expect(toUnicodeMap(extended).get(0x40)).toBe('\u00AD');
    expect(toUnicodeMap(screen).has(0x40)).toBe(false);
  });
});

describe('stringBytes', () => {
  const bytesOf = (text: string) => stringBytes(text, operations(`${text} Tj`)[0]!.operands[0]!);

  it('reads hex strings, white space skipped and an odd last digit followed by 0', () => {
    expect(bytesOf('<0041>')).toEqual([0x00, 0x41]);
    expect(bytesOf('<00 4a\n7>')).toEqual([0x00, 0x4a, 0x70]);
    expect(bytesOf('<>')).toEqual([]);
  });

  it('reads literal strings with their escapes', () => {
    expect(bytesOf(String.raw`(A\\B)`)).toEqual([0x41, 0x5c, 0x42]);
    expect(bytesOf(String.raw`(a\(b\)\101\n)`)).toEqual([0x61, 0x28, 0x62, 0x29, 0x41, 0x0a]);
  });
});

describe('unmappedCodes', () => {
  it('names each code a font shows that its ToUnicode does not map, in Tj, TJ and the quote operators', async () => {
    const doc = await PDFDocument.create();
    const toUnicode = doc.context.register(doc.context.flateStream(cmap));
    const font = doc.context.register(doc.context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'AAAAAA+Sans', ToUnicode: toUnicode }));
    const resources = doc.context.obj({ Font: { F1: font } });
    const content = 'BT /F1 9 Tf <00010002> Tj [<0008> 120 <0007>] TJ <0009> \' 1 2 <000A> " ET';
    const missing = unmappedCodes(doc, content, resources);
    expect([...missing.keys()]).toEqual(['AAAAAA+Sans']);
    expect([...missing.get('AAAAAA+Sans')!].sort((a, b) => a - b)).toEqual([7, 9, 10]);
  });
});

import { describe, expect, it } from 'vitest';
import { contentMarking } from './artifacts.js';
import { operations } from './content-stream.js';

/** The text of each unmarked painting object. */
const unmarkedText = (stream: string) => contentMarking(stream).unmarked.map(([start, end]) => stream.slice(start, end).trim());

describe('contentMarking, on the forms Chromium writes', () => {
  it('finds a painted path outside marked content from its first construction operator, and ignores a clip (n)', () => {
    const stream = '0 0 2480 3507 re\nW* n\nq\n.9 .9 .9 rg\n30 252 189 1 re\nf\nQ\n';
    expect(unmarkedText(stream)).toEqual(['30 252 189 1 re\nf']);
  });

  it('tells what each MCID paints: a sequence of paths only is decoration, one with text is not', () => {
    const stream = '/Div <</MCID 0 >>BDC\n0 0 242 1123 re\nf\nEMC\n/NonStruct <</MCID 1 >>BDC\nBT\n/F4 28 Tf\n<0002> Tj\nET\n0 0 1 1 re f\nEMC\n';
    const { unmarked, sequences } = contentMarking(stream);
    expect(unmarked).toEqual([]);
    expect(sequences.map(({ mcid, paths, other }) => ({ mcid, paths, other }))).toEqual([
      { mcid: 0, paths: true, other: false },
      { mcid: 1, paths: true, other: true },
    ]);
    expect(stream.slice(sequences[0]!.start, sequences[0]!.end).trim()).toBe('/Div <</MCID 0 >>BDC');
  });

  it('takes a text object with no marked content inside as a whole, else each text-showing operator', () => {
    expect(unmarkedText('q\nBT\n/F7 10 Tf\n1 0 0 -1 30 66 Tm\n<0002> Tj\n16.2 0 Td <001b> Tj\nET\nQ\n')).toEqual(['BT\n/F7 10 Tf\n1 0 0 -1 30 66 Tm\n<0002> Tj\n16.2 0 Td <001b> Tj\nET']);
    expect(unmarkedText('BT\n/P <</MCID 2 >>BDC\n<0002> Tj\nEMC\n<0003> Tj\nET\n')).toEqual(['<0003> Tj']);
  });

  it('does not count what nested or artifact marked content paints as unmarked', () => {
    expect(unmarkedText('/Artifact BMC\n0 0 10 10 re f\nEMC\n/P <</MCID 3 >>BDC\n/Span<</ActualText <FEFF00AD> >> BDC\n<0001> Tj\nEMC\nEMC\n')).toEqual([]);
  });

  it('is not fooled by operator names inside strings, and finds shadings, XObjects and inline images', () => {
    expect(unmarkedText('BT (re f Tj) Tj ET\n/Sh0 sh\n/Im1 Do\nBI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI\n')).toEqual(['BT (re f Tj) Tj ET', '/Sh0 sh', '/Im1 Do', 'BI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI']);
  });

  it('reads a text object inside marked content at once only where that changes nothing: the same marking as operator by operator', () => {
    const inside = (body: string) => `/P <</MCID 4 >>BDC\nBT\n${body}\nET\n0 0 1 1 re\nf\nEMC\n/Artifact BMC\n1 1 2 2 re\nf\nEMC\n`;
    const streams = [
      inside('/F4 28 Tf\n1 0 0 -1 30 66 Tm\n<0002> Tj\n16.2 0 Td <001B> Tj'), // text alone: read at once
      inside('/F4 28 Tf\n.36 .39 .45 rg\n1 0 0 -1 30 66 Tm'), // no text shown: a path-only sequence
      inside('/F4 28 Tf\n/Span<</ActualText <FEFF00AD> >> BDC\n<0001> Tj\nEMC\n<0002> Tj'), // marked content inside
      inside('/F4 28 Tf\n(ET\n) Tj\n<0002> Tj'), // a literal string that holds ET
      inside('/F4 28 Tf\n<0002> Tj\n0 0 5 5 re\nf'), // a path inside a text object (not allowed, still counted)
      inside('/F4 28 Tf\n[<0002> -120 <0003>] TJ'),
    ];
    for (const stream of streams) {
      const atOnce = contentMarking(stream);
      const byOperator = contentMarking(stream, operations(stream));
      expect(atOnce).toEqual(byOperator);
    }
    expect(contentMarking(streams[0]!).sequences[0]).toMatchObject({ mcid: 4, paths: true, other: true });
    expect(contentMarking(streams[1]!).sequences[0]).toMatchObject({ mcid: 4, paths: true, other: false });
    expect(contentMarking(streams[4]!).sequences[0]).toMatchObject({ mcid: 4, paths: true, other: true });
  });
});

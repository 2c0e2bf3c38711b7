import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../package/paths.js';
import { rewriteColours } from './press/cmyk.js';
import { loadColourTable } from './press/colours.js';
import { forEachOperation, operations } from './content-stream.js';

const table = loadColourTable();

/** A page's content as Chromium 143 writes it (Skia), with the colours of templates/colours.yaml. */
const chromium = [
  '.23999999 0 0 -.23999999 0 841.91998 cm',
  'q',
  '0 0 2480 3507.8613 re',
  'W* n',
  '.9451 .949 .9569 RG .9451 .949 .9569 rg',
  '/G3 gs',
  '/Div <</MCID 0 >>BDC',
  '0 0 242 1123 re',
  'f',
  '.6588 .1961 .1765 RG .6588 .1961 .1765 rg',
  'EMC',
  '.1137 .1373 .1882 RG .1137 .1373 .1882 rg',
  '/NonStruct <</MCID 1 >>BDC',
  'BT',
  '/F4 28 Tf',
  '1 0 0 -1 30.234375 66 Tm',
  '<0002> Tj',
  'ET',
  'EMC',
  'Q',
].join('\n');

describe('the content stream tokenizer', () => {
  it("gives, with 'not numbers', each operator's names, strings and delimiters, none of its numbers", () => {
    const found: { operator: string; kinds: string[] }[] = [];
    forEachOperation(chromium, ({ operator, operands }) => found.push({ operator, kinds: operands.map((o) => o.kind) }), 'not numbers');
    expect(found.map((o) => o.operator)).toEqual(operations(chromium).map((o) => o.operator));
    expect(found.find((o) => o.operator === 'Tf')?.kinds).toEqual(['name']);
    expect(found.find((o) => o.operator === 'Tj')?.kinds).toEqual(['string']);
    expect(found.find((o) => o.operator === 'BDC')?.kinds).toEqual(['name', 'delimiter', 'name', 'delimiter']);
    expect(found.find((o) => o.operator === 'cm')?.kinds).toEqual([]);
  });

  it('finds each operator with its operands', () => {
    const ops = operations(chromium).map((o) => o.operator);
    expect(ops.slice(0, 6)).toEqual(['cm', 'q', 're', 'W*', 'n', 'RG']);
    expect(ops.filter((o) => o === 'rg')).toHaveLength(3);
    const bdc = operations(chromium).find((o) => o.operator === 'BDC')!;
    expect(bdc.operands.map((t) => t.kind)).toEqual(['name', 'delimiter', 'name', 'number', 'delimiter']);
  });

  it('does not take the bytes of strings, comments or inline images for operators', () => {
    const text = ['(a string with 1 0 0 rg \\) and (nested) parens) Tj', '% 1 0 0 rg in a comment', 'BI /W 1 /H 1 /BPC 8 /CS /RGB ID \x01 0 0 rg\xff EI', '<31 72 67> Tj'].join('\n');
    expect(operations(text).map((o) => o.operator)).toEqual(['Tj', 'BI', 'ID', 'EI', 'Tj']);
  });
});

describe('rewriting colour operators to CMYK', () => {
  it('replaces rg and RG by the table\'s k and K and leaves every other byte as it was', () => {
    const undeclared = new Set<string>();
    const rewritten = rewriteColours(chromium, table, undeclared);
    expect(undeclared.size).toBe(0);
    expect(rewritten).not.toMatch(/\b(rg|RG)\b/);
    expect(rewritten).toContain('0 0 0 .07 K 0 0 0 .07 k');
    expect(rewritten).toContain('0 .93 .83 .36 K 0 .93 .83 .36 k');
    // Outside the colour operators, the stream is unchanged: marked content (the tags' MCIDs) and text stay.
    const strip = (text: string) => text.replace(/[\d. ]+(rg|RG|k|K)\b/g, '#');
    expect(strip(rewritten)).toBe(strip(chromium));
  });

  it('collects the colours the table does not declare, as hex', () => {
    const undeclared = new Set<string>();
    rewriteColours('0 1 0 rg\n1 1 1 RG\n.6588 .1961 .1765 rg', table, undeclared);
    expect([...undeclared]).toEqual(['#00ff00', '#ffffff']);
  });

  it('leaves colour inside strings alone', () => {
    const text = '(0 1 0 rg) Tj';
    expect(rewriteColours(text, table, new Set())).toBe(text);
  });
});

describe('templates/colours.yaml', () => {
  it('declares every colour of templates/profile.css, greys on the black plate only', () => {
    const css = readFileSync(packagePath('templates', 'profile.css'), 'utf8');
    const used = new Set([...css.matchAll(/#[0-9a-f]{6}\b/gi)].map((m) => m[0].toLowerCase()));
    expect(used.size).toBeGreaterThan(5);
    for (const colour of used) expect(table.has(colour), colour).toBe(true);
    for (const grey of ['#1d2330', '#5d6575', '#c9ced6', '#f1f2f4', '#dcdfe4']) expect(table.get(grey)).toMatch(/^0 0 0 /);
  });
});

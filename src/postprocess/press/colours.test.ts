import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { hexOf, loadColourTable } from './colours.js';
import { emptyFolder } from '../../testing/support.js';

const folder = emptyFolder();

function table(text: string) {
  const file = join(folder, 'colours.yaml');
  writeFileSync(file, text);
  return () => loadColourTable(file);
}

describe('a colour table', () => {
  it('gives each colour its CMYK operands, exactly (whole percent over 100)', () => {
    const colours = table("colours:\n  a: { rgb: '#A8322D', cmyk: [0, 93, 83, 36] }\n  b: { rgb: '#000000', cmyk: [5, 50, 100, 7] }\n")();
    expect(colours.get('#a8322d')).toBe('0 .93 .83 .36');
    expect(colours.get('#000000')).toBe('.05 .5 1 .07');
  });

  it('names the file and the key of a mistake', () => {
    expect(table("colours:\n  ink: { rgb: '#1d2330', cmyk: [0, 0, 0, 120] }\n")).toThrow(InputError);
    expect(table("colours:\n  ink: { rgb: '#1d2330', cmyk: [0, 0, 0, 120] }\n")).toThrow(/colours\.yaml: colours\.ink\.cmyk\.3 must be <= 100/);
    expect(table("colours:\n  ink: { rgb: 'black', cmyk: [0, 0, 0, 100] }\n")).toThrow(/colours\.ink\.rgb must match pattern/);
    expect(table("colours:\n  a: { rgb: '#000000', cmyk: [0, 0, 0, 100] }\n  b: { rgb: '#000000', cmyk: [0, 0, 0, 90] }\n")).toThrow(/colours\.b: #000000 is declared twice/);
    expect(table('colours: [')).toThrow(/colours\.yaml: /);
  });
});

describe('hexOf', () => {
  it('reads Chromium\'s four-decimal components back to the stylesheet\'s hex', () => {
    expect(hexOf(['.6588', '.1961', '.1765'])).toBe('#a8322d');
    expect(hexOf(['1', '0', '.0039'])).toBe('#ff0001');
  });
});

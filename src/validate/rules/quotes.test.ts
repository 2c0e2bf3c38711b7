import { describe, expect, it } from 'vitest';
import { placeOf, proseMessages } from '../../testing/prose.js';
import { azerbaijan2021, replaceOnce } from '../../testing/support.js';

const typographic = { style: { quotes: 'typographic' as const } };

describe('quotes rule', () => {
  it("accepts straight quotes by default: the printer's business (style/en.yaml: quotes: any)", () => {
    expect(proseMessages('quotes', azerbaijan2021)).toEqual([]);
  });

  it('where typographic quotes are asked for, finds the straight ones of the published text', () => {
    expect(proseMessages('quotes', azerbaijan2021, typographic)).toEqual([
      expect.objectContaining({ ...placeOf(azerbaijan2021, "'envelope"), severity: 'warning', message: "straight quotation mark ' where the house style writes ‘" }),
      expect.objectContaining({ ...placeOf(azerbaijan2021, "', as they"), message: "straight quotation mark ' where the house style writes ’" }),
    ]);
    const curly = replaceOnce(azerbaijan2021, "'envelope salaries'", '‘envelope salaries’');
    expect(proseMessages('quotes', curly, typographic)).toEqual([]);
  });

  it('checks apostrophes too when the house style says so', () => {
    const curly = replaceOnce(azerbaijan2021, "'envelope salaries'", '‘envelope salaries’');
    const messages = proseMessages('quotes', curly, { style: { quotes: 'typographic', apostrophes: true } });
    expect(messages[0]).toEqual(expect.objectContaining({ ...placeOf(curly, "'s southern border", 0), message: "straight apostrophe ' where the house style writes ’" }));
    expect(messages.length).toBe((curly.match(/\w'\w/g) ?? []).length);
  });
});

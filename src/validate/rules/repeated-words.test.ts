import { describe, expect, it } from 'vitest';
import { placeOf, proseMessages } from '../../testing/prose.js';
import { azerbaijan2021, replaceOnce } from '../../testing/support.js';

describe('repeated-words rule', () => {
  it('passes the published narrative', () => {
    expect(proseMessages('repeated-words', azerbaijan2021)).toEqual([]);
  });

  it('finds a word written twice at the first of the two', () => {
    const text = replaceOnce(azerbaijan2021, 'sold as counterfeit Russian caviar', 'sold as as counterfeit Russian caviar');
    expect(proseMessages('repeated-words', text)).toEqual([
      expect.objectContaining({ ...placeOf(text, 'as as counterfeit'), severity: 'warning', message: "'as' twice in a row; write it once" }),
    ]);
  });

  it('is off when the house style says so', () => {
    const text = replaceOnce(azerbaijan2021, 'sold as counterfeit', 'sold as as counterfeit');
    expect(proseMessages('repeated-words', text, { style: { 'repeated-words': false } })).toEqual([]);
  });
});

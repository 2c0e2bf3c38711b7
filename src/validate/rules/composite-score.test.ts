import { describe, expect, it } from 'vitest';
import { azerbaijan2021, checkOne, lineOf, replaceOnce } from '../../testing/support.js';

describe('composite-score rule', () => {
  it('names the stated and the expected group mean', () => {
    const text = replaceOnce(azerbaijan2021, 'score: 4.15', 'score: 4.16');
    expect(checkOne(text)).toEqual([
      expect.objectContaining({ ruleId: 'composite-score', line: lineOf(text, 'score: 4.16'), column: 12, message: 'criminality.criminal_markets.score is 4.16; the mean of its 10 indicators is 4.15' }),
    ]);
  });

  it('checks criminality against the unrounded group means, rounded half up', () => {
    // Azerbaijan: markets 4.15, actors 6.00, criminality (4.15 + 6) / 2 = 5.075 -> 5.08 (binary floats give 5.07).
    const text = replaceOnce(azerbaijan2021, 'score: 5.08', 'score: 5.07');
    expect(checkOne(text)).toEqual([
      expect.objectContaining({ ruleId: 'composite-score', line: lineOf(text, 'score: 5.07'), message: 'criminality.score is 5.07; the mean of the unrounded criminal markets and criminal actors means is 5.08' }),
    ]);
  });

  it('follows an indicator change to every composite it feeds', () => {
    const text = replaceOnce(azerbaijan2021, 'prevention: 5.0', 'prevention: 9.5');
    expect(checkOne(text).map((m) => m.message)).toEqual(['resilience.score is 4.08; the mean of its 12 indicators is 4.46']);
  });

  it('checks two decimals exactly, where the schema allows for binary floating point', () => {
    const text = replaceOnce(azerbaijan2021, 'score: 6.00', 'score: 5.999999999999999');
    expect(checkOne(text).map((m) => [m.ruleId, m.line, m.message])).toEqual([
      ['composite-score', lineOf(text, '5.999999999999999'), 'criminality.criminal_actors.score is 5.999999999999999; composite scores have two decimals'],
    ]);
  });
});

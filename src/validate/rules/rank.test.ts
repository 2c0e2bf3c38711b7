import { describe, expect, it } from 'vitest';
import { azerbaijan2021, check, editionCorpus, lineOf, replaceOnce } from '../../testing/support.js';

const azerbaijan = 'content/goci-2021/azerbaijan.md';

describe('rank rule', () => {
  const corpus = editionCorpus('goci-2021');

  it('accepts the ranks of the whole 2021 corpus', () => {
    expect(check(corpus)).toEqual([]);
  });

  it('names the rank a score earns over the whole corpus', () => {
    const text = replaceOnce(azerbaijan2021, 'region: 3 }', 'region: 4 }');
    expect(check({ ...corpus, [azerbaijan]: text })).toEqual([
      expect.objectContaining({
        file: azerbaijan,
        line: lineOf(text, 'region: 4 }'),
        ruleId: 'rank',
        message: 'criminality.rank.region is 4; a criminality score of 5.08 ranks 3rd of 8 Central Asian and Caucasian countries',
      }),
    ]);
  });

  it('with countries missing, warns once and checks bounds, order and ties', () => {
    const subset = Object.fromEntries(Object.entries(corpus).filter(([path]) => /\/(a|b)[^/]*\.md$/.test(path)));
    const present = Object.keys(subset).length;
    const messages = check(subset);
    expect(messages).toEqual([
      expect.objectContaining({ severity: 'warning', ruleId: 'rank', file: 'content/goci-2021', line: 1, column: 1, message: `the corpus holds ${present} of the 193 countries of goci-2021; with ${193 - present} missing, ranks are checked only for consistency with the profiles present` }),
    ]);
    const tooHigh = replaceOnce(azerbaijan2021, 'global: 83', 'global: 2');
    const [bound] = check({ ...subset, [azerbaijan]: tooHigh }).filter((m) => m.severity === 'error');
    expect(bound?.message).toMatch(/^criminality\.rank\.global is 2; a criminality score of 5\.08 ranks from \d+ to \d+ of 193 countries, as \d+ of them are missing from the corpus$/);
  });

  it('ranks ties together (competition ranking)', () => {
    const text = replaceOnce(azerbaijan2021, 'global: 83', 'global: 84');
    const messages = check({ ...corpus, [azerbaijan]: text });
    expect(messages.map((m) => m.message)).toEqual(['criminality.rank.global is 84; a criminality score of 5.08 ranks 83rd of 193 countries']);
  });
});

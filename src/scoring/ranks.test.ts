import { describe, expect, it } from 'vitest';
import { competitionRanks, ranksByScope } from './ranks.js';

describe('competition ranks', () => {
  it('gives ties the best shared rank and skips the ranks they take ("1224")', () => {
    const scores = [5.5, 7, 7, 3, 7];
    const ranks = competitionRanks(scores.map((s, i) => ({ s, i })), (x) => x.s);
    expect([...ranks.entries()].sort((a, b) => a[0].i - b[0].i).map(([, r]) => r)).toEqual([4, 1, 1, 5, 1]);
  });

  it('ranks within continent and region separately', () => {
    const items = [
      { continent: 'Asia', region: 'A', score: 500 },
      { continent: 'Asia', region: 'B', score: 600 },
      { continent: 'Europe', region: 'C', score: 550 },
    ];
    const ranks = ranksByScope(items, (i) => i.score);
    expect(items.map((i) => ranks.get(i))).toEqual([
      { global: 3, continent: 2, region: 1 },
      { global: 1, continent: 1, region: 1 },
      { global: 2, continent: 1, region: 1 },
    ]);
  });
});

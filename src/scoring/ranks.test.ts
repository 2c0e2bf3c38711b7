import { describe, expect, it } from 'vitest';
import { editionCorpus, editions } from '../testing/support.js';
import { fieldAt } from '../profile/data.js';
import { validateSources } from '../validate/validate.js';
import { competitionRanks, placeOf, rankFields, ranksByScope } from './ranks.js';

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

describe('rankFields', () => {
  it("gives every profile of goci-2021 the ranks the index published, from its recomputed composites", () => {
    const { valid } = validateSources(
      Object.entries(editionCorpus('goci-2021')).map(([path, text]) => ({ path, bytes: Buffer.from(text) })),
      editions,
    );
    expect(valid).toHaveLength(193);
    const placed = valid.map((entry) => ({ entry, ...placeOf(entry.edition.countryByName.get(entry.data.country)!) }));
    const fields = rankFields(placed, (p, measure) => p.entry.composites[measure]);
    expect(fields).toHaveLength(193 * 6);
    const differing = fields.filter(({ item, path, rank }) => fieldAt(item.entry.data, path) !== rank);
    expect(differing).toEqual([]);
    const azerbaijan = fields.filter((f) => f.item.entry.data.country === 'Azerbaijan').map((f) => `${f.path.join('.')}=${f.rank}`);
    expect(azerbaijan).toEqual([
      'criminality.rank.global=83', 'criminality.rank.continent=26', 'criminality.rank.region=3',
      'resilience.rank.global=128', 'resilience.rank.continent=27', 'resilience.rank.region=5',
    ]);
  });
});

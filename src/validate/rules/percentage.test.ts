import { describe, expect, it } from 'vitest';
import { placeOf, proseMessages } from '../../testing/prose.js';
import { azerbaijan2021, replaceOnce } from '../../testing/support.js';

const planted = replaceOnce(azerbaijan2021, 'A significant domestic demand exists', 'Some 12% of users and 30 percent of dealers, 5 per cent of growers: a significant domestic demand exists');

describe('percentage rule', () => {
  it('passes the published narrative', () => {
    expect(proseMessages('percentage', azerbaijan2021)).toEqual([]);
  });

  it("finds '%' and 'percent' where the house writes 'per cent'", () => {
    expect(proseMessages('percentage', planted)).toEqual([
      expect.objectContaining({ ...placeOf(planted, '12%', 2), severity: 'warning', message: "'%'; the house style writes 'per cent'" }),
      expect.objectContaining({ ...placeOf(planted, 'percent of'), message: "'percent'; the house style writes 'per cent'" }),
    ]);
  });

  it("follows a house style that writes '%'", () => {
    expect(proseMessages('percentage', planted, { style: { percentage: '%' } }).map((m) => m.message)).toEqual([
      "'percent'; the house style writes '%'",
      "'per cent'; the house style writes '%'",
    ]);
  });
});

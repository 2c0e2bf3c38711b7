import { describe, expect, it } from 'vitest';
import { formatHalves, formatHundredths, hasDecimals, meanOfFractions, meanOfHalves, roundToHundredths } from './exact.js';
import { ordinal } from './ordinal.js';

describe('exact score arithmetic', () => {
  it('rounds half up from the exact value: (4.15 + 6.00) / 2 = 5.075 -> 5.08', () => {
    const markets = { num: 415, den: 100 };
    const actors = meanOfHalves([11, 11, 15, 11]); // 5.5, 5.5, 7.5, 5.5
    expect(roundToHundredths(meanOfFractions([markets, actors]))).toBe(508);
    // Bangladesh 2021: criminality is exactly 4.975, published 4.98; binary floating point says 4.97.
    expect(roundToHundredths({ num: 4975, den: 1000 })).toBe(498);
    expect(Math.round(4.975 * 100)).toBe(497);
  });

  it('formats hundredths and halves as the dataset writes them', () => {
    expect([formatHundredths(508), formatHundredths(600), formatHundredths(1000), formatHundredths(105)]).toEqual(['5.08', '6.00', '10.00', '1.05']);
    expect([formatHalves(9), formatHalves(6), formatHalves(20)]).toEqual(['4.5', '3.0', '10.0']);
  });

  it('tells a two-decimal double from a longer one', () => {
    expect([hasDecimals(4.15, 2), hasDecimals(5.075, 2), hasDecimals(6, 2), hasDecimals(0.1 + 0.2, 2)]).toEqual([true, false, true, false]);
  });

  it('writes ordinals the way rank lines print them', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 83, 101, 111, 112, 113, 193].map((n) => ordinal(n))).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '83rd', '101st', '111th', '112th', '113th', '193rd',
    ]);
  });
});

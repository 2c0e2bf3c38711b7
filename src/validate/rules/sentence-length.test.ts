import { describe, expect, it } from 'vitest';
import { placeOf, proseMessages } from '../../testing/prose.js';
import { azerbaijan2021, replaceOnce } from '../../testing/support.js';

/** The narrative with one sentence replaced by a sentence of `words` words. */
function withSentenceOf(words: number): string {
  return replaceOnce(azerbaijan2021, 'A significant domestic demand exists in Azerbaijan.', `Demand ${'demand '.repeat(words - 2)}end.`);
}

describe('sentence-length rule', () => {
  it('passes the published narrative', () => {
    expect(proseMessages('sentence-length', azerbaijan2021)).toEqual([]);
  });

  it("finds a sentence over the house style's limit (60 words) at its first word", () => {
    expect(proseMessages('sentence-length', withSentenceOf(60))).toEqual([]);
    const text = withSentenceOf(61);
    expect(proseMessages('sentence-length', text)).toEqual([
      expect.objectContaining({ ...placeOf(text, 'Demand demand'), severity: 'warning', message: 'sentence of 61 words; the house style allows 60: split it' }),
    ]);
  });

  it('uses a limit the project sets', () => {
    expect(proseMessages('sentence-length', withSentenceOf(45), { style: { 'sentence-length': 44 } }).map((m) => m.message)).toEqual([
      'sentence of 45 words; the house style allows 44: split it',
    ]);
  });
});

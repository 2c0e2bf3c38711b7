import { describe, expect, it } from 'vitest';
import { azerbaijan2021, check, lineOf } from '../../testing/support.js';

describe('unique-country rule', () => {
  it('reports the second profile of a country in the same edition', () => {
    const messages = check({ 'content/goci-2021/azerbaijan.md': azerbaijan2021, 'drafts/goci-2021/azerbaijan.md': azerbaijan2021 });
    expect(messages.filter((m) => m.ruleId === 'unique-country')).toEqual([
      expect.objectContaining({ file: 'drafts/goci-2021/azerbaijan.md', line: lineOf(azerbaijan2021, 'country:'), message: 'Azerbaijan already has a goci-2021 profile: content/goci-2021/azerbaijan.md' }),
    ]);
  });
});

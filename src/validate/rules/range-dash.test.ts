import { describe, expect, it } from 'vitest';
import { placeOf, proseMessages } from '../../testing/prose.js';
import { azerbaijan2021, replaceOnce } from '../../testing/support.js';

describe('range-dash rule', () => {
  it('passes the published narrative, whose range has its en dash (2019–2023)', () => {
    expect(azerbaijan2021).toContain('2019–2023');
    expect(proseMessages('range-dash', azerbaijan2021)).toEqual([]);
  });

  it('finds a range written with a hyphen at the hyphen, not hyphenated words', () => {
    const text = replaceOnce(azerbaijan2021, '2019–2023', '2019-2023');
    expect(proseMessages('range-dash', text)).toEqual([
      expect.objectContaining({ ...placeOf(text, '-2023'), severity: 'warning', message: "range '2019-2023' with a hyphen; write it with an en dash: '2019–2023'" }),
    ]);
    expect(text).toContain('anti-money laundering');
  });
});

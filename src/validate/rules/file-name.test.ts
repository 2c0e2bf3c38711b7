import { describe, expect, it } from 'vitest';
import { azerbaijan2021, checkOne, lineOf } from '../../testing/support.js';

describe('file-name rule', () => {
  it('warns when a profile is not at <edition>/<slug>.md', () => {
    expect(checkOne(azerbaijan2021, 'content/goci-2023/azerbaijan.md')).toEqual([
      expect.objectContaining({
        file: 'content/goci-2023/azerbaijan.md',
        line: lineOf(azerbaijan2021, 'country:'),
        severity: 'warning',
        ruleId: 'file-name',
        message: 'the profile of Azerbaijan in goci-2021 belongs at goci-2021/azerbaijan.md, not goci-2023/azerbaijan.md',
      }),
    ]);
    expect(checkOne(azerbaijan2021, 'elsewhere/goci-2021/azerbaijan.md')).toEqual([]);
  });
});

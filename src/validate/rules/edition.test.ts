import { describe, expect, it } from 'vitest';
import { azerbaijan2021, checkOne, editionIds, lineOf, replaceOnce } from '../../testing/support.js';

describe('edition rule', () => {
  it('names the unknown edition and the known ones, and stops there', () => {
    const text = replaceOnce(azerbaijan2021, 'edition: goci-2021', 'edition: goci-2022');
    expect(checkOne(text)).toEqual([
      {
        file: 'content/goci-2021/azerbaijan.md',
        line: lineOf(text, 'goci-2022'),
        column: 10,
        severity: 'error',
        ruleId: 'edition',
        message: `edition is "goci-2022"; expected one of ${editionIds}`,
      },
    ]);
  });

  it('reports a missing edition at the top of the front-matter', () => {
    const [message] = checkOne(replaceOnce(azerbaijan2021, 'edition: goci-2021\n', ''));
    expect(message).toMatchObject({ line: 2, ruleId: 'edition', message: `missing field edition; expected one of ${editionIds}` });
  });
});

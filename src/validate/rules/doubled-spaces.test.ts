import { describe, expect, it } from 'vitest';
import { placeOf, proseMessages } from '../../testing/prose.js';
import { azerbaijan2021, replaceOnce } from '../../testing/support.js';

describe('doubled-spaces rule', () => {
  it('passes the published narrative', () => {
    expect(proseMessages('doubled-spaces', azerbaijan2021)).toEqual([]);
  });

  it('finds two spaces between sentences and three between words, but not a Markdown line break', () => {
    let text = replaceOnce(azerbaijan2021, 'are involved. Azerbaijan hosts', 'are involved.  Azerbaijan hosts');
    text = replaceOnce(text, 'large illicit caviar', 'large   illicit caviar');
    text = replaceOnce(text, 'Flora crimes are, for', 'Flora crimes are,  \nfor');
    expect(proseMessages('doubled-spaces', text)).toEqual([
      expect.objectContaining({ ...placeOf(text, '  Azerbaijan hosts'), severity: 'warning', message: '2 spaces in a row; one is enough' }),
      expect.objectContaining({ ...placeOf(text, '   illicit'), message: '3 spaces in a row; one is enough' }),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { placeOf, proseMessages } from '../../testing/prose.js';
import { azerbaijan2021, replaceOnce } from '../../testing/support.js';

const spelling = (text: string, prose = {}) => proseMessages('spelling', text, prose);

describe('spelling rule', () => {
  it('passes the published Azerbaijan narrative once its names are in content/.dictionary', () => {
    expect(spelling(azerbaijan2021)).toEqual([]);
  });

  it('without the word list, reports exactly the names, with suggestions', () => {
    const unknown = spelling(azerbaijan2021, { words: [] }).map((m) => /'([^']+)'/.exec(m.message)?.[1]);
    expect(new Set(unknown)).toEqual(new Set(['Nagorno-Karabakh', 'Ilham', 'Aliyev', 'Cigánska', 'Goychay']));
    const first = spelling(azerbaijan2021, { words: [] }).find((m) => m.message.includes('Aliyev'));
    expect(first?.message).toMatch(/^unknown word 'Aliyev'; did you mean '[^']+', '[^']+' or '[^']+'\?/);
  });

  it('finds a planted misspelling at its line and column, with up to three suggestions', () => {
    const text = replaceOnce(azerbaijan2021, 'the disputed Nagorno-Karabakh region', 'the disputed Nagorno-Karabakh regoin');
    expect(spelling(text)).toEqual([
      expect.objectContaining({ ...placeOf(text, 'regoin'), severity: 'warning', ruleId: 'spelling', message: expect.stringMatching(/^unknown word 'regoin'; did you mean .*'region'/) }),
    ]);
  });

  it("spells the house's way: -ize with British -our, -re and -ence", () => {
    const text = replaceOnce(azerbaijan2021, 'Notably, mostly locals', 'Notably, organised labor centers, mostly locals');
    expect(spelling(text).map((m) => m.message)).toEqual([
      "'organised' is spelled 'organized' in the house style",
      "'labor' is spelled 'labour' in the house style",
      "'centers' is spelled 'centres' in the house style",
    ]);
    const house = replaceOnce(azerbaijan2021, 'Notably, mostly locals', 'Notably, organized labour centres and offences, mostly locals');
    expect(spelling(house)).toEqual([]);
  });

  it("takes place names and adjectives from the edition, and words from the config's list", () => {
    const text = replaceOnce(azerbaijan2021, 'Notably, mostly locals', 'Notably, Caucasian and Comoros smugglers and Lenkoran locals');
    expect(spelling(text).map((m) => m.message)).toEqual([expect.stringMatching(/^unknown word 'Lenkoran'/)]);
    expect(spelling(text, { words: ['Aliyev', 'Cigánska', 'Goychay', 'Ilham', 'Karabakh', 'Nagorno', 'Lenkoran'] })).toEqual([]);
  });

  it('is an error in a final profile when the project asks, a warning before', () => {
    const text = replaceOnce(azerbaijan2021, 'region was a source', 'regoin was a source');
    expect(spelling(text, { atFinal: 'error' })).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(spelling(replaceOnce(text, 'status: final', 'status: review'), { atFinal: 'error' })).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('checks and names a word without the full stop the parser leaves on it before a lower-case word (issue 21)', () => {
    expect(proseMessages('spelling', replaceOnce(azerbaijan2021, 'large illicit caviar', 'for human. trafficking'))).toEqual([]);
    expect(proseMessages('spelling', replaceOnce(azerbaijan2021, 'large illicit caviar', 'for humann. trafficking')).map((m) => m.message)).toEqual([
      "unknown word 'humann'; did you mean 'human', 'humane' or 'humans'? (add names to the content folder's .dictionary)",
    ]);
  });
});

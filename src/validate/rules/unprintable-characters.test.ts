import { describe, expect, it } from 'vitest';
import { azerbaijan2021, checkOne, lineOf, replaceOnce } from '../../testing/support.js';
import { placeOf } from '../../testing/prose.js';
import { unprintableCharacters } from './unprintable-characters.js';

const messagesOf = (text: string) => checkOne(text).filter((m) => m.ruleId === 'unprintable-characters');

describe('unprintable-characters rule', () => {
  it('passes the published profile', () => {
    expect(messagesOf(azerbaijan2021)).toEqual([]);
  });

  it('finds a right-to-left override in the narrative at its place, an error in a final profile, a warning in a draft', () => {
    const text = replaceOnce(azerbaijan2021, 'large illicit caviar', 'large \u202Eillicit caviar');
    expect(messagesOf(text)).toEqual([
      expect.objectContaining({ ...placeOf(text, '\u202E'), severity: 'error', message: 'U+202E RIGHT-TO-LEFT OVERRIDE reorders the text in print (it would read backwards); remove it' }),
    ]);
    expect(messagesOf(replaceOnce(text, 'status: final', 'status: draft'))).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('finds NUL, ESC and a lone surrogate written as YAML escapes, at the value', () => {
    const text = azerbaijan2021.replace(/^funding: >-\n(?: {2}.*\n)+/m, 'funding: "Funded\\0 by \\e[31mus \\uD800"\n');
    expect(messagesOf(text).map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([
      `${lineOf(text, 'funding:')}:10 U+0000 is a control character and prints as garbage; remove it`,
      `${lineOf(text, 'funding:')}:10 U+001B is a control character and prints as garbage; remove it`,
      `${lineOf(text, 'funding:')}:10 U+D800 is half of a character (a lone surrogate) and prints as garbage; write the whole character`,
    ]);
  });

  it('finds a zero-width space written as a Markdown entity, at its text', () => {
    const text = replaceOnce(azerbaijan2021, 'large illicit caviar', 'large&#x200B;illicit caviar');
    expect(messagesOf(text)).toEqual([expect.objectContaining({ message: expect.stringMatching(/^U\+200B is an invisible character/) })]);
  });

  it('tells each class apart, and leaves a surrogate pair (an emoji) alone', () => {
    expect(unprintableCharacters('a\u200Fb\u0085c\u2028\u{1F600}\uDC00').map((f) => [f.index, f.character.codePointAt(0)?.toString(16)])).toEqual([
      [1, '200f'],
      [3, '85'],
      [5, '2028'],
      [8, 'dc00'],
    ]);
  });
});

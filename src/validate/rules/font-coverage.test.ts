import { describe, expect, it } from 'vitest';
import { azerbaijan2021, checkOne, editions, replaceOnce } from '../../testing/support.js';
import { placeOf } from '../../testing/prose.js';
import { missingGlyphs } from './font-coverage.js';

const messagesOf = (text: string) => checkOne(text).filter((m) => m.ruleId === 'font-coverage');

describe('font-coverage rule', () => {
  it('passes the published profile', () => {
    expect(messagesOf(azerbaijan2021)).toEqual([]);
  });

  it('reports an emoji and a CJK character at their places, errors in a final profile', () => {
    const text = replaceOnce(azerbaijan2021, 'large illicit caviar', 'large \u{1F41F} illicit 鱼子酱 caviar');
    expect(messagesOf(text).map((m) => [m.line, m.column, m.severity, m.message.split(' is ')[0]])).toEqual([
      [placeOf(text, '\u{1F41F}').line, placeOf(text, '\u{1F41F}').column, 'error', "U+1F41F '\u{1F41F}'"],
      [placeOf(text, '鱼').line, placeOf(text, '鱼').column, 'error', "U+9C7C '鱼'"],
      [placeOf(text, '子').line, placeOf(text, '子').column, 'error', "U+5B50 '子'"],
      [placeOf(text, '酱').line, placeOf(text, '酱').column, 'error', "U+9171 '酱'"],
    ]);
  });

  it('covers every country name of every edition, in NFC and in NFD, and the letters and quotes of the languages shipped', () => {
    const names = [...editions.values()].flatMap((edition) => edition.countries.map((country) => country.name));
    expect(names.length).toBeGreaterThan(193);
    expect(names.filter((name) => missingGlyphs(name).length > 0)).toEqual([]);
    expect(names.filter((name) => missingGlyphs(name.normalize('NFD')).length > 0)).toEqual([]);
    // French, Spanish and German (languages/): accents, ligatures, guillemets, quotes, dashes.
    expect(missingGlyphs('àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ « » ‹ › „ “ ” ‘ ’ – — … ¿¡ñÑáíóúÁÍÓÚäöüßÄÖÜ €')).toEqual([]);
  });
});

import { termbaseOf } from '../language/termbase.js';

/**
 * 1 -> "1st", 2 -> "2nd", 21 -> "21st", 111 -> "111th" in English; in another language by its
 * termbase's ordinal wording (languages/<lang>/terms.yaml) and its ordinal plural rules.
 */
export function ordinal(n: number, lang = 'en'): string {
  const wording = termbaseOf(lang)?.terms.wording.ordinal;
  if (!wording) throw new Error(`no termbase for '${lang}': cannot write ordinals`);
  const category = new Intl.PluralRules(lang, { type: 'ordinal' }).select(n);
  return (wording[category] ?? wording.other).replace('{n}', String(n));
}

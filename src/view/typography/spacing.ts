import type { LanguageStyle } from './language.js';

const narrow = '\u202F';
/** Before ; ! ? and a closing guillemet; after an opening one; before a colon that ends a clause (not 10:30, not https:). */
const beforeMark = /[ \u00A0\u202F]*([;!?»])/g;
const afterGuillemet = /«[ \u00A0\u202F]*/g;
const beforeColon = /[ \u00A0\u202F]*:(?=\s|$)/g;

/**
 * French spacing (a language style's `narrow_spaces`): a narrow no-break space before ; : ! ? and
 * inside « », whether the author typed a space, a no-break space or none. Text of other languages
 * is left as it is.
 */
export function spaceMarks(text: string, style: LanguageStyle | null): string {
  if (!style?.narrow_spaces) return text;
  return text
    .replace(afterGuillemet, `«${narrow}`)
    .replace(beforeMark, (whole, mark: string, offset: number) => (offset === 0 && whole === mark ? mark : `${narrow}${mark}`))
    .replace(beforeColon, (whole, offset: number) => (offset === 0 && whole === ':' ? ':' : `${narrow}:`));
}

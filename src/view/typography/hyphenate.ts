import { patternHyphenator, type LanguageStyle } from './language.js';

export const softHyphen = '\u00AD';

/** Letters of one word; apostrophes, digits and hyphens end it ("cross-border" is two words). */
const word = /[\p{L}\p{M}]+/gu;
/** A word touching these is part of a number, an address or a code, and is left whole. */
const codeNeighbour = /[\p{N}_/@.:\\]/u;

type WordHyphenator = (word: string) => string;
const hyphenators = new WeakMap<LanguageStyle, WordHyphenator>();

function hyphenatorFor(style: LanguageStyle): WordHyphenator | null {
  const settings = style.hyphenation;
  if (!settings) return null;
  let hyphenator = hyphenators.get(style);
  if (!hyphenator) {
    const split = patternHyphenator(settings.patterns);
    const done = new Map<string, string>();
    hyphenator = (w: string): string => {
      let result = done.get(w);
      if (result === undefined) {
        // The patterns may break closer to the ends than the style allows: keep only breaks that
        // leave min_left letters before and min_right after.
        const fragments = split(w, { hyphenChar: softHyphen, minWordLength: settings.min_word_length }).split(softHyphen);
        let before = 0;
        result = fragments
          .map((fragment, index) => {
            before += fragment.length;
            const breakAfter = index < fragments.length - 1 && before >= settings.min_left && w.length - before >= settings.min_right;
            return breakAfter ? fragment + softHyphen : fragment;
          })
          .join('');
        done.set(w, result);
      }
      return result;
    };
    hyphenators.set(style, hyphenator);
  }
  return hyphenator;
}

/**
 * Soft hyphens at the break points of the language's patterns, in lower-case words of at least
 * min_word_length letters: capitalised words (names, acronyms, sentence starts) and words inside
 * numbers or addresses stay whole. The same text always gets the same hyphens.
 */
export function hyphenateText(text: string, style: LanguageStyle | null): string {
  const hyphenate = style ? hyphenatorFor(style) : null;
  if (!hyphenate || !style?.hyphenation) return text;
  const { min_word_length: minLength } = style.hyphenation;
  return text.replace(word, (match: string, offset: number) => {
    if (match.length < minLength || match[0] !== match[0]?.toLowerCase()) return match;
    const touching = (text[offset - 1] ?? '') + (text[offset + match.length] ?? '');
    return codeNeighbour.test(touching) ? match : hyphenate(match);
  });
}

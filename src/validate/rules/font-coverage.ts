import { characterRule, codeOf, type CharacterFinding } from '../characters.js';
import { printableCharacters } from '../font-coverage.js';
import { unprintableCharacters } from './unprintable-characters.js';

const isMark = /^\p{M}$/u;
const layout = new Set(['\n', '\r', '\t']);

/**
 * The characters of a string that the bundled fonts lack: the print would take them from the
 * machine's fonts, or show an empty box. A combining mark counts as shown when its letter and it
 * compose into a character the fonts have (NFD text prints as NFC would). Unprintable characters
 * are unprintable-characters' to report.
 */
export function missingGlyphs(text: string): CharacterFinding[] {
  const fonts = printableCharacters();
  const unprintable = new Set(unprintableCharacters(text).map((found) => found.index));
  const found: CharacterFinding[] = [];
  let index = 0;
  let previous = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const composed = isMark.test(character) && [...`${previous}${character}`.normalize('NFC')].length === 1 ? `${previous}${character}`.normalize('NFC') : undefined;
    const shown = fonts.has(code) || (composed !== undefined && fonts.has(composed.codePointAt(0) ?? 0)) || layout.has(character) || unprintable.has(index);
    if (!shown) found.push({ index, character, reason: `${codeOf(character)} '${character}' is not in the bundled fonts: the print cannot show it (the browser has no other fonts, and a box without its character fails the preflight, so the profile is not printed); write it otherwise or leave it out` });
    previous = character;
    index += character.length;
  }
  return found;
}

export const fontCoverageRule = characterRule('font-coverage', 'Every character of the front-matter strings and the narrative is in the bundled fonts (errors at final).', missingGlyphs);

import { characterRule, codeOf, type CharacterFinding } from '../characters.js';
import { unprintableSource } from '../../text/unprintable.js';

/** Characters that reorder text in print: bidirectional embeddings, overrides, isolates and marks. */
const bidirectional: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

const unprintable = new RegExp(unprintableSource, 'g');
/** Tab and line ends are layout in a front-matter block scalar or the narrative. */
const layout = new Set(['\t', '\n', '\r']);

function describe(character: string): string {
  const code = character.charCodeAt(0);
  const name = bidirectional[code];
  if (name) return `${codeOf(character)} ${name} reorders the text in print (it would read backwards); remove it`;
  if (code >= 0xd800 && code <= 0xdfff) return `${codeOf(character)} is half of a character (a lone surrogate) and prints as garbage; write the whole character`;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `${codeOf(character)} is a control character and prints as garbage; remove it`;
  return `${codeOf(character)} is an invisible character: it prints as nothing, or changes how words break; remove it`;
}

/** The unprintable characters of a string, each with why. */
export function unprintableCharacters(text: string): CharacterFinding[] {
  return [...text.matchAll(unprintable)].filter((match) => !layout.has(match[0])).map((match) => ({ index: match.index, character: match[0], reason: describe(match[0]) }));
}

export const unprintableCharactersRule = characterRule(
  'unprintable-characters',
  'Front-matter strings and the narrative hold no control, bidirectional or invisible characters and no lone surrogates (errors at final).',
  unprintableCharacters,
);

import type { Root as NlcstRoot } from 'nlcst';
import retextLatin from 'retext-latin';
import retextSmartypants from 'retext-smartypants';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { LanguageStyle } from './language.js';
import { spaceMarks } from './spacing.js';

const processors = new WeakMap<LanguageStyle, Processor<NlcstRoot, NlcstRoot, NlcstRoot>>();

function processorFor(style: LanguageStyle): Processor<NlcstRoot, NlcstRoot, NlcstRoot> {
  let processor = processors.get(style);
  if (!processor) {
    const [openDouble, closeDouble] = style.quotes.double;
    const [openSingle, closeSingle] = style.quotes.single;
    processor = unified()
      .use(retextLatin)
      .use(retextSmartypants, {
        dashes: style.dashes,
        openingQuotes: { double: openDouble, single: openSingle },
        closingQuotes: { double: closeDouble, single: closeSingle },
      }) as unknown as Processor<NlcstRoot, NlcstRoot, NlcstRoot>;
    processors.set(style, processor);
  }
  return processor;
}

/**
 * What each character of a text becomes under retext-smartypants, decided over the whole text: a
 * changed token's value goes on its first character, and characters of tokens the plugin merged
 * away ("--" into one dash) become nothing.
 */
export function smartenChars(text: string, style: LanguageStyle): string[] {
  const processor = processorFor(style);
  const tree = processor.runSync(processor.parse(text));
  const output: string[] = Array.from({ length: text.length }, () => '');
  visit(tree, (node) => {
    if (!('value' in node) || typeof node.value !== 'string' || !node.position) return;
    const start = node.position.start.offset ?? 0;
    const end = node.position.end.offset ?? start;
    if (end > start) output[start] = node.value;
  });
  return output;
}

/** What smartypants changes: quotes, backticks, runs of dashes and of dots. */
const candidate = /["'`]|-{2,}|\.{3}|\. \. \./g;

/**
 * Smartypants decides each mark from its neighbours (the word or space before and after it), so it
 * runs on windows of a few words around each mark rather than on the whole paragraph: the same
 * result (tested on every bundled profile) at a fraction of the parsing.
 */
function smartenWindows(text: string, style: LanguageStyle): string[] {
  const output = Array.from(text);
  if (output.length !== text.length) return smartenChars(text, style); // astral characters: no shortcut
  const windows: [number, number][] = [];
  for (const match of text.matchAll(candidate)) {
    const at = match.index ?? 0;
    // Two words back and two words on, at white space.
    let start = at;
    for (let words = 0; start > 0 && words < 3; ) if (/\s/.test(text[--start] ?? '') && !/\s/.test(text[start + 1] ?? ' ')) words++;
    let end = at + match[0].length;
    for (let words = 0; end < text.length && words < 3; end++) if (/\s/.test(text[end] ?? '') && !/\s/.test(text[end - 1] ?? ' ')) words++;
    const last = windows.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  for (const [start, end] of windows) smartenChars(text.slice(start, end), style).forEach((value, i) => (output[start + i] = value));
  return output;
}

/**
 * Typographic quotes, apostrophes, dashes and ellipses (retext-smartypants) in a run of text that
 * arrives in pieces, such as the text nodes of one paragraph around its emphasis: the quotes are
 * decided over the whole run ("*envelope salaries*" opens before the emphasis and closes after it),
 * and the pieces come back as many as they went in, each with its own characters.
 */
export function smartenPieces(pieces: readonly string[], style: LanguageStyle): string[] {
  const text = pieces.join('');
  if (!candidate.test(text)) return [...pieces];
  candidate.lastIndex = 0;
  const output = smartenWindows(text, style);
  // An apostrophe inside a word is always ’, whatever closes a single quote in the language (› in French).
  for (const match of text.matchAll(/(?<=\p{L})'(?=\p{L})/gu)) output[match.index ?? 0] = '\u2019';
  let offset = 0;
  return pieces.map((piece) => {
    const result = output.slice(offset, offset + piece.length).join('');
    offset += piece.length;
    return result;
  });
}

/** One string set as print: "Cote d'Ivoire" -> "Cote d’Ivoire". */
export function smartenText(text: string, style: LanguageStyle | null): string {
  return style ? spaceMarks(smartenPieces([text], style)[0] ?? text, style) : text;
}

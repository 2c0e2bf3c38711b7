import type { Root as NlcstRoot } from 'nlcst';
import retextLatin from 'retext-latin';
import retextSmartypants from 'retext-smartypants';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { LanguageStyle } from './language.js';

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
 * Typographic quotes, apostrophes, dashes and ellipses (retext-smartypants) in a run of text that
 * arrives in pieces, such as the text nodes of one paragraph around its emphasis: the quotes are
 * decided over the whole run ("*envelope salaries*" opens before the emphasis and closes after it),
 * and the pieces come back as many as they went in, each with its own characters.
 */
export function smartenPieces(pieces: readonly string[], style: LanguageStyle): string[] {
  const text = pieces.join('');
  if (!/["'`.-]/.test(text)) return [...pieces];
  const processor = processorFor(style);
  const tree = processor.runSync(processor.parse(text));
  // What each source character becomes: a changed token's value goes on its first character, and
  // characters of tokens the plugin merged away ("--" into one dash) become nothing.
  const output: string[] = Array.from({ length: text.length }, () => '');
  visit(tree, (node) => {
    if (!('value' in node) || typeof node.value !== 'string' || !node.position) return;
    const start = node.position.start.offset ?? 0;
    const end = node.position.end.offset ?? start;
    if (end > start) output[start] = node.value;
  });
  let offset = 0;
  return pieces.map((piece) => {
    const result = output.slice(offset, offset + piece.length).join('');
    offset += piece.length;
    return result;
  });
}

/** One string set as print: "Cote d'Ivoire" -> "Cote d’Ivoire". */
export function smartenText(text: string, style: LanguageStyle | null): string {
  return style ? (smartenPieces([text], style)[0] ?? text) : text;
}

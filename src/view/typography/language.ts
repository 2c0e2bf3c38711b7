import { existsSync } from 'node:fs';
import { readInputSync } from '../../read/bounded.js';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { packagePath } from '../../package/paths.js';
import { compileSchema } from '../../package/schemas.js';

/** How one language's printed text is set: languages/<lang>.yaml, checked by schemas/language.schema.json. */
export interface LanguageStyle {
  quotes: { double: [string, string]; single: [string, string] };
  dashes: 'oldschool' | 'inverted' | boolean;
  hyphenation: false | { patterns: string; min_word_length: number; min_left: number; min_right: number };
  /** French spacing: a narrow no-break space before ; : ! ? and inside guillemets. */
  narrow_spaces?: boolean;
}

/** Splits a word at its pattern break points, marked with the given character. */
export type PatternHyphenator = (word: string, options: { hyphenChar: string; minWordLength: number }) => string;

const validStyle = compileSchema<LanguageStyle>('language.schema.json');
const require = createRequire(import.meta.url);
const styles = new Map<string, LanguageStyle | null>();

function readStyle(tag: string): LanguageStyle | null {
  const file = packagePath('languages', `${tag}.yaml`);
  if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(tag) || !existsSync(file)) return null;
  const style: unknown = parse(readInputSync(file, { shown: file, what: 'a language style' }).toString('utf8'));
  if (!validStyle(style)) throw new Error(`${file}: ${validStyle.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
  return style;
}

/**
 * The style of a language tag: the file of the whole tag (en-gb), else of its language (en); null
 * when the toolkit knows neither, and the text is then printed as written.
 */
export function languageStyle(lang: string): LanguageStyle | null {
  const tag = lang.toLowerCase();
  if (!styles.has(tag)) {
    const primary = tag.split('-')[0] ?? tag;
    styles.set(tag, readStyle(tag) ?? (primary === tag ? null : readStyle(primary)));
  }
  return styles.get(tag) ?? null;
}

/** The `hyphen` package's synchronous hyphenator for a pattern set ("en-us"). */
export function patternHyphenator(patterns: string): PatternHyphenator {
  return (require(`hyphen/${patterns}/index.js`) as { hyphenateSync: PatternHyphenator }).hyphenateSync;
}

import type { Rule } from '../rule.js';
import { compositeScoreRule } from './composite-score.js';
import { editionRule } from './edition.js';
import { fileNameRule } from './file-name.js';
import { geographyRule } from './geography.js';
import { narrativeOutlineRule } from './narrative-outline.js';
import { doubledSpacesRule } from './doubled-spaces.js';
import { percentageRule } from './percentage.js';
import { quotesRule } from './quotes.js';
import { rangeDashRule } from './range-dash.js';
import { repeatedWordsRule } from './repeated-words.js';
import { sentenceLengthRule } from './sentence-length.js';
import { spellingRule } from './spelling.js';
import { narrativeUnchangedRule } from './narrative-unchanged.js';
import { rankRule } from './rank.js';
import { schemaRule } from './schema.js';
import { termsRule } from './terms.js';
import { translationCurrentRule } from './translation-current.js';
import { translationRule } from './translation.js';
import { uniqueCountryRule } from './unique-country.js';
import { unprintableCharactersRule } from './unprintable-characters.js';
import { fontCoverageRule } from './font-coverage.js';
import { unrenderedMarkdownRule } from './unrendered-markdown.js';

/** Checks made while reading a file, before any rule module can run. */
export const parseChecks = [
  { id: 'file', description: 'The file is a readable regular file of at most 1 MB of UTF-8 text without control characters.' },
  { id: 'frontmatter', description: 'The file starts with YAML front-matter that parses to a mapping, without duplicate keys, at most 32 KB, whose aliases expand to at most 100 values.' },
  { id: 'markdown', description: 'The narrative stays within the limits the Markdown parser is given: nesting, emphasis and link delimiters per paragraph, markup in all.' },
] as const;

/** Every rule, in the order it runs. */
export const rules: Rule[] = [
  editionRule,
  schemaRule,
  geographyRule,
  fileNameRule,
  unprintableCharactersRule,
  fontCoverageRule,
  unrenderedMarkdownRule,
  compositeScoreRule,
  translationRule,
  translationCurrentRule,
  termsRule,
  narrativeOutlineRule,
  spellingRule,
  repeatedWordsRule,
  doubledSpacesRule,
  quotesRule,
  rangeDashRule,
  percentageRule,
  sentenceLengthRule,
  uniqueCountryRule,
  rankRule,
  narrativeUnchangedRule,
];
